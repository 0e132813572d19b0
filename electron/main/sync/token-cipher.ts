/** What the cipher needs of Electron's safeStorage; injected, so this file never imports electron. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/**
 * How the hub session token is kept in the replica. With the operating system's keychain
 * (Electron's safeStorage: Keychain, DPAPI, libsecret) it is stored encrypted, readable only by
 * this user on this computer; without one (no keyring on a Linux desktop, the browser host) it is
 * stored as it is, and the console says so in Settings.
 */
export interface TokenCipher {
  readonly protection: 'os' | 'plain';
  seal(token: string): string;
  /** The token, or null when it cannot be read back (another user's keychain, a damaged value): sign in again. */
  open(stored: string): string | null;
}

/** Sealed tokens carry this prefix; anything else is a token stored as it is (hub tokens are base64url, never containing ':'). */
const SEALED = 'os:v1:';

export function createTokenCipher(safeStorage?: SafeStorageLike, log: (message: string, error?: unknown) => void = console.warn): TokenCipher {
  const available = (() => {
    try {
      return safeStorage?.isEncryptionAvailable() === true;
    } catch {
      return false;
    }
  })();
  return {
    protection: available ? 'os' : 'plain',
    seal: (token) => (available ? SEALED + safeStorage!.encryptString(token).toString('base64') : token),
    open(stored) {
      if (!stored.startsWith(SEALED)) return stored; // stored as it is (no keychain, or written before tokens were sealed)
      if (!available) {
        log('The hub session was stored encrypted, but no system keychain is available now; sign in again.');
        return null;
      }
      try {
        return safeStorage!.decryptString(Buffer.from(stored.slice(SEALED.length), 'base64'));
      } catch (error) {
        log('The stored hub session could not be decrypted; sign in again.', error);
        return null;
      }
    },
  };
}
