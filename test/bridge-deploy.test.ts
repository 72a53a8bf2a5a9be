import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  envFile,
  freePort,
  REPO_ROOT,
  serviceLines,
  killGroups,
  Teardown,
  unitComplaints,
  unitEnv,
  waitHealthy,
} from './harness/index.ts';

// The bridge's production path (apps/robot-bridge/deploy): install.sh writes the bridge's unit, its settings
// and the nightly backup's service and timer; the bridge runs exactly as robot-bridge.service's ExecStart
// says, with NODE_ENV=production and a centre's own site folder; the backup service's command then backs
// it up while it runs and prunes only its own old backups.

const run = promisify(execFile);
const DEPLOY = path.join(REPO_ROOT, 'apps/robot-bridge/deploy');
const down = new Teardown();
let root: string;
let site: string;
const children: ChildProcess[] = [];

const install = (...args: string[]) => run('sh', [path.join(DEPLOY, 'install.sh'), '--root', root, ...args]);

/** A centre's site folder as its IT person makes it: the demo's, without demo tokens, own passwords. */
async function centreSite(dir: string): Promise<void> {
  await cp(path.join(REPO_ROOT, 'sites/demo-ward'), dir, { recursive: true });
  await rm(path.join(dir, 'demo-devices.yaml'));
  const { stdout } = await run(path.join(REPO_ROOT, 'node_modules/.bin/tsx'), [
    path.join(REPO_ROOT, 'packages/access/src/staff-password.ts'),
    'a passphrase of this centre',
  ]);
  const staff = await readFile(path.join(dir, 'staff.yaml'), 'utf8');
  await writeFile(
    path.join(dir, 'staff.yaml'),
    staff.replace(/password: '[^']+'/g, `password: '${stdout.trim()}'`),
  );
}

beforeAll(async () => {
  root = down.add(await mkdtemp(path.join(tmpdir(), 'bridge-install-')), (dir) =>
    rm(dir, { recursive: true, force: true }),
  );
  down.add(children, killGroups);
  site = path.join(root, 'centre-site');
  await centreSite(site);
}, 60_000);

afterAll(() => down.run());

