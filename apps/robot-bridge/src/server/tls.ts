import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import { Gauge, type Registry } from 'prom-client';
import { type BridgeConfig, ConfigError } from '../config.ts';
import type { HealthCheck } from './health.ts';

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

/** A certificate this close to its end is a fault in /healthz: kiosks would stop the day it expires. */
export const CERT_WARN_DAYS = 14;

/**
 * /healthz `tls` and /metrics `bridge_tls_cert_expiry_timestamp_seconds`: when the served certificate (the
 * first in the chain) expires. A certificate expires silently, and every kiosk and staff page with it.
 */
export function certificateWatch(
  tls: TlsFiles,
  metrics: Registry,
  now: () => number = Date.now,
): HealthCheck {
  const cert = new X509Certificate(tls.cert);
  const expires = Date.parse(cert.validTo);
  new Gauge({
    name: 'bridge_tls_cert_expiry_timestamp_seconds',
    help: 'When the certificate the bridge serves expires (Unix seconds)',
    registers: [metrics],
    collect() {
      this.set(expires / 1000);
    },
  });
  return {
    name: 'tls',
    check: () => {
      const days = Math.floor((expires - now()) / 86_400_000);
      const what = `certificate for ${cert.subjectAltName ?? cert.subject} expires ${new Date(expires).toISOString()}`;
      if (days < 0) return { ok: false, detail: `${what}: it has expired; renew it and restart the bridge` };
      if (days < CERT_WARN_DAYS)
        return { ok: false, detail: `${what}, in ${days} days: renew it and restart the bridge` };
      return { ok: true, detail: `${what} (${days} days)` };
    },
  };
}
