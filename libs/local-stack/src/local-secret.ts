import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** File in the data folder holding the HS256 secret of local tokens. */
export function localSecretPath(dataDir: string): string {
  return join(dataDir, 'jwt-secret');
}

/** Returns the local token secret, creating it (readable by the owner only) on first use. */
export function ensureLocalSecret(dataDir: string): string {
  const path = localSecretPath(dataDir);
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dirname(path), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(path, `${secret}\n`, { mode: 0o600 });
  return secret;
}
