import { lazy, Suspense, useEffect, useState } from 'react';
import { api, whenSignedOut } from './api/client';
import type { Me, MyTasks } from './api/types';
import { CALLBACK_PATH, keepSignedIn, signOutAtProvider } from './auth/oidc';
import { clearSession, joinTabSession, onSessionChange } from './auth/session';
import { signInConfig } from './auth/sign-in-config';
import { afterFirstView } from './first-view';
import { startLiveUpdates, useLiveStatus } from './live';
import { countOf } from './format';
import {
  canOpenCases,
  canReadCases,
  canReadInsatsStatistics,
  readsBilling,
  worksAtInsats,
  canSupervise,
  canWork,
  hearsLiveUpdates,
  receivesReferrals,
  roleName,
} from './roles';
import { HeaderMenu } from './components/header-menu';
import { Link, navigate, useFocusHeadingOnNavigate, useLocation } from './router';
import { useResource } from './use-resource';
import { MeContext, TasksContext, useMe } from './signed-in';
import { MyTasksView, loadMyTasks, prefetchMyTasks } from './views/my-tasks';
import { NotFoundView } from './views/not-found';
import { OidcCallbackView, SignInView } from './views/sign-in';
import { useUnreadCount } from './inbox';

/**
 * The views past the task list load on first use, so the first page a
 * caseworker sees parses only what it draws (bench/web).
 */
const AccessLogView = lazy(() => import('./views/access-log').then((m) => ({ default: m.AccessLogView })));
const CaseHistoryView = lazy(() =>
  import('./views/case-history').then((m) => ({ default: m.CaseHistoryView })),
);
const CaseView = lazy(() => import('./views/case-view').then((m) => ({ default: m.CaseView })));
const CasesView = lazy(() => import('./views/cases').then((m) => ({ default: m.CasesView })));
const StartView = lazy(() => import('./views/start').then((m) => ({ default: m.StartView })));
const UnitOverviewView = lazy(() =>
  import('./views/unit-overview').then((m) => ({ default: m.UnitOverviewView })),
);
const InsatserView = lazy(() => import('./views/insatser').then((m) => ({ default: m.InsatserView })));
const PartnerPlacementsView = lazy(() =>
  import('./views/partner-placements').then((m) => ({ default: m.PartnerPlacementsView })),
);
const PlacementsView = lazy(() => import('./views/placements').then((m) => ({ default: m.PlacementsView })));
const InsatsStatisticsView = lazy(() =>
  import('./views/insats-statistics').then((m) => ({ default: m.InsatsStatisticsView })),
);
const SettingsView = lazy(() => import('./views/settings').then((m) => ({ default: m.SettingsView })));
const ReceivedReferralsView = lazy(() =>
  import('./views/received-referrals').then((m) => ({ default: m.ReceivedReferralsView })),
);
const ReceivedReferralView = lazy(() =>
  import('./views/received-referral').then((m) => ({ default: m.ReceivedReferralView })),
);
const InboxView = lazy(() => import('./views/inbox').then((m) => ({ default: m.InboxView })));

const SIGN_IN_PATH = '/logga-in';
/** Why the tab was signed out, kept through a reload: a request in the background may meet the expired token first. */
const SIGN_OUT_REASON = 'arendemotorn.signOutReason';

function rememberSignOutReason(reason: string | null): void {
  if (reason) sessionStorage.setItem(SIGN_OUT_REASON, reason);
  else sessionStorage.removeItem(SIGN_OUT_REASON);
}

/** Where to go after signing in: a path of this app, never the sign-in itself or another site (`//evil`). */
function returnPath(path: string | null): string {
  if (!path || !path.startsWith('/') || path.startsWith('//')) return '/';
  if (path.startsWith(SIGN_IN_PATH) || path.startsWith(CALLBACK_PATH)) return '/';
  return path;
}

