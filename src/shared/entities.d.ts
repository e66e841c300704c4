import { z } from 'zod';
export declare const ROLE_IDS: readonly ["registration-scan", "recommendation-scan", "courseware", "demo-video", "design-doc", "materials", "lecture-video", "case-doc", "class-video", "space-ppt", "space-guide", "case-ppt", "case-video", "feature-video", "raw-video", "script", "board-main", "board-main-source", "board-extra", "support", "evidence", "unit-info-scan", "summary-scan", "cloud-scan", "report-scan", "report-doc"];
export declare const fileRefSchema: z.ZodObject<{
    id: z.ZodNumber;
    role: z.ZodEnum<{
        "registration-scan": "registration-scan";
        "recommendation-scan": "recommendation-scan";
        courseware: "courseware";
        "demo-video": "demo-video";
        "design-doc": "design-doc";
        materials: "materials";
        "lecture-video": "lecture-video";
        "case-doc": "case-doc";
        "class-video": "class-video";
        "space-ppt": "space-ppt";
        "space-guide": "space-guide";
        "case-ppt": "case-ppt";
        "case-video": "case-video";
        "feature-video": "feature-video";
        "raw-video": "raw-video";
        script: "script";
        "board-main": "board-main";
        "board-main-source": "board-main-source";
        "board-extra": "board-extra";
        support: "support";
        evidence: "evidence";
        "unit-info-scan": "unit-info-scan";
        "summary-scan": "summary-scan";
        "cloud-scan": "cloud-scan";
        "report-scan": "report-scan";
        "report-doc": "report-doc";
    }>;
    path: z.ZodString;
    absPath: z.ZodString;
    size: z.ZodNullable<z.ZodNumber>;
    mtimeMs: z.ZodNullable<z.ZodNumber>;
    origin: z.ZodNullable<z.ZodString>;
}, z.core.$strip>;
export declare const authorSchema: z.ZodObject<{
    personId: z.ZodNumber;
    name: z.ZodString;
    unit: z.ZodString;
    mobile: z.ZodString;
    email: z.ZodString;
    phone: z.ZodString;
}, z.core.$strip>;
/** A work's own values: what an edit may change (works.update) besides its authors and files. */
export declare const workValuesSchema: z.ZodObject<{
    category: z.ZodEnum<{
        courseware: "courseware";
        microlecture: "microlecture";
        "teaching-case": "teaching-case";
        "course-case": "course-case";
        "management-case": "management-case";
        "platform-case": "platform-case";
        "ai-case": "ai-case";
    }>;
    stage: z.ZodEnum<{
        kindergarten: "kindergarten";
        special: "special";
        primary: "primary";
        junior: "junior";
        senior: "senior";
        vocational: "vocational";
        higher: "higher";
    }>;
    variant: z.ZodNullable<z.ZodEnum<{
        region: "region";
        school: "school";
        teacher: "teacher";
    }>>;
    title: z.ZodString;
    subject: z.ZodString;
    grade: z.ZodString;
    share: z.ZodNullable<z.ZodBoolean>;
    comment: z.ZodString;
    space: z.ZodBoolean;
    fields: z.ZodRecord<z.ZodString, z.ZodString>;
    scenes: z.ZodArray<z.ZodString>;
    checklist: z.ZodRecord<z.ZodString, z.ZodBoolean>;
}, z.core.$strip>;
export declare const workSchema: z.ZodObject<{
    category: z.ZodEnum<{
        courseware: "courseware";
        microlecture: "microlecture";
        "teaching-case": "teaching-case";
        "course-case": "course-case";
        "management-case": "management-case";
        "platform-case": "platform-case";
        "ai-case": "ai-case";
    }>;
    stage: z.ZodEnum<{
        kindergarten: "kindergarten";
        special: "special";
        primary: "primary";
        junior: "junior";
        senior: "senior";
        vocational: "vocational";
        higher: "higher";
    }>;
    variant: z.ZodNullable<z.ZodEnum<{
        region: "region";
        school: "school";
        teacher: "teacher";
    }>>;
    title: z.ZodString;
    subject: z.ZodString;
    grade: z.ZodString;
    share: z.ZodNullable<z.ZodBoolean>;
    comment: z.ZodString;
    space: z.ZodBoolean;
    fields: z.ZodRecord<z.ZodString, z.ZodString>;
    scenes: z.ZodArray<z.ZodString>;
    checklist: z.ZodRecord<z.ZodString, z.ZodBoolean>;
    id: z.ZodNumber;
    key: z.ZodNullable<z.ZodString>;
    position: z.ZodNumber;
    authors: z.ZodArray<z.ZodObject<{
        personId: z.ZodNumber;
        name: z.ZodString;
        unit: z.ZodString;
        mobile: z.ZodString;
        email: z.ZodString;
        phone: z.ZodString;
    }, z.core.$strip>>;
    files: z.ZodArray<z.ZodObject<{
        id: z.ZodNumber;
        role: z.ZodEnum<{
            "registration-scan": "registration-scan";
            "recommendation-scan": "recommendation-scan";
            courseware: "courseware";
            "demo-video": "demo-video";
            "design-doc": "design-doc";
            materials: "materials";
            "lecture-video": "lecture-video";
            "case-doc": "case-doc";
            "class-video": "class-video";
            "space-ppt": "space-ppt";
            "space-guide": "space-guide";
            "case-ppt": "case-ppt";
            "case-video": "case-video";
            "feature-video": "feature-video";
            "raw-video": "raw-video";
            script: "script";
            "board-main": "board-main";
            "board-main-source": "board-main-source";
            "board-extra": "board-extra";
            support: "support";
            evidence: "evidence";
            "unit-info-scan": "unit-info-scan";
            "summary-scan": "summary-scan";
            "cloud-scan": "cloud-scan";
            "report-scan": "report-scan";
            "report-doc": "report-doc";
        }>;
        path: z.ZodString;
        absPath: z.ZodString;
        size: z.ZodNullable<z.ZodNumber>;
        mtimeMs: z.ZodNullable<z.ZodNumber>;
        origin: z.ZodNullable<z.ZodString>;
    }, z.core.$strip>>;
}, z.core.$strip>;
/** The unit's values, in the order the window and the CLI list them. name, kind and group are required. */
export declare const UNIT_VALUES: {
    name: z.ZodString;
    kind: z.ZodEnum<{
        "city-major": "city-major";
        city: "city";
        institute: "institute";
        provincial: "provincial";
        university: "university";
    }>;
    group: z.ZodEnum<{
        higher: "higher";
        k12: "k12";
    }>;
    city: z.ZodString;
    contact: z.ZodString;
    department: z.ZodString;
    title: z.ZodString;
    mobile: z.ZodString;
    phone: z.ZodString;
    qq: z.ZodString;
    email: z.ZodString;
    postcode: z.ZodString;
    address: z.ZodString;
    cloudLink: z.ZodString;
    cloudCode: z.ZodString;
};
export type UnitKey = keyof typeof UNIT_VALUES;
/** What the window and the CLI call each unit value. */
export declare const UNIT_LABELS: Record<UnitKey, string>;
export declare const unitValuesSchema: z.ZodObject<{
    name: z.ZodString;
    kind: z.ZodEnum<{
        "city-major": "city-major";
        city: "city";
        institute: "institute";
        provincial: "provincial";
        university: "university";
    }>;
    group: z.ZodEnum<{
        higher: "higher";
        k12: "k12";
    }>;
    city: z.ZodString;
    contact: z.ZodString;
    department: z.ZodString;
    title: z.ZodString;
    mobile: z.ZodString;
    phone: z.ZodString;
    qq: z.ZodString;
    email: z.ZodString;
    postcode: z.ZodString;
    address: z.ZodString;
    cloudLink: z.ZodString;
    cloudCode: z.ZodString;
}, z.core.$strip>;
export declare const unitSchema: z.ZodObject<{
    name: z.ZodString;
    kind: z.ZodEnum<{
        "city-major": "city-major";
        city: "city";
        institute: "institute";
        provincial: "provincial";
        university: "university";
    }>;
    group: z.ZodEnum<{
        higher: "higher";
        k12: "k12";
    }>;
    city: z.ZodString;
    contact: z.ZodString;
    department: z.ZodString;
    title: z.ZodString;
    mobile: z.ZodString;
    phone: z.ZodString;
    qq: z.ZodString;
    email: z.ZodString;
    postcode: z.ZodString;
    address: z.ZodString;
    cloudLink: z.ZodString;
    cloudCode: z.ZodString;
    edition: z.ZodString;
    files: z.ZodArray<z.ZodObject<{
        id: z.ZodNumber;
        role: z.ZodEnum<{
            "registration-scan": "registration-scan";
            "recommendation-scan": "recommendation-scan";
            courseware: "courseware";
            "demo-video": "demo-video";
            "design-doc": "design-doc";
            materials: "materials";
            "lecture-video": "lecture-video";
            "case-doc": "case-doc";
            "class-video": "class-video";
            "space-ppt": "space-ppt";
            "space-guide": "space-guide";
            "case-ppt": "case-ppt";
            "case-video": "case-video";
            "feature-video": "feature-video";
            "raw-video": "raw-video";
            script: "script";
            "board-main": "board-main";
            "board-main-source": "board-main-source";
            "board-extra": "board-extra";
            support: "support";
            evidence: "evidence";
            "unit-info-scan": "unit-info-scan";
            "summary-scan": "summary-scan";
            "cloud-scan": "cloud-scan";
            "report-scan": "report-scan";
            "report-doc": "report-doc";
        }>;
        path: z.ZodString;
        absPath: z.ZodString;
        size: z.ZodNullable<z.ZodNumber>;
        mtimeMs: z.ZodNullable<z.ZodNumber>;
        origin: z.ZodNullable<z.ZodString>;
    }, z.core.$strip>>;
}, z.core.$strip>;
export declare const UNIT_KEYS: UnitKey[];
/** The free-text values (every one but name, kind and group): empty by default, never required to store. */
export declare const UNIT_TEXT_KEYS: Exclude<UnitKey, "name" | "kind" | "group">[];
export type UnitTextKey = (typeof UNIT_TEXT_KEYS)[number];
/** The catalog's column of a unit value: snake_case (`cloudLink` → `cloud_link`); `group` is an SQL keyword. */
export declare function unitColumn(key: UnitKey | 'edition'): string;
/** The longest text an edit may store in one value (the API's boundary). */
export declare const EDIT_TEXT_MAX = 20000;
export declare const editText: z.ZodString;
/** unit.update's arguments: any of the unit's values. */
export declare const unitEditSchema: z.ZodObject<{
    name: z.ZodOptional<z.ZodString>;
    kind: z.ZodOptional<z.ZodEnum<{
        "city-major": "city-major";
        city: "city";
        institute: "institute";
        provincial: "provincial";
        university: "university";
    }>>;
    group: z.ZodOptional<z.ZodEnum<{
        higher: "higher";
        k12: "k12";
    }>>;
    city: z.ZodOptional<z.ZodString>;
    contact: z.ZodOptional<z.ZodString>;
    department: z.ZodOptional<z.ZodString>;
    title: z.ZodOptional<z.ZodString>;
    mobile: z.ZodOptional<z.ZodString>;
    phone: z.ZodOptional<z.ZodString>;
    qq: z.ZodOptional<z.ZodString>;
    email: z.ZodOptional<z.ZodString>;
    postcode: z.ZodOptional<z.ZodString>;
    address: z.ZodOptional<z.ZodString>;
    cloudLink: z.ZodOptional<z.ZodString>;
    cloudCode: z.ZodOptional<z.ZodString>;
}, z.core.$strict>;
/** works.update's patch: any of the work's own values, text bounded. */
export declare const workPatchSchema: z.ZodObject<{
    title: z.ZodOptional<z.ZodString>;
    subject: z.ZodOptional<z.ZodString>;
    grade: z.ZodOptional<z.ZodString>;
    comment: z.ZodOptional<z.ZodString>;
    fields: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodString>>;
    category: z.ZodOptional<z.ZodEnum<{
        courseware: "courseware";
        microlecture: "microlecture";
        "teaching-case": "teaching-case";
        "course-case": "course-case";
        "management-case": "management-case";
        "platform-case": "platform-case";
        "ai-case": "ai-case";
    }>>;
    stage: z.ZodOptional<z.ZodEnum<{
        kindergarten: "kindergarten";
        special: "special";
        primary: "primary";
        junior: "junior";
        senior: "senior";
        vocational: "vocational";
        higher: "higher";
    }>>;
    variant: z.ZodOptional<z.ZodNullable<z.ZodEnum<{
        region: "region";
        school: "school";
        teacher: "teacher";
    }>>>;
    share: z.ZodOptional<z.ZodNullable<z.ZodBoolean>>;
    space: z.ZodOptional<z.ZodBoolean>;
    scenes: z.ZodOptional<z.ZodArray<z.ZodString>>;
    checklist: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodBoolean>>;
}, z.core.$strict>;
export type WorkPatch = z.infer<typeof workPatchSchema>;
export declare const WORK_PATCH_KEYS: (keyof WorkPatch)[];
/** An author as the window and the API give one (the person is found by name and unit). */
export declare const authorInputSchema: z.ZodObject<{
    name: z.ZodString;
    unit: z.ZodString;
    mobile: z.ZodDefault<z.ZodString>;
    email: z.ZodDefault<z.ZodString>;
    phone: z.ZodDefault<z.ZodString>;
}, z.core.$strict>;
/** The batch file's unit object (CONTRACT.md): the text values may be null or absent. */
export declare function batchUnitShape<F extends z.ZodType>(files: F): {
    name: z.ZodString;
    kind: (typeof UNIT_VALUES)["kind"];
    group: (typeof UNIT_VALUES)["group"];
    files: F;
} & Record<UnitTextKey, z.ZodOptional<z.ZodNullable<z.ZodString>>>;
