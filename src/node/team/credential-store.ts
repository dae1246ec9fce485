/**
 * Where a host keeps the team server's password, out of the interface's reach: a file only the user can read
 * (the web host and the command line), or a file encrypted with the system's keychain (the desktop, through
 * Electron's safeStorage, which comes in as an argument so that this module needs no Electron).
 */
import { readFile, rm } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/atomic-write';

export interface CredentialStore {
  /** The stored password, or undefined when none is stored (or it can no longer be read). */
  read(): Promise<string | undefined>;
  write(password: string): Promise<void>;
  clear(): Promise<void>;
}

const storedPasswordSchema = z.object({ password: z.string() });

/** Only the user may read or write it. */
const privateMode = 0o600;

async function readIfPresent(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The password as JSON in a file of mode 0600, written atomically. */
export function privateCredentialFile(file: string): CredentialStore {
  return {
    read: async () => {
      const bytes = await readIfPresent(file);
      if (bytes === undefined) return undefined;
      try {
        return storedPasswordSchema.parse(JSON.parse(bytes.toString('utf8'))).password;
      } catch {
        return undefined;
      }
    },
    write: (password) => writeFileAtomic(file, `${JSON.stringify({ password })}\n`, { mode: privateMode }),
    clear: () => rm(file, { force: true }),
  };
}

/** Electron's `safeStorage`, as far as it is used here. */
export interface SecretCipher {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export class NoSafeStorage extends Error {
  constructor() {
    super('This system offers Targum no safe place for the password (no keychain or secret service is available), so it was not saved.');
  }
}

/**
 * The password encrypted with the system's keychain (safeStorage), in a file of mode 0600. A file that no
 * longer decrypts (another user's keychain, a reset one) reads as no password: the user enters it again.
 */
export function encryptedCredentialFile(file: string, cipher: SecretCipher): CredentialStore {
  return {
    read: async () => {
      const bytes = await readIfPresent(file);
      if (bytes === undefined || !cipher.isEncryptionAvailable()) return undefined;
      try {
        return cipher.decryptString(bytes);
      } catch {
        return undefined;
      }
    },
    write: async (password) => {
      if (!cipher.isEncryptionAvailable()) throw new NoSafeStorage();
      await writeFileAtomic(file, cipher.encryptString(password), { mode: privateMode });
    },
    clear: () => rm(file, { force: true }),
  };
}
