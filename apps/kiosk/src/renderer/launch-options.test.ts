import { describe, expect, it } from 'vitest';
import {
  parseIdleSeconds,
  readBrowserLaunchOptions,
  withoutToken,
  type TokenStorage,
} from './launch-options.ts';

function memoryStorage(): TokenStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('readBrowserLaunchOptions', () => {
  it('uses the page origin, the demo token and 60 s by default', () => {
    const opts = readBrowserLaunchOptions({ origin: 'http://10.0.0.5:8080', search: '' }, memoryStorage());
    expect(opts).toEqual({
      bridgeUrl: 'http://10.0.0.5:8080',
      token: 'demo-kiosk',
      idleSeconds: 60,
      robotScreen: false,
    });
  });

  it('takes the token from the query and remembers it for the session', () => {
    const storage = memoryStorage();
    const first = readBrowserLaunchOptions({ origin: 'http://h', search: '?token=lobby-1&idle=30' }, storage);
    expect(first.token).toBe('lobby-1');
    expect(first.idleSeconds).toBe(30);
    const again = readBrowserLaunchOptions({ origin: 'http://h', search: '' }, storage);
    expect(again.token).toBe('lobby-1');
  });
});

describe('parseIdleSeconds', () => {
  it('accepts whole seconds in range and falls back otherwise', () => {
    expect(parseIdleSeconds('90')).toBe(90);
    expect(parseIdleSeconds('3')).toBe(3);
    expect(parseIdleSeconds('2')).toBe(60);
    expect(parseIdleSeconds('abc')).toBe(60);
    expect(parseIdleSeconds('1.5')).toBe(60);
    expect(parseIdleSeconds(null)).toBe(60);
    expect(parseIdleSeconds('99999')).toBe(60);
  });
});

describe('withoutToken', () => {
  it('removes only the token parameter', () => {
    expect(withoutToken('http://h/kiosk/?token=abc&idle=5')).toBe('http://h/kiosk/?idle=5');
  });
});

describe('robot screen', () => {
  it('is on only with ?robot=1', () => {
    const store = { getItem: () => null, setItem: () => undefined };
    expect(readBrowserLaunchOptions({ origin: 'http://x', search: '?robot=1' }, store).robotScreen).toBe(
      true,
    );
    expect(readBrowserLaunchOptions({ origin: 'http://x', search: '?robot=yes' }, store).robotScreen).toBe(
      false,
    );
  });
});
