// One session, many callers (the window's IPC, the bridge, a CLI): calls may overlap, but `catalog.open` swaps the
// database under them, and a write that reads, awaits and writes must not interleave with another. By each method's
// declared access (src/shared/api/<domain>.ts): reads run together; writes run one at a time (beside reads); an open
// waits until every call is done, and later calls wait for it. Nothing runs on a database closed under it. Calls on a
// folder of their own (the province's) run one at a time per folder, in a lane beside the catalog's.
import type { Access } from '../../shared/api.js';

export class Gate {
  /** The tail of the writes' queue: each write waits for the one before it. */
  private writes: Promise<unknown> = Promise.resolve();

  /** Each folder's queue: its calls run one at a time, whatever the catalog's calls do. */
  private lanes = new Map<string, Promise<unknown>>();

  private shared = 0;
  private exclusive = false;
  private waiting: { exclusive: boolean; go: () => void }[] = [];

  private canEnter(exclusive: boolean): boolean {
    if (this.exclusive) return false;
    // An open that waits goes first: calls that come after it queue behind it.
    if (exclusive) return this.shared === 0;
    return !this.waiting.some((w) => w.exclusive);
  }

  private enter(exclusive: boolean): void {
    if (exclusive) this.exclusive = true;
    else this.shared += 1;
  }

  private leave(exclusive: boolean): void {
    if (exclusive) this.exclusive = false;
    else this.shared -= 1;
    while (this.waiting.length && this.canEnterFront()) {
      const next = this.waiting.shift()!;
      this.enter(next.exclusive);
      next.go();
      if (next.exclusive) break;
    }
  }

  private canEnterFront(): boolean {
    const front = this.waiting[0]!;
    if (this.exclusive) return false;
    return front.exclusive ? this.shared === 0 : true;
  }

  /**
   * Runs fn by its access ('open' alone; 'write' one at a time; 'read' and 'record' together; 'folder' one at a time
   * in the lane of its folder). true/false: 'open'/'read'.
   */
  run<T>(access: Access | boolean, fn: () => Promise<T>, folder?: string): Promise<T> {
    const kind = access === true ? 'open' : access === false ? 'read' : access;
    if (kind === 'folder') return this.inLane(folder ?? '', fn);
    if (kind !== 'write') return this.enterAndRun(kind === 'open', fn);
    const run = this.writes.then(() => this.enterAndRun(false, fn));
    this.writes = run.catch(() => undefined);
    return run;
  }

  /**
   * A write from inside a call that holds the gate already (a long read that ends by switching a row, fix.run): it
   * waits only for the writes before it — an open waiting for that read would otherwise wait for it forever.
   */
  writeWithin<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.writes.then(fn);
    this.writes = run.catch(() => undefined);
    return run;
  }

  private inLane<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const run = (this.lanes.get(key) ?? Promise.resolve()).then(fn);
    const tail = run.catch(() => undefined);
    this.lanes.set(key, tail);
    void tail.then(() => this.lanes.get(key) === tail && this.lanes.delete(key));
    return run;
  }

  private async enterAndRun<T>(exclusive: boolean, fn: () => Promise<T>): Promise<T> {
    if (this.canEnter(exclusive) && this.waiting.length === 0) this.enter(exclusive);
    else await new Promise<void>((go) => this.waiting.push({ exclusive, go }));
    try {
      return await fn();
    } finally {
      this.leave(exclusive);
    }
  }
}

const gates = new WeakMap<object, Gate>();

export function gateOf(session: object): Gate {
  let g = gates.get(session);
  if (!g) gates.set(session, (g = new Gate()));
  return g;
}
