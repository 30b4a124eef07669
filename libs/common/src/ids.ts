import { createHash, randomBytes } from 'node:crypto';

/**
 * A UUID-shaped id derived from a name: the same name always gives the same
 * id, so a retried request or command reaches what the first one created.
 * For event ids, which the stores require to be UUIDs.
 */
export function uuidFromName(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * RFC 4648 base32 in lower case. Its only digits are 2-7, which can never
 * make a month (01-12), so an id in it can never look like a personnummer
 * and is always accepted by the id grammar.
 */
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return bits > 0 ? out + BASE32[(value << (5 - bits)) & 31] : out;
}

/** A fresh server-chosen id: 128 random bits, 26 characters. */
export function newId(): string {
  return base32(randomBytes(16));
}

/** An id derived from a name (the same name, the same id), in the same alphabet as `newId`. */
export function idFromName(name: string): string {
  return base32(createHash('sha256').update(name).digest().subarray(0, 16));
}
