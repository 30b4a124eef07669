import { useId, useState } from 'react';
import { api, describeError } from '../api/client';
import type { Notification, NotificationPage, UnreadCount } from '../api/types';
import { Pager } from '../components/pager';
import { countOf, formatDateTime } from '../format';
import { inboxChanged } from '../inbox';
import { Link } from '../router';
import { useResource } from '../use-resource';
import { usePageTitle } from './page-title';

const PAGE = 25;

const pathOf = (n: Notification) => n.path ?? `/arenden/${encodeURIComponent(n.caseId)}`;

/** What the engine told me and my roles, newest first: read or not, marked read one by one or all at once. */
export function InboxView() {
  usePageTitle('Meddelanden');
  const id = useId();
  const [offset, setOffset] = useState(0);
  const [onlyUnread, setOnlyUnread] = useState(false);
  const [status, setStatus] = useState('');
  const inbox = useResource(
    (signal) =>
      api<NotificationPage>('/api/notifications', {
        signal,
        query: { limit: PAGE, offset, ...(onlyUnread ? { unread: 'true' } : {}) },
      }),
    [offset, onlyUnread],
    'any',
  );

  const mark = async (body: { ids: string[] } | { all: true }, done: string) => {
    try {
      const answer = await api<UnreadCount>('/api/notifications/read', { method: 'POST', body });
      setStatus(
        `${done} ${answer.unread === 0 ? 'Inga olästa kvar.' : `${countOf(answer.unread, 'oläst', 'olästa')} kvar.`}`,
      );
      inboxChanged();
      inbox.reload();
    } catch (e) {
      setStatus(describeError(e));
    }
  };

  const page = inbox.data;
  return (
    <>
      <h1>Meddelanden</h1>
      <p>
        Här står det som hänt i dina ärenden och det du eller din roll behöver veta, nyast först.
        {page && ` Du har ${page.unread === 0 ? 'inga olästa' : countOf(page.unread, 'oläst', 'olästa')}.`}
      </p>
      <div className="inbox-actions">
        <div className="checkbox">
          <input
            id={`${id}-unread`}
            type="checkbox"
            checked={onlyUnread}
            onChange={(e) => {
              setOffset(0);
              setOnlyUnread(e.target.checked);
            }}
          />
          <label htmlFor={`${id}-unread`}>Visa bara olästa</label>
        </div>
        <button
          type="button"
          className="secondary"
          disabled={!page || page.unread === 0}
          onClick={() => void mark({ all: true }, 'Alla meddelanden är markerade som lästa.')}
        >
          Markera alla som lästa
        </button>
      </div>
      <p aria-live="polite" className="status">
        {status}
      </p>
      {inbox.error !== undefined && <p role="alert">{describeError(inbox.error)}</p>}
      {page && page.items.length === 0 && (
        <p>{onlyUnread ? 'Inga olästa meddelanden.' : 'Inga meddelanden ännu.'}</p>
      )}
      <ul className="inbox">
        {page?.items.map((n) => (
          <li key={n.id} className={n.read ? 'read' : 'unread'}>
            <p>
              {!n.read && <span className="badge">Oläst</span>} {n.message}
            </p>
            <p className="muted">
              {formatDateTime(n.createdAt)} ·{' '}
              <Link
                href={pathOf(n)}
                onClick={() => {
                  if (!n.read) void mark({ ids: [n.id] }, '');
                }}
              >
                Ärende {n.reference}
              </Link>
            </p>
            {!n.read && (
              <button
                type="button"
                className="secondary"
                aria-label={`Markera som läst: ${n.message}`}
                onClick={() => void mark({ ids: [n.id] }, 'Meddelandet är markerat som läst.')}
              >
                Markera som läst
              </button>
            )}
          </li>
        ))}
      </ul>
      {page && (
        <Pager
          label="Sidor med meddelanden"
          offset={offset}
          shown={page.items.length}
          total={page.total}
          onPage={(step) => setOffset((o) => Math.max(0, o + step * PAGE))}
        />
      )}
    </>
  );
}
