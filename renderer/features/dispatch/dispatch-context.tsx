import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { Override } from '../../../shared/domain/override-reasons';
import type { MutationOutcome } from '../../../shared/mutations/mutation-context';
import { useApi } from '../../api/api-context';
import { refreshAfterWrite } from '../../api/use-console-events';
import type { MutationCall } from '../../api/use-run-mutation';
import { showToast } from '../../components/toast';
import { useT } from '../../components/use-t';
import { useWindowKeydown } from '../../components/use-window-keydown';
import type { Change, ChangeRunner } from './change-recipes';
import { OverrideDialog, type OverrideRequest } from './override-dialog';
import { UndoHistory } from './undo-history';

export interface DispatchActions {
  /** Sends a change; once applied here it can be undone. A refusal is shown (unless `quiet`: the caller shows it); the outcome is the answer. */
  apply(change: Change, options?: { quiet?: boolean }): Promise<MutationOutcome>;
  /**
   * A change that may break a rule: when the rules are known to object (`problems`) or the change
   * is refused for a rule, the dispatcher is asked for an override (code and note) first.
   */
  applyOrOverride(build: (override: Override | undefined) => Change, request: { describe: string; problems?: OverrideRequest['problems']; alwaysAsk?: boolean }): Promise<boolean>;
  /** Bookings with a change being saved: they cannot be dragged again until the board shows it. */
  locked: ReadonlySet<string>;
  history: UndoHistory;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

const DispatchContext = createContext<DispatchActions | null>(null);

export function useDispatchActions(): DispatchActions {
  const actions = useContext(DispatchContext);
  if (!actions) throw new Error('useDispatchActions must be used inside <DispatchProvider>');
  return actions;
}

/** Ids of the bookings a change touches (what to lock while it is saved). */
function bookingIdsOf(call: MutationCall): string[] {
  const args = call.args as Record<string, unknown>;
  const ids = typeof args.bookingId === 'string' ? [args.bookingId] : [];
  for (const list of [args.move, args.unbook, args.bookings]) {
    if (Array.isArray(list)) for (const item of list as { bookingId?: unknown }[]) if (typeof item.bookingId === 'string') ids.push(item.bookingId);
  }
  return ids;
}

interface DialogState {
  request: OverrideRequest;
  error: string | null;
  busy: boolean;
  confirm: (override: Override) => void;
  cancel: () => void;
}

/** Undo/redo, overrides and the one way every dispatcher change is sent, for the board page. */
export function DispatchProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const t = useT();
  const queryClient = useQueryClient();
  const [history] = useState(() => new UndoHistory());
  const [locked, setLocked] = useState<ReadonlySet<string>>(() => new Set());
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const tRef = useRef(t);
  tRef.current = t;

  const lock = useCallback((ids: string[], on: boolean) => {
    setLocked((previous) => {
      const next = new Set(previous);
      for (const id of ids) if (on) next.add(id); else next.delete(id);
      return next;
    });
  }, []);

  const send = useCallback(
    async (call: MutationCall): Promise<{ outcome: MutationOutcome; queued: boolean }> => {
      const ids = bookingIdsOf(call);
      lock(ids, true);
      try {
        const response = await api.runMutation({ name: call.name, args: call.args });
        return { outcome: response.outcome, queued: response.queued };
      } finally {
        // The board refetches before the lock goes: a quick second drag never sends a stale version.
        await refreshAfterWrite(queryClient).catch(() => undefined);
        lock(ids, false);
      }
    },
    [api, lock, queryClient],
  );

  const refused = useCallback((label: string, outcome: Extract<MutationOutcome, { status: 'refused' }>) => {
    notifications.show({ color: 'danger', title: tRef.current('dispatch.notSaved', { change: label }), message: outcome.reason, autoClose: 8000, 'data-testid': 'change-refused' } as Parameters<typeof notifications.show>[0]);
  }, []);

