import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.onnx': 'application/octet-stream',
  '.wav': 'audio/wav',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves one built single-page app under a URL prefix: files by path, `index.html` for anything else so
 * client-side routes work. Never leaves its folder. Answers 503 with a hint when the app was not built.
 */
export function staticApp(prefix: string, dir: string, csp: string) {
  const root = path.resolve(dir);
  return async (req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> => {
    const rel = decodeURIComponent(pathname.slice(prefix.length)).replace(/^\/+/, '');
    let file = path.resolve(root, rel);
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(404).end('not found');
      return;
    }
    let info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) {
      // Assets that are missing are real 404s; page routes fall back to the app shell.
      if (path.extname(rel)) {
        res.writeHead(404).end('not found');
        return;
      }
      file = path.join(root, 'index.html');
      info = await stat(file).catch(() => undefined);
      if (!info?.isFile()) {
        res
          .writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
          .end(`${prefix} is not built: run \`npm run build\` (looked in ${root})\n`);
        return;
      }
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    const isHtml = type.startsWith('text/html');
    res.writeHead(200, {
      'content-type': type,
      'content-length': info.size,
      'x-content-type-options': 'nosniff',
      'cache-control': isHtml ? 'no-cache' : 'public, max-age=3600',
      ...(isHtml ? { 'content-security-policy': csp, 'referrer-policy': 'no-referrer' } : {}),
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  };
}
