import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Where the generated secret is kept, under DATA_DIR. */
export function jwtSecretPath(dataDir: string): string {
  return path.join(dataDir, 'jwt-secret');
}

const SECRET_BYTES = 32;

/**
 * The key API tokens are signed with: JWT_SECRET when set (always in production), else a random
 * 32-byte secret made on the first start and kept in DATA_DIR/jwt-secret (mode 0600), so tokens
 * survive restarts and every API process on the same DATA_DIR signs alike.
 */
export function jwtSigningKey(config: { jwtSecret: string | null; dataDir: string }): Buffer {
  if (config.jwtSecret) return Buffer.from(config.jwtSecret, 'utf8');
  return loadOrCreateSecretFile(jwtSecretPath(config.dataDir));
}

/**
 * Reads the secret file, creating it first if there is none. Several processes may start at once:
 * each writes its candidate to a temporary file and links it into place, which fails if the file
 * already exists, so the first one wins and the others read what it wrote (never a partial file).
 */
export function loadOrCreateSecretFile(file: string): Buffer {
  const existing = readSecret(file);
  if (existing) return existing;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  fs.writeFileSync(temporary, `${randomBytes(SECRET_BYTES).toString('base64url')}\n`, {
    mode: 0o600,
    flag: 'wx',
  });
  try {
    fs.linkSync(temporary, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
  const secret = readSecret(file);
  if (!secret) throw new Error(`${file}: could not create the JWT secret`);
  return secret;
}

function readSecret(file: string): Buffer | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const secret = Buffer.from(text.trim(), 'base64url');
  if (secret.length < SECRET_BYTES) {
    throw new Error(`${file}: not a JWT secret (expected ${SECRET_BYTES} random bytes, base64url)`);
  }
  return secret;
}
