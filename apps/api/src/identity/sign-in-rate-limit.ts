import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '../clock';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TooManyRequestsError } from '../http/request-errors';

const WINDOW_MS = 60_000;
/** Bounds memory under a flood from many addresses; the oldest windows go first. */
const MAX_TRACKED = 10_000;

/**
 * Sign-in attempts per client address in a fixed one-minute window. In
 * memory and per node: enough to slow guessing against the development
 * sign-in; production sign-in happens at the identity provider, which
 * limits its own.
 */
@Injectable()
export class SignInRateLimit {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  attempt(client: string): void {
    const now = this.clock.now().getTime();
    let window = this.windows.get(client);
    if (window === undefined || now - window.start >= WINDOW_MS) {
      this.windows.delete(client);
      window = { start: now, count: 0 };
      this.windows.set(client, window);
      if (this.windows.size > MAX_TRACKED) this.windows.delete(this.windows.keys().next().value as string);
    }
    window.count++;
    if (window.count > this.config.signInRateLimit) {
      throw new TooManyRequestsError(Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000)));
    }
  }
}
