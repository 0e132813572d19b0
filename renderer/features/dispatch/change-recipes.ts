import type { RowVersions } from '../../../shared/contract/dispatch-contract';
import type { Override } from '../../../shared/domain/override-reasons';
import type { MutationOutcome } from '../../../shared/mutations/mutation-context';
import type { MutationCall } from '../../api/use-run-mutation';
import { mutationCall } from '../../api/use-run-mutation';
import type { UndoEntry } from './undo-history';

/**
 * Every undoable change the dispatcher makes, as the change itself and its inverse. The versions
 * used by an inverse are those the rows had right after the change (read back from the replica),
 * so undoing over somebody else's later change is refused with the reason, never silent.
 */

export interface ChangeRunner {
  /** Sends one change and answers the local outcome (the hub has the last word later). */
  send(call: MutationCall): Promise<MutationOutcome>;
  versions(ids: { bookingIds?: string[]; workOrderIds?: string[] }): Promise<RowVersions>;
  /** A fresh booking id (a redo books again under a new one). */
  newId(): string;
  /** The override an inverse uses when putting things back breaks a rule now. */
  undoOverride(label: string): Override;
  /** Tells the dispatcher why an undo or redo did not apply. */
  refused(label: string, outcome: Extract<MutationOutcome, { status: 'refused' }>): void;
}

export interface Change {
  label: string;
  call: MutationCall;
  /** Called once the change applied: its undo entry (none: the change is not undone from the history, e.g. accepting). */
  undoEntry?(runner: ChangeRunner): Promise<UndoEntry>;
}

interface Slot {
  resourceId: string;
  start: number;
}

/** Sends a change; when putting things back now breaks a rule, sends it again with the undo override. */
async function sendPuttingBack(runner: ChangeRunner, label: string, build: (override: Override | undefined) => MutationCall): Promise<boolean> {
  let outcome = await runner.send(build(undefined));
  if (outcome.status === 'refused' && outcome.code === 'rule') outcome = await runner.send(build(runner.undoOverride(label)));
  if (outcome.status === 'refused') runner.refused(label, outcome);
  return outcome.status === 'applied';
}

async function bookingVersion(runner: ChangeRunner, bookingId: string): Promise<number> {
  return (await runner.versions({ bookingIds: [bookingId] })).bookings[0]?.version ?? 0;
}

/** A booking moved in time and/or to another technician (a drop, a reassignment from the list, an override). */
export function moveChange(options: { label: string; bookingId: string; version: number; from: Slot; to: Slot; override?: Override | undefined; call?: MutationCall }): Change {
  const { bookingId, from, to } = options;
  const move = (slot: Slot, version: number, override: Override | undefined) =>
    mutationCall('moveBooking', { bookingId, expectedVersion: version, start: slot.start, resourceId: slot.resourceId, ...(override ? { override } : {}) });
  return {
    label: options.label,
    call: options.call ?? move(to, options.version, options.override),
    async undoEntry(runner) {
      let version = await bookingVersion(runner, bookingId);
      const send = async (slot: Slot, override: Override | undefined) => {
        const applied = await sendPuttingBack(runner, options.label, (fallback) => move(slot, version, override ?? fallback));
        if (applied) version = await bookingVersion(runner, bookingId);
        return applied;
      };
      return { label: options.label, undo: () => send(from, undefined), redo: () => send(to, options.override) };
    },
  };
}

export function pinChange(options: { label: string; bookingId: string; version: number; pin: boolean }): Change {
  const { bookingId } = options;
  const call = (pin: boolean, version: number) => mutationCall(pin ? 'pinBooking' : 'unpinBooking', { bookingId, expectedVersion: version });
  return {
    label: options.label,
    call: call(options.pin, options.version),
    async undoEntry(runner) {
      let version = await bookingVersion(runner, bookingId);
      const send = async (pin: boolean) => {
        const outcome = await runner.send(call(pin, version));
        if (outcome.status === 'refused') runner.refused(options.label, outcome);
        else version = await bookingVersion(runner, bookingId);
        return outcome.status === 'applied';
      };
      return { label: options.label, undo: () => send(!options.pin), redo: () => send(options.pin) };
    },
  };
}

