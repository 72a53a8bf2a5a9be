import { z } from 'zod';

/**
 * Site configuration: one public administration service centre. The IT person edits this file; the bridge
 * validates it at start and refuses to run with a bad one (file, path and reason in the error).
 */

export const LANGUAGES = ['vi', 'en', 'hi', 'ur'] as const;
export const languageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof languageSchema>;

/** Languages written right to left; the UI flips its layout for these. */
export const RTL_LANGUAGES: ReadonlySet<Language> = new Set<Language>(['ur']);

/** Text in several languages. Completeness against the site's enabled languages is checked by `validateSite`. */
export const translatedSchema = z.partialRecord(languageSchema, z.string().trim().min(1));
export type Translated = z.infer<typeof translatedSchema>;

const idSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'must be snake_case: lower-case letters, digits and underscores');
const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24 h)');
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export const openingPeriodSchema = z
  .object({
    days: z.array(z.enum(WEEKDAYS)).min(1),
    open: timeSchema,
    close: timeSchema,
  })
  .strict()
  .refine((p) => p.open < p.close, { message: 'open must be before close', path: ['close'] });

export const counterSchema = z
  .object({
    id: idSchema,
    number: z.number().int().positive(),
    name: translatedSchema,
    services: z.array(idSchema).min(1),
    /** Id of a place in the site map (approach pose in front of the desk). */
    place: idSchema,
  })
  .strict();
export type Counter = z.infer<typeof counterSchema>;

/** Facility ids a site may offer (also the intent model's `facility` slot). */
export const FACILITY_IDS = [
  'restroom',
  'waiting_area',
  'photocopy',
  'parking',
  'drinking_water',
  'exit',
] as const;
export type FacilityId = (typeof FACILITY_IDS)[number];

/**
 * One paper a procedure needs: plain text, or text with help for a citizen who lacks it (the kiosk's
 * checklist shows it, the ticket prints it). `where`: where to get it ("form at counter 1", "copies at
 * the photocopy corner"); `facility`: a facility that provides it (the kiosk offers the way there);
 * `optional`: only some citizens need it ("if any"), so not having it is not a problem.
 */
export const requiredDocumentSchema = z.union([
  translatedSchema,
  z
    .object({
      text: translatedSchema,
      where: translatedSchema.optional(),
      facility: z.enum(FACILITY_IDS).optional(),
      optional: z.boolean().optional(),
    })
    .strict(),
]);
export type RequiredDocument = z.infer<typeof requiredDocumentSchema>;

/** The text of a required document, whichever form the site file used. */
export function documentText(d: RequiredDocument): Translated {
  return 'text' in d && typeof d.text === 'object' ? d.text : (d as Translated);
}

/** Help for a missing document: where to get it, which facility, whether it is optional. */
export function documentHelp(d: RequiredDocument): {
  where: Translated | undefined;
  facility: FacilityId | undefined;
  optional: boolean;
} {
  if ('text' in d && typeof d.text === 'object') {
    const full = d as { where?: Translated; facility?: FacilityId; optional?: boolean };
    return { where: full.where, facility: full.facility, optional: full.optional ?? false };
  }
  return { where: undefined, facility: undefined, optional: false };
}

/** A field of procedures (civil status, land, business...) for browsing. */
export const fieldSchema = z.object({ id: idSchema, name: translatedSchema }).strict();
export type Field = z.infer<typeof fieldSchema>;

export const serviceSchema = z
  .object({
    id: idSchema,
    /** Ticket number prefix, e.g. `B` gives B001, B002... Unique per site. */
    prefix: z.string().regex(/^[A-Z]{1,2}$/, 'must be one or two capital letters'),
    name: translatedSchema,
    description: translatedSchema,
    required_documents: z.array(requiredDocumentSchema).min(1),
    fee: z
      .object({
        amount_vnd: z.number().int().nonnegative(),
        note: translatedSchema.optional(),
      })
      .strict(),
    processing_time: translatedSchema,
    /** Counters that serve it; must agree with each counter's `services`. */
    counters: z.array(idSchema).min(1),
    /** Words citizens use for it, per language, to help search and intent matching. */
    keywords: z.partialRecord(languageSchema, z.array(z.string().min(1))).optional(),
    /** Id of one of the site's `fields`, for browsing by field; optional. */
    field: idSchema.optional(),
    /**
     * The procedure's page on the national (or city) public service portal, when it can be done online:
     * the kiosk shows a QR code of `url`. `full`: entirely online; `partial`: apply online, collect here.
     */
    online: z
      .object({
        url: z.url({ protocol: /^https$/ }),
        level: z.enum(['full', 'partial']),
      })
      .strict()
      .optional(),
  })
  .strict();
export type Service = z.infer<typeof serviceSchema>;

export const facilitySchema = z
  .object({
    id: z.enum(FACILITY_IDS),
    name: translatedSchema,
    place: idSchema,
  })
  .strict();
export type Facility = z.infer<typeof facilitySchema>;

export const priorityClassSchema = z
  .object({
    id: idSchema,
    name: translatedSchema,
    /** Lower rank is served first among priority tickets. */
    rank: z.number().int().nonnegative(),
  })
  .strict();
