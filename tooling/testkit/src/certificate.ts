/**
 * A self-signed TLS certificate made by openssl for a test, as a centre without its own CA would make one:
 * an EC P-256 key and a certificate for `san` (e.g. `IP:127.0.0.1,DNS:localhost`) valid for `days`.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

export interface TestCertificate {
  /** Paths of the PEM files. */
  certFile: string;
  keyFile: string;
  /** The certificate's PEM text. */
  pem: string;
}

export async function selfSignedCertificate(
  dir: string,
  o: { name: string; san: string; days: number },
): Promise<TestCertificate> {
  const certFile = path.join(dir, `${o.name}-cert.pem`);
  const keyFile = path.join(dir, `${o.name}-key.pem`);
  await promisify(execFile)('openssl', [
    ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'],
    ...['-subj', `/CN=${o.name}`, '-addext', `subjectAltName=${o.san}`, '-days', String(o.days)],
    ...['-keyout', keyFile, '-out', certFile],
  ]);
  return { certFile, keyFile, pem: await readFile(certFile, 'utf8') };
}
