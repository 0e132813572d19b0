import type { ContactList, ContactListItem } from '../../../../shared/contract/portal-admin';
import { PORTAL_ROLE, type Invitation } from '../../../../shared/domain/entities';
import { prepareCached } from '../../../../db-common/sqlite-statement-cache';
import type { Replica } from '../open-replica';

interface ContactSqlRow {
  id: string;
  name: string;
  email: string;
  accountId: string;
  accountName: string;
  webRoles: string;
  hasPortalProfile: number;
  invitationId: string | null;
  invitationState: Invitation['state'];
  invitationCreatedAt: number | null;
  invitationExpiresAt: number | null;
  invitationIssuedBy: string | null;
  awaitingHub: number;
  invitationCount: number;
}

/** `%` and `_` typed by the user are letters, not wildcards. */
function likePattern(query: string): string {
  return `%${query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const MATCH = `(@query = '' OR lower(c.name) LIKE @pattern ESCAPE '\\' OR lower(c.email) LIKE @pattern ESCAPE '\\' OR lower(a.name) LIKE @pattern ESCAPE '\\')`;

/**
 * Contacts whose name, e-mail or account contains `query` (any case), by name, one page at a
 * time, each with its newest invitation. An invitation still shadowed is one a pending local
 * mutation made: the hub has not got it yet, so nobody has e-mailed it.
 */
export function listContacts(db: Replica, request: { query: string; offset: number; limit: number }): ContactList {
  const params = { query: request.query, pattern: likePattern(request.query), limit: request.limit, offset: request.offset };
  const total = prepareCached(db, `SELECT COUNT(*) FROM contacts c JOIN accounts a ON a.id = c.account_id WHERE ${MATCH}`)
    .pluck()
    .get(params) as number;
  const rows = prepareCached(
    db,
    `SELECT c.id, c.name, c.email, c.account_id AS accountId, a.name AS accountName, c.web_roles AS webRoles,
       c.has_portal_profile AS hasPortalProfile,
       i.id AS invitationId, i.state AS invitationState, i.created_at AS invitationCreatedAt,
       i.expires_at AS invitationExpiresAt, i.issued_by AS invitationIssuedBy,
       EXISTS (SELECT 1 FROM shadow s WHERE s.entity = 'invitation' AND s.id = i.id) AS awaitingHub,
       (SELECT COUNT(*) FROM invitations n WHERE n.contact_id = c.id) AS invitationCount
     FROM contacts c
     JOIN accounts a ON a.id = c.account_id
     LEFT JOIN invitations i ON i.id = (
       SELECT n.id FROM invitations n WHERE n.contact_id = c.id ORDER BY n.created_at DESC, n.id DESC LIMIT 1)
     WHERE ${MATCH}
     ORDER BY lower(c.name), c.id
     LIMIT @limit OFFSET @offset`,
  ).all(params) as ContactSqlRow[];
  return { query: request.query, offset: request.offset, total, contacts: rows.map(contactFromSql) };
}

function contactFromSql(row: ContactSqlRow): ContactListItem {
  const roles = JSON.parse(row.webRoles) as unknown;
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    accountId: row.accountId,
    accountName: row.accountName,
    portalRole: Array.isArray(roles) && roles.includes(PORTAL_ROLE),
    hasPortalProfile: row.hasPortalProfile === 1,
    invitation:
      row.invitationId === null
        ? null
        : {
            id: row.invitationId,
            state: row.invitationState,
            createdAt: row.invitationCreatedAt!,
            expiresAt: row.invitationExpiresAt!,
            issuedBy: row.invitationIssuedBy!,
            awaitingHub: row.awaitingHub === 1,
          },
    invitationCount: row.invitationCount,
  };
}
