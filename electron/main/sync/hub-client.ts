import { z } from 'zod';
import type { HubUser, PullResponse, PushResponse, PushResult, SignInResponse } from '../../../shared/contract/hub-http';
import { HubIdentitySchema, hubRoutes, RoleSchema } from '../../../shared/contract/hub-http';
import { RefusalCodeSchema } from '../../../shared/mutations/mutation-context';
import type { MutationEnvelope } from '../../../shared/mutations/mutation-registry';
import { RowChangeSchema, type RowChange } from '../../../shared/sync/synced-entities';
import { calendarRoutes, type CaldavTargetBody, type PublishingResponse, type RotateFeedResponse, type TechnicianPublishing } from '../../../shared/contract/calendar-http';
import { PublishingResponseSchema, RotateFeedResponseSchema, TechnicianPublishingSchema } from '../../../shared/contract/calendar-http-answers';

/** Why a call to the hub failed, sorted so sync knows what to do next. */
export class HubError extends Error {
  constructor(
    readonly kind: 'unreachable' | 'unauthorized' | 'server' | 'rejected' | 'malformed',
    message: string,
    readonly status?: number,
    /** The hub's error code (e.g. cursor_from_future), when it sent one. */
    readonly code?: string,
  ) {
    super(message);
    this.name = 'HubError';
  }
}

const HubUserSchema = z.object({ id: z.string(), email: z.string(), name: z.string(), role: RoleSchema });
const SignInResponseSchema = z.object({ token: z.string().min(1), expiresAt: z.number(), user: HubUserSchema });
const PullResponseSchema = z.object({
  hub: HubIdentitySchema,
  changes: z.array(RowChangeSchema),
  cursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
  latest: z.number().int().nonnegative(),
});
const PushResultSchema = z.union([
  z.object({ id: z.string(), status: z.literal('applied') }),
  z.object({
    id: z.string(),
    status: z.literal('refused'),
    code: RefusalCodeSchema,
    reason: z.string(),
    current: z.object({ entity: z.string(), id: z.string(), row: z.unknown() }).optional(),
  }),
]);
const PushResponseSchema = z.object({ results: z.array(PushResultSchema) });
const ErrorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** A whole first sync may take a while on a slow link; pages and pushes keep their own, shorter timeout. */
const SNAPSHOT_TIMEOUT_MS = 10 * 60_000;

export interface HubClientOptions {
  baseUrl: string;
  token?: string | null;
  timeoutMs?: number;
}

export class HubClient {
  readonly baseUrl: string;
  token: string | null;
  private readonly timeoutMs: number;
  /** Aborted when the console stops using this client (connected elsewhere, signed out). */
  private readonly retired = new AbortController();

  constructor(options: HubClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.token = options.token ?? null;
    this.timeoutMs = options.timeoutMs ?? 15_000;
  }

  /** Ends every request still in flight; later calls fail at once. */
  retire(): void {
    this.retired.abort(new HubError('unreachable', `The console stopped using the hub at ${this.baseUrl}.`));
  }

  async signIn(email: string, password: string): Promise<SignInResponse> {
    const body = await this.request('POST', hubRoutes.signIn, { email, password }, false);
    const parsed = parse(SignInResponseSchema, body, 'sign-in');
    this.token = parsed.token;
    return parsed as SignInResponse & { user: HubUser };
  }

  async signOut(): Promise<void> {
    await this.request('POST', hubRoutes.signOut, {}, true);
  }

  async pull(cursor: number, limit = 1000): Promise<PullResponse> {
    const body = await this.request('GET', `${hubRoutes.pull}?cursor=${cursor}&limit=${limit}`, undefined, true);
    const page = parse(PullResponseSchema, body, 'pull');
    return { ...page, changes: page.changes as RowChange[] };
  }

  /**
   * The hub's whole store as of one moment (shared/contract/snapshot-stream.ts) as the bytes
   * arrive, for readSnapshot (snapshot-reader.ts); undefined from a hub without snapshots (an
   * older one).
   */
  async snapshot(): Promise<AsyncGenerator<Uint8Array> | undefined> {
    let response: Response;
    try {
      response = await fetch(this.baseUrl + hubRoutes.snapshot, {
        headers: { ...this.auth(), accept: 'application/x-ndjson' },
        signal: AbortSignal.any([AbortSignal.timeout(Math.max(this.timeoutMs, SNAPSHOT_TIMEOUT_MS)), this.retired.signal]),
      });
    } catch (error) {
      if (this.retired.signal.aborted) throw this.retired.signal.reason;
      throw unreachable(this.baseUrl, error);
    }
    if (response.status === 404) return undefined;
    if (!response.ok || !response.body) throw await httpError(response);
    return this.snapshotBytes(response.body as unknown as AsyncIterable<Uint8Array>);
  }

  private async *snapshotBytes(body: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    try {
      yield* body;
    } catch (error) {
      if (this.retired.signal.aborted) throw this.retired.signal.reason;
      throw unreachable(this.baseUrl, error);
    }
  }

