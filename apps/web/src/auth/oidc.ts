import { saveToken } from './session';

/** The identity provider as GET /api/auth/config describes it. */
export interface OidcConfig {
  readonly kind: 'oidc';
  readonly issuer: string;
  readonly clientId: string | null;
  readonly scopes: string;
}

interface Discovery {
  readonly authorization_endpoint: string;
  readonly token_endpoint: string;
}

const PENDING = 'arendemotorn.oidc';
export const CALLBACK_PATH = '/inloggning/klar';

const base64Url = (bytes: ArrayBuffer | Uint8Array) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const randomText = () => base64Url(crypto.getRandomValues(new Uint8Array(32)));

async function discover(issuer: string): Promise<Discovery> {
  const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error('Identitetsleverantören svarar inte.');
  return (await response.json()) as Discovery;
}

/** Authorization code with PKCE (RFC 7636): the browser holds no secret, and a stolen code is useless. */
export async function startOidcSignIn(config: OidcConfig, returnTo: string): Promise<void> {
  if (!config.clientId) throw new Error('Inloggningen är inte konfigurerad: OIDC_CLIENT_ID saknas.');
  const discovery = await discover(config.issuer);
  const verifier = randomText();
  const state = randomText();
  const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, returnTo }));
  const url = new URL(discovery.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: `${window.location.origin}${CALLBACK_PATH}`,
    scope: config.scopes,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  window.location.assign(url.toString());
}

let finishing: Promise<string> | undefined;

/**
 * Back from the provider: check the state, trade the code for a token, and
 * say where to go next. Once per page: a code is single-use, and React may
 * run the calling effect twice.
 */
export function finishOidcSignIn(config: OidcConfig, search: string): Promise<string> {
  finishing ??= exchangeCode(config, search);
  return finishing;
}

async function exchangeCode(config: OidcConfig, search: string): Promise<string> {
  const params = new URLSearchParams(search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null') as {
    verifier: string;
    state: string;
    returnTo: string;
  } | null;
  sessionStorage.removeItem(PENDING);
  const providerError = params.get('error_description') ?? params.get('error');
  if (providerError) throw new Error(`Identitetsleverantören avbröt inloggningen: ${providerError}`);
  if (!pending || params.get('state') !== pending.state || !params.get('code'))
    throw new Error('Inloggningen kunde inte slutföras. Börja om.');
  const discovery = await discover(config.issuer);
  const response = await fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: params.get('code') ?? '',
      redirect_uri: `${window.location.origin}${CALLBACK_PATH}`,
      client_id: config.clientId ?? '',
      code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) throw new Error('Identitetsleverantören gav ingen token. Börja om.');
  const { access_token: token } = (await response.json()) as { access_token?: string };
  if (!token) throw new Error('Identitetsleverantören gav ingen token. Börja om.');
  saveToken(token);
  const back = pending.returnTo;
  return back.startsWith('/') && !back.startsWith('//') ? back : '/';
}
