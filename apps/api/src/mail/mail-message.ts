/**
 * What an e-mail says: only what kind of thing waits and a link to it,
 * never the case's reference, a name or any free text (secrecy under OSL).
 * The notification's own text is not used: it may name a reason or a step.
 */
const SUBJECTS: Readonly<Record<string, string>> = {
  deadline: 'En frist har passerat i ett av dina ärenden',
  escalation: 'Ett ärende väntar på dig efter en eskalering',
  'hand-back': 'Ett uppföljningsansvar har lämnats tillbaka',
  step: 'Något väntar på dig i Ärendemotorn',
};

export interface MailMessage {
  readonly subject: string;
  readonly text: string;
  readonly link: string;
}

export function composeMail(kind: string, caseId: string, publicUrl: string): MailMessage {
  const subject = SUBJECTS[kind] ?? SUBJECTS.step;
  const link = `${publicUrl}/arenden/${encodeURIComponent(caseId)}`;
  return {
    subject,
    link,
    text: [
      'Hej!',
      '',
      `${subject}.`,
      '',
      `Öppna ärendet i Ärendemotorn: ${link}`,
      '',
      'Av sekretesskäl står inget om ärendet i det här meddelandet.',
      'Du kan stänga av e-post om nya uppgifter i Ärendemotorn, under Inställningar.',
    ].join('\n'),
  };
}
