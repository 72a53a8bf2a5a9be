/**
 * Finds the base's serial port again after it disappeared: by USB serial number when one is configured
 * (the /dev/ttyUSBn name may change on replug), otherwise by path. `SerialPort.list()` needs udev
 * (udevadm) on Linux; where it fails or is absent the locator falls back to the configured path.
 */
import { nodeSerialPorts, type SerialPorts } from './serial-ports.ts';

export interface PortSpec {
  path: string;
  /** USB serial number; when set and listing works, it wins over `path`. */
  serialNumber?: string;
}

/** The part of `SerialPorts` the locator needs. */
export type PortLister = Pick<SerialPorts, 'list' | 'exists'>;

/** Resolves the current device path, or undefined when the port is not present now. */
export async function locatePort(
  spec: PortSpec,
  ports: PortLister = nodeSerialPorts,
): Promise<string | undefined> {
  if (spec.serialNumber !== undefined) {
    try {
      const listed = await ports.list();
      const match = listed.find((p) => p.serialNumber === spec.serialNumber);
      if (match !== undefined) return match.path;
    } catch {
      // No udev (containers, minimal images): fall through to the configured path.
    }
  }
  return (await ports.exists(spec.path)) ? spec.path : undefined;
}
