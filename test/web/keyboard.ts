// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Presses Tab until `target` has focus, checking on the way that every focused element shows it. */
export async function tabTo(page: Page, target: Locator, limit = 120): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      // Inside a date field Chromium moves focus on to its own calendar button, whose ring it draws itself.
      if (!element || element === document.body || !element.matches(':focus')) return null;
      const style = getComputedStyle(element);
      return {
        label: `${element.tagName} ${element.getAttribute('type') ?? ''} #${element.id} ${element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40) ?? ''} (outline ${style.outlineStyle} ${style.outlineWidth})`,
        visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      };
    });
    if (focus) expect(focus.visible, `focus is not visible on ${focus.label}`).toBe(true);
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/**
 * Chooses `option` in a radio group as a keyboard user does: Tab into the
 * group, then the arrow keys, which move the choice with the focus.
 */
export async function chooseByKeyboard(page: Page, group: Locator, option: string): Promise<void> {
  const target = group.getByLabel(option, { exact: true });
  // Tab enters a group at its chosen radio, or at the first when none is chosen.
  const chosen = group.locator('input[type=radio]:checked');
  await tabTo(page, (await chosen.count()) > 0 ? chosen : group.getByRole('radio').first());
  for (let presses = 0; presses < 12; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) {
      await page.keyboard.press('Space');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`the arrow keys never reached ${option}`);
}

/** Picks `value` in a closed select with the arrow keys. */
export async function selectByKeyboard(page: Page, select: Locator, value: string): Promise<void> {
  await tabTo(page, select);
  for (let presses = 0; presses < 40; presses++) {
    if ((await select.inputValue()) === value) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`the arrow keys never reached ${value}`);
}

/** Tabs to a field and types into it. */
export async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await tabTo(page, field);
  await page.keyboard.type(text);
}

/**
 * Types an ISO day into a date field, its digits in the order the field
 * shows (the browser's language decides: month first in en-US).
 */
export async function typeDate(page: Page, field: Locator, isoDay: string): Promise<void> {
  const order = await page.evaluate(() =>
    new Intl.DateTimeFormat(navigator.language)
      .formatToParts(new Date(2026, 2, 30))
      .map((part) => part.type)
      .filter((type) => type === 'year' || type === 'month' || type === 'day'),
  );
  const [year, month, day] = isoDay.split('-');
  const digits = { year, month, day };
  await tabTo(page, field);
  await page.keyboard.type(order.map((part) => digits[part as keyof typeof digits]).join(''));
  expect(await field.inputValue()).toBe(isoDay);
}
