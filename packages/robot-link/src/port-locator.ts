/**
 * Finds the base's serial port again after it disappeared: by USB serial number when one is configured
 * (the /dev/ttyUSBn name may change on replug), otherwise by path. `SerialPort.list()` needs udev
 * (udevadm) on Linux; where it fails or is absent the locator falls back to the configured path.
 */
import { access } from 'node:fs/promises';
import { SerialPort } from 'serialport';

export interface PortSpec {
  path: string;
  /** USB serial number; when set and listing works, it wins over `path`. */
  serialNumber?: string;
}

export interface PortLister {
  list(): Promise<{ path: string; serialNumber?: string | undefined }[]>;
}

export const serialPortLister: PortLister = { list: () => SerialPort.list() };

/** Resolves the current device path, or undefined when the port is not present now. */
export async function locatePort(
  spec: PortSpec,
  lister: PortLister = serialPortLister,
): Promise<string | undefined> {
  if (spec.serialNumber !== undefined) {
    try {
      const ports = await lister.list();
      const match = ports.find((p) => p.serialNumber === spec.serialNumber);
      if (match !== undefined) return match.path;
    } catch {
      // No udev (containers, minimal images): fall through to the configured path.
    }
  }
  try {
    await access(spec.path);
    return spec.path;
  } catch {
    return undefined;
  }
}
