import type { CategorySpec } from './profile.js';
export declare const categories: Record<string, CategorySpec>;
