/**
 * Undo and redo of the dispatcher's own changes, as inverse changes (never by rewinding data):
 * each entry knows how to send its inverse and how to send itself again, with the versions the
 * rows had after its last run, so a row someone else changed since is refused, not overwritten.
 */
export interface UndoEntry {
  /** What the change was, in the reader's language ("Move WO-00012"). */
  label: string;
  /** Sends the inverse change; true when it applied. */
  undo(): Promise<boolean>;
  /** Sends the change again; true when it applied. */
  redo(): Promise<boolean>;
}

const LIMIT = 50;

export class UndoHistory {
  private done: UndoEntry[] = [];
  private undone: UndoEntry[] = [];
  private listeners = new Set<() => void>();
  private busy = false;
  /** Changes still being sent or recorded (their undo entry needs the rows' new versions). */
  private inFlight = new Set<Promise<unknown>>();

  /** A new change: it can be undone, and whatever was undone before can no longer be redone. */
  record(entry: UndoEntry): void {
    this.done = [...this.done.slice(-(LIMIT - 1)), entry];
    this.undone = [];
    this.notify();
  }

  /**
   * Runs a change that may record an entry. An undo or redo asked for meanwhile waits for it, so
   * Ctrl+Z right after a change undoes that change and never the one before it.
   */
  track<T>(work: () => Promise<T>): Promise<T> {
    const running = work();
    const settled = running.then(
      () => undefined,
      () => undefined,
    );
    this.inFlight.add(settled);
    void settled.then(() => this.inFlight.delete(settled));
    return running;
  }

  /** Undoes the latest change; an inverse that does not apply leaves the history as it was. */
  undo(): Promise<UndoEntry | null> {
    return this.step(() => this.done.at(-1), (entry) => entry.undo(), (entry) => {
      this.done = this.done.slice(0, -1);
      this.undone = [...this.undone, entry];
    });
  }

  redo(): Promise<UndoEntry | null> {
    return this.step(() => this.undone.at(-1), (entry) => entry.redo(), (entry) => {
      this.undone = this.undone.slice(0, -1);
      this.done = [...this.done, entry];
    });
  }

  nextUndo(): UndoEntry | undefined {
    return this.done.at(-1);
  }

  nextRedo(): UndoEntry | undefined {
    return this.undone.at(-1);
  }

  /** Snapshot for React (useSyncExternalStore): changes whenever either list does. */
  version = 0;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** One step at a time: a second Ctrl+Z while the first is being sent is ignored, never sent twice. */
  private async step(pick: () => UndoEntry | undefined, send: (entry: UndoEntry) => Promise<boolean>, move: (entry: UndoEntry) => void): Promise<UndoEntry | null> {
    if (this.busy) return null;
    this.busy = true;
    try {
      while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
      const entry = pick();
      if (!entry || !(await send(entry))) return null;
      move(entry);
      this.notify();
      return entry;
    } finally {
      this.busy = false;
    }
  }

  private notify(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}
