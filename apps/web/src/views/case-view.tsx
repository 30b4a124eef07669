import { useRef, useState } from 'react';
import { api, ApiError, describeError, newAttemptKey } from '../api/client';
import type {
  CaseView as CaseData,
  JsonSchema,
  NextStep,
  NextSteps,
  InstanceAction,
  ProcessInstanceView,
} from '../api/types';
import { formatDate } from '../format';
import { socialWorkerField, useSocialWorkers, type SocialWorker } from '../staff';
import { useMe } from '../signed-in';
import { BpmnDiagram } from '../components/bpmn-diagram';
import { Disclosure } from '../components/disclosure';
import { StepOutputs } from '../components/step-outputs';
import { RehabansvarigSection } from '../components/rehabansvarig-section';
import { CasePlacements } from '../components/case-placements';
import { SaAeSection } from '../components/sa-ae-section';
import { SchemaForm } from '../forms/schema-form';
import { actsAs, canSupervise, CORRECTS_ANY_STEP, MANAGES_CASE, TICKS_PLAN_ROWS } from '../roles';
import { Link } from '../router';
import { useResource } from '../use-resource';
import { CaseFacts, CaseManagerPlan, DeadlineList, ProgressionsplanTable } from './case-summary';
import { usePageTitle } from './page-title';
import { PLACEMENT_PROCESS, type StepPrefill } from '../components/placement-prefill';
import { ClientFactsSection } from '../components/client-facts-section';
import { CaseNotesSection } from '../components/case-notes-section';
import { StartProcess } from '../components/start-process';
import { takenText, useKeptSteps, type ShownStep } from '../components/kept-steps';
import { ClosedNotice, CloseCase } from '../components/case-closing';
import { ReferenceChange } from '../components/reference-change';
import { StepCorrection } from '../components/step-correction';

const CASE_MANAGER = 'case-manager';

const INSTANCE_ACTION_PATHS: Record<InstanceAction['command'], string> = {
  EndProcess: 'end',
  HandBackFollowUp: 'follow-up/hand-back',
  RecordStepWait: 'wait',
};
const INSTANCE_ACTION_DONE: Record<InstanceAction['command'], string> = {
  EndProcess: 'avslutad.',
  HandBackFollowUp: 'uppföljningen är tillbaka hos Rehabansvarig.',
  RecordStepWait: 'det är registrerat varför steget väntar.',
};

interface Loaded {
  readonly view: CaseData;
  readonly next: NextSteps;
}

