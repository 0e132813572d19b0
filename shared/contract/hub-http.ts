import { z } from 'zod';
import { EmailSchema } from '../domain/common';
import type { MutationOutcome } from '../mutations/mutation-context';
import { MutationEnvelopeSchema } from '../mutations/mutation-registry';
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
export interface PullResponse {
  changes: RowChange[];
  /** Pass this as the next cursor; equal to the last change's number in this page. */
  cursor: number;
  hasMore: boolean;
  /** The hub's newest change number when the page was read. */
  latest: number;
}

export const PushRequestSchema = z.object({ mutations: z.array(MutationEnvelopeSchema).min(1).max(500) }).strict();
export type PushResult = { id: string } & MutationOutcome;
export interface PushResponse {
  results: PushResult[];
}

export interface HealthResponse {
  status: 'ok';
  version: string;
  latestChange: number;
}

export interface HttpErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}

/** Which roles may call what; the hub checks it on every route. */
export const routeRoles = {
  pull: ['dispatcher', 'back_office', 'administrator'],
  push: ['dispatcher', 'back_office', 'administrator'],
  events: ['dispatcher', 'back_office', 'administrator'],
  createUser: ['administrator'],
} as const satisfies Record<string, readonly Role[]>;

/** Mutations each role may send (checked per mutation in a push). */
export const mutationRoles: Record<string, readonly Role[]> = {
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
};
