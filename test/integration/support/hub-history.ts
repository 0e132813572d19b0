import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildHubApp } from '../../../server/http/build-hub-app';
import type { HubStore, HubTx } from '../../../server/store/hub-store';
import { openHubStore } from '../../../server/store/open-hub-store';
import { storeLocation } from '../../support/hub-test-engine';
import { createUser } from '../../../server/users/create-user';
import { buildDemoDataset, DEMO_SEED } from '../../../shared/demo/seed-builder';
import type { Booking, WorkOrder } from '../../../shared/domain/entities';
import { runMutation, type MutationName } from '../../../shared/mutations/mutation-registry';
import { seededRandom, type Random } from '../../../shared/random/seeded-random';
import { entityKey, type EntityName, type EntityRow } from '../../../shared/sync/synced-entities';
import { ADMIN } from './hub-process';

/**
 * A hub with ordinary history, in this process: a small demo company, then work orders created
 * and scheduled (so a booking's change number is lower than its work order's later update),
 * moved, reassigned, pinned, cancelled, completed — and deleted, parents and children both, in
 * either order. The hub app is the real one (routes, store) listening on 127.0.0.1.
 */
export interface HubWithHistory {
  store: HubStore;
  app: FastifyInstance;
  url: string;
  dataDir: string;
  /** Writes `steps` more history operations; answers how many of each kind changed something. */
  addHistory(steps: number): Promise<HistoryTally>;
  /** Every live row at the hub: entity → id → version. */
  liveRows(): Promise<Map<EntityName, Map<string, number>>>;
  close(): Promise<void>;
}

export type HistoryTally = Record<'created' | 'scheduled' | 'moved' | 'reassigned' | 'pinned' | 'canceled' | 'completed' | 'deletedChildFirst' | 'deletedParentFirst', number>;

export interface HubWithHistoryOptions {
  seed: number;
  now?: number;
  /** Wraps the store the HTTP app uses (to inject faults); history is written to the real one. */
  wrapStore?: (store: HubStore) => HubStore;
  /** The app's pino logger options (default: silent). */
  logger?: Parameters<typeof buildHubApp>[1]['logger'];
}

