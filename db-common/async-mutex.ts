/**
 * One holder at a time, in arrival order. better-sqlite3 is synchronous but the store and
 * mutation interfaces are async, so a transaction spans awaits and cannot use db.transaction();
 * transactions on one connection queue here instead (hub store and console replica alike).
 */
export class AsyncMutex {
  private tail: Promise<void> = Promise.resolve();

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      return await fn();
    } finally {
      release();
    }
  }
}