  async push(mutations: readonly MutationEnvelope[]): Promise<PushResponse> {
    const body = await this.request('POST', hubRoutes.push, { mutations }, true);
    return { results: parse(PushResponseSchema, body, 'push').results as PushResult[] };
  }

  /** Every technician's calendar publishing state (administrators); undefined from a hub without the route (an older one). */
  async calendarPublishing(): Promise<PublishingResponse | undefined> {
    try {
      return parse(PublishingResponseSchema, await this.request('GET', calendarRoutes.publishing, undefined, true), 'calendar publishing');
    } catch (error) {
      if (error instanceof HubError && error.status === 404) return undefined;
      throw error;
    }
  }

  /** A new secret feed address for the technician; the old one stops working. */
  async rotateCalendarFeed(resourceId: string): Promise<RotateFeedResponse> {
    return parse(RotateFeedResponseSchema, await this.request('POST', technicianPath(calendarRoutes.rotateFeed, resourceId), {}, true), 'feed address');
  }

  async saveCaldavTarget(resourceId: string, target: CaldavTargetBody): Promise<TechnicianPublishing> {
    return parse(TechnicianPublishingSchema, await this.request('PUT', technicianPath(calendarRoutes.caldavTarget, resourceId), target, true), 'CalDAV target');
  }

  async pushCaldavNow(resourceId: string): Promise<TechnicianPublishing> {
    return parse(TechnicianPublishingSchema, await this.request('POST', technicianPath(calendarRoutes.caldavPushNow, resourceId), {}, true), 'CalDAV push');
  }

  /**
   * Opens the server-sent event stream and calls `onEvent` for each event until the stream
   * ends or `signal` aborts. Resolves when the stream closes; rejects with a HubError on failure.
   */
  async events(onEvent: (event: { type: string; data: string }) => void, signal: AbortSignal, onOpen?: () => void): Promise<void> {
    let response: Response;
    try {
      response = await fetch(this.baseUrl + hubRoutes.events, { headers: { ...this.auth(), accept: 'text/event-stream' }, signal });
    } catch (error) {
      if (signal.aborted) return;
      throw unreachable(this.baseUrl, error);
    }
    if (!response.ok || !response.body) throw await httpError(response);
    onOpen?.();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true }).replace(/\r\n?/g, '\n');
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let type = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue;
            const colon = line.indexOf(':');
            const field = colon < 0 ? line : line.slice(0, colon);
            const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
            if (field === 'event') type = value;
            else if (field === 'data') data.push(value);
          }
          if (data.length > 0 || type !== 'message') onEvent({ type, data: data.join('\n') });
        }
      }
    } catch (error) {
      if (signal.aborted) return;
      throw unreachable(this.baseUrl, error);
    }
  }

  private auth(): Record<string, string> {
    return this.token ? { authorization: `Bearer ${this.token}` } : {};
  }

  private async request(method: 'GET' | 'POST' | 'PUT', path: string, body: unknown, authenticated: boolean): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(this.baseUrl + path, {
        method,
        headers: { ...(authenticated ? this.auth() : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), accept: 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.any([AbortSignal.timeout(this.timeoutMs), this.retired.signal]),
      });
    } catch (error) {
      if (this.retired.signal.aborted) throw this.retired.signal.reason;
      throw unreachable(this.baseUrl, error);
    }
    if (!response.ok) throw await httpError(response);
    if (response.status === 204) return {};
    try {
      return await response.json();
    } catch (error) {
      if (error instanceof Error && error.name === 'TimeoutError') throw unreachable(this.baseUrl, error);
      throw new HubError('malformed', `The hub at ${this.baseUrl} answered ${path} with something that is not JSON.`);
    }
  }
}

function technicianPath(route: string, resourceId: string): string {
  return route.replace(':resourceId', encodeURIComponent(resourceId));
}

function parse<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const detail = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(answer)'}: ${i.message}`).join('; ');
    throw new HubError('malformed', `The hub's ${what} answer is malformed (${detail}); nothing from it was applied.`);
  }
  return parsed.data;
}

function unreachable(baseUrl: string, error: unknown): HubError {
  const timeout = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
  return new HubError('unreachable', timeout ? `The hub at ${baseUrl} did not answer in time.` : `Cannot reach the hub at ${baseUrl} (${cause}).`);
}

async function httpError(response: Response): Promise<HubError> {
  let message = `The hub answered HTTP ${response.status}.`;
  let code: string | undefined;
  try {
    const body = ErrorBodySchema.safeParse(await response.json());
    if (body.success) ({ message, code } = body.data.error);
  } catch {
    // keep the generic message
  }
  if (response.status === 401) return new HubError('unauthorized', message, 401, code);
  if (response.status >= 500) return new HubError('server', message, response.status, code);
  return new HubError('rejected', message, response.status, code);
}
