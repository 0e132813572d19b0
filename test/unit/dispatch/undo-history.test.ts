import { describe, expect, it } from 'vitest';
import { UndoHistory, type UndoEntry } from '../../../renderer/features/dispatch/undo-history';

/** Undo and redo as inverse changes: the history only moves when the inverse applied, one step at a time. */
function entry(label: string, log: string[], applies = () => true): UndoEntry {
  return {
    label,
    undo: async () => {
      log.push(`undo ${label}`);
      return applies();
    },
    redo: async () => {
      log.push(`redo ${label}`);
      return applies();
    },
  };
}

describe('UndoHistory', () => {
  it('an undo asked for while a change is still being saved waits for it, and undoes that change, not the one before', async () => {
    const log: string[] = [];
    const history = new UndoHistory();
    history.record(entry('override', log));
    let finish!: () => void;
    const saving = history.track(
      () =>
        new Promise<void>((resolve) => {
          finish = () => {
            history.record(entry('pin', log));
            resolve();
          };
        }),
    );
    const undone = history.undo();
    await Promise.resolve();
    expect(log).toEqual([]);
    finish();
    await saving;
    expect((await undone)?.label).toBe('pin');
    expect(log).toEqual(['undo pin']);
    expect(history.nextUndo()?.label).toBe('override');
  });

  it('a change that fails while being saved does not hold undo back', async () => {
    const log: string[] = [];
    const history = new UndoHistory();
    history.record(entry('a', log));
    await expect(history.track(() => Promise.reject(new Error('hub down')))).rejects.toThrow('hub down');
    expect((await history.undo())?.label).toBe('a');
  });

  it('undoes the latest change first and redoes in the same order back', async () => {
    const log: string[] = [];
    const history = new UndoHistory();
    history.record(entry('a', log));
    history.record(entry('b', log));
    expect((await history.undo())?.label).toBe('b');
    expect((await history.undo())?.label).toBe('a');
    expect(await history.undo()).toBeNull();
    expect((await history.redo())?.label).toBe('a');
    expect(history.nextUndo()?.label).toBe('a');
    expect(history.nextRedo()?.label).toBe('b');
    expect(log).toEqual(['undo b', 'undo a', 'redo a']);
  });

  it('keeps the change undoable when its inverse is refused (someone changed the booking since)', async () => {
    const log: string[] = [];
    const history = new UndoHistory();
    history.record(entry('a', log, () => false));
    expect(await history.undo()).toBeNull();
    expect(history.nextUndo()?.label).toBe('a');
    expect(history.nextRedo()).toBeUndefined();
  });

  it('a new change drops what could have been redone', async () => {
    const history = new UndoHistory();
    history.record(entry('a', []));
    await history.undo();
    history.record(entry('b', []));
    expect(history.nextRedo()).toBeUndefined();
    expect(history.nextUndo()?.label).toBe('b');
  });

  it('a second undo while the first is being sent is ignored, never sent twice', async () => {
    const log: string[] = [];
    let release!: () => void;
    const slow: UndoEntry = {
      label: 'slow',
      undo: () => new Promise((resolve) => (release = () => resolve(true))).then((v) => (log.push('undo slow'), v as boolean)),
      redo: async () => true,
    };
    const history = new UndoHistory();
    history.record(entry('first', log));
    history.record(slow);
    const one = history.undo();
    const two = await history.undo();
    expect(two).toBeNull();
    release();
    expect((await one)?.label).toBe('slow');
    expect(log).toEqual(['undo slow']);
  });

  it('tells its listeners about every change to either list', async () => {
    const history = new UndoHistory();
    let calls = 0;
    history.subscribe(() => calls++);
    history.record(entry('a', []));
    await history.undo();
    await history.redo();
    expect(calls).toBe(3);
    expect(history.version).toBe(3);
  });
});
