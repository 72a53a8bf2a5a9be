import { err, ok, type Result } from '@reception/protocol';
import type { LoadedSite } from '@reception/protocol/site-file';
import type { Logger } from 'pino';
import { offThread } from './off-thread.ts';

/**
 * Something derived from the site and its map file (the kiosk's lobby plan, the console's map image):
 * `fn(site, mapFile)` exported by `module`, run in a worker thread (`offThread`) on first request, kept
 * while the site stays loaded, built again after a reload or a failure. Answers `UNAVAILABLE` with
 * `unavailable` when the build fails.
 */
export function siteDerived<T>(
  site: { readonly current: LoadedSite },
  build: { module: URL; fn: string; what: string; unavailable: string },
  log: Pick<Logger, 'info' | 'error'>,
): () => Promise<Result<T>> {
  let cached: { of: LoadedSite; value: Promise<T> } | undefined;
  return async () => {
    const current = site.current;
    if (cached?.of !== current) {
      const started = performance.now();
      const value = offThread<T>(build.module, build.fn, [current.site, current.mapFile]);
      cached = { of: current, value };
      value.then(
        () => log.info({ ms: Math.round(performance.now() - started) }, `${build.what} built`),
        () => undefined,
      );
    }
    const building = cached;
    try {
      return ok(await building.value);
    } catch (e) {
      log.error({ err: e }, `${build.what} failed`);
      if (cached === building) cached = undefined;
      return err('UNAVAILABLE', build.unavailable);
    }
  };
}
