import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import { type BridgeConfig, ConfigError } from '../config.ts';

/** The bridge's certificate and key, read once at start (a renewed certificate takes a restart). */
export interface TlsFiles {
  cert: Buffer;
  key: Buffer;
}

function read(variable: string, file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    throw new ConfigError(
      `invalid environment:\n  ${variable}: cannot read ${file} (${(e as Error).message})`,
    );
  }
}

/**
 * The TLS files named by BRIDGE_TLS_CERT / BRIDGE_TLS_KEY, checked as a pair (a key that does not match
 * the certificate, or a file that is not PEM, stops the bridge with exit 2), or undefined for plain HTTP.
 */
export function readTls(
  config: Pick<BridgeConfig, 'BRIDGE_TLS_CERT' | 'BRIDGE_TLS_KEY'>,
): TlsFiles | undefined {
  if (!config.BRIDGE_TLS_CERT || !config.BRIDGE_TLS_KEY) return undefined;
  const files = {
    cert: read('BRIDGE_TLS_CERT', config.BRIDGE_TLS_CERT),
    key: read('BRIDGE_TLS_KEY', config.BRIDGE_TLS_KEY),
  };
  try {
    createSecureContext(files);
  } catch (e) {
    throw new ConfigError(
      `invalid environment:\n  BRIDGE_TLS_CERT, BRIDGE_TLS_KEY: not a usable certificate and key (${(e as Error).message})`,
    );
  }
  return files;
}
