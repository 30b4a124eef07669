import { Injectable } from '@nestjs/common';

/** Resolves with details when the dependency is ready, rejects with the reason when it is not. */
export type ReadinessCheck = () => Promise<Record<string, unknown>>;

export interface CheckResult {
  readonly status: 'up' | 'down';
  readonly [detail: string]: unknown;
}

/**
 * Anything the app needs before it can serve (the store now; projections
 * catching up later) registers a check here, so /health/ready grows with the
 * app without the health module knowing its parts.
 */
@Injectable()
export class ReadinessRegistry {
  private readonly checks = new Map<string, ReadinessCheck>();

  constructor(private readonly timeoutMs = 2000) {}

  register(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  async run(): Promise<{ ready: boolean; checks: Record<string, CheckResult> }> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, check]): Promise<[string, CheckResult]> => {
        try {
          return [name, { status: 'up', ...(await this.withTimeout(check())) }];
        } catch (error) {
          return [name, { status: 'down', reason: error instanceof Error ? error.message : String(error) }];
        }
      }),
    );
    return {
      ready: entries.every(([, result]) => result.status === 'up'),
      checks: Object.fromEntries(entries),
    };
  }

  private withTimeout<T>(promise: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }
}
