export const GROUPS = ['k12', 'higher'];
export const STAGES = ['kindergarten', 'special', 'primary', 'junior', 'senior', 'vocational', 'higher'];
export const UNIT_KINDS = ['city-major', 'city', 'institute', 'provincial', 'university'];
export const CATEGORIES = [
    'courseware',
    'microlecture',
    'teaching-case',
    'course-case',
    'management-case',
    'platform-case',
    'ai-case',
];
export const VARIANTS = ['region', 'school', 'teacher'];
export const WORK_ROLES = [
    'registration-scan',
    'recommendation-scan',
    'courseware',
    'demo-video',
    'design-doc',
    'materials',
    'lecture-video',
    'case-doc',
    'class-video',
    'space-ppt',
    'space-guide',
    'case-ppt',
    'case-video',
    'feature-video',
    'raw-video',
    'script',
    'board-main',
    'board-main-source',
    'board-extra',
    'support',
    'evidence',
];
export const UNIT_ROLES = ['unit-info-scan', 'summary-scan', 'cloud-scan', 'report-scan', 'report-doc'];
/** How a report names a work: its batch key, or `id:N` for a work made in the app. */
export function workLabel(work) {
    return work.key ?? `id:${work.id}`;
}
