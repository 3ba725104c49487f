/**
 * Password hashing with Argon2id (hash-wasm, WebAssembly: same code in browsers and Node).
 *
 * @remarks The result is the standard PHC encoded string
 * (`$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`), so the parameters travel with the hash and can be
 * raised later without breaking stored passwords. The defaults follow OWASP's minimum for Argon2id
 * (19 MiB, 2 iterations, 1 lane).
 * @module
 */
import { argon2id, argon2Verify } from 'hash-wasm';
import { CryptoError } from './errors.ts';
import { randomBytes } from './random.ts';

export interface PasswordHashOptions {
  /** Memory in KiB; at least 19456 (19 MiB). */
  memoryKiB?: number;
  /** Iterations; at least 2. */
  iterations?: number;
  parallelism?: number;
}

export const PASSWORD_DEFAULTS = { memoryKiB: 19 * 1024, iterations: 2, parallelism: 1 } as const;
const MAX_PASSWORD_CHARS = 1024;

function checkPassword(password: string): void {
  if (typeof password !== 'string' || password.length === 0 || password.length > MAX_PASSWORD_CHARS) {
    throw new CryptoError('bad_input', `password must be a string of 1..${MAX_PASSWORD_CHARS} characters`);
  }
}

/** Hashes `password` with a fresh 16-byte salt; returns the PHC encoded string. */
export async function hashPassword(password: string, options: PasswordHashOptions = {}): Promise<string> {
  checkPassword(password);
  const memoryKiB = options.memoryKiB ?? PASSWORD_DEFAULTS.memoryKiB;
  const iterations = options.iterations ?? PASSWORD_DEFAULTS.iterations;
  if (memoryKiB < PASSWORD_DEFAULTS.memoryKiB || iterations < PASSWORD_DEFAULTS.iterations) {
    throw new CryptoError('bad_input', `Argon2id needs memory ≥ 19456 KiB and t ≥ 2, got m=${memoryKiB}, t=${iterations}`);
  }
  return argon2id({
    password,
    salt: randomBytes(16),
    iterations,
    parallelism: options.parallelism ?? PASSWORD_DEFAULTS.parallelism,
    memorySize: memoryKiB,
    hashLength: 32,
    outputType: 'encoded',
  });
}

const ENCODED = /^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/;

/**
 * True when `password` matches `encoded`. A wrong password gives false; a malformed `encoded`
 * string throws `CryptoError('bad_hash_format')` so a corrupt database row is not mistaken for a
 * wrong password.
 */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  if (typeof encoded !== 'string' || !ENCODED.test(encoded)) {
    throw new CryptoError('bad_hash_format', 'stored password hash is not an Argon2id encoded string');
  }
  if (typeof password !== 'string' || password.length === 0 || password.length > MAX_PASSWORD_CHARS) return false;
  return argon2Verify({ password, hash: encoded });
}
