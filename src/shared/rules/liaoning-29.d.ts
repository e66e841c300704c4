import type { Profile } from './profile.js';
export declare const liaoning29: Profile;
