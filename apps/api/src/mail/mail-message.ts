/**
 * What an e-mail says: only what kind of thing waits and a link to it,
 * never the case's reference, a name or any free text (secrecy under OSL).
 * The notification's own text is not used: it may name a reason or a step.
 */
const SUBJECTS: Readonly<Record<string, string>> = {
  deadline: 'En tidsgräns har passerat i ett av dina ärenden',
  escalation: 'Ett ärende väntar på dig efter en eskalering',
  'hand-back': 'Ett uppföljningsansvar har lämnats tillbaka',
  step: 'Något väntar på dig i Ärendemotorn',
  'plan-shared': 'En plan har delats med dig i ett av dina ärenden',
  'plan-item-due': 'En punkt i en progressionsplan ska snart vara gjord, eller är försenad',
  'referral-received': 'En aktualisering har kommit till er enhet',
  'referral-answered': 'En aktualisering har kompletterats',
  'referral-withdrawn': 'En aktualisering har återkallats',
  'referral-question': 'Beredningsgruppen vill ha en komplettering av en aktualisering',
  'referral-decided': 'Beredningsgruppen har beslutat om en aktualisering',
  'referral-admitted': 'En klient har antagits efter en aktualisering; anvisa till insatsen',
  'referral-returned': 'En aktualisering har återsänts',
};

export interface MailMessage {
  readonly subject: string;
  readonly text: string;
  readonly link: string;
}

/** `path`: the page it waits on, a partner's own list; the case's page when absent. */
export function composeMail(
  kind: string,
  caseId: string,
  path: string | null,
  publicUrl: string,
): MailMessage {
  const subject = SUBJECTS[kind] ?? SUBJECTS.step;
  const link = `${publicUrl}${path ?? `/arenden/${encodeURIComponent(caseId)}`}`;
  return {
    subject,
    link,
    text: [
      'Hej!',
      '',
      `${subject}.`,
      '',
      `${path ? 'Öppna den' : 'Öppna ärendet'} i Ärendemotorn: ${link}`,
      '',
      'Av sekretesskäl står inget om ärendet i det här meddelandet.',
      'Du kan stänga av e-post om nya uppgifter i Ärendemotorn, under Inställningar.',
    ].join('\n'),
  };
}
