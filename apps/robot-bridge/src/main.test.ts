import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hashPassword } from '@reception/access';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './config.ts';
import { smallSite, writeSiteDir } from '@reception/protocol/testing/site-fixtures';
import { parse, stringify } from 'yaml';

const TSX = path.join(REPO_ROOT, 'node_modules/.bin/tsx');
const MAIN = path.join(REPO_ROOT, 'apps/robot-bridge/src/main.ts');

function run(
  env: Record<string, string>,
  onStdout?: (line: string, kill: () => void) => void,
  args: string[] = [],
) {
  const child = spawn(TSX, [MAIN, ...args], {
    env: { ...process.env, BRIDGE_PORT: '0', BRIDGE_HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    for (const line of d.toString().split('\n')) if (line) onStdout?.(line, () => child.kill('SIGTERM'));
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout, stderr })),
  );
}

describe('robot-bridge process', () => {
  it('refuses a bad site file with exit code 2, naming file and field', async () => {
    const site = smallSite() as { counters: { services: string[] }[] };
    site.counters[0]!.services = ['no_such_service'];
    const dir = await writeSiteDir(site);
    const { code, stderr } = await run({ SITE_DIR: dir });
    expect(code).toBe(2);
    expect(stderr).toContain(path.join(dir, 'site.yaml'));
    expect(stderr).toContain('counters[0].services[0]');
    expect(stderr).toContain("unknown service id 'no_such_service'");
  });

  it('refuses a bad environment with exit code 2', async () => {
    const { code, stderr } = await run({ BRIDGE_PORT: 'eighty' });
    expect(code).toBe(2);
    expect(stderr).toContain('BRIDGE_PORT');
  });

  it('stops cleanly on SIGTERM', async () => {
    const dir = await writeSiteDir(smallSite());
    const { code, stdout } = await run({ SITE_DIR: dir }, (line, kill) => {
      if (line.includes('bridge listening')) kill();
    });
    expect(code).toBe(0);
    expect(stdout).toContain('bridge stopped');
  });

  it('refuses_the_demo_tokens_beyond_loopback_without_demo_and_in_production', async () => {
    const dir = await writeSiteDir(smallSite()); // with the demo site's demo-devices.yaml
    const open = await run({ SITE_DIR: dir, BRIDGE_HOST: '0.0.0.0' });
    expect(open.code).toBe(2);
    expect(open.stderr).toContain('demo-devices.yaml holds public demo device tokens');
    expect(open.stderr).toContain('--demo');
    const production = await run({ SITE_DIR: dir, NODE_ENV: 'production' });
    expect(production.code).toBe(2);
    expect(production.stderr).toContain('NODE_ENV=production');
    // `npm start` passes --demo: the demo runs on the network.
    const demo = await run(
      { SITE_DIR: dir, BRIDGE_HOST: '0.0.0.0' },
      (line, kill) => {
        if (line.includes('bridge listening')) kill();
      },
      ['--demo'],
    );
    expect(demo.code).toBe(0);
  });

  it('refuses the demo staff passwords in production, naming the accounts, and starts once they are changed', async () => {
    const dir = await writeSiteDir(smallSite());
    rmSync(path.join(dir, 'demo-devices.yaml')); // a real centre's folder: no demo tokens
    const staffFile = path.join(dir, 'staff.yaml');
    const staff = parse(readFileSync(staffFile, 'utf8')) as {
      accounts: { username: string; password: string }[];
    };
    const own = await hashPassword('a centre-chosen passphrase');
    const [first, ...rest] = staff.accounts;
    const write = (firstPassword: string) =>
      writeFileSync(
        staffFile,
        stringify({
          accounts: [{ ...first!, password: firstPassword }, ...rest.map((a) => ({ ...a, password: own }))],
        }),
      );
    write(first!.password); // counter1 keeps "demo-counter"
    const data = mkdtempSync(path.join(tmpdir(), 'bridge-data-'));
    const env = { SITE_DIR: dir, DATA_DIR: data, NODE_ENV: 'production' };
    const refused = await run(env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${staffFile}: counter1 still has a published demo password`);
    expect(refused.stderr).toContain('npm run -s staff-password');
    expect((await run({ ...env, NODE_ENV: '', BRIDGE_HOST: '0.0.0.0' })).stderr).toContain(
      'counter1 still has a published demo password and the bridge would listen on 0.0.0.0',
    );
    write(own);
    const started = await run(env, (line, kill) => {
      if (line.includes('bridge listening')) kill();
    });
    expect([started.code, started.stderr]).toEqual([0, '']);
    rmSync(data, { recursive: true, force: true });
  });

  it('refuses the retired token variables with what to do instead', async () => {
    const { code, stderr } = await run({ KIOSK_TOKENS: 'abc' });
    expect(code).toBe(2);
    expect(stderr).toContain('npm run -s admin -- token create');
  });
});
