import { api, describeError } from '../api/client';
import type { Page, Placement } from '../api/types';
import { useResource } from '../use-resource';
import { PlacementTable } from '../views/placements';
import { bipSuggestion } from '../bip-suggestion';

/** The case's placements on insatser, each with when it is next followed up; none shown when there are none. */
export function CasePlacements({ caseId }: { readonly caseId: string }) {
  const placements = useResource(
    (signal) => api<Page<Placement>>('/api/placements', { signal, query: { caseId, limit: 100 } }),
    [caseId],
    caseId,
  );
  if (placements.error !== undefined) return <p role="alert">{describeError(placements.error)}</p>;
  const items = placements.data?.items ?? [];
  if (items.length === 0) return null;
  const suggestion = bipSuggestion(items);
  return (
    <section aria-labelledby="placeringar">
      <h2 id="placeringar">Insatser</h2>
      {suggestion && (
        <p className="notice">
          Förslag på BIP-fas utifrån pågående insatser: {suggestion} Rehabansvarig registrerar fasen vid
          uppföljningen.
        </p>
      )}
      <PlacementTable placements={items} caption="Klientens placeringar på insatser" />
    </section>
  );
}
