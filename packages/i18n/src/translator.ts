import type { Language } from '@reception/protocol';
import {
  isArgumentElement,
  isPluralElement,
  isSelectElement,
  type MessageFormatElement,
} from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';
import { CATALOGUE, type MessageKey } from './catalogue/index.ts';
import { directionOf, LOCALES } from './languages.ts';

export type MessageValues = Record<string, PrimitiveType | Date>;

/** Date and time styles; every one is rendered in the site's time zone, never the machine's. */
export type DateStyle = 'short' | 'medium' | 'long' | 'full';

/**
 * Formats the catalogue's messages, numbers, money, dates and times for one language and one site time
 * zone. Messages are compiled once per translator and key. A value a message does not use is ignored; a
 * value it needs and is not given throws (a programming error, caught by the catalogue test).
 */
export class Translator {
  readonly locale: string;
  private readonly rtl: boolean;
  private readonly compiled = new Map<MessageKey, { format: IntlMessageFormat; isolate: Set<string> }>();
  private readonly formats: ConstructorParameters<typeof IntlMessageFormat>[2];

  constructor(
    readonly language: Language,
    /** IANA zone of the site (site.yaml `timezone`), e.g. `Asia/Ho_Chi_Minh`. */
    readonly timeZone: string,
  ) {
    this.locale = LOCALES[language];
    this.rtl = directionOf(language) === 'rtl';
    const tz = { timeZone };
    this.formats = {
      date: {
        short: { ...tz, day: '2-digit', month: '2-digit', year: 'numeric' },
        medium: { ...tz, day: 'numeric', month: 'short', year: 'numeric' },
        long: { ...tz, day: 'numeric', month: 'long', year: 'numeric' },
        full: { ...tz, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
      },
      time: {
        short: { ...tz, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
        medium: { ...tz, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' },
      },
    };
  }

  /**
   * The message `key` with `values` filled in. In a right-to-left language each text value is wrapped in
   * Unicode isolates (FSI ... PDI), as Fluent does: a Latin value such as a ticket number or a site id
   * then cannot pull the numbers after it into its own left-to-right run and reorder the sentence.
   */
  t(key: MessageKey, values?: MessageValues): string {
    let message = this.compiled.get(key);
    if (!message) {
      const format = new IntlMessageFormat(CATALOGUE[key][this.language], this.locale, this.formats, {
        ignoreTag: true,
      });
      message = { format, isolate: this.rtl ? placeholders(format.getAst()) : new Set() };
      this.compiled.set(key, message);
    }
    const out = message.format.format(values && isolated(values, message.isolate));
    return typeof out === 'string' ? out : String(out);
  }

  /** A number with the language's grouping and decimal mark; `fractionDigits` fixes the decimals shown. */
  number(value: number, fractionDigits?: number): string {
    const digits =
      fractionDigits === undefined
        ? {}
        : { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits };
    return new Intl.NumberFormat(this.locale, digits).format(value);
  }

  /** A fee in Vietnamese dong the way a ward office prints it ("10.000 đồng"), or "Free". */
  money(amountVnd: number): string {
    return amountVnd === 0 ? this.t('common.free') : this.t('common.money_vnd', { amount: amountVnd });
  }

  /** A calendar date in the site's time zone. */
  date(when: Date | string | number, style: DateStyle = 'medium'): string {
    return new Intl.DateTimeFormat(this.locale, this.formats?.date?.[style]).format(new Date(when));
  }

  /** A date and a clock time together, in the language's order, in the site's time zone. */
  dateTime(when: Date | string | number): string {
    return new Intl.DateTimeFormat(this.locale, {
      ...this.formats?.date?.short,
      ...this.formats?.time?.short,
    }).format(new Date(when));
  }

  /**
   * The calendar date `YYYY-MM-DD` of an instant in the site's time zone: the value of an
   * `<input type="date">` and of report queries, the same in every language.
   */
  isoDate(when: Date | string | number): string {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone: this.timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(new Date(when));
    const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
    return `${part('year')}-${part('month')}-${part('day')}`;
  }

  /** A clock time (24 h) in the site's time zone. */
  time(when: Date | string | number, withSeconds = false): string {
    return new Intl.DateTimeFormat(
      this.locale,
      this.formats?.time?.[withSeconds ? 'medium' : 'short'],
    ).format(new Date(when));
  }

  /** "A, B and C" (or "A, B or C" for `disjunction`) in the language's own way. */
  list(items: readonly string[], type: 'conjunction' | 'disjunction' = 'conjunction'): string {
    return new Intl.ListFormat(this.locale, { type }).format(items);
  }
}

const FSI = '\u2068';
const PDI = '\u2069';

/**
 * Arguments a message only prints as they are (`{name}`), never selects on: those can be wrapped in
 * isolates; a `select` argument must reach the formatter unchanged to match its cases.
 */
function placeholders(ast: readonly MessageFormatElement[]): Set<string> {
  const printed = new Set<string>();
  const selected = new Set<string>();
  const walk = (elements: readonly MessageFormatElement[]) => {
    for (const e of elements) {
      if (isArgumentElement(e)) printed.add(e.value);
      if (isSelectElement(e) || isPluralElement(e)) {
        selected.add(e.value);
        for (const option of Object.values(e.options)) walk(option.value);
      }
    }
  };
  walk(ast);
  return new Set([...printed].filter((name) => !selected.has(name)));
}

function isolated(values: MessageValues, names: ReadonlySet<string>): MessageValues {
  if (names.size === 0) return values;
  const out: MessageValues = { ...values };
  for (const name of names) {
    const value = values[name];
    if (typeof value === 'string') out[name] = `${FSI}${value}${PDI}`;
  }
  return out;
}

const cache = new Map<string, Translator>();

/** A shared translator per language and time zone (cheap to ask for repeatedly). */
export function translator(language: Language, timeZone: string): Translator {
  const key = `${language}|${timeZone}`;
  let t = cache.get(key);
  if (!t) {
    t = new Translator(language, timeZone);
    cache.set(key, t);
  }
  return t;
}
