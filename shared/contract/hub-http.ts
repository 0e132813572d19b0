import { z } from 'zod';
import { EmailSchema } from '../domain/common';
import type { MutationOutcome } from '../mutations/mutation-context';
import { isMutationName, type MutationName } from '../mutations/mutation-registry';
import type { RowChange } from '../sync/synced-entities';

/** The hub's HTTP API (prefix /api/v1): request schemas checked by every route, and answer types. */

/** Every route's path, for the hub that serves it and the console that calls it. */
export const hubRoutes = {
  signIn: '/api/v1/auth/sign-in',
  signOut: '/api/v1/auth/sign-out',
  users: '/api/v1/users',
  health: '/api/v1/health',
  pull: '/api/v1/sync/pull',
  push: '/api/v1/sync/push',
  events: '/api/v1/sync/events',
  snapshot: '/api/v1/sync/snapshot',
} as const;

export const roles = ['dispatcher', 'back_office', 'administrator'] as const;
export const RoleSchema = z.enum(roles);
export type Role = z.infer<typeof RoleSchema>;

export const SignInRequestSchema = z.object({ email: EmailSchema, password: z.string().min(1).max(200) }).strict();
export interface HubUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}
export interface SignInResponse {
  token: string;
  expiresAt: number;
  user: HubUser;
}

export const CreateUserRequestSchema = z
  .object({
    email: EmailSchema,
    name: z.string().trim().min(1).max(200),
    role: RoleSchema,
    password: z.string().min(12, 'passwords need at least 12 characters').max(200),
  })
  .strict();

export const PullQuerySchema = z
  .object({
    cursor: z.coerce.number().int('cursor must be a whole number').nonnegative('cursor must not be negative'),
    limit: z.coerce.number().int().min(1).max(5000).default(1000),
  })
  .strict();
/**
 * Which hub, and which life of it, answered. `storeId` is fixed for the data's lifetime; `epoch`
 * changes when the store is restored from a backup. A console that sees either change starts
 * its replica over (keeping its queued changes), since its cursor means nothing there.
 */
export const HubIdentitySchema = z.object({ storeId: z.string().min(1).max(64), epoch: z.string().min(1).max(64) });
export type HubIdentity = z.infer<typeof HubIdentitySchema>;

export interface PullResponse {
  hub: HubIdentity;
  changes: RowChange[];
  /** Pass this as the next cursor; equal to the last change's number in this page. */
  cursor: number;
  hasMore: boolean;
  /** The hub's newest change number when the page was read. */
  latest: number;
}

/**
 * Only what is needed to answer each mutation is checked for the whole push (its id); a bad
 * name or arguments is that one mutation's refusal, never the batch's (MutationEnvelopeSchema).
 */
export const PushEnvelopeSchema = z.object({ id: z.string().uuid('must be a UUID'), name: z.string(), args: z.unknown() });
export const PushRequestSchema = z.object({ mutations: z.array(PushEnvelopeSchema).min(1).max(500) }).strict();
export type PushResult = { id: string } & MutationOutcome;
export interface PushResponse {
  results: PushResult[];
}

export interface HealthResponse {
  status: 'ok';
  version: string;
  latestChange: number;
  hub: HubIdentity;
}

export interface HttpErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}

/** Which roles may call what; the hub checks it on every route. */
export const routeRoles = {
  pull: ['dispatcher', 'back_office', 'administrator'],
  push: ['dispatcher', 'back_office', 'administrator'],
  events: ['dispatcher', 'back_office', 'administrator'],
  snapshot: ['dispatcher', 'back_office', 'administrator'],
  createUser: ['administrator'],
} as const satisfies Record<string, readonly Role[]>;

/** Mutations each role may send (checked per mutation in a push); every mutation must be listed. */
export const mutationRoles = {
  reassignBooking: ['dispatcher', 'administrator'],
  moveBooking: ['dispatcher', 'administrator'],
  cancelBooking: ['dispatcher', 'back_office', 'administrator'],
  setBookingStatus: ['dispatcher', 'administrator'],
  acceptAutoAssignment: ['dispatcher', 'administrator'],
  overrideAutoAssignment: ['dispatcher', 'administrator'],
  createWorkOrder: ['dispatcher', 'back_office', 'administrator'],
  scheduleWorkOrder: ['dispatcher', 'administrator'],
  handlePortalRequest: ['back_office', 'dispatcher', 'administrator'],
  issueInvitation: ['back_office', 'administrator'],
  setPortalRole: ['back_office', 'administrator'],
  savePortalSettings: ['administrator'],
  setChangeNotice: ['administrator'],
  pinBooking: ['dispatcher', 'administrator'],
  unpinBooking: ['dispatcher', 'administrator'],
  applySchedule: ['dispatcher', 'administrator'],
  addComment: ['dispatcher', 'back_office', 'administrator'],
  resendNotification: ['back_office', 'administrator'],
} as const satisfies Record<MutationName, readonly Role[]>;

/** The roles allowed to send `name`; undefined for anything that is not a mutation (own-property lookup). */
export function rolesForMutation(name: string): readonly Role[] | undefined {
  return isMutationName(name) ? mutationRoles[name] : undefined;
}
