import { createCipheriv, createDecipheriv, randomFillSync } from 'node:crypto';

/** What an erased (or otherwise unreadable) personal field reads as. */
export const ERASED = '[raderad]';

const PREFIX = 'enc:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Random bytes drawn a page at a time, as `randomUUID` does: a command
 * seals several values, and asking the system's generator for twelve bytes
 * each time cost more than the encryption. Every IV is its own slice, used
 * once.
 */
const IV_POOL_BYTES = IV_BYTES * 512;
let ivPool = Buffer.alloc(0);
let ivOffset = IV_POOL_BYTES;
function freshIv(): Buffer {
  if (ivOffset + IV_BYTES > ivPool.length) {
    ivPool = randomFillSync(Buffer.allocUnsafe(IV_POOL_BYTES));
    ivOffset = 0;
  }
  ivOffset += IV_BYTES;
  return ivPool.subarray(ivOffset - IV_BYTES, ivOffset);
}

/**
 * AES-256-GCM, bound to `aad` (a case id): `iv | tag | ciphertext`. Used for
 * personal values under a case's key and for data keys under the master key.
 */
export function encryptBound(key: Buffer, aad: string, plaintext: Buffer): Buffer {
  const iv = freshIv();
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** The plaintext; throws when the key or the associated data is not the one it was sealed with. */
export function decryptBound(key: Buffer, aad: string, sealed: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}
// The case id runs to the last `:` (the ciphertext is base64url, which has none), so an id holding `:` still opens.
const TOKEN = /^enc:v1:(.+):([A-Za-z0-9_-]+)$/;

/**
 * One personal value as stored: AES-256-GCM under the case's key, bound to
 * the case id (as associated data), in a string that names the case so a
 * reader knows which key opens it: `enc:v1:<caseId>:<iv|tag|ciphertext>`.
 */
export function seal(key: Buffer, caseId: string, value: unknown): string {
  const sealed = encryptBound(key, caseId, Buffer.from(JSON.stringify(value), 'utf8'));
  return `${PREFIX}${caseId}:${sealed.toString('base64url')}`;
}

export function sealedCaseId(value: unknown): string | undefined {
  return typeof value === 'string' ? TOKEN.exec(value)?.[1] : undefined;
}

/** The value, or `[raderad]` when the key is gone or the token does not open with it. */
export function unseal(key: Buffer | undefined, token: string): unknown {
  const match = TOKEN.exec(token);
  if (!match || !key) return ERASED;
  try {
    return JSON.parse(decryptBound(key, match[1], Buffer.from(match[2], 'base64url')).toString('utf8'));
  } catch {
    return ERASED;
  }
}
