import { EventEmitter } from 'node:events';
import { loadSiteMap } from '@reception/nav';
import { toCatalogue, type SiteCatalogue } from '@reception/protocol';
import { loadSite, type LoadedSite } from '@reception/protocol/site-file';

type MapPlaces = (mapFile: string) => Promise<ReadonlySet<string>>;

/** Place ids of a site map; a map that does not load is reported as the site's `map` field. */
export const mapPlaceIds: MapPlaces = (mapFile) =>
  Promise.resolve(new Set(loadSiteMap(mapFile).places.map((p) => p.id)));

/**
 * The site currently in force. `reload()` validates the file again and swaps it in only if it is valid,
 * so a bad edit never takes a running centre down; listeners hear `changed` after a successful swap.
 */
export class SiteStore extends EventEmitter<{ changed: [LoadedSite] }> {
  private catalogueCache: SiteCatalogue;
  private constructor(
    private loaded: LoadedSite,
    private readonly mapPlaces?: MapPlaces,
  ) {
    super();
    this.catalogueCache = toCatalogue(loaded.site);
  }

  static async open(file: string, mapPlaces?: MapPlaces): Promise<SiteStore> {
    return new SiteStore(await loadSite(file, mapPlaces), mapPlaces);
  }

  get current(): LoadedSite {
    return this.loaded;
  }

  get catalogue(): SiteCatalogue {
    return this.catalogueCache;
  }

  async reload(): Promise<LoadedSite> {
    const next = await loadSite(this.loaded.file, this.mapPlaces);
    this.loaded = next;
    this.catalogueCache = toCatalogue(next.site);
    this.emit('changed', next);
    return next;
  }
}
