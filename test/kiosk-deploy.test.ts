import { spawn, type ChildProcess } from 'node:child_process';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifactPath,
  envFile,
  freePort,
  REPO_ROOT,
  serviceLines,
  unitComplaints,
  spawnBridge,
  killGroups,
  Teardown,
  waitHealthy,
  type SpawnedBridge,
} from './harness/index.ts';
import { LANGUAGE_BUTTONS } from './kiosk-helpers.ts';

// The tested production path (apps/kiosk/deploy): install.sh writes the systemd units and settings; the
// kiosk host runs exactly as kiosk-host.service's ExecStart says, with its EnvironmentFile and credential;
// kiosk-browser.sh starts Debian's Chromium in --kiosk mode on the host's page (headless here, through
// KIOSK_BROWSER_EXTRA_FLAGS); a citizen takes a ticket from the real bridge through it.

const run = promisify(execFile);
const DEPLOY = path.join(REPO_ROOT, 'apps/kiosk/deploy');

let bridge: SpawnedBridge;
let root: string;
let hostPort: number;
const children: ChildProcess[] = [];
const down = new Teardown();

beforeAll(async () => {
  hostPort = await freePort();
  root = down.add(await mkdtemp(path.join(tmpdir(), 'kiosk-install-')), (dir) =>
    rm(dir, { recursive: true, force: true }),
  );
  down.add(children, killGroups);
  bridge = down.add(await spawnBridge({ env: { ALLOWED_ORIGINS: `http://127.0.0.1:${hostPort}` } }), (b) =>
    b.stop(),
  );
}, 60_000);

afterAll(() => down.run());

