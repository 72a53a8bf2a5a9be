import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { smallSite, writeSiteDir } from './testing/site-fixtures.ts';
import { loadSite } from './site-file.ts';
import { SiteConfigError } from './site-error.ts';

async function problemsOf(site: unknown, raw?: string) {
  const dir = await writeSiteDir(site, raw);
  const file = path.join(dir, 'site.yaml');
  const e = await loadSite(file).then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(SiteConfigError);
  const err = e as SiteConfigError;
  expect(err.file).toBe(file);
  expect(err.message).toContain(file);
  return err.problems;
}

describe('loadSite', () => {
  it('loads a valid site and resolves its map path', async () => {
    const dir = await writeSiteDir(smallSite());
    const loaded = await loadSite(path.join(dir, 'site.yaml'));
    expect(loaded.site.services.map((s) => s.id)).toEqual(['birth_registration', 'certified_copy']);
    expect(loaded.mapFile).toBe(path.join(dir, 'map/map.yaml'));
  });

  it('names the field and line of a wrong type', async () => {
    const site = smallSite();
    site.queue = { reset_hour: 'midnight', number_digits: 3 };
    const problems = await problemsOf(site);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.field).toBe('queue.reset_hour');
    expect(problems[0]?.line).toBeGreaterThan(1);
  });

  it('names an unknown counter id', async () => {
    const site = smallSite() as { services: { counters: string[] }[] };
    site.services[0]!.counters = ['counter_1', 'counter_9'];
    const problems = await problemsOf(site);
    expect(problems.map((p) => [p.field, p.reason])).toContainEqual([
      'services[0].counters[1]',
      "unknown counter id 'counter_9'",
    ]);
  });

  it('names a missing translation', async () => {
    const site = smallSite() as { services: { name: Record<string, string> }[] };
    delete site.services[1]!.name.ur;
    const problems = await problemsOf(site);
    expect(problems.map((p) => p.field)).toEqual(['services[1].name.ur']);
    expect(problems[0]?.reason).toBe("missing translation 'ur'");
  });

  it('reports YAML syntax errors with a line', async () => {
    const problems = await problemsOf(undefined, 'id: x\nname: [unclosed\n');
    expect(problems[0]?.line).toBeGreaterThanOrEqual(2);
  });

  it('checks places against the map when a map reader is given', async () => {
    const dir = await writeSiteDir(smallSite());
    const e = await loadSite(path.join(dir, 'site.yaml'), () =>
      Promise.resolve(new Set(['counter_1'])),
    ).catch((x: unknown) => x as SiteConfigError);
    expect((e as SiteConfigError).problems.map((p) => p.field)).toEqual([
      'counters[1].place',
      'facilities[0].place',
    ]);
  });
});
