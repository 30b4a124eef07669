import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, tempDataDir, TestClock } from './app-harness';
import { startOidcProvider, type OidcTestProvider } from './support/oidc-test-provider';

const bearer = (token: string) => `Bearer ${token}`;

describe('development sign-in (no identity provider configured)', () => {
  const data = tempDataDir();
  const clock = new TestClock();
  let app: INestApplication;
  beforeAll(async () => {
    app = await startApp(data.dir, {}, clock);
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  it('says how to sign in, and offers demo users for every role in two units', async () => {
    const config = await request(app.getHttpServer()).get('/api/auth/config').expect(200);
    expect(config.body.kind).toBe('development');
    const { body } = await request(app.getHttpServer()).get('/api/auth/dev/users').expect(200);
    const held = (unit: string) =>
      body.users
        .flatMap((u: { memberships: { unit: string; roles: string[] }[] }) => u.memberships)
        .filter((m: { unit: string }) => m.unit === unit)
        .flatMap((m: { roles: string[] }) => m.roles)
        .sort();
    const everyRole = [
      'arbetskonsulent',
      'arbetsledare',
      'auditor',
      'bitradande_enhetschef',
      'case_manager',
      'insatsansvarig',
      'mentor',
      'operator',
      'rehabansvarig',
      'sip_stodjare',
      'socialsekreterare',
      'statistik',
    ];
    expect([...new Set(held('jarva-1'))]).toEqual(everyRole);
    expect([...new Set(held('rinkeby-2'))]).toEqual(everyRole);
  });

  it('signs a demo user in, and the token says who they are and what they hold', async () => {
    const signIn = await request(app.getHttpServer())
      .post('/api/auth/dev/sign-in')
      .send({ userId: 'jarva-1-rehab' })
      .expect(200);
    expect(signIn.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 28_800 });
    const me = await request(app.getHttpServer())
      .get('/api/auth/me')
      .set('Authorization', bearer(signIn.body.accessToken))
      .expect(200);
    expect(me.body).toEqual({
      id: 'jarva-1-rehab',
      name: 'Rehabansvarig, Järva',
      memberships: [{ unit: 'jarva-1', roles: ['rehabansvarig'], unitName: 'Järva' }],
      mailOptOut: false,
    });
  });

  it('refuses a token once its eight hours have passed, saying so', async () => {
    const signIn = await request(app.getHttpServer())
      .post('/api/auth/dev/sign-in')
      .send({ userId: 'jarva-1-bec' })
      .expect(200);
    clock.advance('PT8H1M');
    const late = await request(app.getHttpServer())
      .get('/api/auth/me')
      .set('Authorization', bearer(signIn.body.accessToken));
    expect([late.status, late.body.code, late.body.message]).toEqual([
      401,
      'AUTH.UNAUTHENTICATED',
      'The sign-in has expired; sign in again',
    ]);
  });

  it('refuses an unknown user naming the field', async () => {
    const unknown = await request(app.getHttpServer())
      .post('/api/auth/dev/sign-in')
      .send({ userId: 'admin' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details.violations).toEqual([
      expect.objectContaining({ field: 'userId', rule: 'isIn' }),
    ]);
  });
});

describe('OpenID Connect (a real provider started by the test)', () => {
  const data = tempDataDir();
  let idp: OidcTestProvider;
  let other: OidcTestProvider;
  let app: INestApplication;
  const people = {
    // Entra ID style: a flat app role, units in their own claim, the user id in a custom claim.
    'ss-client': {
      employee_id: 'ss-oidc',
      name: 'Socialsekreterare O',
      units: ['jarva-1'],
      roles: ['Handlaggare'],
    },
    // Keycloak style: unit-scoped roles nested in realm_access.
    'bec-client': {
      employee_id: 'bec-oidc',
      name: 'Biträdande enhetschef O',
      realm_access: { roles: ['jarva-1:bitradande_enhetschef', 'rinkeby-2:auditor', 'offline_access'] },
    },
    'nobody-client': { name: 'Utan id' },
  };

  beforeAll(async () => {
    idp = await startOidcProvider(people);
    other = await startOidcProvider(people);
    app = await startApp(data.dir, {
      NODE_ENV: 'production',
      DATA_KEY_MASTER: randomBytes(32).toString('base64'),
      OIDC_ISSUER: idp.issuer,
      OIDC_AUDIENCE: idp.audience,
      OIDC_CLAIM_USER_ID: 'employee_id',
      OIDC_CLAIM_ROLES: 'roles',
      OIDC_ROLE_MAP: '{"Handlaggare":"socialsekreterare"}',
    });
  });
  afterAll(async () => {
    await app.close();
    await idp.close();
    await other.close();
    data.remove();
  });

  it("maps the provider's claims to a principal through configuration alone", async () => {
    const me = await request(app.getHttpServer())
      .get('/api/auth/me')
      .set('Authorization', bearer(await idp.token('ss-client')))
      .expect(200);
    expect(me.body).toEqual({
      id: 'ss-oidc',
      name: 'Socialsekreterare O',
      // With a provider, only UNIT_NAMES names units: none configured here, so the id.
      memberships: [{ unit: 'jarva-1', roles: ['socialsekreterare'], unitName: 'jarva-1' }],
      mailOptOut: false,
    });
  });

  it('reads nested claims by a dotted path and ignores roles that are not ours', async () => {
    const keycloakData = tempDataDir();
    const keycloakStyle = await startApp(keycloakData.dir, {
      OIDC_ISSUER: idp.issuer,
      OIDC_AUDIENCE: idp.audience,
      OIDC_CLAIM_USER_ID: 'employee_id',
      OIDC_CLAIM_ROLES: 'realm_access.roles',
      UNIT_NAMES: '{"jarva-1":"Järva"}',
    });
    const me = await request(keycloakStyle.getHttpServer())
      .get('/api/auth/me')
      .set('Authorization', bearer(await idp.token('bec-client')))
      .expect(200);
    await keycloakStyle.close();
    keycloakData.remove();
    expect(me.body.memberships).toEqual([
      { unit: 'jarva-1', roles: ['bitradande_enhetschef'], unitName: 'Järva' },
      { unit: 'rinkeby-2', roles: ['auditor'], unitName: 'rinkeby-2' },
    ]);
  });

  it('lets a signed-in social worker open a case in their unit, recorded under their id', async () => {
    const token = await idp.token('ss-client');
    const opened = await request(app.getHttpServer())
      .post('/api/cases')
      .set('Authorization', bearer(token))
      .send({ reference: 'EF 7702', unit: 'jarva-1', socialWorkerId: 'ss-oidc' })
      .expect(201);
    const history = await request(app.getHttpServer())
      .get(`/api/cases/${opened.body.caseId}`)
      .set('Authorization', bearer(token))
      .expect(200);
    expect(history.body.socialWorkerId).toBe('ss-oidc');
  });

  it.each([
    ['a token for another audience', async () => idp.token('ss-client', 'https://other.test/api')],
    ['a token from another provider at another address', async () => other.token('ss-client')],
    ['a token without the user id claim', async () => idp.token('nobody-client')],
  ])('refuses %s with 401', async (_what, token) => {
    const response = await request(app.getHttpServer())
      .get('/api/auth/me')
      .set('Authorization', bearer(await token()));
    expect([response.status, response.body.code]).toEqual([401, 'AUTH.UNAUTHENTICATED']);
  });

  it('has no development sign-in at all, and says where to sign in', async () => {
    await request(app.getHttpServer())
      .post('/api/auth/dev/sign-in')
      .send({ userId: 'jarva-1-ss' })
      .expect(404);
    await request(app.getHttpServer()).get('/api/auth/dev/users').expect(404);
    const config = await request(app.getHttpServer()).get('/api/auth/config').expect(200);
    expect(config.body).toEqual({
      kind: 'oidc',
      issuer: idp.issuer,
      audience: idp.audience,
      // No OIDC_CLIENT_ID here: the web app then says its sign-in is not configured.
      clientId: null,
      scopes: 'openid profile',
    });
  });
});
