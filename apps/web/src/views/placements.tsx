import { api, describeError } from '../api/client';
import type { Page, Placement } from '../api/types';
import { countOf, formatDate } from '../format';
import { canSupervise, supervisedUnits } from '../roles';
import { Link } from '../router';
import { useMe } from '../signed-in';
import { useResource } from '../use-resource';
import { usePageTitle } from './page-title';
import { TableRegion } from '../components/table-region';

const PHASE_NAMES: Readonly<Record<string, string>> = {
  anvisning: 'Anvisas',
  ko: 'I kö',
  forberedelse: 'Arbetsplan och start',
  pagar: 'Pågår',
  avslutad: 'Avslutad',
  behovUtanInsats: 'Ingen insats passar',
  avbruten: 'Avbruten',
};

const list = (query: Record<string, string | number | boolean>, signal: AbortSignal) =>
  api<Page<Placement>>('/api/placements', { signal, query: { limit: 200, ...query } });

/**
 * Placements on insatser and when each is to be followed up: the social
 * worker's own, due soonest first, with those past due marked; and for the
 * biträdande enhetschef, the team's follow-ups more than 14 days late.
 */
export function PlacementsView() {
  usePageTitle('Insatser och uppföljningar');
  const me = useMe();
  const supervises = canSupervise(me);
  const mine = useResource((signal) => list({ mine: true }, signal), [me.id], 'any');
  const flagged = useResource(
    (signal) =>
      supervises
        ? Promise.all(supervisedUnits(me).map((unit) => list({ unit, flagged: true }, signal))).then(
            (pages) => pages.flatMap((page) => page.items),
          )
        : Promise.resolve([]),
    [me.id],
    'any',
  );
  const running = (mine.data?.items ?? []).filter((p) => p.phase !== 'avslutad' && p.phase !== 'avbruten');
  return (
    <>
      <h1>Insatser och uppföljningar</h1>
      {supervises && (
        <section aria-labelledby="flaggade">
          <h2 id="flaggade">Uppföljningar mer än 14 dagar försenade</h2>
          {flagged.error !== undefined && <p role="alert">{describeError(flagged.error)}</p>}
          <PlacementTable
            placements={flagged.data ?? []}
            caption="Placeringar i teamet vars uppföljning är flaggad"
          />
        </section>
      )}
      <section aria-labelledby="mina">
        <h2 id="mina">Mina klienters insatser</h2>
        {mine.error !== undefined && <p role="alert">{describeError(mine.error)}</p>}
        <PlacementTable
          placements={running}
          caption="Pågående placeringar, den som ska följas upp först överst"
        />
      </section>
    </>
  );
}

const originText = (origin: NonNullable<Placement['origin']>) =>
  origin.kind === 'progressionsplan'
    ? `Utgår från progressionsplanen, rad ${origin.planRow}`
    : 'Utgår från case managers planering';

/** Placements as rows: the case, the insats, where it stands and when it is next followed up. */
export function PlacementTable({
  placements,
  caption,
}: {
  readonly placements: readonly Placement[];
  readonly caption: string;
}) {
  if (placements.length === 0) return <p>Inga placeringar.</p>;
  return (
    <TableRegion label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Ärende</th>
            <th scope="col">Insats</th>
            <th scope="col">Läge</th>
            <th scope="col">Uppföljningar</th>
            <th scope="col">Nästa uppföljning</th>
          </tr>
        </thead>
        <tbody>
          {placements.map((p) => (
            <tr key={`${p.caseId}/${p.instanceId}`}>
              <th scope="row">
                <Link href={`/arenden/${encodeURIComponent(p.caseId)}`}>{p.reference}</Link>
              </th>
              <td>
                {p.insats?.name ?? '–'}
                {p.origin && p.origin.kind !== 'arende' && (
                  <div className="muted">{originText(p.origin)}</div>
                )}
                {p.continuesFrom && (
                  <div className="muted">
                    Fortsätter efter {p.continuesFrom.insatsName ?? 'förra insatsen'} (
                    {countOf(p.continuesFrom.followUpsHeld, 'uppföljning', 'uppföljningar')} där)
                  </div>
                )}
              </td>
              <td>
                {PHASE_NAMES[p.phase] ?? p.phase}
                {p.flagged && <span className="tag tag-overdue">Flaggad</span>}
                {!p.flagged && p.followUpOverdue && <span className="tag tag-overdue">Försenad</span>}
                {p.readyForJobbtorgResurs && (
                  <div className="muted">
                    Alla fem kriterier uppfyllda: överväg avslut till Jobbtorg Resurs
                  </div>
                )}
              </td>
              <td>
                {p.followUpsHeld}
                {p.lastFollowUpOn && <div className="muted">senast {formatDate(p.lastFollowUpOn)}</div>}
              </td>
              <td>{p.followUpDueAt ? formatDate(p.followUpDueAt) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
