/**
 * bench:kiosk — the kiosk as deployed in browser mode (real bridge, the kiosk's Node host, Debian's
 * Chromium), measured where a citizen feels it:
 * - start to interactive: from navigation until the language buttons can be tapped (catalogue loaded),
 *   with an empty cache, median of `BENCH_STARTS` loads;
 * - "Take ticket" tap to ticket shown: in the page, from the tap until the number is on screen, over
 *   `BENCH_TAPS` tickets (each a fresh visit: Start over, language, procedure, checklist, priority);
 * - renderer bundle bytes (JS, CSS, HTML; fonts apart), renderer JS heap after the taps;
 * - axe-core violations over every screen of the tour in all four languages.
 * Baselines in the same run: a static HTML page with four buttons served from the same machine (what
 * loading any page costs here), and `ticket:issue` sent straight from Node over a socket (what the bridge
 * and transport cost without the kiosk). Last line: one JSON object. Needs `npm run build` first.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Result, SiteCatalogue, Ticket, TicketReceipt } from '@reception/protocol';
import type { Page } from 'playwright-core';
import { KIOSK_DIST, launchChromium, spawnKioskStack } from '../harness/index.ts';
import { kioskSocket } from '../kiosk-helpers.ts';
import { axeViolations, chooseLanguage, OPEN_TIME, StaffSide, tourScreens } from '../kiosk-tour.ts';

const TAPS = Number(process.env.BENCH_TAPS ?? 100);
const STARTS = Number(process.env.BENCH_STARTS ?? 5);
/** The procedure the taps take tickets for: not the tour's, whose queue staff serve to reach the rating. */
const TAP_SERVICE = 'marriage_registration';
const AXE_LANGS = (process.env.BENCH_AXE_LANGS ?? 'vi,en,hi,ur').split(',') as ('vi' | 'en' | 'hi' | 'ur')[];

const emit = (o: object) => process.stdout.write(`${JSON.stringify(o)}\n`);
const round = (x: number) => Math.round(x * 10) / 10;
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
}
const median = (xs: number[]) => quantile(xs, 0.5);

function bundleBytes(): { bundle: number; fonts: number } {
  let bundle = 0;
  let fonts = 0;
  const walk = (dir: string) => {
    for (const f of readdirSync(dir)) {
      const p = path.join(dir, f);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (/\.(woff2?|ttf)$/.test(f)) fonts += st.size;
      else if (/\.(js|css|html)$/.test(f)) bundle += st.size;
    }
  };
  walk(KIOSK_DIST);
  return { bundle, fonts };
}

