// Errors that cross the API as data. The message is Chinese and meant for the user; code is for programs.
/** A failure to report as an ApiError; anything else thrown is an internal error. */
export class BaosongError extends Error {
    code;
    info;
    constructor(code, message, info = {}) {
        super(message);
        this.name = 'BaosongError';
        this.code = code;
        this.info = info;
    }
    toApiError() {
        return { code: this.code, message: this.message, ...this.info };
    }
}
export class BatchError extends BaosongError {
    constructor(message, info = {}) {
        super('bad-input', message, info);
        this.name = 'BatchError';
    }
}
export class CatalogError extends BaosongError {
    constructor(message) {
        super('catalog', message);
        this.name = 'CatalogError';
    }
}
