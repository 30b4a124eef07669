import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { collect } from '@app/event-store/testing';
import { as, eventually, startApp, tempDataDir, TestClock } from './app-harness';
import { CaseDriver, UNIT } from './flows';
import { filesContaining } from './support/files';

const NOTE = 'Samtal med klienten om målen för våren; hon vill börja med arbetsträning.';
const LATER = 'Rättelse: samtalet hölls på förmiddagen.';

/**
 * Dated notes on the case and references to handlings in the journal
 * system (issue 18): written as events, never edited, sealed at rest, read
 * only by those who may see the case, and every reading logged.
 */
describe('case notes and references to handlings', () => {
  const data = tempDataDir();
  const clock = new TestClock('2026-03-02T09:00:00.000Z');
  let app: INestApplication;
  let c: CaseDriver;
  const socialWorker = () => as(app, 'socialsekreterare', 'ss-anna');
  const events = async () =>
    (await collect(app.get<EventStore>(EVENT_STORE).readStream(`case-${c.caseId}`))).length;
  const notes = async (who = socialWorker()) =>
    (await who.get(`/api/cases/${c.caseId}/notes`).expect(200)).body.items as Record<string, unknown>[];

  beforeAll(async () => {
    app = await startApp(data.dir, {}, clock);
    c = await CaseDriver.open(app, 'NT 1971-05');
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  it('given a note, a later correction and a handling, then the case lists them newest day first with who wrote them', async () => {
    await socialWorker()
      .post(`/api/cases/${c.caseId}/notes`)
      .send({ writtenOn: '2026-02-27', text: NOTE })
      .expect(200);
    await socialWorker()
      .post(`/api/cases/${c.caseId}/notes`)
      .send({ writtenOn: '2026-03-02', text: LATER })
      .expect(200);
    const document = await socialWorker()
      .post(`/api/cases/${c.caseId}/documents`)
      .send({ kind: 'lakarintyg', dated: '2026-03-01', documentId: 'DOK-2026/0412' });
    expect(document.status, JSON.stringify(document.body)).toBe(200);
    expect(document.body.events).toEqual(['DocumentReferenced']);
    await eventually(async () => {
      const items = await notes();
      expect(items.map((i) => [i.kind, i.day, i.text])).toEqual([
        ['note', '2026-03-02', LATER],
        ['document', '2026-03-01', null],
        ['note', '2026-02-27', NOTE],
      ]);
      expect(items[1].document).toEqual({
        kind: 'lakarintyg',
        kindLabel: 'Läkarintyg',
        documentId: 'DOK-2026/0412',
      });
      expect(items[0].author).toEqual({ id: 'ss-anna', name: 'ss-anna' });
    });
  });

  it('given a day ahead, an empty text, a personnummer or an id with spaces, then 400 naming the field, and nothing is stored', async () => {
    const before = await events();
    const refusedOn = async (path: string, body: object) => {
      const response = await socialWorker().post(`/api/cases/${c.caseId}/${path}`).send(body);
      expect(response.status).toBe(400);
      return response.body.details.violations.map((v: { field: string }) => v.field);
    };
    expect(await refusedOn('notes', { writtenOn: '2026-03-03', text: NOTE })).toEqual(['writtenOn']);
    expect(await refusedOn('notes', { writtenOn: '2026-03-02', text: '' })).toEqual(['text']);
    expect(
      await refusedOn('notes', { writtenOn: '2026-03-02', text: 'Klienten 630412-1236 ringde.' }),
    ).toEqual(['text']);
    expect(
      await refusedOn('documents', { kind: 'lakarintyg', dated: '2026-03-01', documentId: 'DOK 12' }),
    ).toEqual(['documentId']);
    expect(await refusedOn('documents', { kind: 'okand', dated: '2026-03-01', documentId: 'DOK-1' })).toEqual(
      ['kind'],
    );
    expect(await events()).toBe(before);
  });

  it('given another unit, then the notes are not found; the auditor reads them; the history names each; every reading is logged', async () => {
    await as(app, 'bitradande_enhetschef', 'bec-rinkeby', 'rinkeby-1')
      .get(`/api/cases/${c.caseId}/notes`)
      .expect(404);
    expect((await notes(as(app, 'auditor', 'revisor-1', UNIT))).length).toBe(3);
    const history = (await socialWorker().get(`/api/cases/${c.caseId}/history`).expect(200)).body.entries as {
      summary?: string;
      label?: string;
    }[];
    const text = JSON.stringify(history);
    expect(text).toContain('Anteckning för 2026-02-27');
    expect(text).toContain('Handling i dokumenthanteringen: Läkarintyg (2026-03-01)');
    const chef = as(app, 'bitradande_enhetschef', 'bec-1', UNIT);
    await eventually(async () => {
      const log = (await chef.get(`/api/access-log/cases/${c.caseId}`).expect(200)).body.items;
      expect(log).toContainEqual(expect.objectContaining({ userId: 'ss-anna', view: 'case-notes' }));
      expect(log).toContainEqual(expect.objectContaining({ userId: 'revisor-1', view: 'case-notes' }));
    });
  });

  it('given the files on disk, then no note or handling id is there in the clear; the social worker is offered both steps', async () => {
    for (const secret of [NOTE, LATER, 'DOK-2026/0412'])
      expect(filesContaining(data.dir, secret), secret).toEqual([]);
    const next = (await socialWorker().get(`/api/cases/${c.caseId}/next-steps`).expect(200)).body;
    expect(next.caseActions.map((a: { command: string }) => a.command)).toEqual(
      expect.arrayContaining(['RecordCaseNote', 'RecordDocumentReference']),
    );
  });
});
