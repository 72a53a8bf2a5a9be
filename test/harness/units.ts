import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

// Reading the systemd units and settings files that the deploy scripts write, so that a test can start a
// service exactly as systemd would (apps/*/deploy, test/*-deploy.test.ts).

/** `Key=value` lines of a unit's [Service] section, in order (keys repeat). */
export function serviceLines(unit: string): [string, string][] {
  const section = unit.split(/^\[Service\]$/m)[1]?.split(/^\[/m)[0] ?? '';
  return section
    .split('\n')
    .filter((l) => /^[A-Za-z]+=/.test(l))
    .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]);
}

/** The `NAME=value` settings of an EnvironmentFile (comments and blank lines skipped). */
export function envFile(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split('\n')
      .filter((l) => /^[A-Z_]+=/.test(l))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}

/**
 * What a unit's service would see: its Environment= lines, then its EnvironmentFile's settings over them
 * (systemd's order, whatever the lines' order; the files are read under `root`), then `overrides`.
 */
export async function unitEnv(
  unit: string,
  root: string,
  base: Record<string, string>,
  overrides: Record<string, string> = {},
): Promise<Record<string, string>> {
  const env = { ...base };
  const files: string[] = [];
  for (const [key, value] of serviceLines(unit)) {
    if (key === 'Environment') env[value.slice(0, value.indexOf('='))] = value.slice(value.indexOf('=') + 1);
    if (key === 'EnvironmentFile') files.push(value);
  }
  for (const file of files) Object.assign(env, envFile(await readFile(path.join(root, file), 'utf8')));
  return { ...env, ...overrides };
}

/** Resolves once `url` answers 2xx (polled every 100 ms), or fails after `timeoutMs`. */
export async function waitHealthy(url: string, timeoutMs = 30_000): Promise<void> {
  for (const end = Date.now() + timeoutMs; Date.now() < end;) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} never answered`);
}

/** What `systemd-analyze verify` says of these unit files ('' if nothing, or if systemd is not installed). */
export async function unitComplaints(files: string[]): Promise<string> {
  return promisify(execFile)('systemd-analyze', ['verify', ...files]).then(
    (r) => r.stderr,
    (e: unknown) => {
      const failure = e as { code?: string; stderr?: string };
      return failure.code === 'ENOENT' ? '' : (failure.stderr ?? 'systemd-analyze failed');
    },
  );
}
