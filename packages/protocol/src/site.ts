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

export const serviceSchema = z
  .object({
    id: idSchema,
    /** Ticket number prefix, e.g. `B` gives B001, B002... Unique per site. */
    prefix: z.string().regex(/^[A-Z]{1,2}$/, 'must be one or two capital letters'),
    name: translatedSchema,
    description: translatedSchema,
    required_documents: z.array(translatedSchema).min(1),
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
  })
  .strict();
export type Service = z.infer<typeof serviceSchema>;

export const facilitySchema = z
  .object({
    id: z.enum(['restroom', 'waiting_area', 'photocopy', 'parking', 'drinking_water', 'exit']),
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

/**
 * Call-ahead escort (DESIGN.md section 5): when a counter calls a ticket, the robot fetches its holder from
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
    timezone: z.string().min(1),
    languages: z
      .object({
        default: languageSchema,
        enabled: z.array(languageSchema).min(1),
      })
      .strict(),
    opening_hours: z.array(openingPeriodSchema).min(1),
    /** Relative to the site file: the lobby map (ROS map_server style YAML with places and zones). */
    map: z.string().min(1),
    counters: z.array(counterSchema).min(1),
    services: z.array(serviceSchema).min(1),
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
    s.required_documents.forEach((d, j) => checkText(['services', i, 'required_documents', j], d));
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

/** What a kiosk or display needs of the site: everything but internal settings. */
export type SiteCatalogue = Pick<
  Site,
  'id' | 'name' | 'address' | 'languages' | 'opening_hours' | 'counters' | 'services' | 'facilities'
> & { priority_classes: Site['priority']['classes'] };

export function toCatalogue(site: Site): SiteCatalogue {
  const { id, name, address, languages, opening_hours, counters, services, facilities } = site;
  return {
    id,
    name,
    address,
    languages,
    opening_hours,
    counters,
    services,
    facilities,
    priority_classes: site.priority.classes,
  };
}
