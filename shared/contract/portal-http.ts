import { z } from 'zod';
import type { BookingStatus } from '../domain/booking-status';
import { EmailSchema, EpochMsSchema, IdSchema, LatitudeSchema, LongitudeSchema } from '../domain/common';
import { supportedLocales } from '../i18n/locales';

/**
 * The customer portal's HTTP API and the technician API, one source for the hub that serves
 * them (server/portal, server/tracking) and the portal web app that calls them (portal/).
 *
 * Conventions:
 * - Every answer is JSON. Errors are `PortalErrorBody` with one of `portalErrorCodes`.
 * - The portal session travels in an HttpOnly cookie (`portalSessionCookie`); every state
 *   change (POST/PUT) also needs the CSRF token from `GET csrfToken` in the `x-csrf-token`
 *   header (`csrfHeader`). Without a valid token: 403 `csrf_invalid`.
 * - Anything of another account, or that does not exist, answers 404 `not_found` (never 403),
 *   so a customer cannot learn what exists elsewhere.
 * - Instants are UTC epoch milliseconds; `timeZone` (the account's IANA zone) comes with every
 *   answer that carries times, so the app formats them in that zone and names it.
 * - Path parameters are written `:name`; `portalPath` fills them in.
 */
export const portalRoutes = {
  csrfToken: '/api/v1/portal/csrf-token',
  signIn: '/api/v1/portal/sign-in',
  signOut: '/api/v1/portal/sign-out',
  redeemInvitation: '/api/v1/portal/invitations/redeem',
  requestPasswordReset: '/api/v1/portal/password-reset/request',
  completePasswordReset: '/api/v1/portal/password-reset/complete',
  me: '/api/v1/portal/me',
  profile: '/api/v1/portal/profile',
  home: '/api/v1/portal/home',
  bookingOptions: '/api/v1/portal/booking-options',
  freeTimes: '/api/v1/portal/free-times',
  book: '/api/v1/portal/appointments',
  appointment: '/api/v1/portal/appointments/:bookingId',
  moveFreeTimes: '/api/v1/portal/appointments/:bookingId/free-times',
  move: '/api/v1/portal/appointments/:bookingId/move',
  cancel: '/api/v1/portal/appointments/:bookingId/cancel',
  callbackRequest: '/api/v1/portal/appointments/:bookingId/callback-request',
  feedback: '/api/v1/portal/appointments/:bookingId/feedback',
  tracking: '/api/v1/portal/appointments/:bookingId/tracking',
  /** The visit's technician's photo (image bytes), when the technician has one; TrackingResponse.technician.photoUrl links here. */
  technicianPhoto: '/api/v1/portal/appointments/:bookingId/technician-photo',
  /** External sign-in (OpenID Connect), when the hub is configured for it: see "External sign-in" below. */
  oidcProvider: '/api/v1/portal/oidc',
  oidcSignIn: '/api/v1/portal/oidc/sign-in',
  oidcLink: '/api/v1/portal/oidc/link',
  oidcUnlink: '/api/v1/portal/oidc/unlink',
  /** Where the issuer sends the browser back (a top-level GET); answers with a redirect into the portal app. */
  oidcCallback: '/api/v1/portal/oidc/callback',
} as const;

/** HTTP method of each portal route (GET reads, POST/PUT change state and need the CSRF header). */
export const portalRouteMethods = {
  csrfToken: 'GET',
  signIn: 'POST',
  signOut: 'POST',
  redeemInvitation: 'POST',
  requestPasswordReset: 'POST',
  completePasswordReset: 'POST',
  me: 'GET',
  profile: 'PUT',
  home: 'GET',
  bookingOptions: 'GET',
  freeTimes: 'GET',
  book: 'POST',
  appointment: 'GET',
  moveFreeTimes: 'GET',
  move: 'POST',
  cancel: 'POST',
  callbackRequest: 'POST',
  feedback: 'POST',
  tracking: 'GET',
  technicianPhoto: 'GET',
  oidcProvider: 'GET',
  oidcSignIn: 'POST',
  oidcLink: 'POST',
  oidcUnlink: 'POST',
  oidcCallback: 'GET',
} as const satisfies Record<keyof typeof portalRoutes, 'GET' | 'POST' | 'PUT'>;

/** The technician API (bearer token per technician, issued with `npm run hub -- technician-token`). */
export const technicianRoutes = {
  bookings: '/api/v1/technician/bookings',
  status: '/api/v1/technician/bookings/:bookingId/status',
  location: '/api/v1/technician/location',
  /** PUT the technician's own photo (a JPEG, PNG or WebP image as the body, at most MAX_TECHNICIAN_PHOTO_BYTES); DELETE removes it. */
  photo: '/api/v1/technician/photo',
} as const;

