import type { PortalRequestSummary } from '../../../shared/contract/ipc-contract';

/**
 * Which open portal requests are new since the last look: the first look only learns what is
 * there (a console that starts does not announce its whole inbox), later ones report the rest.
 */
export class PortalRequestWatch {
  private seen: Set<string> | null = null;

  update(open: readonly PortalRequestSummary[]): PortalRequestSummary[] {
    const known = this.seen;
    this.seen = new Set(open.map((r) => r.id));
    if (!known) return [];
    return open.filter((r) => !known.has(r.id));
  }
}
