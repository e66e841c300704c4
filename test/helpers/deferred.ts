// A promise the test settles itself: ordering by events, never by sleeping (a busy machine stretches any sleep).
export interface Deferred<T = void> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (e: unknown) => void;
}

export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every promise callback already queued run (a macrotask later): no time is waited for. */
export const settle = () => new Promise<void>((r) => setImmediate(r));
