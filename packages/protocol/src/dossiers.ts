import { z } from 'zod';

/**
 * Dossier status by receipt code (kiosk journey "follow my dossier"). The shapes here are shared by the
 * bridge (`dossier:status`), the kiosk page and `@reception/dossiers`; the receipt code rules live here so
 * the kiosk can check a code while the citizen types it, with the very rule the bridge applies.
 *
 * Receipt code (mã số hồ sơ), Thông tư 01/2018/TT-VPCP Article 19: `V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX`.
 * - `V1V2V3.Z1Z2.Y1Y2.MX1X2` is the receiving unit's identifier (Thông tư 10/2016/TT-BTTTT): three groups of
 *   3, 2 and 2 digits, then a letter and two digits (`H26` is the Hanoi code, provinces use `H`, ministries
 *   `G`), e.g. `000.25.13.H26`;
 * - `YYMMDD` is the day the dossier was received;
 * - `XXXX` is the dossier's number among those received that day (0001 upwards).
 * Example: `000.25.13.H26-251124-0007`. The receipt slip (giấy tiếp nhận hồ sơ và hẹn trả kết quả) prints
 * it, often with a QR code of the same text.
 */

/** Inputs longer than this are refused before any other work (the wire schema allows a little more). */
export const RECEIPT_CODE_MAX_INPUT = 64;
/** Characters in a receipt code without its separators. */
export const RECEIPT_CODE_COMPACT_LENGTH = 20;
/** A well-formed example, for hints ("it looks like ..."); it belongs to no real dossier. */
export const RECEIPT_CODE_EXAMPLE = '000.00.00.H26-250101-0001';

/** Why a typed code is not a receipt code. */
export type ReceiptCodeProblem = 'empty' | 'too_long' | 'bad_format' | 'bad_date';

export interface ReceiptCode {
  /** Canonical form, `000.25.13.H26-251124-0007`: what lookups and the one-stop system use. */
  code: string;
  /** Receiving unit identifier, `000.25.13.H26`. */
  unit: string;
  /** Day received, `YYYY-MM-DD` (20YY). */
  received_on: string;
  /** Number of the day, 1-9999. */
  seq: number;
}

export type ReceiptCodeResult = { ok: true; value: ReceiptCode } | { ok: false; problem: ReceiptCodeProblem };

/** Separators a citizen or a QR reader may type: spaces of any kind, dots, hyphens and other dashes. */
const SEPARATORS = /[\s.\u002D\u2010-\u2015\u2212_]/gu;
const COMPACT = /^(\d{3})(\d{2})(\d{2})([A-Z]\d{2})(\d{2})(\d{2})(\d{2})(\d{4})$/;

/**
 * Normalises and checks a typed or scanned receipt code: Unicode NFKC (full-width digits from phone
 * keyboards become ASCII), trim, upper case, separators removed (their places are fixed, so they carry no
 * information), then the shape above and a real calendar date. Never throws; linear in the input, and an
 * input over `RECEIPT_CODE_MAX_INPUT` characters is refused before it is even normalised.
 */
export function parseReceiptCode(input: string): ReceiptCodeResult {
  if (input.length > RECEIPT_CODE_MAX_INPUT) return { ok: false, problem: 'too_long' };
  const compact = input.normalize('NFKC').trim().toUpperCase().replace(SEPARATORS, '');
  if (compact === '') return { ok: false, problem: 'empty' };
  const m = COMPACT.exec(compact);
  if (!m) return { ok: false, problem: 'bad_format' };
  const [, v = '', z = '', y = '', mx = '', yy = '', mm = '', dd = '', xxxx = ''] = m;
  const year = 2000 + Number(yy);
  const month = Number(mm);
  const day = Number(dd);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { ok: false, problem: 'bad_date' };
  }
  const seq = Number(xxxx);
  if (seq === 0) return { ok: false, problem: 'bad_format' };
  const unit = `${v}.${z}.${y}.${mx}`;
  return {
    ok: true,
    value: { code: `${unit}-${yy}${mm}${dd}-${xxxx}`, unit, received_on: `${year}-${mm}-${dd}`, seq },
  };
}

/**
 * What a citizen has typed so far (separators optional), regrouped with the separators in their places,
 * for a keypad that shows `000.25.13.H26-2511` while the code is being entered. Characters beyond the
 * 20 of a code are dropped.
 */