export function App() {
  const { pathname, search } = useLocation();
  const [me, setMe] = useState<Me | null>(null);
  const [signOutReason, setSignOutReason] = useState<string | null>(() =>
    sessionStorage.getItem(SIGN_OUT_REASON),
  );
  const [checked, setChecked] = useState(false);

  useEffect(() => {
    whenSignedOut((reason) => {
      setMe(null);
      setSignOutReason(reason);
      rememberSignOutReason(reason);
      // Several requests may meet the expired token at once; the first says where to come back to.
      if (window.location.pathname.startsWith(SIGN_IN_PATH)) return;
      const back = returnPath(window.location.pathname);
      navigate(back === '/' ? SIGN_IN_PATH : `${SIGN_IN_PATH}?till=${encodeURIComponent(back)}`, {
        replace: true,
      });
    });
  }, []);

  useEffect(() => {
    if (me) {
      rememberSignOutReason(null);
      setChecked(true);
      return;
    }
    // A new tab or a pasted link: the other open tabs may already be signed in.
    void joinTabSession()
      .then((session) => {
        if (!session) return undefined;
        // Who-am-I first: the one Node thread answers it before it opens the queues' references, so the page draws its frame while they come.
        const signedIn = api<Me>('/api/auth/me');
        prefetchMyTasks();
        return signedIn.then(setMe);
      })
      .catch(() => undefined)
      .finally(() => setChecked(true));
  }, [me]);

  useEffect(
    () =>
      onSessionChange((session) => {
        if (session) return void api<Me>('/api/auth/me').then(setMe, () => undefined);
        setMe(null);
        setSignOutReason('Du loggades ut i en annan flik.');
        rememberSignOutReason('Du loggades ut i en annan flik.');
        navigate(SIGN_IN_PATH, { replace: true });
      }),
    [],
  );

  useEffect(() => (me && hearsLiveUpdates(me) ? startLiveUpdates() : undefined), [me]);

  useEffect(() => {
    if (!me) return undefined;
    let stop: (() => void) | undefined;
    let cancelled = false;
    const cancelFirst = afterFirstView(
      () =>
        void signInConfig().then((config) => {
          if (!cancelled && config.kind === 'oidc') stop = keepSignedIn(config);
        }),
    );
    return () => {
      cancelled = true;
      cancelFirst();
      stop?.();
    };
  }, [me]);

  if (pathname === CALLBACK_PATH) return <OidcCallbackView onSignedIn={setMe} />;
  if (!checked) return <p className="loading">Laddar…</p>;
  if (!me) {
    const target = returnPath(new URLSearchParams(search).get('till') ?? pathname);
    return (
      <SignInView
        reason={signOutReason}
        returnTo={target}
        onSignedIn={(who) => {
          setSignOutReason(null);
          setMe(who);
          navigate(target, { replace: true });
        }}
      />
    );
  }
  return (
    <MeContext.Provider value={me}>
      <Shell
        me={me}
        onSignOut={() => {
          setMe(null);
          void signInConfig()
            .then((config) => (config.kind === 'oidc' ? signOutAtProvider(config) : clearSession()))
            .catch(() => clearSession());
          navigate(SIGN_IN_PATH, { replace: true });
        }}
      />
    </MeContext.Provider>
  );
}

