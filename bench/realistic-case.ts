import type { CaseCommand, Role } from '@app/engine';

const PLAN_ITEM = {
  vad: 'Kontakt med vårdcentral',
  vem: 'Socialsekreterare',
  nar: '2026-02-15',
  varfor: 'Samordna',
  gjort: false,
};

export interface BenchStep {
  readonly role: Role;
  readonly command: CaseCommand;
  /** Fixed per step, so the instance the plan starts has a known id: `<plan step's id>.p0`. */
  readonly commandId: string;
}

/**
 * The realistic case both benches run, 15 commands: open → rehab-handledning
 * to category 4 → the förtroendeläkare process it starts, through written
 * recommendations to follow-up (check-in and actions recorded).
 */
export function realisticCase(caseId: string): BenchStep[] {
  const id = (step: number) => `${caseId}-s${step}`;
  const fl = `${id(7)}.p0`;
  const send = (role: Role, instanceId: string, event: string, payload?: object) =>
    [role, { type: 'SendProcessEvent', caseId, instanceId, event, payload }] as const;
  const steps: (readonly [Role, CaseCommand])[] = [
    [
      'socialsekreterare',
      { type: 'OpenCase', caseId, reference: 'AB 6303', unit: 'jarva-1', socialWorkerId: 'jarva-1-ss' },
    ],
    [
      'socialsekreterare',
      { type: 'StartProcess', caseId, instanceId: 'rh', definitionId: 'rehab-handledning' },
    ],
    send('socialsekreterare', 'rh', 'ImpulsRegistered', {
      grounds: ['sjukskriven-utan-samordnade-insatser'],
    }),
    send('socialsekreterare', 'rh', 'RehabansvarigContacted'),
    send('rehabansvarig', 'rh', 'DocumentationReviewed', { findings: 'Sjukskriven sedan 2024' }),
    send('rehabansvarig', 'rh', 'SupervisionHeld', { heldOn: '2026-01-30', progressionsplanNeeded: true }),
    send('rehabansvarig', 'rh', 'CategoryDecided', { category: 4, motivation: 'Otydligt intyg' }),
    send('rehabansvarig', 'rh', 'ProgressionsplanShared', { items: [PLAN_ITEM] }),
    send('socialsekreterare', fl, 'ImpulsRegistered', {
      reason: 'Enligt plan',
      sickListingCareUnit: 'Danderyds vårdcentral',
    }),
    send('rehabansvarig', fl, 'ReferralAccepted', { preparation: 'Intyg och samtycke' }),
    send('socialsekreterare', fl, 'DocumentsHandedOver', { consentForm: true, notificationForm: true }),
    send('rehabansvarig', fl, 'ConsultationHeld', { heldOn: '2026-02-10' }),
    send('rehabansvarig', fl, 'RecommendationsReceived', {
      receivedOn: '2026-02-20',
      summary: 'Arbetsträning',
    }),
    send('rehabansvarig', fl, 'CheckInHeld', { notes: 'Avstämt' }),
    send('socialsekreterare', fl, 'ActionsTaken', { description: 'Kontakt med VC' }),
  ];
  return steps.map(([role, command], step) => ({ role, command, commandId: id(step) }));
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
