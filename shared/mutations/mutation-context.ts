import { z } from 'zod';
import type { AuditEntry, Booking } from '../domain/entities';
import type { EntityName, EntityRow } from '../sync/synced-entities';

/**
 * What a mutation may read and write. The hub implements it over its store (SQLite today,
 * PostgreSQL later) and the console over its replica; both run it inside one transaction that
 * also records the mutation id, so a retried mutation never applies twice. Async so that a
 * PostgreSQL store fits without touching the mutations.
 */
export interface MutationTx {
  get<E extends EntityName>(entity: E, id: string): Promise<EntityRow<E> | undefined>;
  /** The row's current version (0 when it does not exist). */
  versionOf(entity: EntityName, id: string): Promise<number>;
  /** Writes the row; the store bumps its version and stamps the change. */
  put<E extends EntityName>(entity: E, row: EntityRow<E>): Promise<void>;
  /** Deletes the row (the hub keeps a tombstone so every replica learns of it). */
  remove(entity: EntityName, id: string): Promise<void>;
  list<E extends 'resource' | 'reasonCode' | 'incidentType'>(entity: E): Promise<EntityRow<E>[]>;
  /** Bookings that are not canceled and overlap [start, end) for these resources (all when omitted). */
  activeBookingsBetween(start: number, end: number, resourceIds?: readonly string[]): Promise<Booking[]>;
  /** Where each work order's visit happens (its account's location). */
  sitesOf(workOrderIds: readonly string[]): Promise<Map<string, { lat: number; lng: number }>>;
  nextWorkOrderNumber(): Promise<string>;
  audit(entry: Omit<AuditEntry, 'id' | 'at' | 'actor'>): Promise<void>;
}

export interface MutationEnv {
  /** Who the change is recorded for (the signed-in user). */
  actor: string;
  now: number;
}

/**
 * Why a mutation was refused; 'forbidden' is the hub's role check. 'server_error': the hub failed
 * unexpectedly on this one mutation (logged with its id); nothing was recorded, so the console
 * may send the same id again, and after a few such answers shows it as a sync issue.
 * One list for hub and console.
 */
export const RefusalCodeSchema = z.enum([
  'invalid_args',
  'unknown_mutation',
  'not_found',
  'version_conflict',
  'state',
  'double_booking',
  'rule',
  'unknown_reason_code',
  'forbidden',
  'server_error',
]);
export type RefusalCode = z.infer<typeof RefusalCodeSchema>;

export type MutationOutcome =
  | { status: 'applied' }
  | { status: 'refused'; code: RefusalCode; reason: string; current?: { entity: EntityName; id: string; row: unknown } };

export class MutationRefusal extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
    readonly current?: { entity: EntityName; id: string; row: unknown },
  ) {
    super(message);
    this.name = 'MutationRefusal';
  }
}

export function refuse(code: RefusalCode, message: string, current?: MutationRefusal['current']): never {
  throw new MutationRefusal(code, message, current);
}
