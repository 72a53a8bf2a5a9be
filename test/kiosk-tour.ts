import type { Language, Result, SiteCatalogue, Ticket } from '@reception/protocol';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { LANGUAGE_BUTTONS } from './kiosk-helpers.ts';

// A guided tour of every screen of the kiosk in one language, shared by the screen tests (axe, layout,
// screenshots) and bench:kiosk (axe violations over all screens). Each stop calls `visit(name)` once the
// screen has settled; the tour drives the bridge's staff side itself where a screen needs staff to act
// (a served ticket to rate, an acknowledged staff call).

const require = createRequire(import.meta.url);
/** axe-core's browser bundle, evaluated in the page (CDP evaluation is not subject to the kiosk's CSP). */
const AXE_SOURCE = (require('axe-core') as { source: string }).source;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core on the page as it is; every rule axe enables by default, WCAG 2.x A and AA included. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<AxeResults> } }).axe;
    type AxeResults = {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: string[] }[];
      }[];
    };
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
}

/** The kiosk's two screen shapes: a landscape touch screen and a portrait one (a robot's). */
export const LAYOUTS = {
  landscape: { width: 1280, height: 800 },
  portrait: { width: 1080, height: 1920 },
} as const;

/** What is wrong with the layout now: sideways scrolling, key controls off screen, small touch targets. */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const vw = innerWidth;
    const vh = innerHeight;
    if (document.documentElement.scrollWidth > vw + 1)
      out.push(`scrolls sideways: ${document.documentElement.scrollWidth} > ${vw}`);
    const name = (e: Element) =>
      `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} "${e.textContent.trim().slice(0, 30)}"`;
    const onScreen = (sel: string) => {
      for (const e of document.querySelectorAll(sel)) {
        const r = e.getBoundingClientRect();
        if (r.top < 0 || r.bottom > vh + 0.5 || r.left < 0 || r.right > vw + 0.5)
          out.push(`off screen: ${name(e)}`);
      }
    };
    onScreen('[data-action="back"], [data-action="start-over"], .action-bar .main-action, .language-button');
    for (const e of document.querySelectorAll('button, a[href], .paper-item')) {
      const r = e.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const min = e.matches('.main-action') ? 64 : 48;
      if (r.height < min - 0.5 || r.width < 48 - 0.5)
        out.push(`touch target ${Math.round(r.width)}x${Math.round(r.height)} < ${min}: ${name(e)}`);
    }
    for (const e of document.querySelectorAll('main h1, main p, main button, main li, header button')) {
      if (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible')
        out.push(`text cut off: ${name(e)}`);
    }
    return out;
  });
}

/** Waits until fonts are loaded and no CSS transition or animation runs, so a screenshot is final. */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined)));
  });
}

/** A staff session on the bridge (the demo `lead` admin), for what a counter clerk would do. */
export class StaffSide {
  private constructor(private readonly socket: Socket) {}

