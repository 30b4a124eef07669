import { useId, useState } from 'react';
import { api, describeError, serverNow } from '../api/client';
import type {
  CaseListItem,
  CaseworkerChangeCount,
  FollowUp,
  Page,
  PhaseMonth,
  QueueTask,
  StepCount,
  StepWait,
} from '../api/types';
import { useMe, useUnitName } from '../signed-in';
import { BipChart, PHASES, PHASE_NAMES } from '../components/bip-chart';
import { CoversSection } from '../components/covers';
import { MentorsSection } from '../components/mentors';
import { StaleFollowUps } from '../components/stale-follow-ups';
import { StepWaitsTable } from '../components/step-waits';
import { formatDate, formatMonth } from '../format';
import { useSocialWorkers } from '../staff';
import { roleName, supervisedUnits } from '../roles';
import { Link } from '../router';
import { useResource } from '../use-resource';
import { CaseTable } from '../components/case-table';
import { byUrgency, isLate, TaskTable } from './my-tasks';
import { usePageTitle } from './page-title';
import { TableRegion } from '../components/table-region';
import { TeamWorkload } from '../components/team-workload';

interface Overview {
  readonly team: QueueTask[];
  readonly escalated: FollowUp[];
  readonly stale: FollowUp[];
  readonly phaseZero: CaseListItem[];
  readonly changes: CaseworkerChangeCount[];
  readonly phases: PhaseMonth[];
  readonly steps: StepCount[];
  readonly waits: StepWait[];
}

const MONTHS_SHOWN = 12;

function monthRange(): { from: string; to: string } {
  const now = serverNow();
  const to = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (MONTHS_SHOWN - 1), 1));
  const from = `${start.getUTCFullYear()}-${String(start.getUTCMonth() + 1).padStart(2, '0')}`;
  return { from, to };
}

async function loadOverview(unit: string, signal: AbortSignal): Promise<Overview> {
  const at = { signal };
  const [team, escalated, stale, phaseZero, changes, phases, steps, waits] = await Promise.all([
    api<Page<QueueTask>>(`/api/queues/team/${encodeURIComponent(unit)}`, { ...at, query: { limit: 500 } }),
    api<Page<FollowUp>>('/api/follow-up', { ...at, query: { unit, escalated: true, limit: 500 } }),
    api<Page<FollowUp>>('/api/follow-up', { ...at, query: { unit, overdue: true, limit: 500 } }),
    api<Page<CaseListItem>>('/api/cases', { ...at, query: { unit, bipPhase: 0, limit: 500 } }),
    api<CaseworkerChangeCount[]>('/api/statistics/caseworker-changes', { ...at, query: { unit } }),
    api<PhaseMonth[]>('/api/statistics/bip-phases', { ...at, query: { unit, ...monthRange() } }),
    api<StepCount[]>('/api/statistics/process-steps', { ...at, query: { unit } }),
    api<StepWait[]>('/api/statistics/step-waits', { ...at, query: { unit } }),
  ]);
  return {
    team: team.items.sort(byUrgency),
    escalated: escalated.items,
    stale: stale.items,
    phaseZero: phaseZero.items,
    changes: changes.filter((c) => c.flagged || c.handoverMissing || c.clientUninformed),
    phases,
    steps,
    waits,
  };
}

