import { useState } from 'react';
import { api, describeError, newAttemptKey } from '../api/client';
import { downloadFile } from '../api/download';
import type { BillingBasis, JsonSchema, Page, PartnerPlacement, ProcessSummary } from '../api/types';
import { Disclosure } from '../components/disclosure';
import { countOf, formatDate, formatKronor } from '../format';
import { SchemaForm } from '../forms/schema-form';
import { readsBilling, worksAtInsats } from '../roles';
import { useMe } from '../signed-in';
import { useResource } from '../use-resource';
import { usePageTitle } from './page-title';
import { TableRegion } from '../components/table-region';

/** Each step the providing unit takes, as the process names it and as the button says it. */
const STEPS: Readonly<Record<string, { event: string; label: string; done: string }>> = {
  accept: { event: 'PlacementAccepted', label: 'Godkänn placeringen', done: 'Placeringen är godkänd.' },
  decline: { event: 'PlacementDeclined', label: 'Avböj placeringen', done: 'Placeringen är avböjd.' },
  attendance: { event: 'AttendanceRecorded', label: 'Registrera närvaro', done: 'Närvaron är registrerad.' },
  observation: {
    event: 'ObservationRecorded',
    label: 'Registrera iakttagelse',
    done: 'Iakttagelsen är registrerad.',
  },
};

const placementName = (id: string) => `Placering ${id.slice(0, 8).toUpperCase()}`;

/** A step's form without the fields the server fills in itself (the insats an acceptance names). */
function formSchema(schema: JsonSchema): JsonSchema {
  const { insatsId: _filledByServer, ...properties } = (schema.properties ?? {}) as Record<string, unknown>;
  return {
    ...schema,
    properties,
    required: (schema.required ?? []).filter((name: string) => name !== 'insatsId'),
  } as JsonSchema;
}

/**
 * The providing unit's placements (insatser.md, One unit using another
 * unit's insats): the insatsansvarig answers those from other units, the
 * arbetsledare reports attendance and observations. A placement is named
 * by its own reference, never by the client or the case.
 */
export function PartnerPlacementsView() {
  const me = useMe();
  usePageTitle(worksAtInsats(me) ? 'Placeringar på våra insatser' : 'Internfakturering');
  const [message, setMessage] = useState<string>();
  const placements = useResource(
    // Someone who only reads the billing basis has no placements to answer.
    (signal) =>
      worksAtInsats(me)
        ? api<Page<PartnerPlacement>>('/api/partner-placements', { signal, query: { limit: 200 } })
        : Promise.resolve(undefined),
    [me.id],
    'any',
  );
  const process = useResource((signal) => api<ProcessSummary>('/api/processes/insats', { signal }), []);
  const schemaOf = (event: string) =>
    process.data?.events.find((step) => step.type === event)?.schema as JsonSchema | undefined;

  if (!worksAtInsats(me))
    return (
      <>
        <h1>Internfakturering</h1>
        <BillingSection />
      </>
    );
  return (
    <>
      <h1>Placeringar på våra insatser</h1>
      <p>
        Här ser ni placeringarna på er enhets insatser: de som väntar på ert svar först. Ni ser inte klientens
        ärende, bara det insatsen behöver.
      </p>
      <p role="status">{message}</p>
      {placements.error !== undefined && <p role="alert">{describeError(placements.error)}</p>}
      {placements.data?.items.length === 0 && <p>Inga placeringar.</p>}
      {placements.data?.items.map((placement) => (
        <section key={placement.placementId} aria-labelledby={`p-${placement.placementId}`} className="card">
          <h2 id={`p-${placement.placementId}`}>
            {placementName(placement.placementId)}: {placement.insatsName}
          </h2>
          <dl>
            <dt>Läge</dt>
            <dd>{placement.phaseLabel}</dd>
            <dt>Placerande enhet</dt>
            <dd>{placement.placingUnit}</dd>
            <dt>Anvisad</dt>
            <dd>{formatDate(placement.assignedOn)}</dd>
            {placement.startedOn && (
              <>
                <dt>Första dagen</dt>
                <dd>{formatDate(placement.startedOn)}</dd>
              </>
            )}
            {placement.scope && (
              <>
                <dt>Omfattning</dt>
                <dd>
                  {countOf(placement.scope.hours, 'timme', 'timmar')} per{' '}
                  {placement.scope.per === 'day' ? 'dag' : 'vecka'}
                </dd>
              </>
            )}
            <dt>Pris för den placerande enheten</dt>
            <dd>
              {formatKronor(placement.price.amountSek)} per{' '}
              {placement.price.period === 'year' ? 'år' : 'månad'}
            </dd>
            {placement.attendanceReportedTo && (
              <>
                <dt>Närvaro rapporterad till och med</dt>
                <dd>{formatDate(placement.attendanceReportedTo)}</dd>
              </>
            )}
          </dl>
          {placement.startedOn && <PlanParts placementId={placement.placementId} />}
          {placement.actions.map((action) => {
            const step = STEPS[action];
            const schema = step && schemaOf(step.event);
            if (!step || !schema) return null;
            return (
              <Disclosure key={action} label={step.label}>
                {(close) => (
                  <SchemaForm
                    schema={formSchema(schema)}
                    submitLabel={step.label}
                    onCancel={close}
                    onSubmit={async (body) => {
                      await api(`/api/partner-placements/${placement.placementId}/${action}`, {
                        method: 'POST',
                        body,
                        headers: { 'Idempotency-Key': newAttemptKey() },
                      });
                      setMessage(step.done);
                      close(false);
                      placements.reload();
                    }}
                  />
                )}
              </Disclosure>
            );
          })}
        </section>
      ))}
      {readsBilling(me) && <BillingSection />}
    </>
  );
}