describe('production path: systemd units, kiosk host, Chromium --kiosk', () => {
  it('install.sh writes both units, the settings and a root-only token', async () => {
    const { stdout } = await run('sh', [
      path.join(DEPLOY, 'install.sh'),
      '--root',
      root,
      '--bridge',
      bridge.url,
    ]);
    expect(stdout).toContain('no systemctl');
    const host = await readFile(path.join(root, 'etc/systemd/system/kiosk-host.service'), 'utf8');
    const screen = await readFile(path.join(root, 'etc/systemd/system/kiosk-browser.service'), 'utf8');
    expect(host).not.toContain('@PREFIX@');
    expect(host).toContain(`WorkingDirectory=${REPO_ROOT}`);
    expect(host).toMatch(/^Restart=always$/m);
    expect(screen).toMatch(/^Restart=always$/m);
    expect(screen).toContain(`${REPO_ROOT}/apps/kiosk/deploy/kiosk-browser.sh`);
    // systemd's own checker on the host unit (the screen unit needs cage, not installed on test machines).
    const complaints = await unitComplaints([path.join(root, 'etc/systemd/system/kiosk-host.service')]);
    expect(complaints).toBe('');
    const env = envFile(await readFile(path.join(root, 'etc/reception/kiosk.env'), 'utf8'));
    expect(env.KIOSK_BRIDGE_URL).toBe(bridge.url);
    expect(env.KIOSK_VOICE).toBe('onnx');
    const policy = JSON.parse(
      await readFile(path.join(root, 'etc/chromium/policies/managed/reception-kiosk.json'), 'utf8'),
    ) as { AudioCaptureAllowedUrls: string[]; VideoCaptureAllowed: boolean };
    expect(policy.AudioCaptureAllowedUrls).toContain('http://127.0.0.1:8090');
    expect(policy.VideoCaptureAllowed).toBe(false);
    const token = await stat(path.join(root, 'etc/reception/kiosk-token'));
    expect(token.mode & 0o077).toBe(0);
    // A second run keeps what the IT person edited.
    await run('sh', [path.join(DEPLOY, 'install.sh'), '--root', root, '--bridge', 'http://10.9.9.9:8080']);
    const again = envFile(await readFile(path.join(root, 'etc/reception/kiosk.env'), 'utf8'));
    expect(again.KIOSK_BRIDGE_URL).toBe(bridge.url);
    await expect(
      run('sh', [path.join(DEPLOY, 'install.sh'), '--root', root, '--bridge', 'ftp://x']),
    ).rejects.toThrow(/must be an http/);
  });

  it('runs the host as its unit says and Chromium --kiosk as the launcher does; a ticket comes out', async () => {
    const unit = await readFile(path.join(root, 'etc/systemd/system/kiosk-host.service'), 'utf8');
    const lines = serviceLines(unit);
    const get = (k: string) => lines.filter(([key]) => key === k).map(([, v]) => v);
    const credentials = path.join(root, 'credentials');
    await run('mkdir', ['-p', credentials]);
    const [credName, credSource] = (get('LoadCredential')[0] ?? '').split(':');
    await run('cp', [path.join(root, credSource ?? ''), path.join(credentials, credName ?? '')]);
    const env: Record<string, string> = {
      ...envFile(await readFile(path.join(root, 'etc/reception/kiosk.env'), 'utf8')),
      KIOSK_HOST_PORT: String(hostPort),
      KIOSK_SPEECH: 'none',
    };
    for (const e of get('Environment')) {
      const [k, v] = [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)];
      env[k] = v.replace('%d', credentials);
    }
    const [exe, ...args] = (get('ExecStart')[0] ?? '').split(' ');
    const host = spawn(exe ?? 'node', args, {
      cwd: get('WorkingDirectory')[0],
      env: { PATH: process.env.PATH ?? '', HOME: root, ...env },
      detached: true,
      stdio: 'ignore',
    });
    children.push(host);
    await waitHealthy(`http://127.0.0.1:${hostPort}/healthz`);

    const cdpPort = await freePort();
    const browserProc = spawn('sh', [path.join(DEPLOY, 'kiosk-browser.sh')], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: root,
        KIOSK_HOST_PORT: String(hostPort),
        KIOSK_BROWSER_PROFILE: path.join(root, 'chromium'),
        KIOSK_BROWSER_EXTRA_FLAGS: `--headless --no-sandbox --disable-gpu --window-size=1280,800 --remote-debugging-port=${cdpPort}`,
      },
      detached: true,
      stdio: 'ignore',
    });
    children.push(browserProc);
    await waitHealthy(`http://127.0.0.1:${cdpPort}/json/version`);
    // The launcher exec'd Chromium itself (same pid), in kiosk mode.
    const cmdline = (await readFile(`/proc/${browserProc.pid}/cmdline`, 'utf8')).split('\0');
    expect(cmdline).toContain('--kiosk');
    expect(cmdline).toContain(`http://127.0.0.1:${hostPort}/kiosk/`);

    let browser: Browser | undefined;
    try {
      browser = await chromium.connectOverCDP(`http://127.0.0.1:${cdpPort}`);
      const page = browser.contexts()[0]?.pages()[0];
      if (!page) throw new Error('Chromium --kiosk shows no page');
      await page.getByRole('button', { name: LANGUAGE_BUTTONS.vi, exact: true }).click({ timeout: 30_000 });
      await page.locator('[data-menu="procedures"]').click();
      await page.locator('[data-field="all"] button').click();
      await page.locator('[data-service="certified_copy"] button').click();
      await page.locator('[data-action="check-papers"]').click();
      await page.locator('[data-action="continue-to-ticket"]').click();
      const confirm = page.locator('[data-action="confirm-ticket"]');
      const take = page.locator('[data-action="take-ticket"]');
      await confirm.or(take).first().waitFor();
      if (await confirm.isVisible()) await confirm.click();
      await take.click();
      await page.locator('.ticket-number').waitFor();
      expect(await page.locator('.ticket-number').textContent()).toMatch(/^[A-Z]+\d{3}$/);
      // Speech is off in this unit's test environment: no read-aloud button, nothing broken.
      await expect(page.locator('[data-action="read-aloud"]').count()).resolves.toBe(0);
      await page.screenshot({ path: artifactPath('kiosk/chromium-kiosk-ticket.png') });
    } finally {
      await browser?.close();
    }
  }, 120_000);
});
