import { api } from './api/client';
import type { JsonSchema, StaffList } from './api/types';
import { useResource } from './use-resource';

export type SocialWorker = StaffList['socialWorkers'][number] & { readonly unit: string };

/** The social workers of the given units, from the staff directory: who a case's responsible one can be. */
export function useSocialWorkers(units: readonly string[]) {
  return useResource(
    async (signal) =>
      (
        await Promise.all(
          units.map((unit) =>
            api<StaffList>(`/api/units/${encodeURIComponent(unit)}/social-workers`, { signal }),
          ),
        )
      ).flatMap((list) => list.socialWorkers.map((worker) => ({ ...worker, unit: list.unit }))),
    [units.join(',')],
  );
}

/** A field choosing one of the workers by name; an id is never typed by hand. */
export function socialWorkerField(
  workers: readonly SocialWorker[],
  title: string,
  withUnit: boolean,
): JsonSchema {
  return {
    type: 'string',
    title,
    enum: workers.map((worker) => worker.id),
    'x-enumLabels': Object.fromEntries(
      workers.map((worker) => [worker.id, withUnit ? `${worker.name} (${worker.unit})` : worker.name]),
    ),
  };
}