function Shell({ me, onSignOut }: { me: Me; onSignOut: () => void }) {
  const { pathname } = useLocation();
  useFocusHeadingOnNavigate(pathname);
  const live = useLiveStatus();
  const tasks = useResource<MyTasks | null>(
    (signal) => (canWork(me) ? loadMyTasks(signal) : Promise.resolve(null)),
    [me.id],
    'any',
  );
  const late = tasks.data?.late ?? 0;
  const unread = useUnreadCount(canWork(me));
  const home = canWork(me)
    ? '/'
    : canReadCases(me)
      ? '/arenden'
      : receivesReferrals(me)
        ? '/aktualiseringar'
        : '/insatser';
  const nav: { href: string; label: string; extra?: string; show: boolean; more?: boolean }[] = [
    {
      href: '/',
      label: 'Mina uppgifter',
      show: canWork(me),
      extra: late > 0 ? countOf(late, 'försenad', 'försenade') : undefined,
    },
    { href: '/arenden', label: 'Ärenden', show: canReadCases(me) },
    {
      href: '/meddelanden',
      label: 'Meddelanden',
      show: canWork(me),
      extra: unread > 0 ? countOf(unread, 'oläst', 'olästa') : undefined,
    },
    { href: '/placeringar', label: 'Insatser och uppföljningar', show: canWork(me), more: true },
    { href: '/aktualiseringar', label: 'Aktualiseringar', show: receivesReferrals(me) },
    { href: '/insatser', label: 'Insatskatalog', show: true, more: true },
    { href: '/statistik', label: 'Statistik om insatser', show: canReadInsatsStatistics(me), more: true },
    {
      href: '/anordnare',
      label: worksAtInsats(me) ? 'Placeringar på våra insatser' : 'Internfakturering',
      show: worksAtInsats(me) || readsBilling(me),
      more: true,
    },
    { href: '/start', label: 'Nytt ärende', show: canOpenCases(me) },
    { href: '/enhet', label: 'Enhetsöversikt', show: canSupervise(me) },
    { href: '/atkomstlogg', label: 'Åtkomstlogg', show: canSupervise(me), more: true },
  ];
  const current = (href: string) => (href === '/' ? pathname === '/' : pathname.startsWith(href));
  const shown = nav.filter((item) => item.show);
  // Past five links the header wraps at a laptop's 1280 px; the pages used less often then wait under Mer.
  const inline = shown.length > 5 ? shown.filter((item) => !item.more) : shown;
  const more = shown.filter((item) => !inline.includes(item));
  const link = (item: (typeof nav)[number]) => (
    <Link href={item.href} aria-current={current(item.href) ? 'page' : undefined}>
      {item.label}
      {item.extra && <span className="badge">{item.extra}</span>}
    </Link>
  );
  return (
    <>
      <a className="skip-link" href="#innehall">
        Hoppa till innehållet
      </a>
      <header className="app-header">
        <Link href={home} className="brand">
          Ärendemotorn
        </Link>
        <nav aria-label="Huvudmeny">
          <ul>
            {inline.map((item) => (
              <li key={item.href}>{link(item)}</li>
            ))}
            {more.length > 0 && (
              <li>
                <HeaderMenu label="Mer" current={more.some((item) => current(item.href))}>
                  <ul>
                    {more.map((item) => (
                      <li key={item.href}>{link(item)}</li>
                    ))}
                  </ul>
                </HeaderMenu>
              </li>
            )}
          </ul>
        </nav>
        <div className="who">
          <HeaderMenu label={me.name} current={current('/installningar')}>
            <p>
              {me.name} ·{' '}
              {me.memberships
                .map((m) => `${m.roles.map(roleName).join(', ')} (${m.unitName ?? m.unit})`)
                .join('; ')}
            </p>
            {hearsLiveUpdates(me) && (
              <p className={`live live-${live === 'ansluten' ? 'on' : 'off'}`}>
                {live === 'ansluten' ? 'Uppdateras automatiskt' : 'Ej ansluten för uppdateringar'}
              </p>
            )}
            <Link href="/installningar" aria-current={current('/installningar') ? 'page' : undefined}>
              Inställningar
            </Link>
          </HeaderMenu>
          <button type="button" onClick={onSignOut}>
            Logga ut
          </button>
        </div>
      </header>
      <main id="innehall">
        <TasksContext.Provider value={tasks}>
          <Suspense fallback={<p className="loading">Laddar…</p>}>
            <Routes pathname={pathname} />
          </Suspense>
        </TasksContext.Provider>
      </main>
    </>
  );
}

function Routes({ pathname }: { pathname: string }) {
  const me = useMe();
  const caseRoute = /^\/arenden\/([^/]+)(\/historik)?$/.exec(pathname);
  if (caseRoute) {
    const caseId = decodeURIComponent(caseRoute[1]);
    return caseRoute[2] ? <CaseHistoryView caseId={caseId} /> : <CaseView caseId={caseId} />;
  }
  // The e-mail to the receiving unit links here, so it must open on a fresh load too.
  const referralRoute = /^\/aktualiseringar\/([^/]+)$/.exec(pathname);
  if (referralRoute) return <ReceivedReferralView referralNumber={decodeURIComponent(referralRoute[1])} />;
  switch (pathname) {
    case '/':
    case SIGN_IN_PATH:
      if (canWork(me)) return <MyTasksView />;
      if (canReadCases(me)) return <CasesView />;
      return receivesReferrals(me) ? <ReceivedReferralsView /> : <InsatserView />;
    case '/arenden':
      return <CasesView />;
    case '/start':
      return <StartView />;
    case '/enhet':
      return <UnitOverviewView />;
    case '/atkomstlogg':
      return <AccessLogView />;
    case '/insatser':
      return <InsatserView />;
    case '/placeringar':
      return <PlacementsView />;
    case '/aktualiseringar':
      return <ReceivedReferralsView />;
    case '/statistik':
      return <InsatsStatisticsView />;
    case '/anordnare':
      return <PartnerPlacementsView />;
    case '/installningar':
      return <SettingsView />;
    case '/meddelanden':
      return <InboxView />;
    default:
      return <NotFoundView />;
  }
}
