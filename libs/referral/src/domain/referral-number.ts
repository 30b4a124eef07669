import { createHash } from 'node:crypto';

/**
 * The number a referral is known by at the receiving unit and in the
 * sender's notices (referral.md, Mottagen): a digest of the sender's case
 * and instance, from which neither can be recovered, in groups a person can
 * read out on the phone.
 */
export function referralNumberOf(caseId: string, instanceId: string): string {
  const digest = createHash('sha256').update(`referral/${caseId}/${instanceId}`).digest('hex').toUpperCase();
  return `${digest.slice(0, 4)}-${digest.slice(4, 8)}-${digest.slice(8, 12)}`;
}

export const REFERRAL_NUMBER = /^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/;