export async function startHubWithHistory(options: HubWithHistoryOptions): Promise<HubWithHistory> {
  const now = options.now ?? Date.now();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dd-history-hub-'));
  const store = await openHubStore(storeLocation(dataDir));
  await createUser(store, { ...ADMIN, role: 'administrator' });
  await store.transaction((tx) => tx.insertDataset(buildDemoDataset({ seed: DEMO_SEED, now, technicians: 6, accounts: 24 })));
  const app = buildHubApp(options.wrapStore ? options.wrapStore(store) : store, { version: 'test', logger: options.logger ?? false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const random = seededRandom(options.seed);
  return {
    store,
    app,
    url: `http://127.0.0.1:${port}`,
    dataDir,
    addHistory: (steps) => writeHistory(store, random, now, steps),
    liveRows: () => store.transaction(liveRowVersions),
    close: async () => {
      await app.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function liveRows(tx: HubTx): Promise<Map<EntityName, Map<string, { version: number; row: unknown }>>> {
  const live = new Map<EntityName, Map<string, { version: number; row: unknown }>>();
  for (const change of await tx.changesAfter(0, Number.MAX_SAFE_INTEGER)) {
    if (!live.has(change.entity)) live.set(change.entity, new Map());
    if (change.deleted) live.get(change.entity)!.delete(change.id);
    else live.get(change.entity)!.set(change.id, { version: change.version, row: change.data });
  }
  return live;
}

async function liveRowVersions(tx: HubTx): Promise<Map<EntityName, Map<string, number>>> {
  const versions = new Map<EntityName, Map<string, number>>();
  for (const [entity, rows] of await liveRows(tx)) versions.set(entity, new Map([...rows].map(([id, r]) => [id, r.version])));
  return versions;
}

async function writeHistory(store: HubStore, random: Random, now: number, steps: number): Promise<HistoryTally> {
  const tally: HistoryTally = { created: 0, scheduled: 0, moved: 0, reassigned: 0, pinned: 0, canceled: 0, completed: 0, deletedChildFirst: 0, deletedParentFirst: 0 };
  for (let step = 0; step < steps; step++) {
    await store.transaction(
      async (tx) => {
        for (const happened of await historyStep(tx, random, now, pickKind(random))) tally[happened] += 1;
      },
      { actor: ADMIN.email, now },
    );
  }
  return tally;
}

type Kind = Exclude<keyof HistoryTally, 'scheduled'>;
const kinds: Kind[] = ['created', 'created', 'moved', 'reassigned', 'pinned', 'canceled', 'completed', 'deletedChildFirst', 'deletedParentFirst'];
function pickKind(random: Random): Kind {
  return random.pick(kinds);
}

/** One operation; answers what it changed in the store. */
async function historyStep(tx: HubTx, random: Random, now: number, kind: Kind): Promise<(keyof HistoryTally)[]> {
  const live = await liveRows(tx);
  const rowsOf = <E extends EntityName>(entity: E) => [...(live.get(entity)?.values() ?? [])].map((r) => r.row as EntityRow<E>);
  const pick = <T>(items: T[]): T | undefined => (items.length === 0 ? undefined : random.pick(items));
  const scheduled = rowsOf('booking').filter((b) => b.status === 'scheduled');
  if (kind === 'created') return createAndSchedule(tx, random, now, rowsOf('account'), rowsOf('incidentType'), rowsOf('resource'));
  const changed = await changeExisting(tx, kind, now, random, pick, scheduled, rowsOf);
  return changed ? [kind] : [];
}

async function changeExisting(
  tx: HubTx,
  kind: Exclude<Kind, 'created'>,
  now: number,
  random: Random,
  pick: <T>(items: T[]) => T | undefined,
  scheduled: Booking[],
  rowsOf: <E extends EntityName>(entity: E) => EntityRow<E>[],
): Promise<boolean> {
  switch (kind) {
    case 'moved': {
      const b = pick(scheduled);
      return !!b && (await apply(tx, now, 'moveBooking', { bookingId: b.id, expectedVersion: b.version, start: b.start + (random.chance(0.5) ? -1 : 1) * 30 * 60_000, override: { reason: 'history: customer asked' } }));
    }
    case 'reassigned': {
      const b = pick(scheduled);
      const other = pick(rowsOf('resource').filter((r) => r.id !== b?.resourceId));
      return !!b && !!other && (await apply(tx, now, 'reassignBooking', { bookingId: b.id, expectedVersion: b.version, resourceId: other.id, override: { reason: 'history: swap' } }));
    }
    case 'pinned': {
      const b = pick(scheduled);
      return !!b && (await apply(tx, now, b.pinned ? 'unpinBooking' : 'pinBooking', { bookingId: b.id, expectedVersion: b.version }));
    }
    case 'canceled': {
      const b = pick(scheduled);
      const reason = rowsOf('reasonCode').find((r) => r.active);
      return !!b && !!reason && (await apply(tx, now, 'cancelBooking', { bookingId: b.id, expectedVersion: b.version, reasonCode: reason.code, note: 'history' }));
    }
    case 'completed': {
      const b = pick(rowsOf('booking').filter((x) => x.status === 'in_progress'));
      return !!b && (await apply(tx, now, 'setBookingStatus', { bookingId: b.id, expectedVersion: b.version, status: 'completed' }));
    }
    case 'deletedChildFirst':
    case 'deletedParentFirst': {
      const workOrder = pick(rowsOf('workOrder'));
      if (!workOrder) return false;
      await deleteWorkOrder(tx, workOrder, rowsOf('booking'), rowsOf('portalRequest'), kind === 'deletedParentFirst');
      return true;
    }
  }
}

async function createAndSchedule(
  tx: HubTx,
  random: Random,
  now: number,
  accounts: EntityRow<'account'>[],
  types: EntityRow<'incidentType'>[],
  resources: EntityRow<'resource'>[],
): Promise<(keyof HistoryTally)[]> {
  const account = random.pick(accounts);
  const type = random.pick(types);
  const workOrderId = randomUUID();
  if (!(await apply(tx, now, 'createWorkOrder', { workOrderId, accountId: account.id, incidentTypeId: type.id, summary: 'history' }))) return [];
  const created = (await tx.get('workOrder', workOrderId))!;
  // The engine's pick when one matches; otherwise a dispatcher's override (only an overlap stops
  // it). The demo's days are full at some hours of some days: a few times are tried, as a dispatcher would.
  for (let attempt = 0; attempt < 6; attempt++) {
    const booking = { workOrderId, expectedVersion: created.version, bookingId: randomUUID(), start: workingHourAhead(random, now) };
    const scheduled =
      (await apply(tx, now, 'scheduleWorkOrder', booking)) ||
      (await apply(tx, now, 'scheduleWorkOrder', { ...booking, resourceId: random.pick(resources).id, override: { reason: 'history: fits the customer' } }));
    if (scheduled) return ['created', 'scheduled'];
  }
  return ['created'];
}

/** A weekday 1–10 days ahead, 14:00–21:30 UTC (08:00–15:30 in Chicago). */
function workingHourAhead(random: Random, now: number): number {
  let day = Math.floor(now / 86_400_000) + random.int(1, 10);
  while ([0, 6].includes(new Date(day * 86_400_000).getUTCDay())) day += 1;
  return day * 86_400_000 + random.int(28, 43) * 1_800_000;
}

/** Runs a shared mutation the way a push does (savepoint; a refusal changes nothing). */
async function apply(tx: HubTx, now: number, name: MutationName, args: unknown): Promise<boolean> {
  return tx.nested(async () => {
    const outcome = await runMutation(tx, { actor: ADMIN.email, now }, { name, args });
    return { keep: outcome.status === 'applied', value: outcome.status === 'applied' };
  });
}

/** Tombstones a work order and everything that references it, the parent's before or after its children's. */
async function deleteWorkOrder(tx: HubTx, workOrder: WorkOrder, bookings: Booking[], requests: EntityRow<'portalRequest'>[], parentFirst: boolean): Promise<void> {
  const children: [EntityName, string][] = [
    ...bookings.filter((b) => b.workOrderId === workOrder.id).map((b) => ['booking', b.id] as [EntityName, string]),
    ...requests.filter((r) => r.workOrderId === workOrder.id).map((r) => ['portalRequest', entityKey('portalRequest', r)] as [EntityName, string]),
  ];
  if (parentFirst) await tx.remove('workOrder', workOrder.id);
  for (const [entity, id] of children) await tx.remove(entity, id);
  if (!parentFirst) await tx.remove('workOrder', workOrder.id);
}
