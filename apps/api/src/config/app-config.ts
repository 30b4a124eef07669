import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsJSON,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateIf,
  validateSync,
} from 'class-validator';
import type { LogLevel } from '@nestjs/common';
import type { DeadlineOverrides } from '@app/engine';

export const EVENT_STORE_KINDS = ['sqlite', 'eventstoredb'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'] as const;

const OVERRIDES_SHAPE =
  'must be JSON shaped {"<unit>": {"<process id>": {"<deadline name>": "<ISO duration>"}}}';

/** Unit → process → deadline name → duration; the engine checks names and durations at start. */
function isOverrides(value: unknown): value is DeadlineOverrides {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
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
  @Matches(/^(esdb|esdb\+discover|kurrentdb|kurrentdb\+discover):\/\/\S+$/, {
    message:
      'must be an EventStoreDB connection string (esdb://host:2113?tls=false) when EVENT_STORE=eventstoredb',
  })
  EVENTSTOREDB_CONNECTION_STRING?: string;

  @IsIn(LOG_LEVELS, { message: `must be one of: ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'log';

  @Type(() => Number)
  @IsInt({
    message: 'must be 0 (no timer; trigger by hand) or a whole number of milliseconds up to 86400000',
  })
  @Min(0, {
    message: 'must be 0 (no timer; trigger by hand) or a whole number of milliseconds up to 86400000',
  })
  @Max(86_400_000, {
    message: 'must be 0 (no timer; trigger by hand) or a whole number of milliseconds up to 86400000',
  })
  DEADLINE_WORKER_INTERVAL_MS = 60_000;

  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of events between 0 and 1000000' })
  @Min(0, { message: 'must be a whole number of events between 0 and 1000000' })
  @Max(1_000_000, { message: 'must be a whole number of events between 0 and 1000000' })
  PROJECTION_MAX_LAG = 100;

  @IsOptional()
  @IsJSON({ message: OVERRIDES_SHAPE })
  DEADLINE_OVERRIDES?: string;

  @IsIn(['true', 'false'], { message: 'must be true or false' })
  DEV_IDENTITY_HEADERS: 'true' | 'false' = 'true';

  @IsOptional()
  @Matches(/^https?:\/\/[^\s,/]+(,https?:\/\/[^\s,/]+)*$/, {
    message: 'must be comma-separated origins such as https://arende.kommun.se,http://localhost:5173',
  })
  CORS_ORIGINS?: string;
}

export interface AppConfig {
  readonly port: number;
  readonly dataDir: string;
  readonly eventStore:
    | { readonly kind: 'sqlite'; readonly filename: string }
    | { readonly kind: 'eventstoredb'; readonly connectionString: string };
  readonly logLevels: LogLevel[];
  /** SQLite file of the read models; always local to this node, rebuilt from the log when lost. */
  readonly readModelsFilename: string;
  readonly deadlineWorkerIntervalMs: number;
  /** /health/ready fails while the read models lack more than this many events. */
  readonly projectionMaxLag: number;
  readonly deadlineOverrides: DeadlineOverrides;
  /** Take the caller's id and role from X-User and X-Role; development only, until real sign-in exists. */
  readonly devIdentityHeaders: boolean;
  /** Browser origins allowed to call the API; none (no CORS headers at all) unless configured. */
  readonly corsOrigins: readonly string[];
}

/** Settings whose values may be echoed in an error; the connection string may hold a password. */
const ECHOABLE = new Set([
  'PORT',
  'EVENT_STORE',
  'LOG_LEVEL',
  'DEADLINE_WORKER_INTERVAL_MS',
  'PROJECTION_MAX_LAG',
  'DEV_IDENTITY_HEADERS',
  'CORS_ORIGINS',
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
    const value = ECHOABLE.has(error.property) ? ` (got ${JSON.stringify(given[error.property])})` : '';
    return `${error.property} ${rule}${value}`;
  });
  if (!errors.some((e) => e.property === 'DEADLINE_OVERRIDES') && parsed.DEADLINE_OVERRIDES) {
    if (!isOverrides(JSON.parse(parsed.DEADLINE_OVERRIDES)))
      problems.push(`DEADLINE_OVERRIDES ${OVERRIDES_SHAPE}`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const level = LOG_LEVELS.indexOf(parsed.LOG_LEVEL);
  const dataDir = parsed.DATA_DIR.replace(/\/+$/, '');
  return {
    port: parsed.PORT,
    dataDir: parsed.DATA_DIR,
    eventStore:
      parsed.EVENT_STORE === 'eventstoredb'
        ? { kind: 'eventstoredb', connectionString: parsed.EVENTSTOREDB_CONNECTION_STRING ?? '' }
        : { kind: 'sqlite', filename: `${dataDir}/events.sqlite` },
    logLevels: LOG_LEVELS.slice(0, level + 1) as LogLevel[],
    readModelsFilename: `${dataDir}/read-models.sqlite`,
    deadlineWorkerIntervalMs: parsed.DEADLINE_WORKER_INTERVAL_MS,
    projectionMaxLag: parsed.PROJECTION_MAX_LAG,
    deadlineOverrides: parsed.DEADLINE_OVERRIDES
      ? (JSON.parse(parsed.DEADLINE_OVERRIDES) as DeadlineOverrides)
      : {},
    devIdentityHeaders: parsed.DEV_IDENTITY_HEADERS === 'true',
    corsOrigins: parsed.CORS_ORIGINS ? parsed.CORS_ORIGINS.split(',') : [],
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
