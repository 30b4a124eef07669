import { createHash } from 'node:crypto';

/**
 * A UUID-shaped id derived from a name: the same name always gives the same
 * id, so a retried request or command reaches what the first one created.
 */
export function uuidFromName(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
