export declare const formTexts: {
    pledge: string;
    pledgeSign: string;
    dateLine: string;
    aiInstructions: string;
    aiSections: {
        key: string;
        heading: string;
        sub: string;
    }[];
    unitInfoNote: string;
    unitSeal: string;
    seal: string;
    summaryNotes: string[];
    cloudLinkHint: string;
    cloudNotes: string[];
    reportRequirements: string[];
    reportHeadings: string[];
};
