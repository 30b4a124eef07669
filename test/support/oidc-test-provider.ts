import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

/**
 * A real OpenID Connect provider on a random local port, issuing JWT access
 * tokens by client credentials, and, given a browser client, by the
 * authorization code flow with PKCE through its development login page.
 */
export interface OidcTestProvider {
  readonly issuer: string;
  readonly audience: string;
  token(clientId: string, resource?: string): Promise<string>;
  close(): Promise<void>;
}

/** Each test client (or browser login name) stands for one person; its claims are what an IdP would put in their token. */
export type ClientClaims = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/** A public client for a single-page app: no secret, PKCE, one redirect URI. */
export interface BrowserClient {
  readonly clientId: string;
  readonly redirectUri: string;
  /** Where the provider may send the browser after signing out. */
  readonly postLogoutRedirectUri?: string;
  /** Access tokens for the browser live this long; short, to see them renewed by refresh token. */
  readonly accessTokenTtlSeconds?: number;
}

export async function startOidcProvider(
  claims: ClientClaims,
  browser?: BrowserClient,
): Promise<OidcTestProvider> {
  const audience = 'https://arende.test/api';
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const provider = new Provider(issuer, {
    jwks: { keys: [jwk] },
    clients: [
      ...Object.keys(claims).map((clientId) => ({
        client_id: clientId,
        client_secret: `${clientId}-secret`,
        grant_types: ['client_credentials'],
        redirect_uris: [],
        response_types: [],
        token_endpoint_auth_method: 'client_secret_post',
      })),
      ...(browser
        ? [
            {
              client_id: browser.clientId,
              grant_types: ['authorization_code', 'refresh_token'],
              response_types: ['code'],
              redirect_uris: [browser.redirectUri],
              post_logout_redirect_uris: browser.postLogoutRedirectUri ? [browser.postLogoutRedirectUri] : [],
              token_endpoint_auth_method: 'none',
            },
          ]
        : []),
    ],
    // The web app calls the token endpoint from its own origin.
    clientBasedCORS: () => true,
    findAccount: (_ctx: unknown, id: string) => ({ accountId: id, claims: () => ({ sub: id }) }),
    ttl: { ClientCredentials: 300, IdToken: 300, RefreshToken: 3600, Grant: 3600, Session: 3600 },
    // Every browser sign-in gets a refresh token, as an IdP does for a SPA that asks offline_access.
    issueRefreshToken: async (_ctx: unknown, client: { grantTypeAllowed(type: string): boolean }) =>
      client.grantTypeAllowed('refresh_token'),
    features: {
      devInteractions: { enabled: browser !== undefined },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => audience,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx: unknown, resource: string) => ({
          scope: 'api',
          audience: resource,
          accessTokenFormat: 'jwt',
          accessTokenTTL: browser?.accessTokenTtlSeconds ?? 300,
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    extraTokenClaims: (_ctx: unknown, token: { clientId?: string; accountId?: string }) =>
      claims[token.accountId ?? token.clientId ?? ''] ?? {},
  });
  server.on('request', provider.callback());
  return {
    issuer,
    audience,
    async token(clientId, resource = audience) {
      const response = await fetch(`${issuer}/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: clientId,
          client_secret: `${clientId}-secret`,
          resource,
          scope: 'api',
        }),
      });
      const body = (await response.json()) as { access_token?: string };
      if (!response.ok || !body.access_token)
        throw new Error(`token: ${response.status} ${JSON.stringify(body)}`);
      return body.access_token;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
