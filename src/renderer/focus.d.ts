import type { Finding } from '../shared/model.js';
import type { Profile } from '../shared/rules/profile.js';
/** The id (without the `field-` prefix) of the element to focus, or 'unit' for the 单位信息 screen. */
export declare function fieldOf(f: Finding, profile: Profile): string;
export declare const domId: (field: string) => string;
