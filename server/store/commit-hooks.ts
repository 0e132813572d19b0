import type { CommitHook } from './hub-store';

/** The hooks a store runs inside each write transaction before it commits (both engines keep one list). */
export class CommitHooks {
  readonly list: CommitHook[] = [];

  /** Adds a hook; the answer removes it again. */
  add(hook: CommitHook): () => void {
    this.list.push(hook);
    return () => {
      const at = this.list.indexOf(hook);
      if (at >= 0) this.list.splice(at, 1);
    };
  }
}