export function groupReceiptCode(partial: string): string {
  const compact = partial
    .normalize('NFKC')
    .toUpperCase()
    .replace(SEPARATORS, '')
    .slice(0, RECEIPT_CODE_COMPACT_LENGTH);
  const cuts: [number, string][] = [
    [3, '.'],
    [5, '.'],
    [7, '.'],
    [10, '-'],
    [16, '-'],
  ];
  let out = '';
  for (let i = 0; i < compact.length; i++) {
    const cut = cuts.find(([at]) => at === i);
    if (cut) out += cut[1];
    out += compact.charAt(i);
  }
  return out;
}

/**
 * Where a dossier stands, in words an elderly citizen understands (the kiosk's texts are in the i18n
 * catalogue under `dossier.status_*`):
 * - `received`: received, not yet being worked on;
 * - `in_progress`: being worked on by the officer in charge;
 * - `needs_more_documents`: the centre asked the citizen for more papers (the deadline waits meanwhile);
 * - `needs_payment`: the citizen must pay taxes or charges first (land procedures; the deadline waits);
 * - `ready`: the result can be collected;
 * - `collected`: the result was handed over (or sent);
 * - `refused`: the request was refused; a written reason waits at the counter.
 */
export const DOSSIER_STATUSES = [
  'received',
  'in_progress',
  'needs_more_documents',
  'needs_payment',
  'ready',
  'collected',
  'refused',
] as const;
export type DossierStatusName = (typeof DOSSIER_STATUSES)[number];

/**
 * Steps a dossier goes through in the one-stop workflow, each logged with its time:
 * received at the desk, forwarded to the officer or department in charge, reviewed, more documents
 * requested / received, payment requested / received, approved (signed), result ready, rescheduled (the
 * centre missed the date and sent an apology letter with a new one, Decree 61/2018 Article 19), collected,
 * refused.
 */
export const DOSSIER_STEPS = [
  'received',
  'forwarded',
  'reviewed',
  'more_documents_requested',
  'more_documents_received',
  'payment_requested',
  'payment_received',
  'approved',
  'result_ready',
  'rescheduled',
  'collected',
  'refused',
] as const;
export type DossierStep = (typeof DOSSIER_STEPS)[number];

/** How the citizen gets the result: at a counter of this centre, by post (public postal service), online. */
export const COLLECT_METHODS = ['counter', 'post', 'online'] as const;

const isoDate = z.iso.date();
const isoInstant = z.iso.datetime({ offset: true });

export const dossierStepSchema = z.object({ step: z.enum(DOSSIER_STEPS), at: isoInstant }).strict();

export const dossierCollectSchema = z.discriminatedUnion('method', [
  /** `counters`: site counter ids, in the order the kiosk should name them. */
  z.object({ method: z.literal('counter'), counters: z.array(z.string()) }).strict(),
  z.object({ method: z.literal('post') }).strict(),
  z.object({ method: z.literal('online') }).strict(),
]);
export type DossierCollect = z.infer<typeof dossierCollectSchema>;

/** The answer to `dossier:status`. It carries no personal data: no name, address or identity number. */
export const dossierStatusSchema = z
  .object({
    /** Canonical receipt code. */
    code: z.string(),
    /** The site's service id of the procedure; null when the one-stop system names one the site lacks. */
    procedure_id: z.string().nullable(),
    /** The procedure's name as the one-stop system gives it (Vietnamese), for a `procedure_id` of null. */
    procedure_name: z.string().nullable(),
    status: z.enum(DOSSIER_STATUSES),
    received_at: isoInstant,
    /** Steps done so far, oldest first. */
    steps: z.array(dossierStepSchema),
    /** The date the result is promised for (ngày hẹn trả), in the centre's calendar. */
    expected_return_date: isoDate,
    /** The first promised date when the centre has since set a new one (apology letter); else null. */
    original_return_date: isoDate.nullable(),
    /**
     * Late warning: the dossier is still `received` or `in_progress` after its first promised date.
     * `days_overdue` counts calendar days after that date, in the centre's time zone. Null otherwise.
     */
    late: z.object({ days_overdue: z.number().int().positive() }).strict().nullable(),
    collect: dossierCollectSchema,
    /** When this answer was made; the kiosk shows "as of". */
    checked_at: isoInstant,
  })
  .strict();
export type DossierStatus = z.infer<typeof dossierStatusSchema>;

/**
 * Request of `dossier:status`. The code is checked by `parseReceiptCode` in the bridge; the schema only
 * bounds the size (a 10,000-character paste is refused here, as INVALID_PAYLOAD).
 */
export const dossierStatusRequestSchema = z.object({ code: z.string().max(256) }).strict();