/** The case: its facts, each process with its diagram and what my roles may do next. */
export function CaseView({ caseId }: { caseId: string }) {
  const me = useMe();
  const path = `/api/cases/${encodeURIComponent(caseId)}`;
  const loaded = useResource<Loaded>(
    async (signal) => {
      const [view, next] = await Promise.all([
        api<CaseData>(path, { signal }),
        api<NextSteps>(`${path}/next-steps`, { signal }),
      ]);
      return { view, next };
    },
    [caseId],
    caseId,
  );
  const [status, setStatus] = useState('');
  const [prefills, setPrefills] = useState<Readonly<Record<string, StepPrefill>>>({});
  const statusRef = useRef<HTMLParagraphElement>(null);
  const kept = useKeptSteps(loaded.data?.next.steps ?? []);
  usePageTitle(loaded.data ? `Ärende ${loaded.data.view.reference}` : 'Ärende');

  if (!loaded.data) {
    return (
      <>
        <h1>Ärende</h1>
        {loaded.error !== undefined ? (
          <p role="alert">{describeError(loaded.error)}</p>
        ) : (
          <p>Hämtar ärendet…</p>
        )}
      </>
    );
  }
  const { view, next } = loaded.data;
  /** Every write names the revision it was decided on: someone else's step in between gives 409, not a silent overwrite. */
  const send = async (url: string, body: unknown, done: string) => {
    try {
      const answer = await api<unknown>(url, {
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': newAttemptKey(), 'If-Match': `"${view.revision}"` },
      });
      setStatus(done);
      // The step's button is gone once done, so focus goes to the confirmation rather than to nowhere.
      requestAnimationFrame(() => statusRef.current?.focus());
      loaded.reload();
      return answer;
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) loaded.reload();
      throw error;
    }
  };
  const write = async (url: string, body: unknown, done: string) => {
    await send(url, body, done);
  };
  const start = async (definitionId: string, label: string) => {
    setStatus('');
    try {
      return (await send(`${path}/processes`, { definitionId }, `${label}: startad.`)) as {
        instanceId: string;
      };
    } catch (error) {
      setStatus(startError(error));
      return undefined;
    }
  };
  const canPlace = next.startable.some(
    (p) => p.definitionId === PLACEMENT_PROCESS && p.blockedBy.length === 0,
  );
  /** A placement from a plan row or the CM plan: started here, its anvisning form opened with what the plan says. */
  const placeFrom = canPlace
    ? async (prefill: StepPrefill) => {
        const started = await start(PLACEMENT_PROCESS, 'Arbetsmarknadsinsats');
        if (started) setPrefills((all) => ({ ...all, [started.instanceId]: prefill }));
      }
    : undefined;
  const changeAction = next.caseActions.find((action) => action.command === 'ChangeCaseworker');
  const shownAsActive = (p: ProcessInstanceView) => p.status === 'active' || kept.keeps(p.instanceId);
  const active = view.processes.filter(shownAsActive);
  const ended = view.processes.filter((p) => !shownAsActive(p));
  const writeHere = (target: string, body: unknown, done: string) => write(`${path}/${target}`, body, done);
  const manages = actsAs(next.roles, MANAGES_CASE);
  const supervises = actsAs(next.roles, CORRECTS_ANY_STEP);
  /** Offered only to whom the server allows it: the one who recorded the step, or the biträdande enhetschef. */
  const correctionOf = ({ instanceId, process, lastStep }: ProcessInstanceView) =>
    lastStep && (lastStep.by === me.id || supervises)
      ? (reason: string) =>
          writeHere(
            `processes/${encodeURIComponent(instanceId)}/correct`,
            { stepRevision: lastStep.revision, reason },
            `${process}: steget ”${lastStep.label}” är rättat och processen är tillbaka där den stod före det.`,
          )
      : undefined;
  const checkRow = actsAs(next.roles, TICKS_PLAN_ROWS)
    ? (row: number, done: boolean) =>
        void writeHere(
          `progressionsplan/items/${row}`,
          { done },
          done
            ? `Punkt ${row} i progressionsplanen är markerad som gjord.`
            : `Punkt ${row} i progressionsplanen är inte längre markerad som gjord.`,
        ).catch((error: unknown) => setStatus(describeError(error)))
    : undefined;

  return (
    <>
      <h1>Ärende {view.reference}</h1>
      <p className="subnav">
        <Link href={`/arenden/${encodeURIComponent(caseId)}/historik`}>Historik</Link>
        {canSupervise(me) && (
          <>
            {' · '}
            <Link href={`/atkomstlogg?arende=${encodeURIComponent(caseId)}`}>Åtkomstlogg för ärendet</Link>
          </>
        )}
      </p>
      <p role="status" className="status-message" ref={statusRef} tabIndex={-1}>
        {status}
      </p>
      {view.closed && <ClosedNotice closed={view.closed} write={manages ? writeHere : undefined} />}
      <CaseFacts view={view} />
      {manages && <ReferenceChange view={view} write={writeHere} />}

      <section aria-labelledby="processer">
        <h2 id="processer">Processer</h2>
        {active.length === 0 && <p>Ingen process pågår.</p>}
        {active.map((instance) => (
          <ProcessPanel
            key={instance.instanceId}
            caseId={caseId}
            instance={instance}
            steps={kept.stepsOf(instance.instanceId)}
            onToggle={kept.toggled}
            actions={next.instanceActions.filter((action) => action.instanceId === instance.instanceId)}
            prefill={prefills[instance.instanceId]}
            onPlace={placeFrom}
            onCorrect={correctionOf(instance)}
            onStep={(step, payload) =>
              write(
                `${path}/processes/${encodeURIComponent(step.instanceId)}/events`,
                { event: step.event, payload },
                `Sparat: ${step.label}.`,
              )
            }
            onAction={(action, values) =>
              write(
                `${path}/processes/${encodeURIComponent(instance.instanceId)}/${INSTANCE_ACTION_PATHS[action.command]}`,
                values,
                `${instance.process}: ${INSTANCE_ACTION_DONE[action.command]}`,
              )
            }
          />
        ))}
        {!view.closed && (
          <StartProcess
            startable={next.startable}
            onStart={async (definitionId, label) => {
              await start(definitionId, label);
            }}
          />
        )}
        {ended.length > 0 && (
          <>
            <h3>Avslutade processer</h3>
            <ul>
              {ended.map((instance) => (
                <li key={instance.instanceId}>
                  {instance.process}:{' '}
                  {instance.ended
                    ? `avslutad i förtid ${formatDate(instance.ended.at)} (${instance.ended.label})`
                    : 'avslutad'}
                  <Disclosure label={`Visa det som registrerades i ${instance.process}`}>
                    {() => <StepOutputs caseId={caseId} instanceId={instance.instanceId} />}
                  </Disclosure>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="progressionsplan">
        <h2 id="progressionsplan">Progressionsplan</h2>
        {view.progressionsplan ? (
          <ProgressionsplanTable
            plan={view.progressionsplan}
            followUps={view.followUps}
            onPlace={placeFrom}
            onCheck={checkRow}
          />
        ) : (
          <p>Ingen progressionsplan ännu.</p>
        )}
        {next.caseActions
          // A closed case takes no new plan until it is reopened.
          .filter((action) => action.command === 'RecordProgressionsplan' && action.schema && !view.closed)
          .map((action) => (
            <Disclosure
              key={action.command}
              label={view.progressionsplan ? 'Ändra progressionsplanen' : action.label}
            >
              {(close) => (
                <SchemaForm
                  schema={action.schema as JsonSchema}
                  submitLabel="Spara progressionsplanen"
                  initial={view.progressionsplan ?? undefined}
                  onCancel={close}
                  onSubmit={async (plan) => {
                    await write(`${path}/progressionsplan`, plan, 'Progressionsplanen är sparad.');
                    close(false);
                  }}
                />
              )}
            </Disclosure>
          ))}
      </section>

      <RehabansvarigSection
        view={view}
        actions={next.caseActions}
        write={(target, body, done) => write(`${path}/${target}`, body, done)}
      />

      <SaAeSection
        saAe={view.saAe}
        actions={next.caseActions}
        write={(target, body, done) => write(`${path}/${target}`, body, done)}
      />

      <ClientFactsSection
        facts={view.clientFacts}
        actions={next.caseActions}
        write={(target, body, done) => write(`${path}/${target}`, body, done)}
      />

      <CaseNotesSection
        caseId={caseId}
        actions={next.caseActions}
        write={(target, body, done) => write(`${path}/${target}`, body, done)}
      />

      <CasePlacements caseId={caseId} />

      <section aria-labelledby="tidsgranser">
        <h2 id="tidsgranser">Öppna tidsgränser</h2>
        <DeadlineList deadlines={view.deadlines} />
      </section>

      {/* A closed case takes no new responsible social worker; it is reopened from its notice. */}
      {!view.closed && (changeAction?.schema || manages) && (
        <section aria-labelledby="arendet">
          <h2 id="arendet">Ärendet</h2>
          {changeAction?.schema && (
            <ChangeCaseworker
              view={view}
              schema={changeAction.schema}
              onChange={(values) =>
                write(`${path}/caseworker`, values, 'Ny ansvarig socialsekreterare är registrerad.')
              }
            />
          )}
          {manages && (
            <CloseCase running={view.processes.some((p) => p.status === 'active')} write={writeHere} />
          )}
        </section>
      )}
    </>
  );
}

/** The client-informed answers as flat fields: an optional group of fields the form shows as one question. */
const INFORMED_FIELDS = {
  by: 'informedBy',
  on: 'informedOn',
  how: 'informedHow',
  contactGiven: 'informedContactGiven',
};

/**
 * The change form (seed 002): who takes over, chosen among the unit's other
 * social workers, why, whether and how the client was told, and the
 * hand-over summary. The server's schema gives the fields and their labels.
 */
function changeSchema(change: JsonSchema, others: readonly SocialWorker[]): JsonSchema {
  const fields = change.properties ?? {};
  const informed = fields.clientInformed ?? {};
  return {
    type: 'object',
    required: ['socialWorkerId', 'reason', 'informed'],
    properties: {
      socialWorkerId: socialWorkerField(others, 'Ny ansvarig socialsekreterare', false),
      reason: fields.reason ?? {},
      reasonNote: fields.reasonNote ?? {},
      informed: {
        type: 'string',
        title: 'Har klienten fått veta om bytet?',
        description: 'Om inte får den nya socialsekreteraren en uppgift att informera inom en vecka.',
        enum: ['ja', 'nej'],
        'x-enumLabels': { ja: 'Ja', nej: 'Nej, inte ännu' },
      },
      ...Object.fromEntries(
        Object.entries(INFORMED_FIELDS).map(([field, flat]) => [flat, informed.properties?.[field] ?? {}]),
      ),
      handover: fields.handover ?? {},
    },
  };
}

/** The flat answers as the API takes them: the client-informed group only when the client was told. */
function changeBody(values: Record<string, unknown>): Record<string, unknown> {
  const { informed, informedBy, informedOn, informedHow, informedContactGiven, ...rest } = values;
  return informed === 'ja'
    ? {
        ...rest,
        clientInformed: {
          by: informedBy,
          on: informedOn,
          how: informedHow,
          contactGiven: informedContactGiven,
        },
      }
    : rest;
}

/** The unit's other social workers to hand the case to; the one responsible now is not a change. */
function ChangeCaseworker({
  view,
  schema,
  onChange,
}: {
  view: CaseData;
  schema: JsonSchema;
  onChange: (values: Record<string, unknown>) => Promise<void>;
}) {
  const workers = useSocialWorkers([view.unit]);
  if (!workers.data)
    return (
      <p>
        {workers.error !== undefined ? describeError(workers.error) : 'Hämtar enhetens socialsekreterare…'}
      </p>
    );
  const others = workers.data.filter((worker) => worker.id !== view.socialWorkerId);
  if (others.length === 0) return <p>Enheten har ingen annan socialsekreterare att lämna över till.</p>;
  return (
    <Disclosure label="Byt ansvarig socialsekreterare">
      {(close) => (
        <SchemaForm
          schema={changeSchema(schema, others)}
          submitLabel="Byt socialsekreterare"
          onCancel={close}
          onSubmit={async (values) => {
            await onChange(changeBody(values));
            close(false);
          }}
        />
      )}
    </Disclosure>
  );
}

function startError(error: unknown): string {
  if (error instanceof ApiError && error.details.failed?.length)
    return `Kunde inte starta: ${error.details.failed.map((f) => f.message).join(' ')}`;
  return describeError(error);
}

function ProcessPanel({
  caseId,
  instance,
  steps,
  actions,
  prefill,
  onPlace,
  onStep,
  onAction,
  onToggle,
  onCorrect,
}: {
  caseId: string;
  instance: ProcessInstanceView;
  steps: readonly ShownStep[];
  actions: readonly InstanceAction[];
  prefill?: StepPrefill;
  onPlace?: (prefill: StepPrefill) => void;
  onStep: (step: NextStep, payload: Record<string, unknown>) => Promise<void>;
  onAction: (action: InstanceAction, values: Record<string, unknown>) => Promise<void>;
  onToggle: (step: NextStep, open: boolean) => void;
  /** Offered while the latest step can be undone, to whom may undo it. */
  onCorrect?: (reason: string) => Promise<void>;
}) {
  const correction = instance.lastStep && onCorrect && (
    <StepCorrection lastStep={instance.lastStep} onCorrect={onCorrect} />
  );
  const headingId = `process-${instance.instanceId}`;
  // The one step a role can take here is in front of it: no click to open its form.
  const soleStep = (step: ShownStep) => steps.length === 1 && !step.taken;
  const now = instance.steps.map((step) => `${step.title} (${step.laneLabel})`).join(', ');
  return (
    <section className="process" aria-labelledby={headingId}>
      <h3 id={headingId}>{instance.process}</h3>
      <p>
        <strong>Nu:</strong> {now || '–'}
      </p>
      {instance.waiting && (
        <p className="waiting">
          <strong>Steget väntar sedan {formatDate(instance.waiting.since)}:</strong> {instance.waiting.label}
          {typeof instance.waiting.note === 'string' && ` – ${instance.waiting.note}`}
        </p>
      )}
      <div className="process-body">
        <div className="process-actions">
          <h4>Vad du kan göra</h4>
          {steps.length === 0 && actions.length === 0 && !correction ? (
            <p>Inget för dina roller just nu.</p>
          ) : (
            steps.map((step) => (
              <Disclosure
                key={step.event}
                label={step.label}
                initiallyOpen={prefill?.event === step.event || soleStep(step)}
                openedForUser={prefill?.event !== step.event && soleStep(step)}
                onToggle={(open) => onToggle(step, open)}
              >
                {(close) => (
                  <SchemaForm
                    schema={step.schema}
                    initial={
                      prefill?.event === step.event ? { ...step.initial, ...prefill.values } : step.initial
                    }
                    submitLabel={step.label}
                    failedHeading="Steget kunde inte sparas."
                    closedReason={step.taken && takenText(step)}
                    onCancel={close}
                    onSubmit={async (payload) => {
                      await onStep(step, payload);
                      close(false);
                    }}
                  />
                )}
              </Disclosure>
            ))
          )}
          {actions.map((action) => (
            <Disclosure key={action.command} label={action.label}>
              {(close) => (
                <SchemaForm
                  schema={action.schema}
                  submitLabel={action.label}
                  onCancel={close}
                  onSubmit={async (values) => {
                    await onAction(action, values);
                    close(false);
                  }}
                />
              )}
            </Disclosure>
          ))}
          {correction}
        </div>
        <BpmnDiagram
          definitionId={instance.definitionId}
          version={instance.version}
          highlighted={instance.bpmnElementIds}
          label={`Processkarta för ${instance.process}. Aktuellt steg: ${now || 'inget'}.`}
        />
      </div>
      <StepOutputs caseId={caseId} instanceId={instance.instanceId} />
      {instance.definitionId === CASE_MANAGER && (
        <CaseManagerPlan context={instance.context} onPlace={onPlace} />
      )}
    </section>
  );
}
