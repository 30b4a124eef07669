import { useEffect, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/** A small history router: the app has a handful of views, and a library would only add weight. */
const listeners = new Set<() => void>();
const onPopState = () => {
  navigatedInApp = true;
};

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', onPopState);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', onPopState);
    window.removeEventListener('popstate', listener);
  };
}

/** Whether the app has changed view since the page loaded; a fresh page keeps the browser's own focus order. */
let navigatedInApp = false;

export function navigate(to: string, { replace = false } = {}): void {
  navigatedInApp = true;
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  for (const listener of listeners) listener();
}

export function useLocation(): { pathname: string; search: string } {
  const href = useSyncExternalStore(subscribe, () => window.location.pathname + window.location.search);
  const url = new URL(href, window.location.origin);
  return { pathname: url.pathname, search: url.search };
}

export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
      return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={follow} {...rest} />;
}

/** A new view (not a fresh page) moves focus to its heading, so screen readers announce it and Tab starts there. */
export function useFocusHeadingOnNavigate(pathname: string): void {
  useEffect(() => {
    if (!navigatedInApp) return undefined;
    const focus = () => {
      // While a view loads, the one before it may stay in the page, hidden: only a drawn heading will do.
      const heading = [...document.querySelectorAll<HTMLElement>('main h1')].find(
        (h) => h.getClientRects().length > 0,
      );
      if (!heading) return false;
      heading.tabIndex = -1;
      heading.focus({ preventScroll: false });
      return true;
    };
    if (focus()) return undefined;
    // A view loaded on first use draws its heading a moment later.
    const observer = new MutationObserver(() => focus() && observer.disconnect());
    observer.observe(document.body, { childList: true, subtree: true });
    const stop = setTimeout(() => observer.disconnect(), 3000);
    return () => {
      observer.disconnect();
      clearTimeout(stop);
    };
  }, [pathname]);
}
