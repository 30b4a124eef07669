import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsJSON,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  ValidateIf,
  validateSync,
} from 'class-validator';
import type { LogLevel } from '@nestjs/common';
import { ACCESS_ROLES, type AccessRole } from '@app/access';
import { type DeadlineOverrides } from '@app/engine';
import { isIsoDuration } from '@app/workflow';
import { receivingUnitsProblems, type ReceivingUnitForm } from '@app/referral';

export const EVENT_STORE_KINDS = ['sqlite', 'eventstoredb'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'] as const;

export const MAIL_TRANSPORTS = ['off', 'preview', 'smtp'] as const;
export type MailTransport = (typeof MAIL_TRANSPORTS)[number];
const SMTP_TLS_MODES = ['starttls', 'tls', 'none'] as const;

const OVERRIDES_SHAPE =
  'must be JSON shaped {"<unit>": {"<process id>": {"<deadline name>": "<ISO duration>"}}}';

const CARE_UNITS_SHAPE =
  'must be JSON shaped {"default": ["<care unit>", ...], "<unit>": ["<care unit>", ...]}, each name non-empty';

const UNIT_NAMES_SHAPE =
  'must be JSON mapping each unit id to its name as people say it, e.g. {"jarva-1":"Järva"}';
const RECEIVING_UNITS_SHAPE =
  'must be JSON shaped {"<unit>": {"name": "<as the form says it>", "formVersion": 1, "options": {"<field>": {"<key>": "<label>"}}}}';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Unit → process → deadline name → duration; the engine checks names and durations at start. */
function isOverrides(value: unknown): value is DeadlineOverrides {
  return (
    isObject(value) &&
    Object.values(value).every(
      (byProcess) =>
        isObject(byProcess) &&
        Object.values(byProcess).every(
          (byName) => isObject(byName) && Object.values(byName).every((d) => typeof d === 'string'),
        ),
    )
  );
}

/** Unit (or "default") → the care units it has fördjupad samverkan with. */
function isCareUnitLists(value: unknown): value is Record<string, string[]> {
  return (
    isObject(value) &&
    Object.values(value).every(
      (list) =>
        Array.isArray(list) && list.every((name) => typeof name === 'string' && name.trim().length > 0),
    )
  );
}

function isNameMap(value: unknown): value is Record<string, string> {
  return (
    isObject(value) &&
    Object.values(value).every((name) => typeof name === 'string' && name.trim().length > 0)
  );
}

const CLAIM_PATH = /^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)*$/;
const CLAIM_PATH_RULE = 'must be a claim name or a dotted path such as realm_access.roles';
const ROLE_MAP_SHAPE = `must be JSON mapping the identity provider's role names to ours, e.g. {"Arende.Handlaggare":"socialsekreterare"}; ours are: ${ACCESS_ROLES.join(', ')}`;

const RETENTION_SHAPE =
  'must be JSON mapping a unit (or "default") to how long after closing a case is erased, e.g. {"default":"P5Y","jarva-1":"P3Y"}';

function isRetention(value: unknown): value is Record<string, string> {
  return isObject(value) && Object.values(value).every((d) => typeof d === 'string' && isIsoDuration(d));
}

function isRoleMap(value: unknown): value is Record<string, AccessRole> {
  return (
    isObject(value) &&
    Object.values(value).every((role) => (ACCESS_ROLES as readonly unknown[]).includes(role))
  );
}