  static async connect(
    bridgeUrl: string,
    username = 'lead',
    password = 'demo-admin-pass',
  ): Promise<StaffSide> {
    const res = await fetch(`${bridgeUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const { token } = (await res.json()) as { token: string };
    const socket = io(`${bridgeUrl}/staff`, { auth: { token }, transports: ['websocket'] });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    return new StaffSide(socket);
  }

  async call<T>(event: string, payload: unknown): Promise<T> {
    const r = (await this.socket.timeout(10_000).emitWithAck(event, payload)) as Result<T>;
    if (!r.ok) throw new Error(`${event}: ${r.error.code} ${r.error.message}`);
    return r.value;
  }

  /** Serves tickets at a counter of the ticket's service until this one is completed. */
  async serve(site: SiteCatalogue, ticket: Pick<Ticket, 'id' | 'service_id'>): Promise<void> {
    const service = site.services.find((s) => s.id === ticket.service_id);
    const counterId = service?.counters[0];
    if (!counterId) throw new Error(`no counter serves ${ticket.service_id}`);
    await this.call('counter:open', { counter_id: counterId }).catch(() => null);
    for (let i = 0; i < 500; i++) {
      const { ticket: called } = await this.call<{ ticket: Ticket | null }>('counter:call_next', {
        counter_id: counterId,
      });
      if (!called) throw new Error(`ticket ${ticket.id} never came up at ${counterId}`);
      await this.call('ticket:complete', { counter_id: counterId, ticket_id: called.id });
      if (called.id === ticket.id) return;
      // Under the bridge's per-socket request rate, like a clerk's clicks.
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('too many tickets ahead');
  }

  /** Acknowledges every open staff call, as a clerk would on the console. */
  async acknowledgeCalls(): Promise<number> {
    const { calls } = await this.call<{ calls: { call_id: string; state: string }[] }>('staff_call:list', {});
    const open = calls.filter((c) => c.state === 'open');
    for (const c of open) await this.call('staff_call:ack', { call_id: c.call_id });
    return open.length;
  }

  close(): void {
    this.socket.disconnect();
  }
}

export interface TourContext {
  site: SiteCatalogue;
  /** A demo dossier's receipt code (from the bridge's log), for the status screen. */
  dossierCode: string | undefined;
  staff: StaffSide;
  /** Issues a ticket as another kiosk would (for the rating screen); returns it. */
  issueTicket(serviceId: string): Promise<Ticket>;
}

/** A moment the site is open: Tuesday 09:00 at the centre (the demo site opens 07:30-11:30 on weekdays). */
export const OPEN_TIME = new Date('2026-12-08T02:00:00Z');
/** Sunday 10:00 at the centre: closed. */
export const CLOSED_TIME = new Date('2026-12-06T03:00:00Z');

export async function chooseLanguage(page: Page, lang: Language): Promise<void> {
  await page.getByRole('button', { name: LANGUAGE_BUTTONS[lang], exact: true }).click();
  await page.locator('.home').waitFor();
}

/** Types a ticket number on the rating keypad: its prefix is one key, then each digit. */
export async function typeTicketNumber(page: Page, ticket: Pick<Ticket, 'number' | 'prefix'>): Promise<void> {
  await page.locator(`.keypad [data-key="${ticket.prefix}"]`).click();
  for (const d of ticket.number.slice(ticket.prefix.length))
    await page.locator(`.keypad [data-key="${d}"]`).click();
}

export async function startOver(page: Page, lang: Language): Promise<void> {
  await page.locator('[data-action="start-over"]').click();
  await page.locator('.language-grid').waitFor();
  await chooseLanguage(page, lang);
}

/**
 * Every screen, in `lang`, from a page showing the welcome screen: `visit` runs at each stop. The page's
 * clock must be within opening hours (`OPEN_TIME`); the closed notice is visited by moving it.
 */
export async function tourScreens(
  page: Page,
  lang: Language,
  ctx: TourContext,
  visit: (name: string) => Promise<void>,
): Promise<void> {
  const { site } = ctx;
  const stop = async (name: string, ready: string) => {
    await page.locator(ready).first().waitFor();
    await settled(page);
    await visit(name);
  };
  await stop('welcome', '.language-grid');
  await chooseLanguage(page, lang);
  await stop('home', '.home');

  await page.locator('[data-menu="procedures"]').click();
  await stop('fields', '.fields');
  await page.locator('[data-field="certification"] button').click();
  await stop('list', '.procedures');
  const copy = site.services.find((s) => s.id === 'certified_copy');
  if (!copy) throw new Error('the demo site has no certified_copy');
  await page.locator(`[data-service="${copy.id}"] button`).click();
  await stop('detail', '.detail');
  await page.locator('[data-action="check-papers"]').click();
  await page.locator('[data-paper="0"] input').check();
  await stop('checklist', '[data-missing]');
  await page.locator('[data-action="continue-to-ticket"]').click();
  await stop('priority', '[data-action="take-ticket"]');
  await page.locator('[data-priority="elderly"]').click();
  await stop('ticket', '.ticket-number');

  // Back to the procedure, a second ticket: the kiosk asks first.
  await page.locator('[data-action="back"]').click();
  await page.locator('[data-action="check-papers"]').click();
  await page.locator('[data-action="continue-to-ticket"]').click();
  await stop('priority-second-ticket', '[data-action="confirm-ticket"]');

  // Outside opening hours.
  await page.clock.setSystemTime(CLOSED_TIME);
  await startOver(page, lang);
  await page.locator('[data-menu="procedures"]').click();
  await page.locator('[data-field="all"] button').click();
  await page.locator('[data-service="birth_registration"] button').click();
  await page.locator('[data-action="check-papers"]').click();
  await page.locator('[data-action="continue-to-ticket"]').click();
  await stop('priority-closed', '[data-action="confirm-ticket"]');
  await page.clock.setSystemTime(OPEN_TIME);

  await startOver(page, lang);
  await page.locator('[data-menu="dossier"]').click();
  await stop('dossier', '.keypad');
  for (const k of ['1', '2', '3']) await page.locator(`[data-key="${k}"]`).click();
  await page.locator('[data-action="look-up"]').click();
  await stop('dossier-error', '[data-error]');
  if (ctx.dossierCode) {
    await page.locator('[data-key="clear"]').click();
    for (const ch of ctx.dossierCode.replace(/[^0-9A-Z]/g, ''))
      await page.locator(`[data-key="${ch}"]`).click();
    await page.locator('[data-action="look-up"]').click();
    await stop('dossier-status', '.dossier-result');
  }

  await startOver(page, lang);
  await page.locator('[data-menu="facilities"]').click();
  await stop('facilities', '.place-list');
  await page.locator('[data-place="restroom"]').click();
  await stop('facilities-route', '.map-route');

  await startOver(page, lang);
  await page.locator('[data-menu="staff"]').click();
  await stop('staff', '[data-reason]');
  await page.locator('[data-reason="documents"]').click();
  await stop('staff-calling', '.big-status');
  await ctx.staff.acknowledgeCalls();
  await stop('staff-coming', '.staff-coming');

  const served = await ctx.issueTicket(copy.id);
  await ctx.staff.serve(site, served);
  await startOver(page, lang);
  await page.locator('[data-menu="rate"]').click();
  await stop('rate', '.keypad');
  await typeTicketNumber(page, served);
  await page.locator('[data-action="find-ticket"]').click();
  await stop('rate-stars', '[data-score]');
  await page.locator('[data-score="5"]').click();
  await stop('rate-thanks', '.rate .big-status');

  // "Guide me" from the map: the robot coming, or why it cannot come.
  await startOver(page, lang);
  await page.locator('[data-menu="facilities"]').click();
  await page.locator('[data-place="restroom"]').click();
  await page.locator('.map-panel [data-action="guide"]').click();
  await stop('guide', '.guide [data-guide-state]:not([data-guide-state="requesting"])');
}
