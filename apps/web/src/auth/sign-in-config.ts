import { api } from '../api/client';
import type { SignInConfig } from '../api/types';

let loaded: Promise<SignInConfig> | undefined;

/** GET /api/auth/config, asked once per page (and again after a failure). */
export function signInConfig(): Promise<SignInConfig> {
  loaded ??= api<SignInConfig>('/api/auth/config').catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}
