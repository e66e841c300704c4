// The catalog at the limits lives with the docs' previews (src/main/docs/limits.ts); the tests read the same one.
export * from '../../src/main/docs/limits.js';