/** A whole number in a range, converted from the variable's text, with one message for every way it fails. */
function WholeNumber(min: number, max: number, what: string): PropertyDecorator {
  const message = { message: `must be a whole number of ${what} between ${min} and ${max}` };
  const decorators = [Type(() => Number), IsInt(message), Min(min, message), Max(max, message)];
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

/** A worker's timer in milliseconds, up to a day; 0 runs it only when triggered by hand. */
function TimerInterval(): PropertyDecorator {
  const message = {
    message: 'must be 0 (no timer; trigger by hand) or a whole number of milliseconds up to 86400000',
  };
  const decorators = [Type(() => Number), IsInt(message), Min(0, message), Max(86_400_000, message)];
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

/** Every setting the app reads. Documented in README.md; keep the two in step. */
class EnvironmentVariables {
  @Type(() => Number)
  @IsInt({ message: 'must be an integer between 1 and 65535' })
  @Min(1, { message: 'must be an integer between 1 and 65535' })
  @Max(65535, { message: 'must be an integer between 1 and 65535' })
  PORT = 3000;

  @IsString()
  @IsNotEmpty({ message: 'must be a directory path' })
  DATA_DIR = './data';

  @IsIn(EVENT_STORE_KINDS, { message: `must be one of: ${EVENT_STORE_KINDS.join(', ')}` })
  EVENT_STORE: (typeof EVENT_STORE_KINDS)[number] = 'sqlite';

  @ValidateIf((env: EnvironmentVariables) => env.EVENT_STORE === 'eventstoredb')
  @Matches(/^(kurrentdb|kurrent|kdb|esdb)(\+discover)?:\/\/\S+$/, {
    message:
      'must be a KurrentDB / EventStoreDB connection string (kurrentdb://host:2113?tls=false) when EVENT_STORE=eventstoredb',
  })
  @ValidateIf((env: EnvironmentVariables) => env.EVENT_STORE === 'eventstoredb')
  @Matches(/^(?!.*[?&]throwOnAppendFailure=false)/i, {
    message:
      'must not set throwOnAppendFailure=false: a refused append would look like a success to code that does not check',
  })
  EVENTSTOREDB_CONNECTION_STRING?: string;

  /** Puts this log's streams under a prefix on the server, so environments can share a cluster. */
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9.-]{0,62}-$/, {
    message: 'must be 2-64 lower-case letters, digits, "." or "-", ending in "-" (e.g. "test-")',
  })
  EVENTSTOREDB_STREAM_PREFIX?: string;

  @IsIn(LOG_LEVELS, { message: `must be one of: ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'log';

  @TimerInterval()
  DEADLINE_WORKER_INTERVAL_MS = 60_000;

  /** Deadlines one run fires at most; the rest wait for the next run, so one run never holds the store for long. */
  @WholeNumber(1, 10_000, 'deadlines per run')
  DEADLINE_WORKER_BATCH = 500;

  @WholeNumber(0, 1_000_000, 'events')
  PROJECTION_MAX_LAG = 100;

  @IsOptional()
  @IsJSON({ message: OVERRIDES_SHAPE })
  DEADLINE_OVERRIDES?: string;

  @IsOptional()
  @IsJSON({ message: CARE_UNITS_SHAPE })
  SAMVERKAN_CARE_UNITS?: string;

  @IsOptional()
  @IsJSON({ message: RECEIVING_UNITS_SHAPE })
  REFERRAL_RECEIVING_UNITS?: string;

  @IsOptional()
  @IsJSON({ message: UNIT_NAMES_SHAPE })
  UNIT_NAMES?: string;

  /** Only `production` changes anything: it refuses the development sign-in. */
  @IsOptional()
  @IsString()
  NODE_ENV?: string;

  @IsOptional()
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    {
      message:
        'must be the identity provider issuer URL, e.g. https://login.microsoftonline.com/<tenant>/v2.0',
    },
  )
  OIDC_ISSUER?: string;

  @ValidateIf((env: EnvironmentVariables) => env.OIDC_ISSUER !== undefined)
  @IsString()
  @IsNotEmpty({
    message: 'must name this API as the tokens address it (the aud claim) when OIDC_ISSUER is set',
  })
  OIDC_AUDIENCE?: string;

  @IsOptional()
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: "must be the URL of the issuer's JSON Web Key Set" },
  )
  OIDC_JWKS_URI?: string;

  @Matches(CLAIM_PATH, { message: CLAIM_PATH_RULE })
  OIDC_CLAIM_USER_ID = 'sub';

  @Matches(CLAIM_PATH, { message: CLAIM_PATH_RULE })
  OIDC_CLAIM_NAME = 'name';

  @Matches(CLAIM_PATH, { message: CLAIM_PATH_RULE })
  OIDC_CLAIM_UNITS = 'units';

  @Matches(CLAIM_PATH, { message: CLAIM_PATH_RULE })
  OIDC_CLAIM_EMAIL = 'email';

  @Matches(CLAIM_PATH, { message: CLAIM_PATH_RULE })
  OIDC_CLAIM_ROLES = 'roles';

  @IsOptional()
  @IsJSON({ message: ROLE_MAP_SHAPE })
  OIDC_ROLE_MAP?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, {
    message: 'must be 32 random bytes in base64 (openssl rand -base64 32)',
  })
  DATA_KEY_MASTER?: string;

  @IsOptional()
  @IsJSON({ message: RETENTION_SHAPE })
  RETENTION_RULES?: string;

  @WholeNumber(1, 10_000, 'attempts per minute')
  SIGN_IN_RATE_LIMIT = 10;

  /** Requests per minute from one client address, before anything else is looked at. */
  @WholeNumber(1, 1_000_000, 'requests per minute')
  RATE_LIMIT_PER_ADDRESS = 3000;

  /** Requests per minute from one signed-in person. */
  @WholeNumber(1, 1_000_000, 'requests per minute')
  RATE_LIMIT_PER_PERSON = 1200;

  /**
   * Reverse proxies in front of the API whose X-Forwarded-For is believed: 0
   * means the client address is the connection's, so behind one proxy every
   * user would share the proxy's address limit.
   */
  @WholeNumber(0, 10, 'proxy hops')
  TRUST_PROXY_HOPS = 0;

  /** The browser app's public client at the identity provider (authorization code + PKCE). */
  @IsOptional()
  @Matches(/^[\w.:/-]{1,200}$/, {
    message: 'must be the client id registered for the web app at the identity provider',
  })
  OIDC_CLIENT_ID?: string;

  @Matches(/^[\w.:/-]+( [\w.:/-]+)*$/, {
    message: 'must be space-separated scopes such as "openid profile api://arendemotorn/.default"',
  })
  OIDC_SCOPES = 'openid profile';

  /** Built web app (npm run build); served at / when the directory exists. */
  @IsString()
  @IsNotEmpty({ message: 'must be the directory of the built web app' })
  WEB_ROOT = 'dist/web';

  @IsOptional()
  @Matches(/^https?:\/\/[^\s,/]+(,https?:\/\/[^\s,/]+)*$/, {
    message: 'must be comma-separated origins such as https://arende.kommun.se,http://localhost:5173',
  })
  CORS_ORIGINS?: string;

  /** Where OpenTelemetry traces go (OTLP over HTTP), e.g. http://otel-collector:4318; none: no traces. */
  @IsOptional()
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'must be the OTLP/HTTP endpoint of a collector, e.g. http://otel-collector:4318' },
  )
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;

  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'must be 1-64 letters, digits or . _ -' })
  OTEL_SERVICE_NAME = 'arendemotorn';

  /** What Prometheus sends (as a bearer token) to scrape /metrics; without it only the operator may read them. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9._~+/=-]{32,256}$/, {
    message: 'must be 32-256 characters of a random token (openssl rand -hex 32)',
  })
  METRICS_TOKEN?: string;

  /** A client gets this long to send its request headers. */
  @WholeNumber(1000, 600_000, 'milliseconds')
  HTTP_HEADERS_TIMEOUT_MS = 10_000;

  /** ...and this long for the whole request, body included (a slow body cannot hold a socket for minutes). */
  @WholeNumber(1000, 600_000, 'milliseconds')
  HTTP_REQUEST_TIMEOUT_MS = 30_000;

  /** An idle kept-alive connection is closed after this long. */
  @WholeNumber(1000, 600_000, 'milliseconds')
  HTTP_KEEP_ALIVE_TIMEOUT_MS = 5_000;

  /** Open connections beyond this are refused, live-update streams included. */
  @WholeNumber(1, 1_000_000, 'connections')
  HTTP_MAX_CONNECTIONS = 2_000;

  /** off: no e-mail (the default); preview: composed and shown to the operator, never sent; smtp: sent. */
  @IsIn(MAIL_TRANSPORTS, { message: `must be one of: ${MAIL_TRANSPORTS.join(', ')}` })
  MAIL_TRANSPORT: MailTransport = 'off';

  @ValidateIf((env: EnvironmentVariables) => env.MAIL_TRANSPORT === 'smtp')
  @IsString({ message: 'must name the SMTP server when MAIL_TRANSPORT=smtp' })
  @IsNotEmpty({ message: 'must name the SMTP server when MAIL_TRANSPORT=smtp' })
  SMTP_HOST?: string;

  @Type(() => Number)
  @IsInt({ message: 'must be an integer between 1 and 65535' })
  @Min(1, { message: 'must be an integer between 1 and 65535' })
  @Max(65535, { message: 'must be an integer between 1 and 65535' })
  SMTP_PORT = 587;

  /** starttls: upgrade on 587 and refuse to send without it; tls: TLS from the start (465); none: only for a relay on the same machine. */
  @IsIn(SMTP_TLS_MODES, { message: `must be one of: ${SMTP_TLS_MODES.join(', ')}` })
  SMTP_TLS: (typeof SMTP_TLS_MODES)[number] = 'starttls';

  @IsOptional()
  @IsString()
  SMTP_USER?: string;

  @IsOptional()
  @IsString()
  SMTP_PASSWORD?: string;

  @Matches(/^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, {
    message: 'must be an e-mail address, optionally with a name: Ärendemotorn <noreply@kommun.se>',
  })
  MAIL_FROM = 'Ärendemotorn <noreply@localhost>';

  /** Where links in e-mail point: the web app as its users reach it. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+(?:\/[^\s]*)?$/, {
    message: 'must be an http(s) address, e.g. https://arenden.kommun.se',
  })
  PUBLIC_URL?: string;

  @TimerInterval()
  MAIL_WORKER_INTERVAL_MS = 30_000;
}

/** Where the user id, name, units and roles are in a token; paths may be dotted (realm_access.roles). */
export interface ClaimMapping {
  readonly userId: string;
  readonly name: string;
  readonly units: string;
  readonly roles: string;
  /** The work e-mail address, for telling people that something waits for them. */
  readonly email: string;
  /** The identity provider's role names → ours; a name not in the map is used as it is. */
  readonly roleMap: Readonly<Record<string, AccessRole>>;
}

export type IdentityConfig =
  | {
      readonly kind: 'oidc';
      readonly issuer: string;
      readonly audience: string;
      readonly jwksUri?: string;
      /** The web app's sign-in: its public client id and the scopes it asks for. */
      readonly clientId?: string;
      readonly scopes: string;
      readonly claims: ClaimMapping;
    }
  | { readonly kind: 'development'; readonly claims: ClaimMapping };

export interface AppConfig {
  readonly port: number;
  readonly dataDir: string;
  readonly eventStore:
    | { readonly kind: 'sqlite'; readonly filename: string }
    | { readonly kind: 'eventstoredb'; readonly connectionString: string; readonly streamPrefix?: string };
  readonly logLevels: LogLevel[];
  /** SQLite file of the read models; always local to this node, rebuilt from the log when lost. */
  readonly readModelsFilename: string;
  readonly deadlineWorkerIntervalMs: number;
  readonly deadlineWorkerBatch: number;
  /** /health/ready fails while the read models lack more than this many events. */
  readonly projectionMaxLag: number;
  readonly deadlineOverrides: DeadlineOverrides;
  /** Per unit (or "default"), the care units with fördjupad samverkan; seed 003's Järva list where none is given. */
  readonly samverkanCareUnits: Readonly<Record<string, readonly string[]>>;
  /** The units that take referrals (aktualisering), with their form's version and own choice lists; none by default. */
  readonly receivingUnits: Readonly<Record<string, ReceivingUnitForm>>;
  /** Unit id → its name as people say it ("Järva"); a unit not named shows its id. */
  readonly unitNames: Readonly<Record<string, string>>;
  /** Sign-in: an OpenID Connect issuer in production; the built-in development sign-in when absent. */
  readonly identity: IdentityConfig;
  /** The cases' data keys, wrapped by the master key; apart from the log on purpose. */
  readonly keysFilename: string;
  /** Base64 master key wrapping the data keys; generated into DATA_DIR in development when absent. */
  readonly dataKeyMaster?: string;
  /** Unit (or `default`) → ISO duration after closing when a case is erased; none means never automatically. */
  readonly retention: Readonly<Record<string, string>>;
  /** Sign-in attempts per client address and minute before 429. */
  readonly signInRateLimit: number;
  /** Requests per minute, per client address and per signed-in person, before 429. */
  readonly rateLimits: { readonly perAddress: number; readonly perPerson: number };
  readonly trustProxyHops: number;
  /** Browser origins allowed to call the API; none (no CORS headers at all) unless configured. */
  readonly corsOrigins: readonly string[];
  /** The built web app, served at / when present. */
  readonly webRoot: string;
  /** OpenTelemetry traces, when an endpoint is configured. */
  readonly tracing?: {
    readonly endpoint: string;
    readonly serviceName: string;
    readonly exportDelayMs: number;
  };
  /** The scraper's token for /metrics; never echoed. */
  readonly metricsToken?: string;
  /** Bounds on what one client can hold of the HTTP server. */
  /** E-mail that tells people something waits for them (ADR 0029). */
  readonly mail: {
    readonly transport: MailTransport;
    readonly smtp?: {
      readonly host: string;
      readonly port: number;
      readonly tls: (typeof SMTP_TLS_MODES)[number];
      readonly user?: string;
      readonly password?: string;
    };
    readonly from: string;
    readonly publicUrl: string;
    readonly workerIntervalMs: number;
  };
  readonly http: {
    readonly headersTimeoutMs: number;
    readonly requestTimeoutMs: number;
    readonly keepAliveTimeoutMs: number;
    readonly maxConnections: number;
  };
}

/** Settings whose values may be echoed in an error; the connection string may hold a password. */
const ECHOABLE = new Set([
  'PORT',
  'EVENT_STORE',
  'EVENTSTOREDB_STREAM_PREFIX',
  'LOG_LEVEL',
  'DEADLINE_WORKER_INTERVAL_MS',
  'DEADLINE_WORKER_BATCH',
  'PROJECTION_MAX_LAG',
  'CORS_ORIGINS',
  'NODE_ENV',
  'OIDC_ISSUER',
  'OIDC_AUDIENCE',
  'OIDC_JWKS_URI',
  'OIDC_CLAIM_USER_ID',
  'OIDC_CLAIM_NAME',
  'OIDC_CLAIM_EMAIL',
  'OIDC_CLAIM_UNITS',
  'OIDC_CLAIM_ROLES',
  'OIDC_CLIENT_ID',
  'OIDC_SCOPES',
  'WEB_ROOT',
  'SIGN_IN_RATE_LIMIT',
  'RATE_LIMIT_PER_ADDRESS',
  'RATE_LIMIT_PER_PERSON',
  'TRUST_PROXY_HOPS',
  'HTTP_HEADERS_TIMEOUT_MS',
  'HTTP_REQUEST_TIMEOUT_MS',
  'HTTP_KEEP_ALIVE_TIMEOUT_MS',
  'HTTP_MAX_CONNECTIONS',
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'OTEL_SERVICE_NAME',
]);

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
  // An empty variable (PORT=) means "use the default", as most people expect.
  const given = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = plainToInstance(EnvironmentVariables, given, { exposeDefaultValues: true });
  const errors = validateSync(parsed, { skipMissingProperties: false });
  const problems = errors.map((error) => {
    const rule = Object.values(error.constraints ?? {})[0] ?? 'is invalid';
    const value =
      ECHOABLE.has(error.property) && error.property in given
        ? ` (got ${JSON.stringify(given[error.property])})`
        : '';
    return `${error.property} ${rule}${value}`;
  });
  if (!errors.some((e) => e.property === 'DEADLINE_OVERRIDES') && parsed.DEADLINE_OVERRIDES) {
    if (!isOverrides(JSON.parse(parsed.DEADLINE_OVERRIDES)))
      problems.push(`DEADLINE_OVERRIDES ${OVERRIDES_SHAPE}`);
  }
  if (!errors.some((e) => e.property === 'SAMVERKAN_CARE_UNITS') && parsed.SAMVERKAN_CARE_UNITS) {
    if (!isCareUnitLists(JSON.parse(parsed.SAMVERKAN_CARE_UNITS)))
      problems.push(`SAMVERKAN_CARE_UNITS ${CARE_UNITS_SHAPE}`);
  }
  if (
    !errors.some((e) => e.property === 'UNIT_NAMES') &&
    parsed.UNIT_NAMES &&
    !isNameMap(JSON.parse(parsed.UNIT_NAMES))
  )
    problems.push(`UNIT_NAMES ${UNIT_NAMES_SHAPE}`);
  if (!errors.some((e) => e.property === 'REFERRAL_RECEIVING_UNITS') && parsed.REFERRAL_RECEIVING_UNITS) {
    for (const problem of receivingUnitsProblems(JSON.parse(parsed.REFERRAL_RECEIVING_UNITS)))
      problems.push(`REFERRAL_RECEIVING_UNITS ${problem}`);
  }
  if (!errors.some((e) => e.property === 'OIDC_ROLE_MAP') && parsed.OIDC_ROLE_MAP) {
    if (!isRoleMap(JSON.parse(parsed.OIDC_ROLE_MAP))) problems.push(`OIDC_ROLE_MAP ${ROLE_MAP_SHAPE}`);
  }
  if (!errors.some((e) => e.property === 'RETENTION_RULES') && parsed.RETENTION_RULES) {
    if (!isRetention(JSON.parse(parsed.RETENTION_RULES))) problems.push(`RETENTION_RULES ${RETENTION_SHAPE}`);
  }
  if (parsed.NODE_ENV === 'production' && !parsed.DATA_KEY_MASTER) {
    problems.push(
      'DATA_KEY_MASTER must be set when NODE_ENV=production: a master key kept in the data directory protects nothing if that directory is copied',
    );
  }
  if (parsed.NODE_ENV === 'production' && !parsed.OIDC_ISSUER) {
    problems.push(
      'OIDC_ISSUER must be set when NODE_ENV=production: the built-in development sign-in lets anyone choose who they are, so it never runs in production',
    );
  }
  if (parsed.HTTP_HEADERS_TIMEOUT_MS > parsed.HTTP_REQUEST_TIMEOUT_MS) {
    problems.push(
      'HTTP_HEADERS_TIMEOUT_MS must not be longer than HTTP_REQUEST_TIMEOUT_MS (headers are part of the request)',
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const level = LOG_LEVELS.indexOf(parsed.LOG_LEVEL);
  const dataDir = parsed.DATA_DIR.replace(/\/+$/, '');
  return {
    port: parsed.PORT,
    dataDir: parsed.DATA_DIR,
    eventStore:
      parsed.EVENT_STORE === 'eventstoredb'
        ? {
            kind: 'eventstoredb',
            connectionString: parsed.EVENTSTOREDB_CONNECTION_STRING ?? '',
            ...(parsed.EVENTSTOREDB_STREAM_PREFIX ? { streamPrefix: parsed.EVENTSTOREDB_STREAM_PREFIX } : {}),
          }
        : { kind: 'sqlite', filename: `${dataDir}/events.sqlite` },
    logLevels: LOG_LEVELS.slice(0, level + 1) as LogLevel[],
    readModelsFilename: `${dataDir}/read-models.sqlite`,
    deadlineWorkerIntervalMs: parsed.DEADLINE_WORKER_INTERVAL_MS,
    deadlineWorkerBatch: parsed.DEADLINE_WORKER_BATCH,
    projectionMaxLag: parsed.PROJECTION_MAX_LAG,
    deadlineOverrides: parsed.DEADLINE_OVERRIDES
      ? (JSON.parse(parsed.DEADLINE_OVERRIDES) as DeadlineOverrides)
      : {},
    samverkanCareUnits: parsed.SAMVERKAN_CARE_UNITS
      ? (JSON.parse(parsed.SAMVERKAN_CARE_UNITS) as Record<string, string[]>)
      : {},
    receivingUnits: parsed.REFERRAL_RECEIVING_UNITS
      ? (JSON.parse(parsed.REFERRAL_RECEIVING_UNITS) as Record<string, ReceivingUnitForm>)
      : {},
    unitNames: parsed.UNIT_NAMES ? (JSON.parse(parsed.UNIT_NAMES) as Record<string, string>) : {},
    keysFilename: `${dataDir}/keys.sqlite`,
    ...(parsed.DATA_KEY_MASTER ? { dataKeyMaster: parsed.DATA_KEY_MASTER } : {}),
    retention: parsed.RETENTION_RULES ? (JSON.parse(parsed.RETENTION_RULES) as Record<string, string>) : {},
    identity: identityOf(parsed),
    signInRateLimit: parsed.SIGN_IN_RATE_LIMIT,
    rateLimits: { perAddress: parsed.RATE_LIMIT_PER_ADDRESS, perPerson: parsed.RATE_LIMIT_PER_PERSON },
    trustProxyHops: parsed.TRUST_PROXY_HOPS,
    corsOrigins: parsed.CORS_ORIGINS ? parsed.CORS_ORIGINS.split(',') : [],
    webRoot: parsed.WEB_ROOT,
    ...(parsed.METRICS_TOKEN ? { metricsToken: parsed.METRICS_TOKEN } : {}),
    ...(parsed.OTEL_EXPORTER_OTLP_ENDPOINT
      ? {
          tracing: {
            endpoint: parsed.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, ''),
            serviceName: parsed.OTEL_SERVICE_NAME,
            exportDelayMs: 5000,
          },
        }
      : {}),
    mail: {
      transport: parsed.MAIL_TRANSPORT,
      ...(parsed.MAIL_TRANSPORT === 'smtp' && parsed.SMTP_HOST
        ? {
            smtp: {
              host: parsed.SMTP_HOST,
              port: parsed.SMTP_PORT,
              tls: parsed.SMTP_TLS,
              ...(parsed.SMTP_USER ? { user: parsed.SMTP_USER } : {}),
              ...(parsed.SMTP_PASSWORD ? { password: parsed.SMTP_PASSWORD } : {}),
            },
          }
        : {}),
      from: parsed.MAIL_FROM,
      publicUrl: (parsed.PUBLIC_URL ?? `http://localhost:${parsed.PORT}`).replace(/\/+$/, ''),
      workerIntervalMs: parsed.MAIL_WORKER_INTERVAL_MS,
    },
    http: {
      headersTimeoutMs: parsed.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: parsed.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: parsed.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      maxConnections: parsed.HTTP_MAX_CONNECTIONS,
    },
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

function identityOf(parsed: EnvironmentVariables): IdentityConfig {
  const claims: ClaimMapping = {
    userId: parsed.OIDC_CLAIM_USER_ID,
    name: parsed.OIDC_CLAIM_NAME,
    units: parsed.OIDC_CLAIM_UNITS,
    roles: parsed.OIDC_CLAIM_ROLES,
    email: parsed.OIDC_CLAIM_EMAIL,
    roleMap: parsed.OIDC_ROLE_MAP ? (JSON.parse(parsed.OIDC_ROLE_MAP) as Record<string, AccessRole>) : {},
  };
  if (!parsed.OIDC_ISSUER) return { kind: 'development', claims };
  return {
    kind: 'oidc',
    issuer: parsed.OIDC_ISSUER,
    audience: parsed.OIDC_AUDIENCE ?? '',
    ...(parsed.OIDC_JWKS_URI ? { jwksUri: parsed.OIDC_JWKS_URI } : {}),
    ...(parsed.OIDC_CLIENT_ID ? { clientId: parsed.OIDC_CLIENT_ID } : {}),
    scopes: parsed.OIDC_SCOPES,
    claims,
  };
}
