import { clearSession, currentToken } from '../auth/session';
import { violationText } from '../forms/messages';

/** A field the server refused, as the API's error shape names it. */
export interface Violation {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

export interface FailedRule {
  readonly id: string;
  readonly message: string;
  readonly field?: string;
  /** A warning: the step is taken once the sender says they have read it. */
  readonly warning?: true;
}

/** The API's error answer: a code, a message and details (violations, failed rules, current revision). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: {
      readonly violations?: Violation[];
      readonly failed?: FailedRule[];
      readonly currentRevision?: number;
    } = {},
  ) {
    super(message);
  }
}

/** How far the server's clock is from this workstation's: relative times count from the server's now. */
let serverOffsetMs = 0;
export const serverNow = (): Date => new Date(Date.now() + serverOffsetMs);

/** Called when a token is refused, so the app can show the sign-in page with a reason. */
let onSignedOut: (reason: string) => void = () => undefined;
export function whenSignedOut(handler: (reason: string) => void): void {
  onSignedOut = handler;
}

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT';
  readonly body?: unknown;
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>>;
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(options.query ?? {}))
    if (value !== undefined) url.searchParams.set(key, String(value));
  const token = currentToken();
  const response = await fetch(url, {
    method: options.method ?? 'GET',
    headers: {
      Accept: 'application/json',
      ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...options.headers,
    },
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const serverTime = response.headers.get('X-Server-Time');
  if (serverTime) serverOffsetMs = new Date(serverTime).getTime() - Date.now();
  const text = await response.text();
  const body = text ? (JSON.parse(text) as unknown) : undefined;
  if (response.ok) return body as T;
  const error = (body ?? {}) as { code?: string; message?: string; details?: ApiError['details'] };
  if (response.status === 401 && token) {
    clearSession();
    onSignedOut('Din inloggning har gått ut. Logga in igen.');
  }
  throw new ApiError(
    response.status,
    error.code ?? `HTTP.${response.status}`,
    error.message ?? response.statusText,
    error.details ?? {},
  );
}

/**
 * A step sent twice (double click, retry after a timeout) happens once: the
 * key names the attempt. Base32 (digits 2-7 only) so a random key can never
 * look like a personnummer, which the server refuses in every id.
 */
export function newAttemptKey(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  return Array.from(crypto.getRandomValues(new Uint8Array(26)), (byte) => alphabet[byte % 32]).join('');
}

/**
 * What the user reads when a request fails for a reason no form field
 * explains. The server's own message is English and never shown: a
 * refused field is said by its rule, under the Swedish name in `labels`
 * (the field as the API names it → the label the user sees).
 */
export function describeError(error: unknown, labels: Readonly<Record<string, string>> = {}): string {
  if (!(error instanceof ApiError)) return 'Något gick fel. Kontrollera anslutningen och försök igen.';
  if (error.status === 409)
    return 'Ärendet har ändrats av någon annan sedan du öppnade det. Sidan är uppdaterad; gör om steget om det fortfarande behövs.';
  if (error.status === 403) return 'Din roll får inte göra detta i ärendets enhet.';
  if (error.status === 404) return 'Ärendet finns inte, eller så har du inte behörighet att se det.';
  if (error.status === 410) return 'Ärendet är gallrat och kan inte ändras.';
  if (error.status === 429) return 'För många försök. Vänta en minut och försök igen.';
  if (error.status >= 500) return 'Tjänsten svarar inte just nu. Försök igen om en stund.';
  const said = [
    ...(error.details.violations ?? []).map((violation) => {
      const label = labels[violation.field];
      return label ? `${label}: ${violationText(violation, undefined)}` : violationText(violation, undefined);
    }),
    ...(error.details.failed ?? []).map((rule) => rule.message),
  ];
  return said.length > 0
    ? [...new Set(said)].join(' ')
    : 'Det gick inte att göra det du bad om. Försök igen.';
}
