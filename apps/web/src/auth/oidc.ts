import { User, UserManager, WebStorageStateStore, type StateStore } from 'oidc-client-ts';
import { clearSession, currentSession, onSessionChange, saveSession } from './session';
import type { SignInConfig } from '../api/types';

/** The identity provider as GET /api/auth/config describes it. */
export type OidcConfig = Extract<SignInConfig, { kind: 'oidc' }>;

export const CALLBACK_PATH = '/inloggning/klar';
/** Renew this long before the access token runs out, so no request meets an expired one. */
const RENEW_BEFORE_SECONDS = 60;

/** oidc-client-ts keeps its user in the tab-shared session rather than a storage of its own. */
const sharedUserStore: StateStore = {
  async set(_key, value) {
    saveSession({ accessToken: User.fromStorageString(value).access_token, oidcUser: value });
  },
  async get() {
    return currentSession()?.oidcUser ?? null;
  },
  async remove() {
    const previous = currentSession()?.oidcUser ?? null;
    clearSession();
    return previous;
  },
  async getAllKeys() {
    return [];
  },
};

let manager: { config: OidcConfig; instance: UserManager } | undefined;

/** Authorization code with PKCE (oidc-client-ts): the browser holds no secret, and a stolen code is useless. */
function managerFor(config: OidcConfig): UserManager {
  if (!config.clientId) throw new Error('Inloggningen är inte konfigurerad: OIDC_CLIENT_ID saknas.');
  if (manager?.config.issuer !== config.issuer || manager.config.clientId !== config.clientId) {
    manager = {
      config,
      instance: new UserManager({
        authority: config.issuer,
        client_id: config.clientId,
        redirect_uri: `${window.location.origin}${CALLBACK_PATH}`,
        post_logout_redirect_uri: `${window.location.origin}/`,
        scope: config.scopes,
        userStore: sharedUserStore,
        // The PKCE verifier and state belong to the tab that started the sign-in.
        stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
        // Renewal is done once for all tabs (keepSignedIn), not by every tab's own timer.
        automaticSilentRenew: false,
      }),
    };
  }
  return manager.instance;
}

export async function startOidcSignIn(config: OidcConfig, returnTo: string): Promise<void> {
  await managerFor(config)
    .signinRedirect({ state: { returnTo } })
    .catch(() => {
      throw new Error('Identitetsleverantören svarar inte. Försök igen om en stund.');
    });
}

let finishing: Promise<string> | undefined;

/**
 * Back from the provider: check the state, trade the code for tokens, and
 * say where to go next. Once per page: a code is single-use, and React may
 * run the calling effect twice.
 */
export function finishOidcSignIn(config: OidcConfig, url: string): Promise<string> {
  finishing ??= exchangeCode(config, url);
  return finishing;
}

async function exchangeCode(config: OidcConfig, url: string): Promise<string> {
  const providerError = new URL(url).searchParams;
  const reason = providerError.get('error_description') ?? providerError.get('error');
  if (reason) throw new Error(`Identitetsleverantören avbröt inloggningen: ${reason}`);
  const user = await managerFor(config)
    .signinRedirectCallback(url)
    .catch(() => {
      throw new Error('Inloggningen kunde inte slutföras. Börja om.');
    });
  const back = (user.state as { returnTo?: unknown } | undefined)?.returnTo;
  return typeof back === 'string' && back.startsWith('/') && !back.startsWith('//') ? back : '/';
}

/**
 * Renews the access token with the refresh token shortly before it runs
 * out. Every tab schedules it, but a Web Lock lets one tab renew and the
 * others take the new token from the shared session.
 */
export function keepSignedIn(config: OidcConfig): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    clearTimeout(timer);
    const stored = currentSession()?.oidcUser;
    const user = stored ? User.fromStorageString(stored) : undefined;
    if (!user?.refresh_token || user.expires_in === undefined) return;
    timer = setTimeout(renew, Math.max(0, (user.expires_in - RENEW_BEFORE_SECONDS) * 1000));
  };
  const renew = () =>
    void navigator.locks.request('arendemotorn.renew', async () => {
      const stored = currentSession()?.oidcUser;
      const user = stored ? User.fromStorageString(stored) : undefined;
      if (!user || (user.expires_in ?? 0) > RENEW_BEFORE_SECONDS) return schedule();
      // A refused refresh leaves the token to expire; the next request then says so and offers sign-in.
      const renewed = await managerFor(config)
        .signinSilent()
        .catch(() => null);
      if (renewed) schedule();
    });
  const stop = onSessionChange(schedule);
  schedule();
  return () => {
    stop();
    clearTimeout(timer);
  };
}

/** Signs out here, in every tab, and at the provider, which then sends the browser back to the start page. */
export async function signOutAtProvider(config: OidcConfig): Promise<void> {
  await managerFor(config)
    .signoutRedirect()
    .catch(() => clearSession());
}
