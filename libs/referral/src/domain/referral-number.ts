const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK = (1n << 64n) - 1n;

/** FNV-1a, 64 bits: pure, so the process definition can name a referral's page. */
function fnv1a64(text: string): bigint {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(text)) hash = ((hash ^ BigInt(byte)) * FNV_PRIME) & MASK;
  return hash;
}

/**
 * The number a referral is known by at the receiving unit and in the
 * sender's notices (referral.md, Mottagen), in groups a person can read
 * out on the phone. Neither the case nor the instance can be recovered from
 * it: 48 bits cannot hold a random case id, whatever the hash.
 */
export function referralNumberOf(caseId: string, instanceId: string): string {
  const digest = fnv1a64(`referral/${caseId}/${instanceId}`).toString(16).padStart(16, '0').toUpperCase();
  return `${digest.slice(0, 4)}-${digest.slice(4, 8)}-${digest.slice(8, 12)}`;
}

export const REFERRAL_NUMBER = /^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/;
