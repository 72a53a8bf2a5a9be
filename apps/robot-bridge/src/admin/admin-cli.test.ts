import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningBridge } from '../bridge.ts';
import { REPO_ROOT } from '../config.ts';
import { BridgeClients, call, disconnected, startTestBridge } from '../testing/bridge-clients.ts';

// `npm run -s admin` against the database of a running bridge, in its own process like an operator's shell.
const TSX = path.join(REPO_ROOT, 'node_modules/.bin/tsx');
const CLI = path.join(REPO_ROOT, 'apps/robot-bridge/src/admin/admin-cli.ts');
let bridge: RunningBridge;
let root: string;
const roots: string[] = [];
let env: Record<string, string>;
const clients = new BridgeClients(() => bridge);

const admin = (...args: string[]) => adminWith({}, ...args);
const adminWith = async (extraEnv: Record<string, string>, ...args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(TSX, [CLI, ...args], {
      env: { ...process.env, ...env, ...extraEnv },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
};

beforeAll(async () => {
  const started = await startTestBridge();
  ({ bridge, root } = started);
  env = { SITE_DIR: started.siteDir, DATA_DIR: started.dataDir };
});
afterAll(async () => {
  clients.closeAll();
  await bridge.close();
  for (const dir of [root, ...roots]) rmSync(dir, { recursive: true, force: true });
});

describe('admin CLI', () => {
  it('creates a token printed once, lists, renames and revokes it; the running bridge drops the device', async () => {
    const created = await admin('token', 'create', '--role', 'kiosk', '--name', 'Lobby kiosk 1');
    expect(created.code).toBe(0);
    const token = created.stdout.trim().split('\n').at(-1)!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const id = /created kiosk (kiosk_[0-9a-f]+)/.exec(created.stderr)?.[1];
    expect(id).toBeDefined();

    const kiosk = await clients.connect('/kiosk', token);
    expect((await call(kiosk, 'site:get', {})).ok).toBe(true);
    const listed = await admin('token', 'list');
    expect(listed.stdout).toContain(id);
    expect(listed.stdout).toContain('"Lobby kiosk 1"');
    expect(listed.stdout).not.toContain(token);
    expect((await admin('token', 'rename', '--id', id!, '--name', 'Entrance kiosk')).stdout).toContain(
      '"Entrance kiosk"',
    );

    const gone = disconnected(kiosk);
    expect((await admin('token', 'revoke', '--id', id!)).code).toBe(0);
    await vi.waitFor(() => gone, { timeout: 5000 });
    await expect(clients.connect('/kiosk', token)).rejects.toThrow('UNAUTHORIZED');
    expect(
      bridge.audit.search({ action: 'token:', limit: 10 }).entries.map((e) => [e.actor, e.action]),
    ).toEqual([
      ['cli', 'token:revoke'],
      ['cli', 'token:rename'],
      ['cli', 'token:create'],
    ]);
  }, 60_000);

  it('revokes staff sessions by user, and refuses bad commands with the usage', async () => {
    const staff = await clients.connect('/staff', await clients.token('counter2'));
    const gone = disconnected(staff);
    expect((await admin('session', 'revoke', '--user', 'counter2')).stdout).toContain('1 session(s) revoked');
    await vi.waitFor(() => gone, { timeout: 5000 });
    const bad = await admin('token', 'create', '--role', 'robot', '--name', 'x');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--role must be one of kiosk, display');
    expect((await admin('token', 'revoke', '--id', 'kiosk_nothere')).code).toBe(1);
  }, 60_000);

  it('backs up the running bridge, refuses to restore under it, and restores once it is stopped', async () => {
    const created = await admin('token', 'create', '--role', 'kiosk', '--name', 'Backed-up kiosk');
    const token = created.stdout.trim().split('\n').at(-1)!;
    const id = /created kiosk (kiosk_[0-9a-f]+)/.exec(created.stderr)![1]!;
    const out = path.join(root, 'backups', 'first');
    const backup = await admin('backup', '--out', out);
    expect(backup.code).toBe(0);
    expect(backup.stdout.trim().split('\n').at(-1)).toBe(out);
    expect(backup.stderr).toMatch(/bridge\.sqlite +\d+ bytes/);
    expect(bridge.audit.search({ action: 'backup:', limit: 5 }).entries.map((e) => e.action)).toEqual([
      'backup:create',
    ]);
    const again = await admin('backup', '--out', out);
    expect([again.code, again.stderr]).toEqual([1, expect.stringContaining('is not empty') as string]);
    expect((await admin('backup')).code).toBe(2);
    // The copy is what matters: with the site file gone the backup is still made, and says what it missed.
    const siteless = await adminWith({ SITE_DIR: path.join(root, 'no-site') }, 'backup', '--out', `${out}-2`);
    expect(siteless.code).toBe(0);
    expect(siteless.stderr).toContain('backup:create done, but not written to the audit log');

    // After the backup the device is revoked; the restore must bring it back, and only with the bridge down.
    expect((await admin('token', 'revoke', '--id', id)).code).toBe(0);
    const refused = await admin('restore', '--from', out);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('is in use: stop the bridge first');
    await bridge.close();
    const restored = await admin('restore', '--from', out);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/restored bridge\.sqlite, tickets\.sqlite from the backup of /);
    expect(restored.stdout).toMatch(/the databases it replaced are kept in .*replaced-/);

    const restarted = await startTestBridge({ dataDir: env.DATA_DIR });
    roots.push(restarted.root);
    bridge = restarted.bridge;
    const kiosk = await clients.connect('/kiosk', token);
    expect((await call(kiosk, 'site:get', {})).ok).toBe(true);
    // The restored log ends where the backup was taken (its own record came after), then says so.
    const [entry, ...older] = bridge.audit.search({ action: 'backup:', limit: 5 }).entries;
    expect([entry?.action, entry?.target, older]).toEqual(['backup:restore', out, []]);
    expect(entry?.detail).toMatch(/^backup of \d{4}-\d\d-\d\dT/);
  }, 60_000);
});
