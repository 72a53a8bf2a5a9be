import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentTypeOf, resolveAppFile } from '../main/security.ts';

/** `<meta name="kiosk-host">` carries this launch's host secret to the page the host serves. */
export const HOST_META_NAME = 'kiosk-host';

/** index.html with the host secret in a meta tag (a page from another origin cannot read it). */
export function withHostMeta(html: string, secret: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(secret)) throw new Error('host secret must be URL-safe base64');
  return html.replace('<head>', `<head>\n    <meta name="${HOST_META_NAME}" content="${secret}" />`);
}

/**
 * Serves the built renderer under /kiosk/ (same layout as app:// in Electron), with the CSP on every
 * response, index.html for client routes and `/favicon.ico` from the build. Never leaves `webDir`.
 */
export function serveRenderer(opts: { webDir: string; csp: string; secret: string }) {
  return async (req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> => {
    const p = pathname === '/favicon.ico' ? '/kiosk/favicon.ico' : pathname;
    const file = resolveAppFile(opts.webDir, p);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      const hint = file.endsWith('index.html') ? ' (run `npm run -w @reception/kiosk build`)' : '';
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not found${hint}`);
      return;
    }
    const type = contentTypeOf(file);
    const html = type.startsWith('text/html');
    const out = html ? Buffer.from(withHostMeta(body.toString('utf8'), opts.secret)) : body;
    res.writeHead(200, {
      'content-type': type,
      'content-length': out.length,
      'content-security-policy': opts.csp,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      // The page carries the secret: never cache it. Hashed assets may be cached.
      'cache-control': html ? 'no-store' : 'public, max-age=3600',
    });
    res.end(req.method === 'HEAD' ? undefined : out);
  };
}
