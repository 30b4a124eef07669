import type { INestApplication } from '@nestjs/common';
import { expect } from 'vitest';
import { FULL_CHANGE, PLAN } from '@app/engine/testing/engine-harness';
import { as } from './app-harness';

/** Case data for e2e tests: pseudonyms only. */
export const UNIT = 'jarva-1';
export const SOCIAL_WORKER = 'ss-anna';

export { FULL_CHANGE, PLAN };

/** The målgrupp the remiss CM states; all three hold. */
export const CM_TARGET_GROUP = { motivated: true, struggles: true, farFromLabourMarket: true };

/** CM:s biträdande names the unit's case manager (a development user, known to the staff directory). */
export const CM_ASSIGNED = { caseManagerId: `${UNIT}-cm` };

/** Every CM criterion met (Bilaga 2's checklist). */
export const CM_CRITERIA = {
  clearGoal: true,
  consentWithHealthcareAndAf: true,
  noOngoingSubstanceAbuse: true,
  noRiskOfThreatOrViolence: true,
  understandsWithoutInterpreter: true,
};

type Role = Parameters<typeof as>[1];

/** Drives a case over HTTP, failing the test on any unexpected status. */
export class CaseDriver {
  constructor(
    private readonly app: INestApplication,
    readonly caseId: string,
  ) {}

  static async open(app: INestApplication, reference = 'AB 6303'): Promise<CaseDriver> {
    const response = await as(app, 'socialsekreterare', SOCIAL_WORKER)
      .post('/api/cases')
      .send({ reference, unit: UNIT, socialWorkerId: SOCIAL_WORKER });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return new CaseDriver(app, response.body.caseId as string);
  }

  async start(definitionId: string, role: Role = 'socialsekreterare'): Promise<string> {
    const response = await as(this.app, role, this.userFor(role))
      .post(`/api/cases/${this.caseId}/processes`)
      .send({ definitionId });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.instanceId as string;
  }

  async send(role: Role, instanceId: string, event: string, payload: object = {}): Promise<string[]> {
    const response = await as(this.app, role, this.userFor(role))
      .post(`/api/cases/${this.caseId}/processes/${instanceId}/events`)
      .send({ event, payload });
    expect(response.status, `${event}: ${JSON.stringify(response.body)}`).toBe(200);
    return response.body.events as string[];
  }

  async view(role: Role = 'socialsekreterare') {
    const response = await as(this.app, role, this.userFor(role)).get(`/api/cases/${this.caseId}`);
    expect(response.status).toBe(200);
    return response.body as {
      revision: number;
      followUps: { instanceId: string; role: string; escalated: boolean }[];
      processes: {
        instanceId: string;
        definitionId: string;
        status: string;
        state: unknown;
        ended: { reason: string; label: string; by: string; role: string | null } | null;
      }[];
      deadlines: { deadlineId: string; name: string; dueAt: string }[];
    };
  }

  async instanceOf(definitionId: string): Promise<string> {
    const instance = (await this.view()).processes.find((p) => p.definitionId === definitionId);
    expect(instance, `no ${definitionId} instance`).toBeDefined();
    return instance?.instanceId ?? '';
  }

  async deadline(name: string) {
    const deadline = (await this.view()).deadlines.find((d) => d.name === name);
    expect(deadline, `no open deadline ${name}`).toBeDefined();
    return deadline as { deadlineId: string; name: string; dueAt: string };
  }

  /** Rehab-handledning from impuls to a shared category-4 plan, which starts förtroendeläkare. */
  async rehabToCategory4(): Promise<void> {
    const rh = await this.start('rehab-handledning');
    await this.send('socialsekreterare', rh, 'ImpulsRegistered', {
      grounds: ['sjukskriven-utan-samordnade-insatser'],
    });
    await this.send('socialsekreterare', rh, 'RehabansvarigContacted');
    await this.send('rehabansvarig', rh, 'DocumentationReviewed', {
      findings: 'Sjukskriven, inga parallella insatser',
    });
    await this.send('rehabansvarig', rh, 'SupervisionHeld', {
      heldOn: '2026-01-15',
      progressionsplanNeeded: true,
    });
    await this.send('rehabansvarig', rh, 'CategoryDecided', { category: 4, motivation: 'Otydligt intyg' });
    await this.send('rehabansvarig', rh, 'ProgressionsplanShared', PLAN);
  }

  /** Förtroendeläkare up to the written recommendations, which start both follow-up clocks. */
  async fortroendelakareToRecommendations(): Promise<string> {
    const fl = await this.instanceOf('fortroendelakare');
    await this.send('socialsekreterare', fl, 'ImpulsRegistered', {
      reason: 'Otydligt intyg',
      sickListingCareUnit: 'Danderyds vårdcentral',
    });
    await this.send('rehabansvarig', fl, 'ReferralAccepted', { preparation: 'Läkarintyg och samtycke' });
    await this.send('socialsekreterare', fl, 'DocumentsHandedOver', {
      consentForm: true,
      notificationForm: true,
    });
    await this.send('rehabansvarig', fl, 'ConsultationHeld', { heldOn: '2026-01-14' });
    await this.send('rehabansvarig', fl, 'RecommendationsReceived', {
      receivedOn: '2026-01-15',
      summary: 'Utred arbetsförmåga; kontakt med vårdcentral',
    });
    return fl;
  }

  /** Case manager from referral to the client's yes, which starts the one-week clock for the information meeting. */
  async caseManagerToClientYes(): Promise<string> {
    const cm = await this.start('case-manager');
    await this.send('socialsekreterare', cm, 'ReferralSubmitted', {
      goal: 'Arbetsträning inom sex månader',
      ...CM_TARGET_GROUP,
    });
    await this.send('bitradande_enhetschef', cm, 'CaseManagerAssigned', CM_ASSIGNED);
    await this.send('case_manager', cm, 'CriteriaMet', CM_CRITERIA);
    await this.send('socialsekreterare', cm, 'ClientAcceptedInformation');
    return cm;
  }

  userFor(role: Role): string {
    return role === 'socialsekreterare' ? SOCIAL_WORKER : `${role}-1`;
  }
}
