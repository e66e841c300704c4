import type { CategoryId } from '../model.js';
export interface Indicator {
    name: string;
    points: string[];
}
export declare const indicators: Record<CategoryId, Indicator[]>;
