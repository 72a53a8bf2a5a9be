import { describe, expect, it } from 'vitest';
import { withHostMeta } from './static-renderer.ts';

describe('withHostMeta', () => {
  it('puts the secret in a meta tag at the top of <head>', () => {
    const html = withHostMeta('<html><head><title>k</title></head></html>', 'abc_DEF-123');
    expect(html).toContain('<meta name="kiosk-host" content="abc_DEF-123" />');
    expect(html.indexOf('kiosk-host')).toBeLessThan(html.indexOf('<title>'));
  });
  it('refuses a secret that could break out of the attribute', () => {
    expect(() => withHostMeta('<head>', '"><script>')).toThrow(/URL-safe/);
  });
});