  const runner = useMemo<ChangeRunner>(
    () => ({
      send: async (call) => (await send(call)).outcome,
      versions: (ids) => api.getRowVersions({ bookingIds: ids.bookingIds ?? [], workOrderIds: ids.workOrderIds ?? [] }),
      newId: () => crypto.randomUUID(),
      undoOverride: (label) => ({ code: 'undo', reason: tRef.current('undo.overrideNote', { change: label }) }),
      refused,
    }),
    [api, send, refused],
  );

  const apply = useCallback(
    (change: Change, options: { quiet?: boolean } = {}): Promise<MutationOutcome> =>
      history.track(async () => {
        const { outcome, queued } = await send(change.call);
        if (outcome.status === 'applied') {
          showToast(queued ? tRef.current('toast.savedWillSync') : tRef.current('toast.saved'));
          if (change.undoEntry) history.record(await change.undoEntry(runner));
        } else if (!options.quiet) {
          refused(change.label, outcome);
        }
        return outcome;
      }),
    [send, history, runner, refused],
  );

  const askOverride = useCallback(
    (build: (override: Override | undefined) => Change, request: OverrideRequest): Promise<boolean> =>
      new Promise((resolve) => {
        const close = (applied: boolean) => {
          setDialog(null);
          resolve(applied);
        };
        const confirm = (override: Override) => {
          setDialog((d) => (d ? { ...d, busy: true, error: null } : d));
          void apply(build(override), { quiet: true }).then((outcome) => {
            if (outcome.status === 'applied') close(true);
            else setDialog((d) => (d ? { ...d, busy: false, error: outcome.reason } : d));
          });
        };
        setDialog({ request, error: null, busy: false, confirm, cancel: () => close(false) });
      }),
    [apply],
  );

  const applyOrOverride = useCallback<DispatchActions['applyOrOverride']>(
    async (build, request) => {
      if (request.alwaysAsk || (request.problems && request.problems.length > 0)) return askOverride(build, { change: request.describe, problems: request.problems ?? [] });
      const first = build(undefined);
      const outcome = await apply(first, { quiet: true });
      if (outcome.status === 'applied') return true;
      if (outcome.code === 'rule') return askOverride(build, { change: request.describe, problems: [{ rule: '', message: outcome.reason }] });
      refused(first.label, outcome);
      return false;
    },
    [apply, askOverride, refused],
  );

  const undo = useCallback(async () => {
    const label = history.nextUndo()?.label;
    if (!label) return showToast(tRef.current('undo.nothing'));
    if (await history.undo()) showToast(tRef.current('undo.done', { change: label }));
  }, [history]);

  const redo = useCallback(async () => {
    const label = history.nextRedo()?.label;
    if (!label) return showToast(tRef.current('redo.nothing'));
    if (await history.redo()) showToast(tRef.current('redo.done', { change: label }));
  }, [history]);

  useUndoShortcuts(undo, redo);
  const value = useMemo<DispatchActions>(() => ({ apply, applyOrOverride, locked, history, undo, redo }), [apply, applyOrOverride, locked, history, undo, redo]);
  return (
    <DispatchContext.Provider value={value}>
      {children}
      <OverrideDialog request={dialog?.request ?? null} error={dialog?.error ?? null} busy={dialog?.busy ?? false} onConfirm={(o) => dialog?.confirm(o)} onCancel={() => dialog?.cancel()} />
    </DispatchContext.Provider>
  );
}

/** Ctrl+Z undoes, Ctrl+Shift+Z (or Ctrl+Y) redoes; inside a text field they stay the field's own. */
function useUndoShortcuts(undo: () => Promise<void>, redo: () => Promise<void>) {
  useWindowKeydown((event) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    const target = event.target as HTMLElement | null;
    if (target?.closest('input, textarea, select, [contenteditable="true"], [role=dialog]')) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) void undo();
    else if ((key === 'z' && event.shiftKey) || key === 'y') void redo();
    else return;
    event.preventDefault();
  });
}

/** Re-renders when the history changes (for Undo/Redo buttons and their labels). */
export function useHistory(history: UndoHistory): { undoLabel: string | undefined; redoLabel: string | undefined } {
  useSyncExternalStore(history.subscribe, () => history.version);
  return { undoLabel: history.nextUndo()?.label, redoLabel: history.nextRedo()?.label };
}
