import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { crossCheckSite, formatPath, siteSchema, type Site } from '@reception/protocol';
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { SiteConfigError } from './site-error.ts';

export interface LoadedSite {
  site: Site;
  /** Absolute path of the site file. */
  file: string;
  /** Absolute path of the map file it names. */
  mapFile: string;
}

/** Line of the node at `fieldPath`, or of its nearest existing parent. */
function lineOf(doc: Document, lines: LineCounter, fieldPath: (string | number)[]): number | undefined {
  for (let n = fieldPath.length; n >= 0; n--) {
    const node: unknown = doc.getIn(fieldPath.slice(0, n), true);
    if (node && typeof node === 'object' && 'range' in node) {
      const range = (node as { range?: [number, number, number] }).range;
      if (range) return lines.linePos(range[0]).line;
    }
  }
  return undefined;
}

/**
 * Reads, parses and validates a site file. `mapPlaces`, when given, returns the place ids of the map the
 * site names, so counters and facilities pointing at missing places are caught at start.
 */
export async function loadSite(
  file: string,
  mapPlaces?: (mapFile: string) => Promise<ReadonlySet<string>>,
): Promise<LoadedSite> {
  const abs = path.resolve(file);
  let text: string;
  try {
    text = await readFile(abs, 'utf8');
  } catch (e) {
    throw new SiteConfigError(abs, [{ field: '', reason: `cannot read file: ${(e as Error).message}` }]);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new SiteConfigError(
      abs,
      doc.errors.map((e) => ({
        field: '',
        line: e.linePos?.[0].line,
        reason: e.message.split('\n')[0] ?? 'YAML error',
      })),
    );
  }
  if (!isMap(doc.contents) && !isSeq(doc.contents)) {
    throw new SiteConfigError(abs, [{ field: '', reason: 'the file is empty or not a YAML mapping' }]);
  }
  const parsed = siteSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    throw new SiteConfigError(
      abs,
      parsed.error.issues.map((i) => {
        const p = i.path.filter((k): k is string | number => typeof k !== 'symbol');
        return { field: formatPath(p), line: lineOf(doc, lines, p), reason: i.message };
      }),
    );
  }
  const site = parsed.data;
  const mapFile = path.resolve(path.dirname(abs), site.map);
  let places: ReadonlySet<string> | undefined;
  if (mapPlaces) {
    try {
      places = await mapPlaces(mapFile);
    } catch (e) {
      throw new SiteConfigError(abs, [
        {
          field: 'map',
          line: lineOf(doc, lines, ['map']),
          reason: `cannot load map: ${(e as Error).message}`,
        },
      ]);
    }
  }
  const issues = crossCheckSite(site, places);
  if (issues.length > 0) {
    throw new SiteConfigError(
      abs,
      issues.map((i) => ({ field: formatPath(i.path), line: lineOf(doc, lines, i.path), reason: i.message })),
    );
  }
  return { site, file: abs, mapFile };
}
