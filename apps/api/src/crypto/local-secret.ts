import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * 32 random bytes kept in a file of the data directory (owner-only), made on
 * first use: development stand-ins for secrets production takes from the
 * environment. `wx` never overwrites one another process just wrote.
 */
export function localSecret(dataDir: string, file: string): Buffer {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, file);
  if (!existsSync(path)) writeFileSync(path, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  return Buffer.from(readFileSync(path, 'utf8'), 'base64');
}