/** A photo is a face on a phone screen: half a megabyte is plenty and keeps the database small. */
export const MAX_TECHNICIAN_PHOTO_BYTES = 512 * 1024;
export const technicianPhotoTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type TechnicianPhotoType = (typeof technicianPhotoTypes)[number];

export const portalSessionCookie = 'dd_portal_session';
export const csrfHeader = 'x-csrf-token';
/** Where the hub serves the built portal app; e-mailed links point below it (`#/redeem`, `#/reset`). */
export const portalBasePath = '/portal';

/** Fills in `:name` parameters, encoding each value. */
export function portalPath(template: string, params: Readonly<Record<string, string>> = {}): string {
  return template.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    if (!Object.hasOwn(params, name)) throw new Error(`portalPath: missing parameter ${name} for ${template}`);
    return encodeURIComponent(params[name]!);
  });
}

// ——— Errors ———

export const portalErrorCodes = [
  /** 400: a field is missing or wrong; `issues` says which. */
  'invalid_request',
  /** 401: no (valid) session; sign in again. */
  'unauthenticated',
  /** 401: e-mail or password wrong (never says which). */
  'invalid_credentials',
  /** 403: the contact lacks the "Web API User" role. */
  'portal_role_missing',
  /** 403: missing or wrong CSRF token. */
  'csrf_invalid',
  /** 404: not there, or not this account's. */
  'not_found',
  /** 429: too many attempts; `retryAfterSeconds` says when to try again. */
  'rate_limited',
  /** 400: invitation code unknown, used, revoked or expired (one answer for all). */
  'invitation_invalid',
  /** 409: a portal profile already exists for this contact (sign in or reset the password). */
  'profile_exists',
  /** 400: reset code unknown, used or expired. */
  'reset_code_invalid',
  /** 409: the chosen time was taken meanwhile; `freeTimes` carries the fresh times of that day. */
  'slot_taken',
  /** 400: the day or time is outside the booking horizon or minimum notice. */
  'outside_horizon',
  /** 400: the incident type is not bookable on the portal, or the asset is not this account's. */
  'not_bookable',
  /** 409: inside the incident type's change notice: `changeNotice` says until when; a callback request is possible. */
  'inside_change_notice',
  /** 409: the visit is Traveling or In Progress (locked), or Completed / Canceled (history). */
  'locked',
  /** 409: feedback was already sent, the visit is not completed, or the survey is off. */
  'feedback_not_allowed',
  /** 503: the external sign-in issuer cannot be reached now; nothing was started. */
  'external_sign_in_unavailable',
  /** 500: unexpected; nothing was changed. */
  'server_error',
] as const;
export const PortalErrorCodeSchema = z.enum(portalErrorCodes);
export type PortalErrorCode = z.infer<typeof PortalErrorCodeSchema>;

export interface PortalErrorBody {
  error: {
    code: PortalErrorCode;
    message: string;
    issues?: { path: string; message: string }[];
    retryAfterSeconds?: number;
    /** With `slot_taken`: the day's times as they are now. */
    freeTimes?: FreeTimesResponse;
    /** With `inside_change_notice`: changes are refused from this instant on. */
    changeNotice?: ChangeNotice;
  };
}

// ——— Shared pieces ———

export const PortalLanguageSchema = z.enum(supportedLocales);
export type PortalLanguage = z.infer<typeof PortalLanguageSchema>;

/** Customer passwords: the same rule as hub users. */
export const PortalPasswordSchema = z.string().min(12, 'passwords need at least 12 characters').max(200, 'passwords are at most 200 characters');

/** Invitation and reset codes as typed: letters and digits, spaces and dashes ignored. */
export const PortalCodeSchema = z
  .string()
  .trim()
  .min(6, 'the code is too short')
  .max(64, 'the code is too long')
  .transform((code) => code.replace(/[\s-]/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{6,40}$/, 'the code has letters and digits only'));

/** A date in the account's zone, 'YYYY-MM-DD'. */
export const LocalDateSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date YYYY-MM-DD');

const PortalNoteSchema = (what: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, `${what} is required`)
    .max(max, `${what} is at most ${max} characters`);

// ——— Requests ———

export const PortalSignInRequestSchema = z.object({ email: EmailSchema, password: z.string().min(1, 'enter your password').max(200) }).strict();

export const RedeemInvitationRequestSchema = z
  .object({
    email: EmailSchema,
    code: PortalCodeSchema,
    name: z.string().trim().min(1, 'enter your name').max(200),
    password: PortalPasswordSchema,
    language: PortalLanguageSchema.optional(),
  })
  .strict();

export const PasswordResetRequestSchema = z.object({ email: EmailSchema }).strict();

