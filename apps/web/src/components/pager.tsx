import { formatNumber } from '../format';

/** "1–50 av 230": which part of the whole a page shows. */
export const pageRange = (offset: number, shown: number, total: number) =>
  `${formatNumber(offset + 1)}–${formatNumber(offset + shown)} av ${formatNumber(total)}`;

/**
 * Where a page of a longer list starts and ends, and the pages either side:
 * the API pages every list, so a list that says nothing would hide the rest.
 * Nothing when one page holds it all.
 */
export function Pager({
  label,
  offset,
  shown,
  total,
  onPage,
}: {
  label: string;
  offset: number;
  shown: number;
  total: number;
  onPage: (step: -1 | 1) => void;
}) {
  if (offset === 0 && shown >= total) return null;
  return (
    <nav className="pager" aria-label={label}>
      <p>Visar {pageRange(offset, shown, total)}</p>
      <button type="button" disabled={offset === 0} onClick={() => onPage(-1)}>
        Föregående
      </button>
      <button type="button" disabled={offset + shown >= total} onClick={() => onPage(1)}>
        Nästa
      </button>
    </nav>
  );
}
