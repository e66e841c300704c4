// One session, many callers (the window's IPC, the bridge, a CLI): calls may overlap, but `catalog.open` swaps the
// database under them. The gate lets ordinary calls run together and makes an open wait until they are done (and
// later calls wait for the open): nothing ever runs on a database that was closed under it.
export class Gate {
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

  async run<T>(exclusive: boolean, fn: () => Promise<T>): Promise<T> {
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
