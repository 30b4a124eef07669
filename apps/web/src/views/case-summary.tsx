import type { CaseView } from '../api/types';
import { useUnitName } from '../signed-in';
import { dueText, formatDate } from '../format';
import { roleName } from '../roles';
import { useSocialWorkers } from '../staff';
import { fromCaseManagerPlan, fromPlanRow, type StepPrefill } from '../components/placement-prefill';
import { TableRegion } from '../components/table-region';

/** BIP: each handläggarbyte lowers the chance of work; two or more in a year is worth a supervisor's look. */
export const FREQUENT_CHANGES = 2;

/** The case's facts as they are (or were, in the history's as-of view). */
export function CaseFacts({ view }: { view: CaseView }) {
  const unitName = useUnitName();
  const workers = useSocialWorkers([view.unit]);
  const workerName = workers.data?.find((worker) => worker.id === view.socialWorkerId)?.name;
  return (
    <>
      {view.caseworkerChangesLastTwelveMonths >= FREQUENT_CHANGES && (
        <div className="warning" role="note">
          <strong>Varning:</strong> ärendet har bytt ansvarig socialsekreterare{' '}
          {view.caseworkerChangesLastTwelveMonths} gånger de senaste 12 månaderna. Varje byte minskar
          klientens chans till arbete (BIP).
        </div>
      )}
      <dl className="facts">
        <div>
          <dt>Pseudonym</dt>
          <dd>{view.reference}</dd>
        </div>
        <div>
          <dt>Journalreferens</dt>
          <dd>{view.journalRef ?? 'Ingen angiven'}</dd>
        </div>
        <div>
          <dt>Enhet</dt>
          <dd>{unitName(view.unit)}</dd>
        </div>
        <div>
          <dt>Ansvarig socialsekreterare</dt>
          <dd>{workerName ?? view.socialWorkerId}</dd>
        </div>
        <div>
          <dt>Ansvar för uppföljning</dt>
          <dd>
            {view.followUps.length === 0 ? (
              'Ingen process har uppföljning ännu'
            ) : (
              <ul className="plain">
                {view.followUps.map((followUp) => (
                  <li key={followUp.instanceId}>
                    {followUp.process}: {followUp.label} sedan {formatDate(followUp.since)}
                    {followUp.escalated
                      ? ` (eskalerad: ${followUp.reason})`
                      : followUp.reason
                        ? ` (${followUp.reason})`
                        : ''}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt>BIP-fas</dt>
          <dd>
            {view.bipPhase
              ? `${view.bipPhase.label} (${formatDate(view.bipPhase.recordedAt)})`
              : 'Ingen fas registrerad'}
          </dd>
        </div>
        <div>
          <dt>Handläggarbyten</dt>
          <dd>
            {view.caseworkerChanges} totalt, {view.caseworkerChangesLastTwelveMonths} de senaste 12 månaderna
          </dd>
        </div>
      </dl>
      {view.lastCaseworkerChange && <LastChange change={view.lastCaseworkerChange} unit={view.unit} />}
    </>
  );
}

const INFORMED_HOW: Record<string, string> = {
  telefon: 'per telefon',
  brev: 'per brev',
  besok: 'vid besök',
  digitalt: 'digitalt',
};
const INFORMED_BY: Record<string, string> = {
  'tidigare-socialsekreterare': 'tidigare socialsekreterare',
  'ny-socialsekreterare': 'ny socialsekreterare',
  'bitradande-enhetschef': 'biträdande enhetschef',
};

/** What the new social worker needs of the latest change: why, whether the client knows, the hand-over. */
function LastChange({
  change,
  unit,
}: {
  change: NonNullable<CaseView['lastCaseworkerChange']>;
  unit: string;
}) {
  const informed = change.clientInformed;
  const workers = useSocialWorkers([unit]);
  const nameOf = (id: string) => workers.data?.find((worker) => worker.id === id)?.name ?? id;
  return (
    <section aria-labelledby="overlamning" className="handover">
      <h2 id="overlamning">Senaste handläggarbyte</h2>
      <p>
        {change.from ? nameOf(change.from) : 'Okänd'} lämnade över till {nameOf(change.to)}{' '}
        {formatDate(change.at)}
        {change.reasonLabel ? `. Skäl: ${change.reasonLabel}` : ''}
        {change.reasonNote ? ` (${change.reasonNote})` : ''}.
      </p>
      <p>
        {informed
          ? `Klienten informerades ${INFORMED_HOW[informed.how] ?? informed.how} ${informed.on} av ${INFORMED_BY[informed.by] ?? informed.by} och har fått den nya kontaktens uppgifter.`
          : 'Klienten har inte fått veta om bytet ännu: den nya socialsekreteraren har en uppgift att informera inom en vecka.'}
      </p>
      <h3>Överlämning</h3>
      <p className="prewrap">
        {change.handover ??
          'Ingen överlämning skrevs vid bytet: biträdande enhetschef har en uppgift att skriva den.'}
      </p>
    </section>
  );
}

/** The plan's follow-up owner, and who has it now when an escalation moved it. */
function followUpText(owner: string, followUps: CaseView['followUps']): string {
  const escalated = followUps.find((followUp) => followUp.escalated);
  return escalated
    ? `Uppföljning enligt planen: ${roleName(owner)}; nu hos ${escalated.label} efter eskalering (${escalated.process}).`
    : `Uppföljning: ${roleName(owner)}.`;
}

export function ProgressionsplanTable({
  plan,
  followUps = [],
  onPlace,
  onCheck,
}: {
  plan: NonNullable<CaseView['progressionsplan']>;
  /** Who follows up now: an escalation moves it from the owner the plan names. */
  followUps?: CaseView['followUps'];
  /** Offered to those who may start a placement: an anvisning that carries out the row. */
  onPlace?: (prefill: StepPrefill) => void;
  /** Offered to those who may tick a row done, or take the tick back; `row` from 1. */
  onCheck?: (row: number, done: boolean) => void;
}) {
  // `gjort` is what the row said when the plan was recorded; `done` is how it stands since, ticked row by row.
  const isDone = (index: number, recorded: boolean) => plan.done?.[index] ?? recorded;
  // A plan recorded before rows could be ticked has no `done`; the server refuses ticking its rows.
  const checkable = onCheck && plan.done ? onCheck : undefined;
  return (
    <>
      <p>
        {plan.categoryLabel}. {followUpText(plan.followUpOwner, followUps)} Senast ändrad{' '}
        {formatDate(plan.recordedAt)}.
      </p>
      {typeof plan.items === 'string' ? (
        <p>Planens punkter är skyddade och visas inte här.</p>
      ) : (
        <TableRegion label="Planens punkter">
          <table>
            <caption>Progressionsplanens punkter</caption>
            <thead>
              <tr>
                <th scope="col">Vad</th>
                <th scope="col">Vem</th>
                <th scope="col">När</th>
                <th scope="col">Varför</th>
                <th scope="col">Gjort</th>
                {checkable && <th scope="col">Markera</th>}
                {onPlace && <th scope="col">Insats</th>}
              </tr>
            </thead>
            <tbody>
              {plan.items.map((item, index) => (
                <tr key={index}>
                  <td>{item.vad}</td>
                  <td>{item.vem}</td>
                  <td>{formatDate(item.nar)}</td>
                  <td>{item.varfor}</td>
                  <td>{isDone(index, item.gjort) ? 'Ja' : 'Nej'}</td>
                  {checkable && (
                    <td>
                      <DoneToggle
                        row={index + 1}
                        what={item.vad}
                        done={isDone(index, item.gjort)}
                        onCheck={checkable}
                      />
                    </td>
                  )}
                  {onPlace && (
                    <td>
                      <button
                        type="button"
                        aria-label={`Anvisa till insats utifrån rad ${index + 1}: ${item.vad}`}
                        onClick={() => onPlace(fromPlanRow(index + 1, item))}
                      >
                        Anvisa till insats
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}

function DoneToggle({
  row,
  what,
  done,
  onCheck,
}: {
  row: number;
  what: string;
  done: boolean;
  onCheck: (row: number, done: boolean) => void;
}) {
  const action = done ? 'Markera som inte gjord' : 'Markera som gjord';
  return (
    <button type="button" aria-label={`${action}: punkt ${row}, ${what}`} onClick={() => onCheck(row, !done)}>
      {action}
    </button>
  );
}

const GOAL_STATUS: Readonly<Record<string, string>> = {
  'ej-paborjat': 'Ej påbörjat',
  pagar: 'Pågår',
  uppnatt: 'Uppnått',
  'ej-uppnatt': 'Ej uppnått',
};

interface CmContext {
  plan?: { startDate?: string; mainGoal?: string; subGoals?: string[] };
  followUpMeetings?: {
    heldOn?: string;
    present?: string;
    summary?: string;
    mainGoalStatus?: string;
    subGoals?: { subGoal: string; status: string }[];
  }[];
}

/** The CM plan (Bilaga 2): huvudmål, up to four delmål, and the follow-up meetings. */
export function CaseManagerPlan({
  context,
  onPlace,
}: {
  context: Readonly<Record<string, unknown>>;
  onPlace?: (prefill: StepPrefill) => void;
}) {
  const { plan, followUpMeetings = [] } = context as CmContext;
  if (!plan) return <p>Planeringen görs på uppstartsmötet.</p>;
  return (
    <div className="cm-plan">
      <h4>Planering</h4>
      {onPlace && (
        <button type="button" onClick={() => onPlace(fromCaseManagerPlan(plan.mainGoal))}>
          Anvisa till insats utifrån planeringen
        </button>
      )}
      <dl className="facts">
        <div>
          <dt>Startdatum</dt>
          <dd>{formatDate(plan.startDate)}</dd>
        </div>
        <div>
          <dt>Huvudmål</dt>
          <dd>{plan.mainGoal}</dd>
        </div>
      </dl>
      <h5>Delmål</h5>
      {plan.subGoals && plan.subGoals.length > 0 ? (
        <ol>
          {plan.subGoals.map((goal, index) => (
            <li key={index}>{goal}</li>
          ))}
        </ol>
      ) : (
        <p>Inga delmål.</p>
      )}
      <h5>Uppföljningsmöten ({followUpMeetings.length})</h5>
      {followUpMeetings.length === 0 && <p>Ingen uppföljning ännu.</p>}
      {followUpMeetings.map((meeting, index) => (
        <section key={index} className="meeting" aria-label={`Uppföljning ${index + 1}`}>
          <p>
            <strong>Uppföljning {index + 1}</strong>, {formatDate(meeting.heldOn)}. Närvarande:{' '}
            {meeting.present}.
          </p>
          <p>{meeting.summary}</p>
          <p>Huvudmål: {GOAL_STATUS[meeting.mainGoalStatus ?? ''] ?? meeting.mainGoalStatus}</p>
          {meeting.subGoals && meeting.subGoals.length > 0 && (
            <ul>
              {meeting.subGoals.map((goal, i) => (
                <li key={i}>
                  {goal.subGoal}: {GOAL_STATUS[goal.status] ?? goal.status}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}

/** `relative` counts from now; the as-of view leaves it out, as "now" is not the moment shown. */
export function DeadlineList({
  deadlines,
  relative = true,
}: {
  deadlines: CaseView['deadlines'];
  relative?: boolean;
}) {
  if (deadlines.length === 0) return <p>Inga öppna tidsgränser.</p>;
  return (
    <ul className="deadlines">
      {deadlines.map((deadline) => (
        <li key={deadline.deadlineId} className={deadline.overdue ? 'overdue' : undefined}>
          <strong>{deadline.title}</strong>: senast {formatDate(deadline.dueAt)}
          {relative && ` (${dueText(deadline.dueAt)})`}
          {deadline.overdue && <span className="tag tag-overdue">Försenad</span>}
        </li>
      ))}
    </ul>
  );
}
