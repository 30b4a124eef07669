import { useId, useState } from 'react';
import { api, describeError } from '../api/client';
import type { MentorList, StaffList } from '../api/types';
import { useResource } from '../use-resource';
import { TableRegion } from './table-region';

async function loadMentorships(unit: string, signal: AbortSignal) {
  const base = `/api/units/${encodeURIComponent(unit)}`;
  const [workers, mentors] = await Promise.all([
    api<StaffList>(`${base}/social-workers`, { signal }),
    api<MentorList>(`${base}/mentors`, { signal }),
  ]);
  return { workers: workers.socialWorkers, mentors: mentors.mentors };
}

/**
 * Who mentors the social workers in the introduktionsprogram: the mentor
 * gets the progressionsplan's copy and reads the mentee's cases, read-only.
 */
export function MentorsSection({ unit }: { readonly unit: string }) {
  const id = useId();
  const [status, setStatus] = useState('');
  const [version, setVersion] = useState(0);
  const staff = useResource((signal) => loadMentorships(unit, signal), [unit, version], 'any');

  const choose = async (workerId: string, workerName: string, mentorId: string) => {
    try {
      await api(
        `/api/units/${encodeURIComponent(unit)}/social-workers/${encodeURIComponent(workerId)}/mentor`,
        {
          method: 'PUT',
          body: { mentorId: mentorId === '' ? null : mentorId },
        },
      );
      setStatus(
        mentorId === '' ? `${workerName} har ingen mentor längre.` : `Sparat: mentor för ${workerName}.`,
      );
      setVersion((v) => v + 1);
    } catch (error) {
      setStatus(describeError(error));
    }
  };

  return (
    <section aria-labelledby={`${id}-mentorer`}>
      <h2 id={`${id}-mentorer`}>Mentorer i introduktionsprogrammet</h2>
      <p role="status">{status}</p>
      {staff.error !== undefined && <p role="alert">{describeError(staff.error)}</p>}
      {!staff.data ? (
        <p>Hämtar enhetens socialsekreterare…</p>
      ) : staff.data.mentors.length === 0 ? (
        <p>Ingen mentor på enheten har loggat in ännu.</p>
      ) : (
        <TableRegion label="Mentor för varje socialsekreterare">
          <table>
            <caption>
              Mentorn får en kopia av progressionsplanen och kan läsa ärendena, utan att ändra något
            </caption>
            <thead>
              <tr>
                <th scope="col">Socialsekreterare</th>
                <th scope="col">Mentor</th>
              </tr>
            </thead>
            <tbody>
              {staff.data.workers.map((worker) => (
                <tr key={worker.id}>
                  <th scope="row">{worker.name}</th>
                  <td>
                    <select
                      aria-label={`Mentor för ${worker.name}`}
                      value={worker.mentorId ?? ''}
                      onChange={(e) => void choose(worker.id, worker.name, e.target.value)}
                    >
                      <option value="">Ingen mentor</option>
                      {staff.data?.mentors.map((mentor) => (
                        <option key={mentor.id} value={mentor.id}>
                          {mentor.name}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