describe('bridge production path: systemd units, backups', () => {
  it('install.sh writes the units and settings, keeps edits, and refuses a demo site', async () => {
    const { stdout } = await install('--site', site, '--backup-dir', '/srv/backups/reception');
    expect(stdout).toContain('no systemctl');
    const units = path.join(root, 'etc/systemd/system');
    const bridge = await readFile(path.join(units, 'robot-bridge.service'), 'utf8');
    const backup = await readFile(path.join(units, 'reception-backup.service'), 'utf8');
    const timer = await readFile(path.join(units, 'reception-backup.timer'), 'utf8');
    for (const unit of [bridge, backup, timer]) expect(unit).not.toMatch(/@[A-Z_]+@/);
    expect(bridge).toContain(`WorkingDirectory=${REPO_ROOT}`);
    expect(bridge).toMatch(/^Environment=NODE_ENV=production$/m);
    expect(bridge).toMatch(/^RestartPreventExitStatus=2$/m);
    expect(backup).toMatch(/^ReadWritePaths=\/var\/lib\/reception \/srv\/backups\/reception$/m);
    expect(timer).toMatch(/^OnCalendar=/m);
    // systemd's own checker, where it is installed (it is not on every test machine).
    const complaints = await unitComplaints(
      ['robot-bridge.service', 'reception-backup.service', 'reception-backup.timer'].map((u) =>
        path.join(units, u),
      ),
    );
    expect(complaints).toBe('');
    const env = envFile(await readFile(path.join(root, 'etc/reception/bridge.env'), 'utf8'));
    expect(env).toMatchObject({ SITE_DIR: site, BRIDGE_PORT: '8080', BACKUP_DIR: '/srv/backups/reception' });
    expect((await stat(path.join(root, 'srv/backups/reception'))).mode & 0o077).toBe(0);

    // A second run keeps what the IT person edited; bad options and the demo's site are refused.
    await install('--site', site, '--port', '9000');
    expect(envFile(await readFile(path.join(root, 'etc/reception/bridge.env'), 'utf8')).BRIDGE_PORT).toBe(
      '8080',
    );
    await expect(install()).rejects.toThrow(/--site DIR is needed/);
    await expect(install('--site', 'sites/x')).rejects.toThrow(/must be an absolute path/);
    await expect(install('--site', site, '--keep-days', 'a month')).rejects.toThrow(/number of days/);
    await expect(install('--site', path.join(REPO_ROOT, 'sites/demo-ward'))).rejects.toThrow(
      /demo-devices\.yaml holds the demo's public device tokens/,
    );
  }, 60_000);

  it('runs the bridge as its unit says, backs it up while it runs, and prunes only old backups', async () => {
    const units = path.join(root, 'etc/systemd/system');
    const bridgeUnit = await readFile(path.join(units, 'robot-bridge.service'), 'utf8');
    const backupUnit = await readFile(path.join(units, 'reception-backup.service'), 'utf8');
    const port = await freePort();
    const dataDir = path.join(root, 'var/lib/reception');
    const backups = path.join(root, 'backups');
    await mkdir(dataDir, { recursive: true });
    await mkdir(backups, { recursive: true, mode: 0o700 }); // install.sh makes it
    const overrides = {
      BRIDGE_PORT: String(port),
      DATA_DIR: dataDir,
      BACKUP_DIR: backups,
      BACKUP_KEEP_DAYS: '30',
    };

    const bridgeLines = serviceLines(bridgeUnit);
    const [exe, ...args] = (bridgeLines.find(([k]) => k === 'ExecStart')?.[1] ?? '').split(' ');
    const bridge = spawn(exe ?? 'node', args, {
      cwd: bridgeLines.find(([k]) => k === 'WorkingDirectory')?.[1],
      env: await unitEnv(bridgeUnit, root, { PATH: process.env.PATH ?? '', HOME: root }, overrides),
      detached: true,
      stdio: 'ignore',
    });
    children.push(bridge);
    await waitHealthy(`http://127.0.0.1:${port}/healthz`);
    // Production: the staff console logs in with the centre's password, not the demo's.
    const login = (password: string) =>
      fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'lead', password }),
      }).then((r) => r.status);
    expect(await login('a passphrase of this centre')).toBe(200);
    // A kiosk as the IT person sets one up: a token from the admin CLI, run with the unit's settings, and
    // the browser-mode screen's origin (the kiosk host's 127.0.0.1:8090), which bridge.env allows.
    const created = await run(
      path.join(REPO_ROOT, 'node_modules/.bin/tsx'),
      [
        path.join(REPO_ROOT, 'apps/robot-bridge/src/admin/admin-cli.ts'),
        'token',
        'create',
        '--role',
        'kiosk',
        '--name',
        'Lobby',
      ],
      { cwd: REPO_ROOT, env: await unitEnv(bridgeUnit, root, { PATH: process.env.PATH ?? '' }, overrides) },
    );
    const kiosk = io(`http://127.0.0.1:${port}/kiosk`, {
      auth: { token: created.stdout.trim().split('\n').at(-1) },
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: { origin: 'http://127.0.0.1:8090' },
    });
    try {
      await new Promise<void>((resolve, reject) => {
        kiosk.once('connect', resolve);
        kiosk.once('connect_error', reject);
      });
      const site = (await kiosk.timeout(5000).emitWithAck('site:get', {})) as { ok: boolean };
      expect(site.ok).toBe(true);
    } finally {
      kiosk.close();
    }
    // The unit's settings name the backup folder, so the bridge watches it (none yet: fine on day one).
    const health = (await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.json())) as {
      checks: { name: string; ok: boolean; detail: string }[];
    };
    expect(health.checks.find((c) => c.name === 'backups')).toEqual({
      name: 'backups',
      ok: true,
      detail: `no backup in ${backups} yet (the nightly timer makes the first)`,
    });

    // An old backup of ours (pruned) and an old folder that is not one (kept).
    const old = path.join(backups, '2026-01-01-213000');
    const foreign = path.join(backups, 'photos');
    for (const dir of [old, foreign]) await mkdir(dir, { recursive: true });
    await writeFile(path.join(old, 'manifest.json'), '{}');
    const longAgo = new Date(Date.now() - 40 * 86_400_000);
    for (const dir of [old, foreign]) await utimes(dir, longAgo, longAgo);

    const backupExec = serviceLines(backupUnit).find(([k]) => k === 'ExecStart')?.[1] ?? '';
    const [shell, ...script] = backupExec.split(' ');
    const { stdout, stderr } = await run(shell ?? 'sh', script, {
      cwd: REPO_ROOT,
      env: await unitEnv(backupUnit, root, { HOME: root }, overrides), // PATH: the unit's (the Node install.sh found)
    });
    const made = stdout.trim().split('\n').at(-1) ?? '';
    expect(path.dirname(made)).toBe(backups);
    expect(stderr).toContain(`removed ${old}`);
    expect((await readdir(backups)).sort()).toEqual([path.basename(made), 'photos'].sort());
    const manifest = JSON.parse(await readFile(path.join(made, 'manifest.json'), 'utf8')) as {
      files: { name: string }[];
    };
    expect(manifest.files.map((f) => f.name)).toContain('tickets.sqlite');
    expect(manifest.files.map((f) => f.name)).toContain('bridge.sqlite');
    expect((await stat(made)).mode & 0o077).toBe(0);
  }, 120_000);
});
