import { currentToken } from '../auth/session';

/** Fetched with the session's token, so it cannot be a plain link; saved under `filename`. */
export async function downloadFile(
  path: string,
  query: Record<string, string>,
  filename: string,
): Promise<void> {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  const response = await fetch(url, { headers: { Authorization: `Bearer ${currentToken() ?? ''}` } });
  if (!response.ok) throw new Error(`Filen kunde inte hämtas (${response.status}).`);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = filename;
  link.click();
  URL.revokeObjectURL(link.href);
}
