import { describe, expect, it } from 'vitest';
import { KioskConfigError, readKioskConfig } from './config.ts';

describe('readKioskConfig', () => {
  it('runs the demo with no environment', () => {
    const c = readKioskConfig({});
    expect(c).toMatchObject({
      KIOSK_BRIDGE_URL: 'http://127.0.0.1:8080',
      KIOSK_TOKEN: 'demo-kiosk',
      KIOSK_RENDERER: 'bundled',
      KIOSK_MODE: false,
      KIOSK_FULLSCREEN: false,
      KIOSK_IDLE_SECONDS: 60,
    });
    expect(c.KIOSK_WEB_DIR).toMatch(/apps[/\\]kiosk[/\\]dist$/);
  });

  it('reduces the bridge URL to its origin and parses flags', () => {
    const c = readKioskConfig({
      KIOSK_BRIDGE_URL: 'http://10.1.2.3:8080/kiosk/',
      KIOSK_MODE: '1',
      KIOSK_FULLSCREEN: 'no',
      KIOSK_IDLE_SECONDS: '90',
    });
    expect(c.KIOSK_BRIDGE_URL).toBe('http://10.1.2.3:8080');
    expect(c.KIOSK_MODE).toBe(true);
    expect(c.KIOSK_FULLSCREEN).toBe(false);
    expect(c.KIOSK_IDLE_SECONDS).toBe(90);
  });

  it('names every bad variable', () => {
    expect(() => readKioskConfig({ KIOSK_BRIDGE_URL: 'file:///etc', KIOSK_MODE: 'maybe' })).toThrow(
      KioskConfigError,
    );
    expect(() => readKioskConfig({ KIOSK_BRIDGE_URL: 'file:///etc', KIOSK_IDLE_SECONDS: '1' })).toThrow(
      /KIOSK_BRIDGE_URL[\s\S]*KIOSK_IDLE_SECONDS/,
    );
  });
});
