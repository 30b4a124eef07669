import { api, describeError } from '../api/client';
import type { CaseListItem, Page } from '../api/types';
import { formatDate } from '../format';
import { Link } from '../router';
import { useResource } from '../use-resource';
import { usePageTitle } from './page-title';

/** Every case the signed-in user may see, most recently changed first. */
export function CasesView() {
  usePageTitle('Ärenden');
  const cases = useResource(
    (signal) => api<Page<CaseListItem>>('/api/cases', { query: { limit: 200 }, signal }),
    [],
    'any',
  );
  return (
    <>
      <h1>Ärenden</h1>
      {cases.error !== undefined && <p role="alert">{describeError(cases.error)}</p>}
      <CaseTable cases={cases.data?.items ?? []} caption="Ärenden du får se, senast ändrade först" />
    </>
  );
}

export function CaseTable({ cases, caption }: { cases: readonly CaseListItem[]; caption: string }) {
  if (cases.length === 0) return <p>Inga ärenden.</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Ärende</th>
            <th scope="col">Enhet</th>
            <th scope="col">Socialsekreterare</th>
            <th scope="col">Pågående processer</th>
            <th scope="col">BIP-fas</th>
            <th scope="col">Handläggarbyten</th>
            <th scope="col">Senast ändrat</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((item) => (
            <tr key={item.caseId}>
              <th scope="row">
                <Link href={`/arenden/${encodeURIComponent(item.caseId)}`}>{item.reference}</Link>
                {item.overdue && <span className="tag tag-overdue">Försenad</span>}
              </th>
              <td>{item.unit}</td>
              <td>{item.socialWorkerId}</td>
              <td>
                {item.processes
                  .filter((p) => p.status === 'active')
                  .map((p) => p.process)
                  .join(', ') || '–'}
              </td>
              <td>{item.bipPhase ?? '–'}</td>
              <td>{item.caseworkerChanges}</td>
              <td>{formatDate(item.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
