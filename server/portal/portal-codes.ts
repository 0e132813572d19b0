import { createHash, randomInt } from 'node:crypto';

/** Letters and digits a reader cannot confuse (no I, O, 0, 1). */
const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 10;

/** A single-use code as e-mailed, e.g. "K7MQ-R2XD-PA" grouped for reading (50 bits of randomness). */
export function newPortalCode(): string {
  const chars = Array.from({ length: CODE_LENGTH }, () => alphabet[randomInt(alphabet.length)]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

/** Only this hash is stored; the code is normalised the way PortalCodeSchema reads it (no dashes or spaces, upper case). */
export function hashPortalCode(code: string): string {
  return createHash('sha256').update(`portal-code:${code.replace(/[\s-]/g, '').toUpperCase()}`).digest('hex');
}
