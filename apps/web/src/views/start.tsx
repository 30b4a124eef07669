import { api, describeError, newAttemptKey } from '../api/client';
import type { CaseListItem, JsonSchema, Page, ProcessSummary } from '../api/types';
import { useMe, useUnitName } from '../signed-in';
import { SchemaForm } from '../forms/schema-form';
import { PSEUDONYM_FIELD } from '../forms/reference-field';
import { canOpenCases, openingUnits } from '../roles';
import { navigate } from '../router';
import { useResource } from '../use-resource';
import { usePageTitle } from './page-title';
import { socialWorkerField, useSocialWorkers, type SocialWorker } from '../staff';

function openCaseSchema(units: readonly string[], workers: readonly SocialWorker[]): JsonSchema {
  return {
    type: 'object',
    required: ['reference', 'unit', 'socialWorkerId'],
    properties: {
      reference: PSEUDONYM_FIELD,
      unit: { type: 'string', title: 'Enhet', enum: [...units] },
      socialWorkerId: socialWorkerField(workers, 'Ansvarig socialsekreterare', units.length > 1),
      journalRef: {
        type: 'string',
        title: 'Journalreferens',
        description: 'Frivillig hänvisning till verksamhetssystemet.',
        maxLength: 64,
      },
    },
  };
}

/** Open a new case (the impuls arrives) and start a toolbox process in a case. */
export function StartView() {
  const me = useMe();
  usePageTitle('Nytt ärende');
  const units = openingUnits(me);
  const workers = useSocialWorkers(units);
  const mine = workers.data?.some((worker) => worker.id === me.id);
  return (
    <>
      <h1>Nytt ärende</h1>
      {canOpenCases(me) ? (
        <section aria-labelledby="oppna">
          <h2 id="oppna">Öppna ett ärende</h2>
          {!workers.data ? (
            <p role={workers.error !== undefined ? 'alert' : undefined}>
              {workers.error !== undefined
                ? describeError(workers.error)
                : 'Hämtar enhetens socialsekreterare…'}
            </p>
          ) : (
            <SchemaForm
              schema={openCaseSchema(units, workers.data)}
              initial={{
                unit: units.length === 1 ? units[0] : undefined,
                ...(mine ? { socialWorkerId: me.id } : {}),
              }}
              submitLabel="Öppna ärendet"
              failedHeading="Ärendet kunde inte öppnas."
              onSubmit={async (values) => {
                const { caseId } = await api<{ caseId: string }>('/api/cases', {
                  method: 'POST',
                  body: values,
                  headers: { 'Idempotency-Key': newAttemptKey() },
                });
                navigate(`/arenden/${encodeURIComponent(caseId)}`);
              }}
            />
          )}
        </section>
      ) : (
        <p>Din roll öppnar inte ärenden; det gör socialsekreterare och biträdande enhetschef.</p>
      )}
      <StartInExisting />
    </>
  );
}

function StartInExisting() {
  const unitName = useUnitName();
  const cases = useResource(
    (signal) => api<Page<CaseListItem>>('/api/cases', { query: { limit: 500 }, signal }),
    [],
  );
  const processes = useResource((signal) => api<ProcessSummary[]>('/api/processes', { signal }), []);
  if (!cases.data || !processes.data) return null;
  if (cases.data.items.length === 0) return null;
  const schema: JsonSchema = {
    type: 'object',
    required: ['caseId', 'definitionId'],
    properties: {
      caseId: {
        type: 'string',
        title: 'Ärende',
        enum: cases.data.items.map((item) => item.caseId),
        'x-enumLabels': Object.fromEntries(
          cases.data.items.map((item) => [item.caseId, `${item.reference} (${unitName(item.unit)})`]),
        ),
      },
      definitionId: {
        type: 'string',
        title: 'Process',
        enum: processes.data.map((p) => p.id),
        'x-enumLabels': Object.fromEntries(processes.data.map((p) => [p.id, p.title])),
      },
    },
  };
  return (
    <section aria-labelledby="starta">
      <h2 id="starta">Starta en process i ett ärende</h2>
      <SchemaForm
        schema={schema}
        submitLabel="Starta processen"
        failedHeading="Processen kunde inte startas."
        onSubmit={async ({ caseId, definitionId }) => {
          await api(`/api/cases/${encodeURIComponent(String(caseId))}/processes`, {
            method: 'POST',
            body: { definitionId },
            headers: { 'Idempotency-Key': newAttemptKey() },
          });
          navigate(`/arenden/${encodeURIComponent(String(caseId))}`);
        }}
      />
      {cases.error !== undefined && <p role="alert">{describeError(cases.error)}</p>}
    </section>
  );
}
