import { useEffect } from 'react';

/** Each view names the tab, so history, bookmarks and screen readers tell views apart (WCAG 2.4.2). */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – Ärendemotorn`;
  }, [title]);
}
