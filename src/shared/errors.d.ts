export type ErrorCode = 'bad-input' | 'bad-args' | 'no-catalog' | 'catalog' | 'io' | 'cancelled' | 'refused' | 'internal';
export interface ApiError {
    code: ErrorCode;
    message: string;
    /** JSON path in the caller's input, where one is to blame. */
    path?: string;
    /** The work's key, where one is to blame. */
    work?: string;
    /** Further problems of the same input, when there were several. */
    details?: {
        path?: string;
        work?: string;
        message: string;
    }[];
}
/** A failure to report as an ApiError; anything else thrown is an internal error. */
export declare class BaosongError extends Error {
    readonly code: ErrorCode;
    readonly info: Omit<ApiError, 'code' | 'message'>;
    constructor(code: ErrorCode, message: string, info?: Omit<ApiError, 'code' | 'message'>);
    toApiError(): ApiError;
}
export declare class BatchError extends BaosongError {
    constructor(message: string, info?: Omit<ApiError, 'code' | 'message'>);
}
export declare class CatalogError extends BaosongError {
    constructor(message: string);
}