const STATIC_PAGE = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>baseline</title><body>
${['Tiếng Việt', 'English', 'हिन्दी', 'اردو'].map((l) => `<button class="language-button">${l}</button>`).join('')}
</body></html>`;

/** ms from navigation start until `selector` is visible, median over `n` cold loads. */
async function startToInteractive(page: Page, url: string, selector: string, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    await page.goto('about:blank');
    await page.context().clearCookies();
    const t0 = Date.now();
    await page.goto(url);
    await page.evaluate(() => localStorage.clear()).catch(() => undefined);
    await page.locator(selector).first().waitFor({ state: 'visible' });
    await page.locator(selector).first().click({ trial: true });
    out.push(Date.now() - t0);
    if (i === 0) {
      // The first load fills the HTTP cache like a kiosk's first boot; later ones clear only the catalogue.
      await page.evaluate(() => localStorage.clear()).catch(() => undefined);
    }
  }
  return out;
}

/**
 * In the page: taps "Take ticket" and resolves with the ms until the ticket number is on screen (the frame
 * after it appeared). A string, so the bundler's helpers (tsx names functions) never reach the page.
 */
const TAP_TO_TICKET = `new Promise((resolve, reject) => {
  const button = document.querySelector('[data-action="take-ticket"]');
  if (!button) { reject(new Error('no Take ticket button')); return; }
  const t0 = performance.now();
  const observer = new MutationObserver(() => {
    if (!document.querySelector('.ticket-number')) return;
    observer.disconnect();
    requestAnimationFrame(() => resolve(performance.now() - t0));
  });
  observer.observe(document.body, { childList: true, subtree: true });
  button.click();
  setTimeout(() => reject(new Error('no ticket within 10 s')), 10000);
})`;

async function tapToTicket(page: Page): Promise<number> {
  return page.evaluate<number>(TAP_TO_TICKET);
}

async function main(): Promise<void> {
  const { bridge, host } = await spawnKioskStack({ hostEnv: { KIOSK_SPEECH: 'none' } });
  const browser = await launchChromium({ viewport: { width: 1280, height: 800 } });
  const baseline = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(STATIC_PAGE),
  );
  await new Promise<void>((resolve) => baseline.listen(0, '127.0.0.1', resolve));
  const baselineUrl = `http://127.0.0.1:${(baseline.address() as AddressInfo).port}/`;
  const socket = kioskSocket(bridge.url);
  const staff = await StaffSide.connect(bridge.url);
  try {
    const site = (await socket.timeout(10_000).emitWithAck('site:get', {})) as Result<SiteCatalogue>;
    if (!site.ok) throw new Error(site.error.message);
    const page = await browser.newPage();
    await page.clock.setSystemTime(OPEN_TIME);

    const sti = await startToInteractive(page, `${host.url}/kiosk/`, '.language-button', STARTS);
    const stiBase = await startToInteractive(page, baselineUrl, '.language-button', STARTS);
    emit({ phase: 'start', kiosk_ms: sti, baseline_static_ms: stiBase });

    const taps: number[] = [];
    await page.goto(`${host.url}/kiosk/`);
    await page.locator('.language-grid').waitFor();
    for (let i = 0; i < TAPS; i++) {
      await chooseLanguage(page, 'vi');
      await page.locator('[data-menu="procedures"]').click();
      await page.locator('[data-field="all"] button').click();
      await page.locator(`[data-service="${TAP_SERVICE}"] button`).click();
      await page.locator('[data-action="check-papers"]').click();
      await page.locator('[data-action="continue-to-ticket"]').click();
      await page.locator('[data-action="take-ticket"]').waitFor();
      taps.push(await tapToTicket(page));
      await page.locator('[data-action="done"]').click();
      await page.locator('.language-grid').waitFor();
    }
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;

    const direct: number[] = [];
    for (let i = 0; i < TAPS; i++) {
      const t0 = performance.now();
      const r = (await socket.timeout(10_000).emitWithAck('ticket:issue', {
        service_id: TAP_SERVICE,
        idempotency_key: randomUUID(),
        language: 'vi',
      })) as Result<TicketReceipt>;
      if (!r.ok) throw new Error(r.error.message);
      direct.push(performance.now() - t0);
      // Under the bridge's per-socket rate limit, as a citizen's taps are.
      await new Promise((resolve) => setTimeout(resolve, 120));
    }
    emit({
      phase: 'tap_to_ticket',
      taps: taps.length,
      p50_ms: round(median(taps)),
      p95_ms: round(quantile(taps, 0.95)),
      max_ms: round(Math.max(...taps)),
      baseline_socket_p50_ms: round(median(direct)),
      baseline_socket_p95_ms: round(quantile(direct, 0.95)),
    });

    let axeCount = 0;
    let screens = 0;
    const issueTicket = async (serviceId: string): Promise<Ticket> => {
      const r = (await socket.timeout(10_000).emitWithAck('ticket:issue', {
        service_id: serviceId,
        idempotency_key: randomUUID(),
      })) as Result<TicketReceipt>;
      if (!r.ok) throw new Error(r.error.message);
      return r.value.ticket;
    };
    const dossierCode = (
      bridge.logs().find((l) => Array.isArray(l.codes))?.codes as string[] | undefined
    )?.[0];
    for (const lang of AXE_LANGS) {
      const p = await browser.newPage();
      await p.clock.setSystemTime(OPEN_TIME);
      await p.goto(`${host.url}/kiosk/`);
      await tourScreens(p, lang, { site: site.value, dossierCode, staff, issueTicket }, async (screen) => {
        const v = await axeViolations(p);
        screens++;
        axeCount += v.length;
        if (v.length) emit({ phase: 'axe', lang, screen, violations: v.map((x) => x.id) });
      });
      await p.close();
    }
    const { bundle, fonts } = bundleBytes();
    const summary = {
      bench: 'kiosk',
      start_to_interactive_ms: median(sti),
      baseline_static_page_ms: median(stiBase),
      tap_to_ticket_p50_ms: round(median(taps)),
      tap_to_ticket_p95_ms: round(quantile(taps, 0.95)),
      baseline_socket_issue_p50_ms: round(median(direct)),
      baseline_socket_issue_p95_ms: round(quantile(direct, 0.95)),
      taps: taps.length,
      bundle_bytes: bundle,
      font_bytes: fonts,
      renderer_mb: round(heap / 1024 / 1024),
      axe_violations: axeCount,
      axe_screens: screens,
      axe_languages: AXE_LANGS.length,
      targets: {
        tap_to_ticket_p95_ms: 300,
        start_to_interactive_ms: 3000,
        met: quantile(taps, 0.95) <= 300 && median(sti) <= 3000 && axeCount === 0,
      },
    };
    emit(summary);
  } finally {
    socket.disconnect();
    staff.close();
    await browser.close();
    await new Promise((resolve) => baseline.close(resolve));
    await host.stop();
    await bridge.stop();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:kiosk failed: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