/** What a biträdande enhetschef follows: the team's queue, escalations, fas 0, handläggarbyten, BIP over time. */
export function UnitOverviewView() {
  const me = useMe();
  usePageTitle('Enhetsöversikt');
  const units = supervisedUnits(me);
  const unitName = useUnitName();
  const [unit, setUnit] = useState(units[0] ?? '');
  const id = useId();
  const overview = useResource((signal) => loadOverview(unit, signal), [unit], 'any');
  const data = overview.data;
  const late = data?.team.filter((task) => isLate(task) || task.escalated) ?? [];
  // Tasks are assigned to the case's social worker only, so the unit's social workers name them all.
  const workers = useSocialWorkers([unit]);
  const nameOf = (id: string) => workers.data?.find((worker) => worker.id === id)?.name;

  return (
    <>
      <h1>Enhetsöversikt</h1>
      {units.length > 1 && (
        <div className="field">
          <label htmlFor={`${id}-unit`}>Enhet</label>
          <select id={`${id}-unit`} value={unit} onChange={(e) => setUnit(e.target.value)}>
            {units.map((u) => (
              <option key={u} value={u}>
                {unitName(u)}
              </option>
            ))}
          </select>
        </div>
      )}
      <p className="lead">{unitName(unit)}</p>
      {overview.error !== undefined && <p role="alert">{describeError(overview.error)}</p>}
      {!data ? (
        <p>Hämtar översikten…</p>
      ) : (
        <>
          <section aria-labelledby="eskalerat">
            <h2 id="eskalerat">
              Eskalerade och försenade uppföljningar ({late.length + data.escalated.length})
            </h2>
            {data.escalated.length > 0 && (
              <TableRegion label="Ärenden där uppföljningen har flyttats till biträdande enhetschef">
                <table>
                  <caption>Ärenden där uppföljningen har flyttats till biträdande enhetschef</caption>
                  <thead>
                    <tr>
                      <th scope="col">Ärende</th>
                      <th scope="col">Ansvar nu</th>
                      <th scope="col">Sedan</th>
                      <th scope="col">Skäl</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.escalated.map((row) => (
                      <tr key={row.caseId}>
                        <th scope="row">
                          <Link href={`/arenden/${encodeURIComponent(row.caseId)}`}>{row.reference}</Link>
                        </th>
                        <td>{row.owner ? roleName(row.owner) : '–'}</td>
                        <td>{formatDate(row.since)}</td>
                        <td>{row.reason ?? '–'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableRegion>
            )}
            <TaskTable tasks={late} caption="Försenade och eskalerade uppgifter i teamet" nameOf={nameOf} />
          </section>

          <TeamWorkload unit={unit} />

          <StaleFollowUps followUps={data.stale} />

          <section aria-labelledby="kö">
            <h2 id="kö">Teamets kö ({data.team.length})</h2>
            <TaskTable
              tasks={data.team}
              caption="Teamets alla öppna uppgifter, försenade först"
              nameOf={nameOf}
            />
          </section>

          <section aria-labelledby="fas0">
            <h2 id="fas0">Ärenden utan insats, fas 0 ({data.phaseZero.length})</h2>
            <CaseTable cases={data.phaseZero} caption="Ärenden vars senaste BIP-fas är 0" />
          </section>

          <section aria-labelledby="byten">
            <h2 id="byten">Många handläggarbyten och ofullständiga överlämningar ({data.changes.length})</h2>
            {data.changes.length === 0 ? (
              <p>
                Inget ärende har bytt socialsekreterare två gånger eller fler de senaste 12 månaderna, och
                alla byten har en överlämning och en informerad klient.
              </p>
            ) : (
              <TableRegion label="Handläggarbyten att se över">
                <table>
                  <caption>
                    Två eller fler byten de senaste 12 månaderna, eller ett byte som saknar överlämning eller
                    informerad klient
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Ärende</th>
                      <th scope="col">Senaste 12 månaderna</th>
                      <th scope="col">Totalt</th>
                      <th scope="col">Senaste skäl</th>
                      <th scope="col">Saknas</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.changes.map((row) => (
                      <tr key={row.caseId}>
                        <th scope="row">
                          <Link href={`/arenden/${encodeURIComponent(row.caseId)}`}>{row.reference}</Link>
                        </th>
                        <td>{row.lastTwelveMonths}</td>
                        <td>{row.total}</td>
                        <td>{row.lastReasonLabel ?? '–'}</td>
                        <td>
                          {[
                            ...(row.handoverMissing ? ['Överlämning'] : []),
                            ...(row.clientUninformed ? ['Klienten informerad'] : []),
                          ].join(', ') || '–'}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableRegion>
            )}
          </section>

          <section aria-labelledby="bip">
            <h2 id="bip">BIP-faser över tid</h2>
            <BipChart months={data.phases} />
            <TableRegion label="Antal ärenden per BIP-fas vid varje månads slut">
              <table>
                <caption>Antal ärenden per BIP-fas vid varje månads slut</caption>
                <thead>
                  <tr>
                    <th scope="col">Månad</th>
                    {PHASES.map((phase) => (
                      <th scope="col" key={phase}>
                        {PHASE_NAMES[phase]}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {data.phases.map((month) => (
                    <tr key={month.month}>
                      <th scope="row">{formatMonth(month.month, 'long')}</th>
                      {PHASES.map((phase) => (
                        <td key={phase}>{month.phases[phase] ?? 0}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          </section>

          <section aria-labelledby="steg">
            <h2 id="steg">Ärenden per processteg</h2>
            {data.steps.length === 0 ? (
              <p>Ingen process pågår.</p>
            ) : (
              <TableRegion label="Pågående processer per steg">
                <table>
                  <caption>Pågående processer per steg</caption>
                  <thead>
                    <tr>
                      <th scope="col">Process</th>
                      <th scope="col">Steg</th>
                      <th scope="col">Ärenden</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.steps.map((row) => (
                      <tr key={`${row.process}/${row.title}`}>
                        <td>{row.process}</td>
                        <th scope="row">{row.title}</th>
                        <td>{row.cases}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableRegion>
            )}
          </section>

          <section aria-labelledby="vantetid">
            <h2 id="vantetid">Väntetid per processteg</h2>
            <StepWaitsTable waits={data.waits} />
          </section>

          <CoversSection unit={unit} />

          <MentorsSection unit={unit} />
        </>
      )}
    </>
  );
}
