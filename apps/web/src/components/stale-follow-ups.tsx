import type { FollowUp } from '../api/types';
import { formatDate } from '../format';
import { roleName } from '../roles';
import { Link } from '../router';
import { TableRegion } from './table-region';

/**
 * Follow-ups whose owner has recorded nothing in three months (BIP is
 * measured every third month): the biträdande enhetschef sees each, with
 * who owns it and since when nothing has happened.
 */
export function StaleFollowUps({ followUps }: { readonly followUps: readonly FollowUp[] }) {
  return (
    <section aria-labelledby="uppfoljning-tre-manader">
      <h2 id="uppfoljning-tre-manader">Ingen uppföljning på tre månader ({followUps.length})</h2>
      {followUps.length === 0 ? (
        <p>Alla uppföljningar har gjorts de senaste tre månaderna.</p>
      ) : (
        <TableRegion label="Uppföljningar som inte gjorts på tre månader">
          <table>
            <caption>
              Processer där den som har uppföljningsansvaret inte har följt upp på tre månader
            </caption>
            <thead>
              <tr>
                <th scope="col">Ärende</th>
                <th scope="col">Process</th>
                <th scope="col">Ansvar</th>
                <th scope="col">Senast uppföljd</th>
                <th scope="col">Skulle ha följts upp</th>
              </tr>
            </thead>
            <tbody>
              {followUps.map((row) => (
                <tr key={`${row.caseId}/${row.instanceId}`}>
                  <th scope="row">
                    <Link href={`/arenden/${encodeURIComponent(row.caseId)}`}>{row.reference}</Link>
                  </th>
                  <td>{row.process}</td>
                  <td>{roleName(row.owner)}</td>
                  <td>{formatDate(row.lastFollowUpAt)}</td>
                  <td>{formatDate(row.followUpDueAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