export type PriorityClass = z.infer<typeof priorityClassSchema>;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}
/**
 * Call-ahead escort (ARCHITECTURE.md section 5): when a counter calls a ticket, the robot fetches its holder from
 * the waiting area. `off`: never; `priority_classes`: tickets of the listed priority classes;
 * `asked`: those, and every holder who asked for it at the kiosk (`mission:escort`).
 */
export const ESCORT_MODES = ['off', 'priority_classes', 'asked'] as const;
export const robotSettingsSchema = z
  .object({
    escort: z
      .object({
        mode: z.enum(ESCORT_MODES),
        /** Priority class ids whose tickets are escorted (ids from `priority.classes`). */
        classes: z.array(idSchema).default([]),
      })
      .strict()
      .default({ mode: 'off', classes: [] }),
  })
  .strict();
export type RobotSettings = z.infer<typeof robotSettingsSchema>;

export const siteSchema = z
  .object({
    id: idSchema,
    name: translatedSchema,
    address: translatedSchema,
    /** IANA zone; every page, ticket and report shows the centre's clock in it. */
    timezone: z.string().refine(isTimeZone, 'must be an IANA time zone, e.g. Asia/Ho_Chi_Minh'),
    languages: z
      .object({
        default: languageSchema,
        enabled: z.array(languageSchema).min(1),
        /**
         * What the lobby display says aloud for each call (every enabled language is shown on screen
         * anyway): `languages` in this order, then the called citizen's own language (chosen at the kiosk)
         * when `citizen_language` is not false and it is another enabled one. Default: the default language.
         */
        announce: z
          .object({
            languages: z.array(languageSchema).min(1).optional(),
            citizen_language: z.boolean().optional(),
          })
          .strict()
          .optional(),
      })
      .strict(),
    opening_hours: z.array(openingPeriodSchema).min(1),
    /** Relative to the site file: the lobby map (ROS map_server style YAML with places and zones). */
    map: z.string().min(1),
    counters: z.array(counterSchema).min(1),
    services: z.array(serviceSchema).min(1),
    /** Fields of procedures, in the order the kiosk offers them; optional (then one list of all). */
    fields: z.array(fieldSchema).optional(),
    /**
     * The map place in front of the kiosk stand ("you are here" on the lobby map); optional, the
     * information desk or entrance otherwise.
     */
    kiosk_place: idSchema.optional(),
    facilities: z.array(facilitySchema),
    priority: z
      .object({
        classes: z.array(priorityClassSchema),
        /** strict: priority tickets always first; interleave: at most `every - 1` priority calls per normal call. */
        ordering: z.discriminatedUnion('mode', [
          z.object({ mode: z.literal('strict') }).strict(),
          z.object({ mode: z.literal('interleave'), every: z.number().int().min(2) }).strict(),
        ]),
      })
      .strict(),
    queue: z
      .object({
        /** Local hour (0-23) at which ticket numbering restarts for the new business day. */
        reset_hour: z.number().int().min(0).max(23),
        number_digits: z.number().int().min(2).max(4),
      })
      .strict(),
    /** What the robot does on its own; optional (read it with `robotSettings`: no call-ahead escort by default). */
    robot: robotSettingsSchema.optional(),
  })
  .strict();
export type Site = z.infer<typeof siteSchema>;

/** The site's robot settings with their defaults filled in. */
export function robotSettings(site: Pick<Site, 'robot'>): RobotSettings {
  return site.robot ?? { escort: { mode: 'off', classes: [] } };
}

/** One problem in a site file: `path` is the field path, e.g. `services[3].name.ur`. */
export interface SiteIssue {
  path: (string | number)[];
  message: string;
}

function at(path: (string | number)[], message: string): SiteIssue {
  return { path, message };
}

/**
 * Cross-field rules zod cannot express per field: unique ids and prefixes, references between counters,
 * services and map places, and a translation for every enabled language.
 */
