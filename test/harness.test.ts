import { open, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifactPath, ARTIFACTS_DIR, makePtyPair, spawnBridge } from './harness/index.ts';

// The harness itself: a broken bridge fails fast with its reason, pty pairs carry bytes both ways.

describe('spawnBridge', () => {
  it('fails with the bridge stderr when the site file is invalid', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'bad-site-'));
    try {
      await writeFile(path.join(dir, 'site.yaml'), 'id: 42\n');
      await expect(spawnBridge({ env: { SITE_DIR: dir } })).rejects.toThrow(
        /exited with code 2[\s\S]*site\.yaml/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('makePtyPair', () => {
  it('carries bytes from one end to the other and removes both links on dispose', async () => {
    const pair = await makePtyPair();
    const a = await open(pair.a, 'r+');
    const b = await open(pair.b, 'r+');
    try {
      await a.write(Buffer.from([0x01, 0x02, 0x00, 0xff]));
      const buf = Buffer.alloc(4);
      const { bytesRead } = await b.read(buf, 0, 4, null);
      expect(buf.subarray(0, bytesRead)).toEqual(
        Buffer.from([0x01, 0x02, 0x00, 0xff]).subarray(0, bytesRead),
      );
      expect(bytesRead).toBeGreaterThan(0);
    } finally {
      await a.close();
      await b.close();
      await pair.dispose();
    }
    expect(existsSync(pair.a)).toBe(false);
    expect(existsSync(pair.b)).toBe(false);
  });
});

describe('artifactPath', () => {
  it('stays under test/artifacts', async () => {
    const file = artifactPath('harness/check.txt');
    expect(file.startsWith(ARTIFACTS_DIR)).toBe(true);
    await writeFile(file, 'ok');
    await expect(readFile(file, 'utf8')).resolves.toBe('ok');
    expect(() => artifactPath('../escape.txt')).toThrow();
  });
});
