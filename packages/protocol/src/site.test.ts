import { describe, expect, it } from 'vitest';
import {
  crossCheckSite,
  documentHelp,
  documentText,
  formatPath,
  robotSettings,
  siteSchema,
  toCatalogue,
  type Site,
} from './site.ts';

const t = (s: string) => ({ vi: `${s} vi`, en: `${s} en` });

function baseSite(): Site {
  return siteSchema.parse({
    id: 'test_ward',
    name: t('Ward'),
    address: t('Street'),
    timezone: 'Asia/Ho_Chi_Minh',
    languages: { default: 'vi', enabled: ['vi', 'en'] },
    opening_hours: [{ days: ['mon'], open: '07:30', close: '11:30' }],
    map: 'map/map.yaml',
    counters: [
      {
        id: 'counter_1',
        number: 1,
        name: t('Counter 1'),
        services: ['birth_registration'],
        place: 'counter_1',
      },
    ],
    services: [
      {
        id: 'birth_registration',
        prefix: 'A',
        name: t('Birth'),
        description: t('Register a birth'),
        required_documents: [t('Form')],
        fee: { amount_vnd: 0 },
        processing_time: t('Same day'),
        counters: ['counter_1'],
      },
    ],
    facilities: [{ id: 'restroom', name: t('Restroom'), place: 'restroom' }],
    priority: { classes: [{ id: 'elderly', name: t('Elderly'), rank: 0 }], ordering: { mode: 'strict' } },
    queue: { reset_hour: 0, number_digits: 3 },
  });
}

describe('crossCheckSite', () => {
  it('accepts a consistent site', () => {
    expect(crossCheckSite(baseSite(), new Set(['counter_1', 'restroom']))).toEqual([]);
  });
  it('names the field of a missing translation', () => {
    const site = baseSite();
    site.languages.enabled.push('ur');
    const issues = crossCheckSite(site).map((i) => formatPath(i.path));
    expect(issues).toContain('services[0].name.ur');
    expect(issues).toContain('counters[0].name.ur');
  });
  it('rejects unknown counter ids and one-sided service lists', () => {
    const site = baseSite();
    site.services[0]!.counters.push('counter_9');
    const issues = crossCheckSite(site);
    expect(issues).toContainEqual({
      path: ['services', 0, 'counters', 1],
      message: "unknown counter id 'counter_9'",
    });
  });
  it('rejects unknown map places when the map is known', () => {
    const issues = crossCheckSite(baseSite(), new Set(['restroom']));
    expect(issues.map((i) => formatPath(i.path))).toEqual(['counters[0].place']);
  });
  it('speaks calls only in enabled languages', () => {
    const site = baseSite();
    site.languages.announce = { languages: ['vi', 'hi'], citizen_language: false };
    expect(crossCheckSite(site)).toEqual([
      { path: ['languages', 'announce', 'languages', 1], message: "language 'hi' is not enabled" },
    ]);
  });
  it('rejects duplicate prefixes', () => {
    const site = baseSite();
    site.services.push({ ...site.services[0]!, id: 'death_registration', counters: [] });
    const msgs = crossCheckSite(site).map((i) => i.message);
    expect(msgs).toContain("prefix 'A' already used by 'birth_registration'");
  });
});

describe('toCatalogue', () => {
  it('gives pages the site time zone and no internal settings', () => {
    const catalogue = toCatalogue({ ...baseSite(), timezone: 'Asia/Karachi' });
    expect(catalogue.timezone).toBe('Asia/Karachi');
    expect(catalogue).not.toHaveProperty('queue');
    expect(catalogue).not.toHaveProperty('map');
  });
});

describe('robot settings', () => {
  it('default to no call-ahead escort', () => {
    expect(robotSettings(baseSite()).escort).toEqual({ mode: 'off', classes: [] });
  });
  it('reject escort classes that are not priority classes', () => {
    const site = baseSite();
    site.robot = { escort: { mode: 'priority_classes', classes: ['elderly', 'vip'] } };
    expect(crossCheckSite(site, new Set(['counter_1', 'restroom']))).toEqual([
      { path: ['robot', 'escort', 'classes', 1], message: "unknown priority class 'vip'" },
    ]);
  });
  it('reject an unknown escort mode with its path', () => {
    const r = siteSchema.safeParse({ ...baseSite(), robot: { escort: { mode: 'always' } } });
    expect(r.error?.issues.map((i) => formatPath(i.path))).toEqual(['robot.escort.mode']);
  });
});

describe('siteSchema', () => {
  it('refuses a time zone no page could show the clock in', () => {
    const r = siteSchema.safeParse({ ...baseSite(), timezone: 'Asia/Hanoi City' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['timezone']);
  });

  it('rejects a wrong type with its path', () => {
    const r = siteSchema.safeParse({ ...baseSite(), queue: { reset_hour: 'midnight', number_digits: 3 } });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => formatPath(i.path))).toEqual(['queue.reset_hour']);
  });
});

describe('kiosk additions to the site (fields, online portal, document help, kiosk place)', () => {
  it('accepts documents with help and checks their translations, facility and field', () => {
    const site = baseSite();
    site.fields = [{ id: 'civil_status', name: t('Civil status') }];
    const service = site.services[0]!;
    service.field = 'civil_status';
    service.online = {
      url: 'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193',
      level: 'partial',
    };
    service.required_documents.push({
      text: t('Copy of ID'),
      where: t('Photocopy corner'),
      facility: 'restroom',
    });
    expect(crossCheckSite(siteSchema.parse(site), new Set(['counter_1', 'restroom']))).toEqual([]);
    expect(documentText(service.required_documents[1]!)).toEqual(t('Copy of ID'));
    expect(documentHelp(service.required_documents[1]!)).toEqual({
      where: t('Photocopy corner'),
      facility: 'restroom',
      optional: false,
    });
    expect(documentHelp(service.required_documents[0]!)).toEqual({
      where: undefined,
      facility: undefined,
      optional: false,
    });

    service.field = 'land';
    service.required_documents.push({ text: { vi: 'x' }, where: { vi: 'y' }, facility: 'photocopy' });
    site.kiosk_place = 'nowhere';
    const issues = crossCheckSite(site, new Set(['counter_1', 'restroom'])).map(
      (i) => `${formatPath(i.path)}: ${i.message}`,
    );
    expect(issues).toEqual([
      "services[0].field: unknown field id 'land'",
      "services[0].required_documents[2].text.en: missing translation 'en'",
      "services[0].required_documents[2].where.en: missing translation 'en'",
      "services[0].required_documents[2].facility: the site has no facility 'photocopy'",
      "kiosk_place: unknown map place 'nowhere'",
    ]);
  });

  it('refuses a portal link that is not https', () => {
    const site = baseSite();
    const raw = {
      ...site,
      services: [{ ...site.services[0]!, online: { url: 'http://example.vn', level: 'full' } }],
    };
    expect(siteSchema.safeParse(raw).success).toBe(false);
  });

  it('passes fields and the kiosk place to the catalogue only when set', () => {
    const site = baseSite();
    expect('fields' in toCatalogue(site)).toBe(false);
    site.fields = [{ id: 'civil_status', name: t('Civil status') }];
    site.kiosk_place = 'restroom';
    expect(toCatalogue(site)).toMatchObject({ fields: site.fields, kiosk_place: 'restroom' });
  });
});