export function crossCheckSite(site: Site, mapPlaces?: ReadonlySet<string>): SiteIssue[] {
  const issues: SiteIssue[] = [];
  const langs = site.languages.enabled;
  if (!langs.includes(site.languages.default)) {
    issues.push(at(['languages', 'default'], `default language '${site.languages.default}' is not enabled`));
  }
  (site.languages.announce?.languages ?? []).forEach((l, i) => {
    if (!langs.includes(l))
      issues.push(at(['languages', 'announce', 'languages', i], `language '${l}' is not enabled`));
  });
  const checkText = (path: (string | number)[], t: Translated | undefined) => {
    if (!t) return;
    for (const l of langs) if (!t[l]) issues.push(at([...path, l], `missing translation '${l}'`));
  };
  const unique = (kind: string, items: { id: string }[], path: string) => {
    const seen = new Set<string>();
    items.forEach((it, i) => {
      if (seen.has(it.id)) issues.push(at([path, i, 'id'], `duplicate ${kind} id '${it.id}'`));
      seen.add(it.id);
    });
  };
  checkText(['name'], site.name);
  checkText(['address'], site.address);
  unique('counter', site.counters, 'counters');
  unique('service', site.services, 'services');
  unique('priority class', site.priority.classes, 'priority');

  const serviceIds = new Set(site.services.map((s) => s.id));
  const counterIds = new Set(site.counters.map((c) => c.id));
  const numbers = new Set<number>();
  site.counters.forEach((c, i) => {
    checkText(['counters', i, 'name'], c.name);
    if (numbers.has(c.number))
      issues.push(at(['counters', i, 'number'], `duplicate counter number ${c.number}`));
    numbers.add(c.number);
    c.services.forEach((s, j) => {
      if (!serviceIds.has(s)) issues.push(at(['counters', i, 'services', j], `unknown service id '${s}'`));
    });
    if (mapPlaces && !mapPlaces.has(c.place)) {
      issues.push(at(['counters', i, 'place'], `unknown map place '${c.place}'`));
    }
  });
  const prefixes = new Map<string, string>();
  site.services.forEach((s, i) => {
    checkText(['services', i, 'name'], s.name);
    checkText(['services', i, 'description'], s.description);
    checkText(['services', i, 'processing_time'], s.processing_time);
    checkText(['services', i, 'fee', 'note'], s.fee.note);
    const fieldIds = new Set((site.fields ?? []).map((f) => f.id));
    if (s.field !== undefined && !fieldIds.has(s.field)) {
      issues.push(at(['services', i, 'field'], `unknown field id '${s.field}'`));
    }
    s.required_documents.forEach((d, j) => {
      const path = ['services', i, 'required_documents', j];
      const help = documentHelp(d);
      checkText('text' in d ? [...path, 'text'] : path, documentText(d));
      checkText([...path, 'where'], help.where);
      if (help.facility && !site.facilities.some((f) => f.id === help.facility)) {
        issues.push(at([...path, 'facility'], `the site has no facility '${help.facility}'`));
      }
    });
    const other = prefixes.get(s.prefix);
    if (other) issues.push(at(['services', i, 'prefix'], `prefix '${s.prefix}' already used by '${other}'`));
    prefixes.set(s.prefix, s.id);
    s.counters.forEach((c, j) => {
      if (!counterIds.has(c)) {
        issues.push(at(['services', i, 'counters', j], `unknown counter id '${c}'`));
        return;
      }
      const counter = site.counters.find((k) => k.id === c);
      if (counter && !counter.services.includes(s.id)) {
        issues.push(at(['services', i, 'counters', j], `counter '${c}' does not list service '${s.id}'`));
      }
    });
    site.counters.forEach((c) => {
      if (c.services.includes(s.id) && !s.counters.includes(c.id)) {
        issues.push(at(['services', i, 'counters'], `counter '${c.id}' serves '${s.id}' but is not listed`));
      }
    });
  });
  (site.fields ?? []).forEach((f, i) => checkText(['fields', i, 'name'], f.name));
  unique('field', site.fields ?? [], 'fields');
  if (mapPlaces && site.kiosk_place && !mapPlaces.has(site.kiosk_place)) {
    issues.push(at(['kiosk_place'], `unknown map place '${site.kiosk_place}'`));
  }
  site.facilities.forEach((f, i) => {
    checkText(['facilities', i, 'name'], f.name);
    if (mapPlaces && !mapPlaces.has(f.place)) {
      issues.push(at(['facilities', i, 'place'], `unknown map place '${f.place}'`));
    }
  });
  site.priority.classes.forEach((p, i) => checkText(['priority', 'classes', i, 'name'], p.name));
  const classIds = new Set(site.priority.classes.map((p) => p.id));
  robotSettings(site).escort.classes.forEach((c, i) => {
    if (!classIds.has(c)) issues.push(at(['robot', 'escort', 'classes', i], `unknown priority class '${c}'`));
  });
  return issues;
}

/** `a.b[2].c` from a path array. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, k) => {
    if (typeof k === 'number') return `${acc}[${k}]`;
    return acc ? `${acc}.${String(k)}` : String(k);
  }, '');
}

/**
 * What a kiosk or display needs of the site: everything but internal settings. `timezone` is there so
 * every page shows dates and times on the centre's clock, whatever the clock of the machine showing them.
 */
export type SiteCatalogue = Pick<
  Site,
  | 'id'
  | 'name'
  | 'address'
  | 'timezone'
  | 'languages'
  | 'opening_hours'
  | 'counters'
  | 'services'
  | 'facilities'
  | 'fields'
  | 'kiosk_place'
> & { priority_classes: Site['priority']['classes'] };

export function toCatalogue(site: Site): SiteCatalogue {
  const { id, name, address, timezone, languages, opening_hours, counters, services, facilities } = site;
  return {
    ...(site.fields ? { fields: site.fields } : {}),
    ...(site.kiosk_place ? { kiosk_place: site.kiosk_place } : {}),
    id,
    name,
    address,
    timezone,
    languages,
    opening_hours,
    counters,
    services,
    facilities,
    priority_classes: site.priority.classes,
  };
}
