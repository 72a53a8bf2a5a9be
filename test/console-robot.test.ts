import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSim, type SimProcess } from '@reception/robot-link/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifactPath,
  launchChromium,
  REPO_ROOT,
  spawnBridge,
  type LaunchedChromium,
  type SpawnedBridge,
} from './harness/index.ts';

// A staff member at the console with the real bridge and the simulated robot (the firmware's host build on
// a pty): signs in, sees the robot's link and e-stop state live, resets the e-stop in two deliberate steps,
// and stops it again with one click.

let sim: SimProcess | undefined;
let bridge: SpawnedBridge | undefined;
let browser: LaunchedChromium | undefined;

beforeAll(async () => {
  const consoleHtml = path.join(REPO_ROOT, 'apps/staff-web/dist/console/index.html');
  if (!existsSync(consoleHtml)) throw new Error(`${consoleHtml} is missing: run \`npm run build\` first`);
  sim = await startSim(path.join(mkdtempSync(path.join(tmpdir(), 'console-robot-')), 'robot-tty'));
  bridge = await spawnBridge({ env: { ROBOT_PORT: sim.ready.port } });
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await bridge?.stop();
  await sim?.stop();
});

describe('staff console with the simulated robot', () => {
  it('shows the latched e-stop, resets it only after confirmation, and latches it again', async () => {
    const page = await browser!.newPage();
    await page.goto(`${bridge!.url}/console/`);
    // Vietnamese first; this staff member switches to English before signing in.
    await page.getByLabel('Ngôn ngữ').selectOption('en');
    await page.getByLabel('Username').fill('lead');
    await page.getByLabel('Password').fill('demo-admin-pass');
    await page.getByRole('button', { name: 'Sign in' }).click();

    // States read in words; data-value keeps the firmware's own names.
    const link = page.getByTestId('robot-link');
    const mode = page.getByTestId('robot-mode');
    await expect.poll(() => link.getAttribute('data-value'), { timeout: 20_000 }).toBe('up');
    await expect.poll(() => mode.getAttribute('data-value'), { timeout: 20_000 }).toBe('ESTOP');
    expect(await link.textContent()).toBe('Connected');
    expect(await mode.textContent()).toBe('Emergency stop');
    await page.getByText('Emergency stop is latched').waitFor();

    await page.getByRole('button', { name: 'Reset e-stop…' }).click();
    // First step only opens the confirmation: the robot is still latched.
    expect(await mode.getAttribute('data-value')).toBe('ESTOP');
    await page.getByRole('button', { name: 'Yes, the area is clear: reset' }).click();
    await expect.poll(() => mode.getAttribute('data-value'), { timeout: 20_000 }).not.toBe('ESTOP');
    await page.screenshot({ path: artifactPath('console-robot.png'), fullPage: true });

    await page.getByRole('button', { name: 'EMERGENCY STOP' }).click();
    await expect.poll(() => mode.getAttribute('data-value'), { timeout: 20_000 }).toBe('ESTOP');
    await page.getByText('Emergency stop is latched').waitFor();
  });
});
