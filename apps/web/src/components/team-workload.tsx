import { api, describeError } from '../api/client';
import type { UnitWorkload } from '../api/types';
import { formatNumber } from '../format';
import { Link } from '../router';
import { useResource } from '../use-resource';
import { TableRegion } from './table-region';

/** The case list filtered to one social worker's cases, as its address spells it. */
const casesOf = (userId: string) => `/arenden?handlaggare=${encodeURIComponent(userId)}`;

/** The team's work per social worker, counts only, each row leading to that person's cases. */
export function TeamWorkload({ unit }: { unit: string }) {
  const workload = useResource(
    (signal) => api<UnitWorkload>(`/api/units/${encodeURIComponent(unit)}/workload`, { signal }),
    [unit],
    'any',
  );
  const caption = 'Teamets arbete per socialsekreterare';
  return (
    <section aria-labelledby="teamets-arbete">
      <h2 id="teamets-arbete">{caption}</h2>
      {workload.error !== undefined && <p role="alert">{describeError(workload.error)}</p>}
      {workload.data && workload.data.people.length === 0 && (
        <p>Inga socialsekreterare har loggat in i enheten ännu.</p>
      )}
      {workload.data && workload.data.people.length > 0 && (
        <TableRegion label={caption}>
          <table className="workload">
            <caption>Ärenden och uppgifter per person; försenade är de med passerad tidsgräns</caption>
            <thead>
              <tr>
                <th scope="col">Socialsekreterare</th>
                <th scope="col">Ärenden</th>
                <th scope="col">Varav med passerad tidsgräns</th>
                <th scope="col">Öppna uppgifter</th>
                <th scope="col">Varav försenade</th>
              </tr>
            </thead>
            <tbody>
              {workload.data.people.map((person) => (
                <tr key={person.userId}>
                  <th scope="row">
                    <Link href={casesOf(person.userId)}>{person.name}</Link>
                  </th>
                  <td>{formatNumber(person.cases)}</td>
                  <td>{formatNumber(person.overdueCases)}</td>
                  <td>{formatNumber(person.openTasks)}</td>
                  <td>{formatNumber(person.overdueTasks)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
