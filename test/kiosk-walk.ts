import type { Page } from 'playwright-core';

// The dead-end walker: from the welcome screen, taps every button of every screen it can reach and checks
// after each tap that "Start over" is on screen (or the kiosk is back at its welcome screen), so no journey
// can leave a citizen stuck. Screens are told apart by their name and the set of buttons they offer.

/** The buttons a citizen can tap now, in document order: the top bar, the screen, a dialog on top. */
const TAPPABLE = 'header button:not([disabled]), main button:not([disabled]), [role="alertdialog"] button';

export interface WalkReport {
  /** Distinct screens reached, by key. */
  states: string[];
  /** Buttons tapped, replays included. */
  taps: number;
  /** What was wrong after a tap: the path that led there and the problem. */
  deadEnds: { path: string[]; problem: string }[];
}

interface Button {
  index: number;
  label: string;
}

/** The screen's identity: its name, the buttons it offers (by role in the UI, not text) and any alert. */
async function stateKey(page: Page): Promise<string> {
  return page.evaluate((sel) => {
    const screen = document.querySelector('.kiosk')?.getAttribute('data-screen') ?? '?';
    const kinds = new Set<string>();
    for (const b of document.querySelectorAll<HTMLButtonElement>(sel)) {
      if (b.closest('header')) continue;
      const d = b.dataset;
      kinds.add(
        d.action ?? d.menu ?? (d.key ? 'key' : d.place ? 'place' : (b.className.split(' ')[0] ?? 'button')),
      );
    }
    const alert = document.querySelector('[role="alert"], [role="alertdialog"]') ? '|alert' : '';
    return `${screen}|${[...kinds].sort().join(',')}${alert}`;
  }, TAPPABLE);
}

async function buttons(page: Page): Promise<Button[]> {
  return page.evaluate((sel) => {
    return [...document.querySelectorAll<HTMLButtonElement>(sel)].map((b, index) => ({
      index,
      label: (b.dataset.action ?? b.dataset.menu ?? b.dataset.key ?? b.textContent).trim().slice(0, 40),
    }));
  }, TAPPABLE);
}

/** Undefined when Start over is reachable now; else what is wrong. */
async function startOverProblem(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    if (document.querySelector('.language-grid, .welcome-refused, .welcome-waiting')) return undefined;
    const b = document.querySelector<HTMLButtonElement>('[data-action="start-over"]');
    if (!b) return 'no Start over button';
    if (b.disabled) return 'Start over is disabled';
    const r = b.getBoundingClientRect();
    if (r.bottom <= 0 || r.top >= innerHeight || r.right <= 0 || r.left >= innerWidth)
      return 'Start over is off screen';
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    if (!top || !b.contains(top)) return 'Start over is covered';
    return undefined;
  });
}

async function tap(page: Page, index: number): Promise<void> {
  await page.locator(TAPPABLE).nth(index).click({ timeout: 5000 });
  // Let React commit and any immediate request answer.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 30))));
}

/**
 * Brings the kiosk back to its welcome screen the way a citizen would: "I'm still here" when the idle
 * warning is up, else Start over. Retries while the page is between screens (a tap's answer can still be
 * redrawing it); when the welcome screen never comes, shoots the screen to `shot` and throws with what is
 * on it, so a failure says where the kiosk was stuck.
 */
export async function goHome(page: Page, shot: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await page.locator('.language-grid').isVisible()) return;
    for (const action of ['still-here', 'start-over']) {
      const b = page.locator(`[data-action="${action}"]:not([disabled])`);
      if (await b.isVisible()) {
        await b.click({ timeout: 2000 }).catch(() => undefined);
        break;
      }
    }
    if (Date.now() > deadline) break;
    await page.waitForTimeout(200);
  }
  await page.screenshot({ path: shot }).catch(() => undefined);
  const where = await stateKey(page).catch((e: unknown) => String(e));
  const text = await page
    .evaluate(() => document.body.innerText.replace(/\s+/g, ' ').slice(0, 400))
    .catch(() => '');
  throw new Error(
    `the welcome screen never came back in ${timeoutMs} ms; on screen: ${where}: ${text} (${shot})`,
  );
}

/**
 * Walks every screen reachable from `home()` (which must bring the page to the welcome screen) breadth
 * first, tapping every button once per distinct screen.
 */
export async function walkKiosk(
  page: Page,
  home: () => Promise<void>,
  opts: { maxStates?: number; maxDepth?: number } = {},
): Promise<WalkReport> {
  const maxStates = opts.maxStates ?? 80;
  const maxDepth = opts.maxDepth ?? 9;
  const report: WalkReport = { states: [], taps: 0, deadEnds: [] };
  const seen = new Set<string>();
  const queue: { path: number[]; labels: string[] }[] = [{ path: [], labels: [] }];
  const replay = async (path: number[]) => {
    await home();
    for (const i of path) {
      await tap(page, i);
      report.taps++;
    }
  };
  await home();
  seen.add(await stateKey(page));
  report.states.push([...seen][0] ?? '');
  for (let next = queue.shift(); next && seen.size <= maxStates; next = queue.shift()) {
    const { path, labels } = next;
    await replay(path);
    const here = await stateKey(page);
    const offered = await buttons(page);
    let fresh = true;
    for (const b of offered) {
      if (!fresh) {
        await replay(path);
        if ((await stateKey(page)) !== here) break; // the screen depends on the bridge's answer
      }
      const count = (await buttons(page)).length;
      if (b.index >= count) continue;
      await tap(page, b.index);
      report.taps++;
      const to = labels.concat(b.label);
      const problem = await startOverProblem(page);
      if (problem) report.deadEnds.push({ path: to, problem });
      const key = await stateKey(page);
      fresh = key === here;
      if (!seen.has(key)) {
        seen.add(key);
        report.states.push(key);
        if (path.length + 1 < maxDepth) queue.push({ path: path.concat(b.index), labels: to });
      }
    }
  }
  return report;
}
