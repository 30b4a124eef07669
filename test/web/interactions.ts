import type { Page } from 'playwright-core';

/**
 * Counts what a person does in the page, as the browser sees it: each
 * click (a button, a link, a checkbox, an option of a radio group) and each
 * text, date or choice field changed. Counted in the test's own process
 * through a binding, so reloads, sign-ins and new views all add to one sum.
 */
export async function countInteractions(page: Page): Promise<{
  readonly count: () => number;
  /** What `act` does is not counted: a sign-in, which the identity provider (with SSO) asks nothing for. */
  readonly apart: (act: () => Promise<void>) => Promise<void>;
}> {
  let count = 0;
  let counting = true;
  await page.exposeBinding('__interaction', () => {
    if (counting) count++;
  });
  await page.addInitScript(() => {
    const tell = (window as unknown as { __interaction: () => void }).__interaction;
    document.addEventListener('click', (event) => event.isTrusted && tell(), true);
    document.addEventListener(
      'change',
      (event) => {
        const field = event.target as HTMLInputElement;
        // A checkbox or radio was clicked, and that click is counted already.
        if (event.isTrusted && field.type !== 'checkbox' && field.type !== 'radio') tell();
      },
      true,
    );
  });
  return {
    count: () => count,
    apart: async (act) => {
      counting = false;
      try {
        await act();
      } finally {
        counting = true;
      }
    },
  };
}