/** What the insats needs of the arbetsplan, read only when asked for: the reading is logged. */
function PlanParts({ placementId }: { readonly placementId: string }) {
  return (
    <Disclosure label="Visa mål och arbetsuppgifter">
      {() => <PlanPartsBody placementId={placementId} />}
    </Disclosure>
  );
}

function PlanPartsBody({ placementId }: { readonly placementId: string }) {
  const detail = useResource(
    (signal) => api<PartnerPlacement>(`/api/partner-placements/${placementId}`, { signal }),
    [placementId],
  );
  if (detail.error !== undefined) return <p role="alert">{describeError(detail.error)}</p>;
  const plan = detail.data?.plan;
  if (!plan || typeof plan === 'string') return <p>Ingen arbetsplan att visa.</p>;
  return (
    <dl>
      <dt>Mål</dt>
      <dd>{plan.mal}</dd>
      <dt>Delmål</dt>
      <dd>
        <Lines lines={plan.delmal} />
      </dd>
      <dt>Arbetsuppgifter</dt>
      <dd>
        <Lines lines={plan.arbetsuppgifter} />
      </dd>
    </dl>
  );
}

/** A plan's list, one line per entry as the social worker wrote it; two lines may read the same. */
function Lines({ lines }: { readonly lines: readonly string[] | null }) {
  return (
    <ul>
      {(lines ?? []).map((line, index) => (
        <li key={index}>{line}</li>
      ))}
    </ul>
  );
}

const thisMonth = () => new Date().toISOString().slice(0, 7);

/** The month's basis for internal billing between units, what the reader's units pay and are paid. */
function BillingSection() {
  const [month, setMonth] = useState(thisMonth);
  const [downloadError, setDownloadError] = useState('');
  const basis = useResource(
    (signal) => api<BillingBasis>('/api/billing', { signal, query: { month } }),
    [month],
  );
  return (
    <section aria-labelledby="internfakturering">
      <h2 id="internfakturering">Underlag för internfakturering</h2>
      <label>
        Månad{' '}
        <input
          type="month"
          value={month}
          onChange={(event) => event.target.value && setMonth(event.target.value)}
        />
      </label>{' '}
      <button
        type="button"
        onClick={() => {
          setDownloadError('');
          downloadFile('/api/billing/csv', { month }, `internfakturering-${month}.csv`).catch(
            (error: unknown) => setDownloadError(describeError(error)),
          );
        }}
      >
        Ladda ner som CSV
      </button>
      {downloadError && <p role="alert">{downloadError}</p>}
      {basis.error !== undefined && <p role="alert">{describeError(basis.error)}</p>}
      {basis.data && basis.data.lines.length === 0 && <p>Inga placeringar mellan enheter den månaden.</p>}
      {basis.data && basis.data.lines.length > 0 && (
        <TableRegion label="Underlag per placering">
          <table>
            <caption>Placeringar mellan enheter, dagar placerade gånger priset vid godkännandet</caption>
            <thead>
              <tr>
                <th scope="col">Placering</th>
                <th scope="col">Placerande enhet</th>
                <th scope="col">Anordnande enhet</th>
                <th scope="col">Insats</th>
                <th scope="col">Period</th>
                <th scope="col">Dagar</th>
                <th scope="col">Belopp</th>
              </tr>
            </thead>
            <tbody>
              {basis.data.lines.map((line) => (
                <tr key={line.placementId}>
                  <td>{placementName(line.placementId)}</td>
                  <td>{line.placingUnit}</td>
                  <td>{line.providingUnit}</td>
                  <td>{line.insatsName}</td>
                  <td>
                    {formatDate(line.from)}–{formatDate(line.to)}
                  </td>
                  <td>{line.days}</td>
                  <td>{formatKronor(line.amountSek)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
