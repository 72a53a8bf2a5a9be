/**
 * Which web origins may talk to the bridge from a browser (login, forms, sockets). A request without an
 * `Origin` header is not from a web page (a Node client, the CLI, a test) and passes: a foreign page cannot
 * make a browser leave the header out of a socket handshake or a cross-site POST. With one, the origin must
 * be the bridge's own (its host as the client addressed it) or one of `allowed` (e.g. the Electron kiosk's
 * `app://kiosk`).
 */
export function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowed: readonly string[],
): boolean {
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  if (origin === 'null' || !host) return false;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === host.toLowerCase();
  } catch {
    return false;
  }
}
