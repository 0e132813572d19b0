import { z } from 'zod';
import { WorkOrderNumberSchema } from '../domain/entities';

/** The console's URL scheme, registered with the operating system by the desktop app. */
export const DEEP_LINK_SCHEME = 'dispatch-desk';

/** Where a link (or the command palette) can take the console. */
export const AppRouteSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('work-order'), number: WorkOrderNumberSchema }).strict(),
]);
export type AppRoute = z.infer<typeof AppRouteSchema>;

export const OpenLinkRequestSchema = z.object({ url: z.string().max(2048, 'a link may hold at most 2,048 characters') }).strict();

export type ParsedLink = { ok: true; route: AppRoute } | { ok: false; reason: string };

const linkPattern = /^dispatch-desk:\/\/([^/?#]+)\/([^/?#]+)\/?(?:[?#].*)?$/i;

/**
 * `dispatch-desk://work-order/WO-00123` → the work order's route. Anything else is refused with
 * a reason a person can act on: another scheme, an unknown kind of page, a malformed number.
 */
export function parseDeepLink(url: string): ParsedLink {
  const text = url.trim();
  if (text.length > 2048) return { ok: false, reason: 'The link is too long.' };
  if (!text.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`)) return { ok: false, reason: `Only ${DEEP_LINK_SCHEME}:// links open in Dispatch Desk.` };
  const match = linkPattern.exec(text);
  if (!match) return { ok: false, reason: `The link should look like ${DEEP_LINK_SCHEME}://work-order/WO-00123.` };
  const kind = safeDecode(match[1]!)?.toLowerCase();
  const id = safeDecode(match[2]!);
  if (kind !== 'work-order') return { ok: false, reason: `Dispatch Desk cannot open "${(kind ?? match[1]!).slice(0, 40)}" links.` };
  const number = WorkOrderNumberSchema.safeParse(id?.toUpperCase());
  if (!number.success) return { ok: false, reason: `"${(id ?? match[2]!).slice(0, 40)}" is not a work order number like WO-00123.` };
  return { ok: true, route: { kind: 'work-order', number: number.data } };
}

/** The link that opens a route, for "Copy link". */
export function deepLinkFor(route: AppRoute): string {
  return `${DEEP_LINK_SCHEME}://work-order/${route.number}`;
}

/**
 * The link among a launch's arguments (a second launch hands over its command line; on Windows
 * and Linux the link arrives there), or undefined.
 */
export function findDeepLink(argv: readonly string[]): string | undefined {
  return argv.find((arg) => arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`));
}

function safeDecode(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}
