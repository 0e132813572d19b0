import type { SqlExecutor } from '../sql-executor';
import { placeholders } from './sql-params';

/** Linked OpenID Connect identities and the sign-in / link flows in flight: never synced. */

export interface LinkedIdentity {
  issuer: string;
  subject: string;
  contactId: string;
  email: string | null;
  linkedAt: number;
}

interface IdentityRow {
  issuer: string;
  subject: string;
  contact_id: string;
  email: string | null;
  linked_at: number;
}

const toIdentity = (r: IdentityRow): LinkedIdentity => ({ issuer: r.issuer, subject: r.subject, contactId: r.contact_id, email: r.email, linkedAt: Number(r.linked_at) });

export async function findIdentity(ex: SqlExecutor, issuer: string, subject: string): Promise<LinkedIdentity | undefined> {
  const p = ex.dialect.param;
  const [row] = await ex.all<IdentityRow>(`SELECT * FROM portal_identities WHERE issuer = ${p(1)} AND subject = ${p(2)}`, [issuer, subject]);
  return row && toIdentity(row);
}

export async function identityOf(ex: SqlExecutor, contactId: string, issuer: string): Promise<LinkedIdentity | undefined> {
  const p = ex.dialect.param;
  const [row] = await ex.all<IdentityRow>(`SELECT * FROM portal_identities WHERE contact_id = ${p(1)} AND issuer = ${p(2)}`, [contactId, issuer]);
  return row && toIdentity(row);
}

/** Links the identity to the contact, replacing the contact's earlier link to the same issuer. */
export async function linkIdentity(ex: SqlExecutor, identity: LinkedIdentity): Promise<void> {
  await unlinkIdentity(ex, identity.contactId, identity.issuer);
  await ex.run(`INSERT INTO portal_identities (issuer, subject, contact_id, email, linked_at) VALUES (${placeholders(ex, 5)})`, [
    identity.issuer,
    identity.subject,
    identity.contactId,
    identity.email,
    identity.linkedAt,
  ]);
}

/** Whether there was a link to remove. */
export async function unlinkIdentity(ex: SqlExecutor, contactId: string, issuer: string): Promise<boolean> {
  const p = ex.dialect.param;
  return (await ex.run(`DELETE FROM portal_identities WHERE contact_id = ${p(1)} AND issuer = ${p(2)}`, [contactId, issuer])) > 0;
}

// ——— Flows ———

export type OidcFlowPurpose = 'sign-in' | 'link';

export interface OidcFlow {
  stateHash: string;
  purpose: OidcFlowPurpose;
  browserHash: string;
  issuer: string;
  codeVerifier: string;
  nonce: string;
  /** A link flow's contact and the session that asked for it; null for sign-in. */
  contactId: string | null;
  sessionHash: string | null;
  /** The attempt counted when the flow started (given back when it succeeds). */
  attemptJson: string;
  createdAt: number;
  expiresAt: number;
}

interface FlowRow {
  state_hash: string;
  purpose: OidcFlowPurpose;
  browser_hash: string;
  issuer: string;
  code_verifier: string;
  nonce: string;
  contact_id: string | null;
  session_hash: string | null;
  attempt_json: string;
  created_at: number;
  expires_at: number;
}

export async function insertFlow(ex: SqlExecutor, flow: OidcFlow): Promise<void> {
  await ex.run(
    `INSERT INTO portal_oidc_flows (state_hash, purpose, browser_hash, issuer, code_verifier, nonce, contact_id, session_hash, attempt_json, created_at, expires_at)
     VALUES (${placeholders(ex, 11)})`,
    [flow.stateHash, flow.purpose, flow.browserHash, flow.issuer, flow.codeVerifier, flow.nonce, flow.contactId, flow.sessionHash, flow.attemptJson, flow.createdAt, flow.expiresAt],
  );
}

/** Removes and answers the flow in one statement: two callbacks racing with one state cannot both use it. */
export async function takeFlow(ex: SqlExecutor, stateHash: string): Promise<OidcFlow | undefined> {
  const [r] = await ex.all<FlowRow>(`DELETE FROM portal_oidc_flows WHERE state_hash = ${ex.dialect.param(1)} RETURNING *`, [stateHash]);
  if (!r) return undefined;
  return {
    stateHash: r.state_hash,
    purpose: r.purpose,
    browserHash: r.browser_hash,
    issuer: r.issuer,
    codeVerifier: r.code_verifier,
    nonce: r.nonce,
    contactId: r.contact_id,
    sessionHash: r.session_hash,
    attemptJson: r.attempt_json,
    createdAt: Number(r.created_at),
    expiresAt: Number(r.expires_at),
  };
}

/** Flows nobody finished stay only until they expire (plus a grace, so a late callback can still be told "expired"). */
export async function deleteStaleFlows(ex: SqlExecutor, before: number): Promise<void> {
  await ex.run(`DELETE FROM portal_oidc_flows WHERE expires_at < ${ex.dialect.param(1)}`, [before]);
}
