/** How long a client may take to send a request: past either, it is answered 408 and disconnected. */
export interface HubTimeouts {
  /** The request line and headers. */
  headersMs: number;
  /** The whole request, body included: a body trickling in byte by byte ends here. */
  requestMs: number;
}

/** Generous for a console on a slow mobile link (a large push is a few hundred KB), short enough that idle senders cannot pile up. */
export const defaultHubTimeouts: HubTimeouts = { headersMs: 15_000, requestMs: 60_000 };

/** Node looks for late requests only every 30 s by default, far coarser than the timeouts themselves. */
export function lateRequestCheckInterval(timeouts: HubTimeouts): number {
  return Math.max(100, Math.min(1_000, Math.floor(timeouts.headersMs / 4)));
}
