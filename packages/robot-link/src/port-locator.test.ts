import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { locatePort, type PortLister } from './port-locator.ts';
import { nodeSerialPorts } from './serial-ports.ts';

const dir = mkdtempSync(join(tmpdir(), 'port-locator-'));
const present = join(dir, 'ttyUSB0');
writeFileSync(present, '');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lister = (ports: { path: string; serialNumber?: string }[]): PortLister => ({
  list: () => Promise.resolve(ports),
  exists: (path) => nodeSerialPorts.exists(path),
});
const broken: PortLister = {
  list: () => Promise.reject(new Error('udevadm: not found')),
  exists: (path) => nodeSerialPorts.exists(path),
};

describe('locatePort', () => {
  it('follows the USB serial number to a new device path', async () => {
    const found = await locatePort(
      { path: '/dev/ttyUSB0', serialNumber: 'A10K3' },
      lister([{ path: '/dev/ttyUSB3', serialNumber: 'A10K3' }]),
    );
    expect(found).toBe('/dev/ttyUSB3');
  });

  it('falls back to the configured path when listing fails (no udev)', async () => {
    expect(await locatePort({ path: present, serialNumber: 'A10K3' }, broken)).toBe(present);
  });

  it('reports a missing port as undefined', async () => {
    expect(await locatePort({ path: join(dir, 'gone') }, lister([]))).toBeUndefined();
  });
});
