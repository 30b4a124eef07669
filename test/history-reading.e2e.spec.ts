import type { INestApplication } from '@nestjs/common';
import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, asPrincipal, eventually, startApp, tempDataDir, TestClock } from './app-harness';
import { pdfText } from './support/pdf-text';

const SOCIAL_WORKER = {
  id: 'hr-ss',
  name: 'Handläggare A',
  memberships: [{ unit: 'jarva-1', roles: ['socialsekreterare' as const] }],
};
const REHAB = {
  id: 'hr-rehab',
  name: 'Rehabansvarig R',
  memberships: [{ unit: 'jarva-1', roles: ['rehabansvarig' as const] }],
};
const NOTE = 'Vill komma igång med något i vår';

interface Entry {
  revision: number;
  type: string;
  label: string;
  actor: { id: string | null; role: string | null; name: string | null; roleLabel: string | null };
  process: { title: string; stepBefore: string | null; stepAfter: string | null } | null;
  details: { label: string; value: string }[];
}
interface Page {
  entries: Entry[];
  facets: {
    processes: { id: string; title: string }[];
    types: { type: string; label: string }[];
    people: { id: string; name: string }[];
  };
}

/** Collects a binary answer (PDF) whole, as supertest leaves unknown types unparsed. */
const binary = (res: Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/**
 * The history as people read it (issue 18): Swedish labels and answer
 * texts instead of keys and codes, step titles instead of state ids,
 * people by name; filtered by process, kind of event, person and period;
 * exported as CSV and PDF, which the access log records.
 */
describe('reading, filtering and exporting the case history', () => {
  const data = tempDataDir();
  const clock = new TestClock('2026-03-02T09:00:00.000Z');
  let app: INestApplication;
  let caseId: string;
  let rh: string;
  const ss = () => asPrincipal(app, SOCIAL_WORKER);
  const rehab = () => asPrincipal(app, REHAB);
  const history = async (query: Record<string, string> = {}) =>
    (await ss().get(`/api/cases/${caseId}/history`).query(query).expect(200)).body as Page;
  const step = async (who: () => ReturnType<typeof ss>, event: string, payload: object = {}) => {
    const response = await who().post(`/api/cases/${caseId}/processes/${rh}/events`).send({ event, payload });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
  };

  beforeAll(async () => {
    app = await startApp(data.dir, {}, clock);
    await rehab().get('/api/auth/me').expect(200);
    const opened = await ss()
      .post('/api/cases')
      .send({ reference: 'HA 1971-05', unit: 'jarva-1', socialWorkerId: SOCIAL_WORKER.id });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    caseId = opened.body.caseId as string;
    rh = (
      await ss()
        .post(`/api/cases/${caseId}/processes`)
        .send({ definitionId: 'rehab-handledning' })
        .expect(201)
    ).body.instanceId as string;
    await step(ss, 'ImpulsRegistered', { grounds: ['sjukskriven-utan-samordnade-insatser'], note: NOTE });
    await step(ss, 'RehabansvarigContacted');
    clock.set('2026-03-05T10:00:00.000Z');
    await step(rehab, 'DocumentationReviewed', { findings: 'Inga parallella insatser' });
    await step(rehab, 'SupervisionHeld', { heldOn: '2026-03-04', progressionsplanNeeded: true });
    await eventually(async () => expect((await history()).entries.at(-1)?.type).toBe('SupervisionHeld'));
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  const entryOf = (page: Page, type: string) => {
    const entry = page.entries.find((e) => e.type === type);
    expect(entry, `no ${type} in the history`).toBeDefined();
    return entry as Entry;
  };

  it('names the answers by their labels and options, people and units by name, and steps by title', async () => {
    const page = await history();
    const opened = entryOf(page, 'CaseOpened');
    expect(opened.actor).toEqual({
      id: SOCIAL_WORKER.id,
      role: 'socialsekreterare',
      name: 'Handläggare A',
      roleLabel: 'Socialsekreterare',
    });
    expect(opened.details).toEqual(
      expect.arrayContaining([
        { label: 'Referens', value: 'HA 1971-05' },
        { label: 'Enhet', value: 'Järva' },
        { label: 'Socialsekreterare', value: 'Handläggare A' },
      ]),
    );
    expect(entryOf(page, 'ImpulsRegistered').details).toEqual([
      { label: 'Skäl till impulsen', value: 'Sjukskriven utan samordnade insatser' },
      { label: 'Anteckning', value: NOTE },
    ]);
    const supervision = entryOf(page, 'SupervisionHeld');
    expect(supervision.actor.name).toBe('Rehabansvarig R');
    expect(supervision.details).toEqual(
      expect.arrayContaining([
        { label: 'Handledningen hölls', value: '2026-03-04' },
        { label: 'Progressionsplan ska upprättas', value: 'Ja' },
      ]),
    );
    const view = (await ss().get(`/api/cases/${caseId}`).expect(200)).body as {
      processes: { instanceId: string; process: string; steps: { title: string }[] }[];
    };
    const now = view.processes.find((p) => p.instanceId === rh);
    expect(supervision.process).toMatchObject({
      title: now?.process,
      stepBefore: 'Handledning',
      stepAfter: now?.steps.map((s) => s.title).join(' · '),
    });
    // Nothing reads as a code: no camelCase key as a label, no ISO instant or state path as a value.
    for (const entry of page.entries) {
      for (const { label, value } of entry.details) {
        expect(label, entry.type).not.toMatch(/^[a-z]+[A-Z]\w*$/);
        expect(value, entry.type).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}/);
      }
      expect(entry.process?.stepAfter ?? '', entry.type).not.toMatch(/›|\.|^[a-z]+$/);
    }
  });

  it('filters by process, kind of event, person and period, and lists what it can be filtered by', async () => {
    const all = await history();
    expect(all.facets.processes).toEqual([{ id: 'rehab-handledning', title: expect.any(String) }]);
    expect(all.facets.people).toEqual([
      { id: SOCIAL_WORKER.id, name: 'Handläggare A' },
      { id: REHAB.id, name: 'Rehabansvarig R' },
    ]);
    expect(all.facets.types.map((t) => t.type)).toEqual(
      expect.arrayContaining(['CaseOpened', 'ImpulsRegistered', 'SupervisionHeld']),
    );
    expect(all.facets.types.find((t) => t.type === 'CaseOpened')?.label).toBe('Ärendet öppnat');

    expect((await history({ type: 'ImpulsRegistered' })).entries.map((e) => e.type)).toEqual([
      'ImpulsRegistered',
    ]);
    const byRehab = await history({ actor: REHAB.id });
    expect(byRehab.entries.map((e) => e.type)).toEqual(['DocumentationReviewed', 'SupervisionHeld']);
    const ofInstance = await history({ instance: rh });
    expect(ofInstance.entries.length).toBeGreaterThan(3);
    expect(
      ofInstance.entries.every(
        (e) => (e as Entry & { process: { instanceId: string } }).process.instanceId === rh,
      ),
    ).toBe(true);
    const ofProcess = await history({ process: 'rehab-handledning' });
    expect(ofProcess.entries.map((e) => e.type)).not.toContain('CaseOpened');
    expect(ofProcess.entries.map((e) => e.type)).toContain('ImpulsRegistered');
    expect((await history({ from: '2026-03-05' })).entries.map((e) => e.actor.id)).toEqual([
      REHAB.id,
      REHAB.id,
    ]);
    const early = await history({ to: '2026-03-04' });
    expect(early.entries.map((e) => e.type)).toContain('CaseOpened');
    expect(early.entries.map((e) => e.type)).not.toContain('DocumentationReviewed');
    expect(early.entries.length + 2).toBe(all.entries.length);
  });

  it.each([
    [{ from: '2026-03-05', to: '2026-03-04' }, 'to', 'notBeforeFrom'],
    [{ from: '2026-02-30' }, 'from', 'calendarDate'],
    [{ type: 'inte-en-typ' }, 'type', 'matches'],
    [{ actor: 'a b' }, 'actor', 'id'],
  ])('given the filter %o, then 400 naming %s and the rule %s', async (query, field, rule) => {
    const response = await ss().get(`/api/cases/${caseId}/history`).query(query).expect(400);
    expect(response.body.details.violations).toEqual([expect.objectContaining({ field, rule })]);
  });

  it('exports the history as CSV for a spreadsheet, filtered as asked, and the access log records the export', async () => {
    const response = await ss()
      .get(`/api/cases/${caseId}/history/export`)
      .query({ format: 'csv' })
      .expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="historik-2026-03-05\.csv"$/,
    );
    const lines = response.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('Nr;När;Vem;Roll;Process;Vad;Steg före → efter;Uppgifter');
    const impuls = lines.find((line) => line.includes('Skäl till impulsen'));
    expect(impuls).toContain('Handläggare A;Socialsekreterare;');
    expect(impuls).toContain(
      `Skäl till impulsen: Sjukskriven utan samordnade insatser · Anteckning: ${NOTE}`,
    );
    expect(lines.length - 1).toBe((await history()).entries.length);

    const filtered = await ss()
      .get(`/api/cases/${caseId}/history/export`)
      .query({ format: 'csv', actor: REHAB.id })
      .expect(200);
    expect(filtered.text.trim().split(/\r?\n/)).toHaveLength(3);

    await eventually(async () => {
      const log = (
        await as(app, 'bitradande_enhetschef', 'bec-1').get(`/api/access-log/cases/${caseId}`).expect(200)
      ).body.items as { userId: string; view: string }[];
      expect(
        log.filter((row) => row.view === 'history-export' && row.userId === SOCIAL_WORKER.id),
      ).toHaveLength(2);
    });
  });

  it('exports the history as a PDF extract with the case, the reader, the filters and every entry', async () => {
    const response = await ss()
      .get(`/api/cases/${caseId}/history/export`)
      .query({ format: 'pdf', process: 'rehab-handledning' })
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const body = response.body as Buffer;
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(body);
    expect(text).toContain('Historik för ärende HA 1971-05');
    expect(text).toContain('av Handläggare A');
    expect(text).toMatch(/Urval: Process: Rehabansvarig/);
    expect(text).toContain('Skäl till impulsen: Sjukskriven utan samordnade insatser');
    expect(text).toContain('Handledningen hölls: 2026-03-04');
    expect(text).not.toContain('Ärendet öppnat');
    expect(text).toMatch(/Sida 1 av \d/);
  });

  it('refuses an unknown format with 400 naming it, and logs no export', async () => {
    const exportsBy = async () =>
      (
        (await as(app, 'bitradande_enhetschef', 'bec-1').get(`/api/access-log/cases/${caseId}`).expect(200))
          .body.items as { view: string; userId: string }[]
      ).filter((row) => row.userId === SOCIAL_WORKER.id && row.view === 'history-export').length;
    const before = await exportsBy();
    const response = await ss()
      .get(`/api/cases/${caseId}/history/export`)
      .query({ format: 'docx' })
      .expect(400);
    expect(response.body.details.violations).toEqual([
      expect.objectContaining({ field: 'format', rule: 'isIn' }),
    ]);
    expect(await exportsBy()).toBe(before);
  });
});
