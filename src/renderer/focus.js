const BY_PREFIX = [
    [/^(authors|contact)\./, 'authors'],
    [/^title\./, 'title'],
    [/^category\./, 'stage'],
    [/^work\.variant$/, 'variant'],
    [/^work\.grade/, 'grade'],
    [/^work\.subject$/, 'subject'],
    [/^comment\./, 'comment'],
    [/^(platform|ai)\.scenes$/, 'scenes'],
    [/^share\./, 'share'],
    [/^checklist\./, 'checklist'],
];
/** The id (without the `field-` prefix) of the element to focus, or 'unit' for the 单位信息 screen. */
export function fieldOf(f, profile) {
    if (!f.work)
        return 'unit';
    if (f.rule === 'field.length') {
        const key = Object.values(profile.categories)
            .flatMap((c) => c.fields.map((x) => x.key))
            .find((k) => f.message.includes(k));
        if (key)
            return `field:${key}`;
    }
    for (const [re, id] of BY_PREFIX)
        if (re.test(f.rule))
            return id;
    if (f.file)
        return `file:${f.file}`;
    return 'files';
}
export const domId = (field) => `field-${field.replace(/[^\w\u4e00-\u9fff-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}`;
