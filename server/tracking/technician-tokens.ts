import { randomBytes } from 'node:crypto';
import { hashSessionToken } from '../auth/session-token';
import type { HubTx } from '../store/hub-store';
import { insertTechnicianToken, revokeTechnicianTokens } from '../store/portal/tracking-queries';

/**
 * Issues the technician's API token (replacing any earlier one) and answers it: shown once to
 * the administrator, stored only as its SHA-256 hash.
 */
export async function issueTechnicianToken(tx: HubTx, resourceId: string, issuedBy: string, now: number): Promise<string> {
  if (!(await tx.get('resource', resourceId))) throw new Error(`There is no technician (resource) ${resourceId}.`);
  const token = `ddt_${randomBytes(32).toString('base64url')}`;
  await revokeTechnicianTokens(tx.sql, resourceId, now);
  await insertTechnicianToken(tx.sql, { tokenHash: hashSessionToken(token), resourceId, createdAt: now, createdBy: issuedBy });
  return token;
}
