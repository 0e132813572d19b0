import { createHash, randomBytes } from 'node:crypto';

export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

/** 32 random bytes; only the SHA-256 hash is stored, so a copied database holds no usable tokens. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The token of an `Authorization: Bearer <token>` header, if there is one. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+([A-Za-z0-9_-]{20,200})\s*$/i.exec(header ?? '');
  return match?.[1];
}
