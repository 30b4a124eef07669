/**
 * One sign-in for every tab of the browser, kept in each tab's
 * sessionStorage and handed between open tabs over a BroadcastChannel. A
 * new tab or a pasted link asks the open tabs; signing out in one signs
 * out all. Nothing lands in localStorage, so a shared workstation forgets
 * the sign-in when the last tab closes.
 */
export interface Session {
  readonly accessToken: string;
  /** The identity provider's user (oidc-client-ts's storage string): refresh token, id token, expiry. */
  readonly oidcUser?: string;
}

type Message = { kind: 'ask' } | { kind: 'share'; session: Session } | { kind: 'signed-out' };

const KEY = 'arendemotorn.session';
const ASK_TIMEOUT_MS = 300;
const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(KEY);
const listeners = new Set<(session: Session | null) => void>();

function read(): Session | null {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Session | null;
  } catch {
    return null;
  }
}

function keep(session: Session | null): void {
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
}

function takeFromOtherTab(session: Session | null): void {
  keep(session);
  for (const listener of listeners) listener(session);
}

channel?.addEventListener('message', (event: MessageEvent<Message>) => {
  const message = event.data;
  if (message.kind === 'ask') {
    const session = read();
    if (session) channel.postMessage({ kind: 'share', session } satisfies Message);
  } else if (message.kind === 'share') {
    if (JSON.stringify(message.session) !== sessionStorage.getItem(KEY)) takeFromOtherTab(message.session);
  } else if (read()) takeFromOtherTab(null);
});

export function currentSession(): Session | null {
  return read();
}

export function currentToken(): string | null {
  return read()?.accessToken ?? null;
}

/** Signed in (or renewed) in this tab: every open tab takes it. */
export function saveSession(session: Session): void {
  keep(session);
  channel?.postMessage({ kind: 'share', session } satisfies Message);
}

/** Signed out here: every open tab forgets the session. */
export function clearSession(): void {
  keep(null);
  channel?.postMessage({ kind: 'signed-out' } satisfies Message);
}

/** A tab opened without a session asks the others once; resolves when one answers or none does in time. */
export function joinTabSession(): Promise<Session | null> {
  const own = read();
  if (own || !channel) return Promise.resolve(own);
  return new Promise((resolve) => {
    const done = (session: Session | null) => {
      listeners.delete(done);
      clearTimeout(timer);
      resolve(session);
    };
    const timer = setTimeout(() => done(null), ASK_TIMEOUT_MS);
    listeners.add(done);
    channel.postMessage({ kind: 'ask' } satisfies Message);
  });
}

/** Called when another tab signs in, renews or signs out (never for this tab's own changes). */
export function onSessionChange(listener: (session: Session | null) => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
