import type { KioskClientEvents, KioskServerEvents } from '@reception/protocol';
import type { Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';

/** The language buttons of the welcome screen, each named in its own script. */
export const LANGUAGE_BUTTONS = { vi: 'Tiếng Việt', en: 'English', hi: 'हिन्दी', ur: 'اردو' } as const;

/** A kiosk socket to the bridge with the demo token, as a test's second kiosk. */
export function kioskSocket(url: string, token = 'demo-kiosk'): Socket<KioskServerEvents, KioskClientEvents> {
  return io(`${url}/kiosk`, { auth: { token }, transports: ['websocket'] });
}

/**
 * From the welcome screen to the list of every procedure, as a citizen taps it: the language, the
 * "Procedures" tile of the home screen, then "All procedures" when the site groups them by field.
 */
export async function openAllProcedures(page: Page, languageButton: string) {
  await page.getByRole('button', { name: languageButton, exact: true }).click();
  await page.locator('.home [data-menu="procedures"]').click();
  const all = page.locator('.fields [data-field="all"] button');
  await Promise.race([all.waitFor(), page.locator('main.procedures').waitFor()]);
  if (await all.isVisible()) await all.click();
  await page.locator('main.procedures .procedure-list').waitFor();
}

/**
 * From a procedure's detail screen to a ticket: check the papers (none ticked), continue, confirm when the
 * centre is closed, then the plain ticket or the given priority class.
 */
export async function takeTicketFromDetail(page: Page, priority?: string) {
  await page.locator('[data-action="check-papers"]').click();
  await page.locator('[data-action="continue-to-ticket"]').click();
  await page.locator('.priority').waitFor();
  const confirm = page.locator('[data-action="confirm-ticket"]');
  if (await confirm.isVisible()) await confirm.click();
  await page.locator(priority ? `[data-priority="${priority}"]` : '[data-action="take-ticket"]').click();
  await page.locator('.ticket-number').waitFor();
}
