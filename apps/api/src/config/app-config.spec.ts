import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './app-config';

const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('configuration from the environment', () => {
  it('given nothing, then it runs on the embedded store under ./data on port 3000', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      dataDir: './data',
      eventStore: { kind: 'sqlite', filename: './data/events.sqlite' },
      logLevels: ['fatal', 'error', 'warn', 'log'],
      readModelsFilename: './data/read-models.sqlite',
      deadlineWorkerIntervalMs: 60_000,
      deadlineWorkerBatch: 500,
      projectionMaxLag: 100,
      deadlineOverrides: {},
      identity: {
        kind: 'development',
        claims: { userId: 'sub', name: 'name', units: 'units', roles: 'roles', email: 'email', roleMap: {} },
      },
      signInRateLimit: 10,
      rateLimits: { perAddress: 3000, perPerson: 1200 },
      trustProxyHops: 0,
      webRoot: 'dist/web',
      keysFilename: './data/keys.sqlite',
      retention: {},
      samverkanCareUnits: {},
      receivingUnits: {},
      unitNames: {},
      corsOrigins: [],
      mail: {
        transport: 'off',
        from: 'Ärendemotorn <noreply@localhost>',
        publicUrl: 'http://localhost:3000',
        workerIntervalMs: 30_000,
      },
      http: {
        headersTimeoutMs: 10_000,
        requestTimeoutMs: 30_000,
        keepAliveTimeoutMs: 5_000,
        maxConnections: 2_000,
      },
    });
  });

  it('given SMTP, then the server, TLS mode and sender are used, and links point at the public address', () => {
    expect(
      loadConfig({
        MAIL_TRANSPORT: 'smtp',
        SMTP_HOST: 'smtp.kommun.example',
        SMTP_PORT: '465',
        SMTP_TLS: 'tls',
        SMTP_USER: 'arendemotorn',
        SMTP_PASSWORD: 'hemligt',
        MAIL_FROM: 'Ärendemotorn <noreply@kommun.example>',
        PUBLIC_URL: 'https://arenden.kommun.example/',
      }).mail,
    ).toEqual({
      transport: 'smtp',
      smtp: { host: 'smtp.kommun.example', port: 465, tls: 'tls', user: 'arendemotorn', password: 'hemligt' },
      from: 'Ärendemotorn <noreply@kommun.example>',
      publicUrl: 'https://arenden.kommun.example',
      workerIntervalMs: 30_000,
    });
  });

  it('given SMTP without a server, a sender that is no address, or an unknown TLS mode, then each is named', () => {
    const problems = (() => {
      try {
        loadConfig({ MAIL_TRANSPORT: 'smtp', MAIL_FROM: 'ingen adress', SMTP_TLS: 'ssl' });
        return [];
      } catch (error) {
        return (error as ConfigError).problems.map((p) => p.split(' ')[0]);
      }
    })();
    expect(problems.sort()).toEqual(['MAIL_FROM', 'SMTP_HOST', 'SMTP_TLS']);
  });

  it('given empty values, then the defaults apply', () => {
    expect(loadConfig({ PORT: '', EVENT_STORE: '' }).port).toBe(3000);
  });

  it('given valid values, then they are used', () => {
    const config = loadConfig({
      PORT: '8080',
      DATA_DIR: '/var/lib/arende/',
      EVENT_STORE: 'eventstoredb',
      EVENTSTOREDB_CONNECTION_STRING: 'esdb://localhost:2113?tls=false',
      LOG_LEVEL: 'warn',
    });
    expect(config).toMatchObject({
      port: 8080,
      eventStore: { kind: 'eventstoredb', connectionString: 'esdb://localhost:2113?tls=false' },
      logLevels: ['fatal', 'error', 'warn'],
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be an integer between 1 and 65535 (got "abc")'],
    [{ PORT: '70000' }, 'PORT must be an integer between 1 and 65535 (got "70000")'],
    [{ EVENT_STORE: 'postgres' }, 'EVENT_STORE must be one of: sqlite, eventstoredb (got "postgres")'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of: fatal, error, warn, log, debug, verbose (got "loud")'],
    [
      { DEADLINE_WORKER_INTERVAL_MS: '-5' },
      'DEADLINE_WORKER_INTERVAL_MS must be 0 (no timer; trigger by hand) or a whole number of milliseconds up to 86400000 (got "-5")',
    ],
    [
      { PROJECTION_MAX_LAG: 'many' },
      'PROJECTION_MAX_LAG must be a whole number of events between 0 and 1000000 (got "many")',
    ],
    [
      { OIDC_ISSUER: 'login.example.se', OIDC_AUDIENCE: 'api' },
      'OIDC_ISSUER must be the identity provider issuer URL, e.g. https://login.microsoftonline.com/<tenant>/v2.0 (got "login.example.se")',
    ],
    [
      { OIDC_ISSUER: 'https://idp.example.se' },
      'OIDC_AUDIENCE must name this API as the tokens address it (the aud claim) when OIDC_ISSUER is set',
    ],
    [
      { OIDC_CLAIM_ROLES: 'realm access' },
      'OIDC_CLAIM_ROLES must be a claim name or a dotted path such as realm_access.roles (got "realm access")',
    ],
    [
      { OIDC_ROLE_MAP: '{"Handlaggare": "admin"}' },
      `OIDC_ROLE_MAP must be JSON mapping the identity provider's role names to ours, e.g. {"Arende.Handlaggare":"socialsekreterare"}; ours are: socialsekreterare, rehabansvarig, case_manager, sip_stodjare, bitradande_enhetschef, mentor, auditor, operator, insatsansvarig, arbetskonsulent, arbetsledare, statistik, mottagning, beredningsgrupp`,
    ],
    [
      { SIGN_IN_RATE_LIMIT: '0' },
      'SIGN_IN_RATE_LIMIT must be a whole number of attempts per minute between 1 and 10000 (got "0")',
    ],
    [
      { NODE_ENV: 'production', DATA_KEY_MASTER: 'q'.repeat(43) + '=' },
      'OIDC_ISSUER must be set when NODE_ENV=production: the built-in development sign-in lets anyone choose who they are, so it never runs in production',
    ],
    [
      { NODE_ENV: 'production', OIDC_ISSUER: 'https://idp.example.se', OIDC_AUDIENCE: 'api' },
      'DATA_KEY_MASTER must be set when NODE_ENV=production: a master key kept in the data directory protects nothing if that directory is copied',
    ],
    [
      { DATA_KEY_MASTER: 'hemligt' },
      'DATA_KEY_MASTER must be 32 random bytes in base64 (openssl rand -base64 32)',
    ],
    [
      { RETENTION_RULES: '{"default":"5 år"}' },
      'RETENTION_RULES must be JSON mapping a unit (or "default") to how long after closing a case is erased, e.g. {"default":"P5Y","jarva-1":"P3Y"}',
    ],
    [
      { CORS_ORIGINS: '*' },
      'CORS_ORIGINS must be comma-separated origins such as https://arende.kommun.se,http://localhost:5173 (got "*")',
    ],
    [
      { SAMVERKAN_CARE_UNITS: '{"default": "Kista vårdcentral"}' },
      'SAMVERKAN_CARE_UNITS must be JSON shaped {"default": ["<care unit>", ...], "<unit>": ["<care unit>", ...]}, each name non-empty',
    ],
    [
      { SAMVERKAN_CARE_UNITS: '{"jarva-1": ["Kista vårdcentral", " "]}' },
      'SAMVERKAN_CARE_UNITS must be JSON shaped {"default": ["<care unit>", ...], "<unit>": ["<care unit>", ...]}, each name non-empty',
    ],
    [
      { DEADLINE_OVERRIDES: '{"järva-1": "P3W"}' },
      'DEADLINE_OVERRIDES must be JSON shaped {"<unit>": {"<process id>": {"<deadline name>": "<ISO duration>"}}}',
    ],
    [
      { HTTP_REQUEST_TIMEOUT_MS: '1e9' },
      'HTTP_REQUEST_TIMEOUT_MS must be a whole number of milliseconds between 1000 and 600000 (got "1e9")',
    ],
    [
      { HTTP_MAX_CONNECTIONS: '0' },
      'HTTP_MAX_CONNECTIONS must be a whole number of connections between 1 and 1000000 (got "0")',
    ],
    [
      { HTTP_HEADERS_TIMEOUT_MS: '60000', HTTP_REQUEST_TIMEOUT_MS: '20000' },
      'HTTP_HEADERS_TIMEOUT_MS must not be longer than HTTP_REQUEST_TIMEOUT_MS (headers are part of the request)',
    ],
    [
      { DEADLINE_OVERRIDES: '{not json' },
      'DEADLINE_OVERRIDES must be JSON shaped {"<unit>": {"<process id>": {"<deadline name>": "<ISO duration>"}}}',
    ],
  ])('given %j, then start-up fails naming the variable and the rule', (env, problem) => {
    expect(problemsOf(env)).toEqual([problem]);
  });

  it('given per-unit deadline overrides, then they are used', () => {
    const config = loadConfig({
      DEADLINE_OVERRIDES: '{"järva-1": {"afu": {"supplierOffersTimes": "P3W"}}}',
    });
    expect(config.deadlineOverrides).toEqual({ 'järva-1': { afu: { supplierOffersTimes: 'P3W' } } });
  });

  it("given a unit's fördjupad-samverkan care units, then they are used", () => {
    const config = loadConfig({ SAMVERKAN_CARE_UNITS: '{"norr-1": ["Vårdcentralen Norr"]}' });
    expect(config.samverkanCareUnits).toEqual({ 'norr-1': ['Vårdcentralen Norr'] });
  });

  it('given unit names, then they are used; names that are not text stop the start naming the variable', () => {
    expect(loadConfig({ UNIT_NAMES: '{"jarva-1": "Järva"}' }).unitNames).toEqual({ 'jarva-1': 'Järva' });
    expect(() => loadConfig({ UNIT_NAMES: '{"jarva-1": ""}' })).toThrow('UNIT_NAMES must be JSON mapping');
    expect(() => loadConfig({ UNIT_NAMES: '{"jarva-1": 1}' })).toThrow('UNIT_NAMES must be JSON mapping');
    expect(() => loadConfig({ UNIT_NAMES: 'Järva' })).toThrow('UNIT_NAMES must be JSON mapping');
  });

  it('given the receiving units, then they are used; a misconfigured one stops the start naming what is wrong', () => {
    const units = {
      'alc-1': { name: 'Arbetslivscenter', formVersion: 2, options: { sex: { kvinna: 'Kvinna' } } },
    };
    expect(loadConfig({ REFERRAL_RECEIVING_UNITS: JSON.stringify(units) }).receivingUnits).toEqual(units);
    expect(() =>
      loadConfig({ REFERRAL_RECEIVING_UNITS: '{"alc-1": {"name": "ALC", "formVersion": 0}}' }),
    ).toThrow('REFERRAL_RECEIVING_UNITS alc-1.formVersion: must be a whole number, 1 or more');
    expect(() => loadConfig({ REFERRAL_RECEIVING_UNITS: 'alc' })).toThrow(
      'REFERRAL_RECEIVING_UNITS must be JSON',
    );
  });

  it('given an Entra ID issuer with its own claim names, then production starts with that mapping', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      OIDC_ISSUER: 'https://login.microsoftonline.com/tenant-id/v2.0',
      OIDC_AUDIENCE: 'api://arendemotorn',
      OIDC_CLAIM_USER_ID: 'oid',
      OIDC_CLAIM_UNITS: 'extension_units',
      OIDC_ROLE_MAP: '{"Arende.Handlaggare": "socialsekreterare"}',
      OIDC_CLIENT_ID: 'arendemotorn-web',
      OIDC_SCOPES: 'openid profile api://arendemotorn/.default',
      DATA_KEY_MASTER: 'q'.repeat(43) + '=',
    });
    expect(config.identity).toEqual({
      kind: 'oidc',
      issuer: 'https://login.microsoftonline.com/tenant-id/v2.0',
      audience: 'api://arendemotorn',
      clientId: 'arendemotorn-web',
      scopes: 'openid profile api://arendemotorn/.default',
      claims: {
        userId: 'oid',
        name: 'name',
        units: 'extension_units',
        roles: 'roles',
        email: 'email',
        roleMap: { 'Arende.Handlaggare': 'socialsekreterare' },
      },
    });
  });

  it('given EventStoreDB without a connection string, then it says what is missing', () => {
    expect(problemsOf({ EVENT_STORE: 'eventstoredb' })[0]).toMatch(
      /^EVENTSTOREDB_CONNECTION_STRING must be a KurrentDB \/ EventStoreDB connection string/,
    );
  });

  it.each(['kurrentdb', 'kurrent', 'kdb', 'esdb', 'kurrentdb+discover'])(
    'given a %s:// connection string and a stream prefix, then both are taken',
    (scheme) => {
      const config = loadConfig({
        EVENT_STORE: 'eventstoredb',
        EVENTSTOREDB_CONNECTION_STRING: `${scheme}://127.0.0.1:2113?tls=false`,
        EVENTSTOREDB_STREAM_PREFIX: 'test-',
      });
      expect(config.eventStore).toEqual({
        kind: 'eventstoredb',
        connectionString: `${scheme}://127.0.0.1:2113?tls=false`,
        streamPrefix: 'test-',
      });
    },
  );

  it('given throwOnAppendFailure=false in the connection string, then start-up refuses it, saying why', () => {
    const [problem] = problemsOf({
      EVENT_STORE: 'eventstoredb',
      EVENTSTOREDB_CONNECTION_STRING: 'kurrentdb://127.0.0.1:2113?tls=false&throwOnAppendFailure=false',
    });
    expect(problem).toMatch(/must not set throwOnAppendFailure=false/);
  });

  it('given a malformed connection string, then the error does not echo it (it may hold a password)', () => {
    const [problem] = problemsOf({
      EVENT_STORE: 'eventstoredb',
      EVENTSTOREDB_CONNECTION_STRING: 'http://admin:secret@x',
    });
    expect(problem).not.toContain('secret');
  });

  it('given several bad values, then all are reported at once', () => {
    expect(problemsOf({ PORT: '0', EVENT_STORE: 'x' })).toHaveLength(2);
  });
});
