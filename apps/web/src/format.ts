import { serverNow } from './api/client';

const DAY_MS = 24 * 60 * 60 * 1000;

/** 2026-11-23, as Swedish forms write dates (ISO 8601). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '–';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
}

/** 2026-11-23 14:05. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '–';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString('sv-SE', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
}

function spell(days: number): string {
  if (days === 1) return '1 dag';
  if (days < 60) return `${days} dagar`;
  const months = Math.round(days / 30);
  return `${months} månader`;
}

/** "om 2 dagar", "i dag", "passerad för 3 dagar sedan": how far off a tidsgräns is. */
export function dueText(dueAt: string | null | undefined): string {
  if (!dueAt) return 'ingen tidsgräns';
  const diff = new Date(dueAt).getTime() - serverNow().getTime();
  const days = Math.floor(Math.abs(diff) / DAY_MS);
  if (diff < 0) return days === 0 ? 'passerad i dag' : `passerad för ${spell(days)} sedan`;
  return days === 0 ? 'i dag' : `om ${spell(days)}`;
}

/** "sedan 4 dagar", "sedan i dag". */
export function sinceText(since: string | null | undefined): string {
  if (!since) return '–';
  const days = Math.floor((serverNow().getTime() - new Date(since).getTime()) / DAY_MS);
  return days <= 0 ? 'sedan i dag' : `sedan ${spell(days)}`;
}

/** 1 230, as Swedes write a number (a space between thousands). */
export const formatNumber = (value: number) => new Intl.NumberFormat('sv-SE').format(value);

/** An amount in kronor as Swedes write it: 4 500 kr. */
export const formatKronor = (amount: number) => `${formatNumber(amount)} kr`;

/** "1 ärende", "3 ärenden": the count, and the noun in the number that agrees with it. */
export const countOf = (count: number, one: string, many: string) =>
  `${formatNumber(count)} ${count === 1 ? one : many}`;

/** "dec 2026" for "2026-12": a month as people say it, short enough for a chart's axis. */
export function formatMonth(yearMonth: string, length: 'short' | 'long' = 'short'): string {
  const date = new Date(`${yearMonth}-01T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return yearMonth;
  const month = date.toLocaleDateString('sv-SE', { month: length, timeZone: 'UTC' }).replace('.', '');
  return `${month} ${yearMonth.slice(0, 4)}`;
}
