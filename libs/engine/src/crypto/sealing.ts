import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** What an erased (or otherwise unreadable) personal field reads as. */
export const ERASED = '[raderad]';

const PREFIX = 'enc:v1:';
const TOKEN = /^enc:v1:([^:]+):([A-Za-z0-9_-]+)$/;

/**
 * One personal value as stored: AES-256-GCM under the case's key, bound to
 * the case id (as associated data), in a string that names the case so a
 * reader knows which key opens it: `enc:v1:<caseId>:<iv|tag|ciphertext>`.
 */
export function seal(key: Buffer, caseId: string, value: unknown): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(caseId));
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return `${PREFIX}${caseId}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

export function sealedCaseId(value: unknown): string | undefined {
  return typeof value === 'string' ? TOKEN.exec(value)?.[1] : undefined;
}

/** The value, or `[raderad]` when the key is gone or the token does not open with it. */
export function unseal(key: Buffer | undefined, token: string): unknown {
  const match = TOKEN.exec(token);
  if (!match || !key) return ERASED;
  try {
    const raw = Buffer.from(match[2], 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(match[1]));
    decipher.setAuthTag(raw.subarray(12, 28));
    return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8'));
  } catch {
    return ERASED;
  }
}

/** Replaces every sealed value anywhere in `value` with its plaintext, looking keys up per case once. */
export async function unsealDeep(
  value: unknown,
  keyOf: (caseId: string) => Promise<Buffer | undefined>,
): Promise<unknown> {
  const keys = new Map<string, Buffer | undefined>();
  const collect = (node: unknown): void => {
    const caseId = sealedCaseId(node);
    if (caseId !== undefined) keys.set(caseId, undefined);
    else if (Array.isArray(node)) node.forEach(collect);
    else if (node !== null && typeof node === 'object') Object.values(node).forEach(collect);
  };
  collect(value);
  if (keys.size === 0) return value;
  for (const caseId of keys.keys()) keys.set(caseId, await keyOf(caseId));
  const open = (node: unknown): unknown => {
    const caseId = sealedCaseId(node);
    if (caseId !== undefined) return unseal(keys.get(caseId), node as string);
    if (Array.isArray(node)) return node.map(open);
    // Only plain objects are rebuilt: a Date or Buffer in an answer must reach the serializer as it is.
    if (
      node !== null &&
      typeof node === 'object' &&
      [Object.prototype, null].includes(Object.getPrototypeOf(node))
    ) {
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, open(v)]));
    }
    return node;
  };
  return open(value);
}
