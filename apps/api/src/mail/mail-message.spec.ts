import { describe, expect, it } from 'vitest';
import { PROCESS_DEFINITIONS } from '@app/processes';
import { composeMail } from './mail-message';

const GENERIC = composeMail('step', 'c', null, 'https://x').subject;

describe('what an e-mail says', () => {
  it('given every kind of notice a process names, then each has a subject of its own, not the generic one', () => {
    const kinds = new Set(
      PROCESS_DEFINITIONS.flatMap((d) =>
        Object.values(d.events).flatMap((e) => (e.inform?.kind ? [e.inform.kind] : [])),
      ),
    );
    expect(kinds.size).toBeGreaterThan(5);
    for (const kind of kinds)
      expect(composeMail(kind, 'c', null, 'https://x').subject, kind).not.toBe(GENERIC);
  });

  it('given a notice to a partner, then the link is its own page; else the case', () => {
    expect(
      composeMail('referral-received', 'case-1', '/aktualiseringar/3F9A-1C2B-77D0', 'https://x').link,
    ).toBe('https://x/aktualiseringar/3F9A-1C2B-77D0');
    expect(composeMail('deadline', 'case-1', null, 'https://x').link).toBe('https://x/arenden/case-1');
  });
});
