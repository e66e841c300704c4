import type { Profile } from './profile.js';
/** The edition a new catalog gets. */
export declare const CURRENT_EDITION: string;
export declare function editions(): string[];
export declare function profileFor(edition: string): Profile | undefined;
/** The profile of an edition a catalog names; an edition this version does not know is said plainly. */
export declare function requireProfile(edition: string | null | undefined): Profile;
/** Adds an edition (a test's own, or one loaded at run time). The edition id must be new. */
export declare function registerProfile(profile: Profile): void;
