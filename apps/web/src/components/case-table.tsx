import type { Ref } from 'react';
import { useUnitName } from '../signed-in';
import type { CaseListItem } from '../api/types';
import { formatDate } from '../format';
import { Link } from '../router';
import { TableRegion } from './table-region';

/** What each running process waits for now, so two cases with the same reference read apart. */
function CurrentSteps({ processes }: { processes: CaseListItem['processes'] }) {
  const active = processes.filter((p) => p.status === 'active');
  if (active.length === 0) return <>–</>;
  return (
    <ul className="steps">
      {active.map((p) => (
        <li key={p.instanceId}>
          {p.process}
          {p.steps.length > 0 && `: ${p.steps.join(', ')}`}
        </li>
      ))}
    </ul>
  );
}

/**
 * Cases as rows: the reference with what tells cases of the same reference
 * apart (journal reference, social worker, when opened, the step now).
 */
export function CaseTable({
  cases,
  caption,
  label = caption,
  regionRef,
}: {
  cases: readonly CaseListItem[];
  caption: string;
  label?: string;
  regionRef?: Ref<HTMLDivElement>;
}) {
  const unitName = useUnitName();
  if (cases.length === 0) return <p>Inga ärenden.</p>;
  return (
    <TableRegion label={label} regionRef={regionRef}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Ärende</th>
            <th scope="col">Journalreferens</th>
            <th scope="col">Socialsekreterare</th>
            <th scope="col">Öppnat</th>
            <th scope="col">Aktuellt steg</th>
            <th scope="col">Enhet</th>
            <th scope="col">BIP-fas</th>
            <th scope="col">Handläggarbyten</th>
            <th scope="col">Senast ändrat</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((item) => (
            <tr key={item.caseId}>
              <th scope="row">
                <Link className="nowrap" href={`/arenden/${encodeURIComponent(item.caseId)}`}>
                  {item.reference}
                </Link>
                {item.overdue && <span className="tag tag-overdue">Försenad</span>}
                {item.closedAt && <span className="tag">Avslutat {formatDate(item.closedAt)}</span>}
              </th>
              <td className="nowrap">{item.journalRef ?? '–'}</td>
              <td>{item.socialWorkerName ?? item.socialWorkerId}</td>
              <td className="nowrap">{formatDate(item.openedAt)}</td>
              <td>
                <CurrentSteps processes={item.processes} />
              </td>
              <td className="nowrap">{unitName(item.unit)}</td>
              <td>{item.bipPhase ?? '–'}</td>
              <td>{item.caseworkerChanges}</td>
              <td className="nowrap">{formatDate(item.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
