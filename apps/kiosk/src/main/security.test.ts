import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { selfSignedCertificate } from '@reception/testkit/certificate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  devToolsEnabled,
  mediaAllowed,
  pinnedBridgeCertificate,
  spkiPin,
  contentSecurityPolicy,
  contentTypeOf,
  isTrustedUrl,
  originOf,
  rendererUrl,
  resolveAppFile,
  trustedOrigin,
} from './security.ts';

describe('rendererUrl and trustedOrigin', () => {
  it('loads the bundled renderer from app://kiosk and trusts only that origin', () => {
    const c = { KIOSK_RENDERER: 'bundled', KIOSK_BRIDGE_URL: 'http://10.0.0.2:8080' } as const;
    expect(rendererUrl(c)).toBe('app://kiosk/kiosk/');
    expect(trustedOrigin(c)).toBe('app://kiosk');
    expect(isTrustedUrl('app://kiosk/kiosk/index.html', trustedOrigin(c))).toBe(true);
    expect(isTrustedUrl('http://10.0.0.2:8080/kiosk/', trustedOrigin(c))).toBe(false);
  });

  it('loads from the bridge and trusts exactly its origin', () => {
    const c = { KIOSK_RENDERER: 'bridge', KIOSK_BRIDGE_URL: 'http://10.0.0.2:8080' } as const;
    expect(rendererUrl(c)).toBe('http://10.0.0.2:8080/kiosk/');
    expect(isTrustedUrl('http://10.0.0.2:8080/kiosk/?idle=5', trustedOrigin(c))).toBe(true);
    expect(isTrustedUrl('http://10.0.0.2:8081/kiosk/', trustedOrigin(c))).toBe(false);
    expect(isTrustedUrl('https://10.0.0.2:8080/kiosk/', trustedOrigin(c))).toBe(false);
    expect(isTrustedUrl('not a url', trustedOrigin(c))).toBe(false);
  });

  it('spells custom-scheme origins instead of "null"', () => {
    expect(originOf('app://kiosk/kiosk/x.js')).toBe('app://kiosk');
  });
});

describe('contentSecurityPolicy', () => {
  it('allows sockets to the bridge only and no inline scripts', () => {
    const csp = contentSecurityPolicy('http://127.0.0.1:8080');
    expect(csp).toContain("connect-src 'self' http://127.0.0.1:8080 ws://127.0.0.1:8080");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(contentSecurityPolicy('https://bridge.local')).toContain('wss://bridge.local');
  });
});

describe('resolveAppFile', () => {
  const web = path.resolve('/srv/kiosk-dist');
  it('maps renderer paths into the web folder', () => {
    expect(resolveAppFile(web, '/kiosk/')).toBe(path.join(web, 'index.html'));
    expect(resolveAppFile(web, '/kiosk/assets/index-abc.js')).toBe(path.join(web, 'assets/index-abc.js'));
    expect(resolveAppFile(web, '/kiosk/procedures/birth')).toBe(path.join(web, 'index.html'));
  });

  it('refuses paths outside the renderer or the folder', () => {
    expect(resolveAppFile(web, '/etc/passwd')).toBeUndefined();
    expect(resolveAppFile(web, '/kiosk/../../etc/passwd.txt')).toBeUndefined();
    expect(resolveAppFile(web, '/kiosk/%2e%2e/%2e%2e/etc/shadow.txt')).toBeUndefined();
    expect(resolveAppFile(web, '/kiosk/%E0%A4%A.js')).toBeUndefined();
    expect(resolveAppFile(web, '/kiosk/a\\..\\b.js')).toBeUndefined();
  });

  it('names content types of the built files', () => {
    expect(contentTypeOf('x/index.html')).toMatch(/^text\/html/);
    expect(contentTypeOf('a.WOFF2')).toBe('font/woff2');
    expect(contentTypeOf('a.bin')).toBe('application/octet-stream');
  });
});

describe('mediaAllowed and devToolsEnabled', () => {
  const trusted = 'app://kiosk';
  it('grants the microphone to the trusted page only, never the camera', () => {
    expect(mediaAllowed('media', ['audio'], 'app://kiosk/kiosk/', trusted)).toBe(true);
    expect(mediaAllowed('media', ['video'], 'app://kiosk/kiosk/', trusted)).toBe(false);
    expect(mediaAllowed('media', ['audio', 'video'], 'app://kiosk/kiosk/', trusted)).toBe(false);
    expect(mediaAllowed('media', [], 'app://kiosk/kiosk/', trusted)).toBe(false);
    expect(mediaAllowed('media', undefined, 'app://kiosk/kiosk/', trusted)).toBe(false);
    expect(mediaAllowed('media', ['audio'], 'https://evil.example/', trusted)).toBe(false);
    expect(mediaAllowed('geolocation', ['audio'], 'app://kiosk/kiosk/', trusted)).toBe(false);
  });
  it('keeps DevTools off in production and unless asked', () => {
    expect(devToolsEnabled({ KIOSK_DEVTOOLS: true }, true)).toBe(false);
    expect(devToolsEnabled({ KIOSK_DEVTOOLS: false }, false)).toBe(false);
    expect(devToolsEnabled({ KIOSK_DEVTOOLS: true }, false)).toBe(true);
  });
});

describe('pinned bridge certificate (KIOSK_BRIDGE_CERT)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kiosk-pin-'));
  let bridge: string;
  let other: string;
  beforeAll(async () => {
    const san = 'IP:10.0.0.2';
    bridge = (await selfSignedCertificate(dir, { name: 'bridge', san, days: 2 })).pem;
    other = (await selfSignedCertificate(dir, { name: 'other', san, days: 2 })).pem;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('computes the same pin as the production launcher (kiosk-browser.sh, openssl)', () => {
    const launcher = execFileSync(
      'sh',
      [
        '-c',
        'openssl x509 -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64',
      ],
      { input: bridge },
    )
      .toString()
      .trim();
    expect(spkiPin(bridge)).toBe(launcher);
    expect(spkiPin(other)).not.toBe(launcher);
  });

  it('accepts the pinned key on the bridge host only, and nothing without a pin', () => {
    const pin = spkiPin(bridge);
    const check = (hostname: string, certificatePem: string, p: { pin: string | undefined } = { pin }) =>
      pinnedBridgeCertificate({ hostname, certificatePem, bridgeUrl: 'https://10.0.0.2:8080', ...p });
    expect(check('10.0.0.2', bridge)).toBe(true);
    expect(check('10.0.0.2', other)).toBe(false);
    expect(check('example.org', bridge)).toBe(false);
    expect(check('10.0.0.2', bridge, { pin: undefined })).toBe(false);
    expect(check('10.0.0.2', 'not a certificate')).toBe(false);
  });
});