export interface NewVisit {
  workOrderId: string;
  workOrderVersion: number;
  bookingId: string;
  resourceId: string;
  start: number;
}

export interface PushedVisit {
  bookingId: string;
  version: number;
  resourceId: string;
  from: number;
  to: number;
}

/**
 * New visits (a work order dropped on the board, a day's plan, urgent work fitted in) and the
 * visits they pushed on. Undo takes the new visits off the board (their work orders are
 * unscheduled again) and moves the pushed ones back; redo books them again under new ids.
 */
export function bookingChange(options: { label: string; origin: 'plan' | 'fit_in' | 'drop'; visits: NewVisit[]; pushed?: PushedVisit[]; override?: Override | undefined }): Change {
  const pushed = options.pushed ?? [];
  const first = options.visits[0];
  const call =
    options.origin === 'drop' && first && pushed.length === 0 && options.visits.length === 1
      ? mutationCall('scheduleWorkOrder', { workOrderId: first.workOrderId, expectedVersion: first.workOrderVersion, bookingId: first.bookingId, start: first.start, resourceId: first.resourceId, ...(options.override ? { override: options.override } : {}) })
      : mutationCall('applySchedule', {
          origin: options.origin === 'drop' ? 'plan' : options.origin,
          book: options.visits.map(({ workOrderId, workOrderVersion, bookingId, resourceId, start }) => ({ workOrderId, expectedVersion: workOrderVersion, bookingId, resourceId, start })),
          move: pushed.map((p) => ({ bookingId: p.bookingId, expectedVersion: p.version, resourceId: p.resourceId, start: p.to })),
          ...(options.override ? { override: options.override } : {}),
        });
  return {
    label: options.label,
    call,
    async undoEntry(runner) {
      let visits = options.visits.map((v) => ({ ...v }));
      let moved = pushed.map((p) => ({ ...p }));
      const refresh = async () => {
        const versions = await runner.versions({ bookingIds: [...visits.map((v) => v.bookingId), ...moved.map((p) => p.bookingId)], workOrderIds: visits.map((v) => v.workOrderId) });
        const booking = new Map(versions.bookings.map((b) => [b.id, b.version]));
        const order = new Map(versions.workOrders.map((w) => [w.id, w.version]));
        moved = moved.map((p) => ({ ...p, version: booking.get(p.bookingId) ?? p.version }));
        return { booking, order };
      };
      let known = await refresh();
      const undo = async () => {
        const applied = await sendPuttingBack(runner, options.label, (override) =>
          mutationCall('applySchedule', {
            origin: 'undo',
            unbook: visits.map((v) => ({ bookingId: v.bookingId, expectedVersion: known.booking.get(v.bookingId) ?? 0 })),
            move: moved.map((p) => ({ bookingId: p.bookingId, expectedVersion: p.version, resourceId: p.resourceId, start: p.from })),
            ...(override ? { override } : {}),
          }),
        );
        if (applied) known = await refresh();
        return applied;
      };
      const redo = async () => {
        const again = visits.map((v) => ({ ...v, bookingId: runner.newId(), workOrderVersion: known.order.get(v.workOrderId) ?? v.workOrderVersion }));
        const applied = await sendPuttingBack(runner, options.label, (override) =>
          mutationCall('applySchedule', {
            origin: 'redo',
            book: again.map(({ workOrderId, workOrderVersion, bookingId, resourceId, start }) => ({ workOrderId, expectedVersion: workOrderVersion, bookingId, resourceId, start })),
            move: moved.map((p) => ({ bookingId: p.bookingId, expectedVersion: p.version, resourceId: p.resourceId, start: p.to })),
            ...((options.override ?? override) ? { override: options.override ?? override } : {}),
          }),
        );
        if (applied) {
          visits = again;
          known = await refresh();
        }
        return applied;
      };
      return { label: options.label, undo, redo };
    },
  };
}