export const CompletePasswordResetRequestSchema = z.object({ email: EmailSchema, code: PortalCodeSchema, password: PortalPasswordSchema }).strict();

export const UpdateProfileRequestSchema = z.object({ language: PortalLanguageSchema }).strict();

/** Query of GET freeTimes. */
export const FreeTimesQuerySchema = z.object({ assetId: IdSchema, incidentTypeId: IdSchema, date: LocalDateSchema }).strict();
/** Query of GET moveFreeTimes (asset and incident type are the visit's). */
export const MoveFreeTimesQuerySchema = z.object({ date: LocalDateSchema }).strict();

export const BookRequestSchema = z
  .object({
    assetId: IdSchema,
    incidentTypeId: IdSchema,
    /** A `start` from a free time of that day. */
    start: EpochMsSchema,
    comments: z.string().trim().max(4000, 'comments are at most 4000 characters').default(''),
  })
  .strict();

export const MoveRequestSchema = z.object({ start: EpochMsSchema }).strict();

export const CancelRequestSchema = z.object({ note: PortalNoteSchema('a note saying why', 1, 2000) }).strict();

/** Inside the change notice the customer asks back office to move or cancel instead (a portal request of that kind). */
export const CallbackRequestSchema = z.object({ intent: z.enum(['reschedule', 'cancellation']), message: PortalNoteSchema('a message', 1, 2000) }).strict();

export const FeedbackRequestSchema = z
  .object({
    rating: z.number().int('the rating is a whole number').min(1, 'ratings go from 1').max(5, 'ratings go up to 5'),
    comment: z.string().trim().max(2000, 'comments are at most 2000 characters').default(''),
  })
  .strict();

/** Ratings at or below this become a portal request for back office. */
export const LOW_FEEDBACK_RATING = 2;

export const BookingIdParamsSchema = z.object({ bookingId: IdSchema }).strict();

// ——— Answers ———

export interface CsrfTokenResponse {
  token: string;
}

export interface PortalMe {
  contact: { id: string; name: string; email: string };
  account: { id: string; name: string; address: string; timeZone: string };
  language: PortalLanguage;
  /** The identity linked at the configured external sign-in issuer, when any (null too when external sign-in is off). */
  linkedIdentity: LinkedIdentityView | null;
  surveyEnabled: boolean;
}

export interface LinkedIdentityView {
  issuer: string;
  /** The e-mail the issuer's id_token carried when the link was made (shown only; never used to find a customer). */
  email: string | null;
}

/** sign in and redeem answer with the profile; the session is in the cookie. */
export type SignInAnswer = PortalMe;

/** Always the same answer, whether the e-mail has a profile or not (no account discovery). */
export interface PasswordResetRequested {
  accepted: true;
}

/** Why a visit cannot be changed on the portal now (null: it can). */
export type ChangeLock = 'locked' | 'history' | 'inside_change_notice' | null;

export interface ChangeNotice {
  /** Hours before the visit inside which customers may not change it. */
  hours: number;
  /** From this instant on, changes are refused. */
  from: number;
}

export interface AppointmentSummary {
  bookingId: string;
  workOrderId: string;
  workOrderNumber: string;
  status: BookingStatus;
  start: number;
  end: number;
  timeZone: string;
  /** The incident type's customer-facing name. */
  service: string;
  asset: { id: string; productName: string; serialNumber: string } | null;
  technicianName: string;
  /** Whether move and cancel are possible now, and if not why. */
  changeLock: ChangeLock;
  changeNotice: ChangeNotice | null;
  /** Traveling: the live map is available. */
  trackingAvailable: boolean;
  /** Completed, survey on, nothing sent yet. */
  feedbackAllowed: boolean;
  feedback: { rating: number; comment: string; at: number } | null;
}

export interface AppointmentDetail extends AppointmentSummary {
  customerComments: string;
  address: string;
  cancellationNote: string | null;
}

/** SPEC "Booking status rules": one Traveling visit is Active; the rest by section. */
export interface HomeResponse {
  timeZone: string;
  active: AppointmentSummary | null;
  /** Scheduled, In Progress and further Traveling visits, soonest first. */
  upcoming: AppointmentSummary[];
  /** Completed and Canceled, latest first. */
  past: AppointmentSummary[];
}

export interface BookingOptionsResponse {
  timeZone: string;
  assets: { id: string; productName: string; serialNumber: string }[];
  incidentTypes: { id: string; name: string; durationMinutes: number }[];
  /** Bookable days (account zone), inclusive. */
  firstDate: string;
  lastDate: string;
  slotMode: 'time' | 'window';
}

export interface FreeTime {
  kind: 'time' | 'window';
  /** Epoch ms: the start (or the arrival window's start). Send it back as `start`. */
  start: number;
  /** Epoch ms: the visit's end (or the arrival window's end). */
  end: number;
}

