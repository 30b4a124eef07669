import { useId, useState } from 'react';
import { useUnitName } from '../signed-in';
import { api, describeError } from '../api/client';
import type { CaseListItem, Page, Viewing } from '../api/types';
import { formatDateTime } from '../format';
import { Link, useLocation } from '../router';
import { useResource } from '../use-resource';
import { usePageTitle } from './page-title';
import { TableRegion } from '../components/table-region';
import { roleName } from '../roles';

const VIEW_NAMES: Readonly<Record<string, string>> = {
  case: 'Ärendet',
  history: 'Historiken',
  'as-of': 'Ärendet vid en tidpunkt',
  'next-steps': 'Nästa steg',
  'case-list': 'Ärendelistan',
  queue: 'En arbetskö',
  notifications: 'Meddelanden',
  'history-export': 'Utdrag av historiken',
  'case-notes': 'Anteckningar och handlingar',
  placements: 'Insatser',
  'partner-placement': 'Placering hos anordnaren',
  referral: 'Aktualisering',
  'referrals-sent': 'Skickade aktualiseringar',
  deadlines: 'Tidsgränser',
  'follow-up': 'Uppföljningsansvar',
  statistics: 'Statistik',
  'access-log': 'Åtkomstloggen',
};

/** Who looked at a case, and what a user looked at: for biträdande enhetschef and granskare. */
export function AccessLogView() {
  usePageTitle('Åtkomstlogg');
  const { search } = useLocation();
  const initialCase = new URLSearchParams(search).get('arende') ?? '';
  const id = useId();
  const [each, setEach] = useState(false);
  return (
    <>
      <h1>Åtkomstlogg</h1>
      <p>
        Varje gång någon visar uppgifter ur ett ärende loggas det. Loggen kan inte ändras. Samma persons
        visningar av samma sak inom en timme visas som en rad med antalet.
      </p>
      <div className="checkbox">
        <input id={`${id}-each`} type="checkbox" checked={each} onChange={(e) => setEach(e.target.checked)} />
        <label htmlFor={`${id}-each`}>Visa varje visning på egen rad</label>
      </div>
      <ByCase initialCase={initialCase} grouped={!each} />
      <ByUser grouped={!each} />
    </>
  );
}

function ByCase({ initialCase, grouped }: { initialCase: string; grouped: boolean }) {
  const id = useId();
  const unitName = useUnitName();
  const cases = useResource(
    (signal) => api<Page<CaseListItem>>('/api/cases', { query: { limit: 500 }, signal }),
    [],
  );
  const [caseId, setCaseId] = useState(initialCase);
  const log = useResource<Page<Viewing> | null>(
    (signal) =>
      caseId
        ? api<Page<Viewing>>(`/api/access-log/cases/${encodeURIComponent(caseId)}`, {
            query: { limit: 500, grouped: String(grouped) },
            signal,
          })
        : Promise.resolve(null),
    [caseId, grouped],
  );
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Vem har tittat på ärendet?</h2>
      <div className="field">
        <label htmlFor={`${id}-case`}>Ärende</label>
        <select id={`${id}-case`} value={caseId} onChange={(e) => setCaseId(e.target.value)}>
          <option value="">Välj ärende…</option>
          {cases.data?.items.map((item) => (
            <option key={item.caseId} value={item.caseId}>
              {item.reference} ({unitName(item.unit)})
            </option>
          ))}
        </select>
      </div>
      {log.error !== undefined && <p role="alert">{describeError(log.error)}</p>}
      {log.data && (
        <ViewingTable viewings={log.data.items} caption="Visningar av ärendet, senaste först" by="user" />
      )}
    </section>
  );
}

/** The search's fields as the API names them, and as the form labels them. */
const SEARCH_FIELDS = { userId: 'Användarens id', from: 'Från och med', to: 'Till och med' };

function ByUser({ grouped }: { grouped: boolean }) {
  const id = useId();
  const [userId, setUserId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [result, setResult] = useState<{ userId: string; items: Viewing[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const search = async () => {
    if (!userId.trim()) return setError('Ange användarens id.');
    try {
      const page = await api<Page<Viewing>>(`/api/access-log/users/${encodeURIComponent(userId.trim())}`, {
        query: {
          limit: 500,
          grouped: String(grouped),
          from: from ? new Date(`${from}T00:00:00`).toISOString() : undefined,
          to: to ? new Date(`${to}T23:59:59`).toISOString() : undefined,
        },
      });
      setResult({ userId: userId.trim(), items: page.items });
      setError(null);
    } catch (e) {
      setError(describeError(e, SEARCH_FIELDS));
    }
  };
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Vad har en användare tittat på?</h2>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void search();
        }}
        className="filters"
      >
        <div className="field">
          <label htmlFor={`${id}-user`}>{SEARCH_FIELDS.userId}</label>
          <input id={`${id}-user`} value={userId} onChange={(e) => setUserId(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>{SEARCH_FIELDS.from}</label>
          <input id={`${id}-from`} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{SEARCH_FIELDS.to}</label>
          <input id={`${id}-to`} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <button type="submit">Sök</button>
      </form>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      {result && (
        <ViewingTable
          viewings={result.items}
          caption={`Vad ${result.items[0]?.userName ?? result.userId} har visat, senaste först`}
          by="case"
        />
      )}
    </section>
  );
}

/** When, for a grouped row: "2026-06-01 10:00–10:55, 12 gånger"; a single read: its time. */
function whenText(viewing: Viewing): string {
  if (viewing.count === 1) return formatDateTime(viewing.at);
  const last = formatDateTime(viewing.at);
  const first = formatDateTime(viewing.firstAt);
  const sameDay = first.slice(0, 10) === last.slice(0, 10);
  return `${first}–${sameDay ? last.slice(11) : last}, ${viewing.count} gånger`;
}

/** "jarva-1:rehabansvarig" as the role it is. */
const roleText = (unitRole: string) => roleName(unitRole.slice(unitRole.indexOf(':') + 1));

function ViewingTable({
  viewings,
  caption,
  by,
}: {
  viewings: Viewing[];
  caption: string;
  by: 'user' | 'case';
}) {
  if (viewings.length === 0) return <p>Inga visningar.</p>;
  return (
    <TableRegion label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">När</th>
            <th scope="col">{by === 'user' ? 'Vem' : 'Ärende'}</th>
            <th scope="col">Roller</th>
            <th scope="col">Vad</th>
          </tr>
        </thead>
        <tbody>
          {viewings.map((viewing, index) => (
            <tr key={`${viewing.at}/${viewing.userId}/${viewing.view}/${index}`}>
              <td>{whenText(viewing)}</td>
              <th scope="row">
                {by === 'user' ? (
                  (viewing.userName ?? viewing.userId)
                ) : (
                  <Link href={`/arenden/${encodeURIComponent(viewing.caseId)}`}>
                    {viewing.reference ?? 'Ärende'}
                  </Link>
                )}
              </th>
              <td>{[...new Set(viewing.roles.map(roleText))].join(', ')}</td>
              <td>{VIEW_NAMES[viewing.view] ?? viewing.view}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
