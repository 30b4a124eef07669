/**
 * The signed-in user's bearer token, kept in sessionStorage: it lives as
 * long as the tab, is never sent anywhere but this origin's API, and a
 * shared workstation forgets it when the browser closes.
 */
const TOKEN = 'arendemotorn.token';

export function currentToken(): string | null {
  return sessionStorage.getItem(TOKEN);
}

export function saveToken(token: string): void {
  sessionStorage.setItem(TOKEN, token);
}

export function clearSession(): void {
  sessionStorage.removeItem(TOKEN);
}