export interface FreeTimesResponse {
  date: string;
  timeZone: string;
  times: FreeTime[];
}

/** Book and move answer with the visit as it now is. */
export interface BookResponse {
  appointment: AppointmentDetail;
}

export interface PortalRequestCreated {
  requestId: string;
}

export interface TrackingResponse {
  status: BookingStatus;
  timeZone: string;
  /** False once the visit is no longer Traveling: the app stops refreshing. */
  tracking: boolean;
  technician: { name: string; phone: string | null; photoUrl: string | null };
  site: { lat: number; lng: number; address: string };
  /** The last reported position, when any. */
  position: { lat: number; lng: number; at: number } | null;
  /** Estimated arrival (epoch ms) from the engine's travel model, when a position is known. */
  arrivalEstimate: number | null;
  /** Suggested refresh interval. */
  refreshSeconds: number;
  /** Map tile URL template configured at the hub (null: show the position as text only). */
  tileUrl: string | null;
}

// ——— External sign-in (OpenID Connect) ———
//
// POST oidcSignIn (signed out) or oidcLink (signed in) answers `OidcStartResponse`; the app then
// navigates the whole page to `authorizationUrl`. The issuer sends the browser back to
// oidcCallback, which answers 303 into the app: after a sign-in to `#/` (signed in), otherwise to
// `#/sign-in?oidc=<result>` or (for a link) `#/profile?oidc=<result>`. Linking is never by e-mail.

export interface OidcProviderResponse {
  /** Null when the hub has no external sign-in configured: the app shows none. */
  provider: { displayName: string } | null;
}

export interface OidcStartResponse {
  authorizationUrl: string;
}

export const oidcResults = [
  /** The identity is now linked to the signed-in profile. */
  'linked',
  /** Signed in at the issuer, but that identity is linked to no portal profile. */
  'not_linked',
  /** Unknown, used, or started in another browser or tab (state mismatch). */
  'flow_invalid',
  /** Took longer than the flow's lifetime (10 minutes). */
  'flow_expired',
  /** The customer (or the issuer) declined at the issuer. */
  'denied',
  /** The issuer could not be reached to finish. */
  'unreachable',
  /** The issuer's answer did not verify (token exchange or id_token checks). */
  'failed',
  /** That identity is linked to another portal profile already. */
  'identity_taken',
  /** The portal role was withdrawn. */
  'portal_role_missing',
  /** A link finished after the session that asked for it had ended. */
  'session_ended',
] as const;
export const OidcResultSchema = z.enum(oidcResults);
export type OidcResult = z.infer<typeof OidcResultSchema>;

/** The issuer's redirect back (RFC 6749 §4.1.2): a code and state, or an error. */
export const OidcCallbackQuerySchema = z
  .object({
    state: z.string().min(1).max(512).optional(),
    code: z.string().min(1).max(4096).optional(),
    iss: z.string().max(2048).optional(),
    error: z.string().max(256).optional(),
    error_description: z.string().max(2048).optional(),
    session_state: z.string().max(512).optional(),
  })
  .strict();

// ——— Technician API ———

export const TechnicianStatusRequestSchema = z
  .object({
    status: z.enum(['traveling', 'in_progress', 'completed']),
    /** The booking's version the technician saw (optimistic concurrency, optional). */
    expectedVersion: z.number().int().nonnegative().optional(),
  })
  .strict();

export const LocationPingSchema = z
  .object({
    lat: LatitudeSchema,
    lng: LongitudeSchema,
    /** When the position was taken (epoch ms); not in the future beyond a small clock skew. */
    at: EpochMsSchema,
    accuracyMeters: z.number().nonnegative().max(100_000).optional(),
  })
  .strict();

export interface TechnicianBooking {
  bookingId: string;
  version: number;
  workOrderNumber: string;
  status: BookingStatus;
  start: number;
  end: number;
  address: string;
  site: { lat: number; lng: number };
}

export interface TechnicianBookingsResponse {
  resourceId: string;
  bookings: TechnicianBooking[];
}

export interface TechnicianStatusResponse {
  bookingId: string;
  status: BookingStatus;
  version: number;
}

export interface LocationPingResponse {
  accepted: true;
}

/** The shortest spacing between accepted location pings of one technician (bounded rate). */
export const MIN_PING_INTERVAL_MS = 5_000;
/** How far a ping's timestamp may lie ahead of the hub's clock (device clock skew). */
export const MAX_PING_CLOCK_SKEW_MS = 60_000;

export const technicianErrorCodes = ['invalid_request', 'unauthenticated', 'not_found', 'state', 'version_conflict', 'rate_limited', 'server_error'] as const;
export type TechnicianErrorCode = (typeof technicianErrorCodes)[number];
