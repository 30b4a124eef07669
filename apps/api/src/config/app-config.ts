import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  Matches,
  Max,
  Min,
  ValidateIf,
  validateSync,
} from 'class-validator';
import type { LogLevel } from '@nestjs/common';

export const EVENT_STORE_KINDS = ['sqlite', 'eventstoredb'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'] as const;

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
}

export interface AppConfig {
  readonly port: number;
  readonly dataDir: string;
  readonly eventStore:
    | { readonly kind: 'sqlite'; readonly filename: string }
    | { readonly kind: 'eventstoredb'; readonly connectionString: string };
  readonly logLevels: LogLevel[];
}

/** Settings whose values may be echoed in an error; the connection string may hold a password. */
const ECHOABLE = new Set(['PORT', 'EVENT_STORE', 'LOG_LEVEL']);

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
  if (errors.length > 0) {
    throw new ConfigError(
      errors.map((error) => {
        const rule = Object.values(error.constraints ?? {})[0] ?? 'is invalid';
        const value = ECHOABLE.has(error.property) ? ` (got ${JSON.stringify(given[error.property])})` : '';
        return `${error.property} ${rule}${value}`;
      }),
    );
  }
  const level = LOG_LEVELS.indexOf(parsed.LOG_LEVEL);
  return {
    port: parsed.PORT,
    dataDir: parsed.DATA_DIR,
    eventStore:
      parsed.EVENT_STORE === 'eventstoredb'
        ? { kind: 'eventstoredb', connectionString: parsed.EVENTSTOREDB_CONNECTION_STRING ?? '' }
        : { kind: 'sqlite', filename: `${parsed.DATA_DIR.replace(/\/+$/, '')}/events.sqlite` },
    logLevels: LOG_LEVELS.slice(0, level + 1) as LogLevel[],
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
