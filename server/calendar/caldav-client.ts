import { createObject, deleteObject, updateObject } from 'tsdav';

/** Where and as whom to write: a technician's calendar collection and its account (basic auth). */
export interface CaldavAccount {
  url: string;
  username: string;
  password: string;
}

export type CaldavAnswer = { ok: true; etag: string | null } | { ok: false; error: string };

/** The event's address in the collection: the booking id is the file name, so it never changes. */
export function eventHref(collectionUrl: string, bookingId: string): string {
  const base = collectionUrl.endsWith('/') ? collectionUrl : `${collectionUrl}/`;
  return new URL(`${encodeURIComponent(bookingId)}.ics`, base).href;
}

function requestOptions(account: CaldavAccount, timeoutMs: number) {
  // Built here rather than with tsdav's getBasicAuthHeaders, which encodes with btoa (Latin-1 only).
  const authorization = `Basic ${Buffer.from(`${account.username}:${account.password}`, 'utf8').toString('base64')}`;
  return { headers: { authorization }, fetchOptions: { signal: AbortSignal.timeout(timeoutMs) } };
}

/**
 * Writes the event. `known` is what the server last accepted: none → create (If-None-Match: *),
 * else update with If-Match of its ETag. Push is one way, so when the server's copy is not the
 * one we know (412: someone edited or re-created it; 404 on an update: someone deleted it), the
 * hub's version is written over it without a condition instead of giving up.
 */
export async function putEvent(account: CaldavAccount, href: string, ics: string, known: { etag: string | null } | null, timeoutMs: number): Promise<CaldavAnswer> {
  const options = requestOptions(account, timeoutMs);
  const contentType = { 'content-type': 'text/calendar; charset=utf-8' };
  const first = known
    ? await updateObject({ url: href, data: ics, etag: known.etag ?? '', headers: { ...contentType, ...options.headers }, fetchOptions: options.fetchOptions })
    : await createObject({ url: href, data: ics, headers: { ...contentType, 'if-none-match': '*', ...options.headers }, fetchOptions: options.fetchOptions });
  const overwrite = first.status === 412 || (known !== null && first.status === 404);
  const response = overwrite ? await updateObject({ url: href, data: ics, etag: '', headers: { ...contentType, ...options.headers }, fetchOptions: requestOptions(account, timeoutMs).fetchOptions }) : first;
  return answerOf(response);
}

/** Removes the event; one already gone (404, 410) counts as removed, one changed on the server (412) is removed anyway. */
export async function deleteEvent(account: CaldavAccount, href: string, etag: string | null, timeoutMs: number): Promise<CaldavAnswer> {
  const options = requestOptions(account, timeoutMs);
  const first = await deleteObject({ url: href, etag: etag ?? '', headers: options.headers, fetchOptions: options.fetchOptions });
  const response = first.status === 412 ? await deleteObject({ url: href, etag: '', headers: options.headers, fetchOptions: requestOptions(account, timeoutMs).fetchOptions }) : first;
  if (response.status === 404 || response.status === 410) return { ok: true, etag: null };
  return answerOf(response);
}

async function answerOf(response: Response): Promise<CaldavAnswer> {
  const body = await response.text().catch(() => '');
  if (response.ok) return { ok: true, etag: response.headers.get('etag') };
  const detail = body.replace(/\s+/g, ' ').trim().slice(0, 300);
  return { ok: false, error: `The CalDAV server answered ${response.status} ${response.statusText}${detail ? `: ${detail}` : ''}` };
}

/** A request that got no answer at all (refused, timed out, bad certificate): the reason, not "fetch failed". */
export function describeRequestError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return 'The CalDAV server did not answer in time.';
  const cause = (error as { cause?: unknown }).cause;
  const reason = cause instanceof Error ? cause.message : error.message;
  return `Could not reach the CalDAV server: ${reason}`;
}
