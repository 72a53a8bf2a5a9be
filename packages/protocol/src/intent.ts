import { z } from 'zod';
import { FACILITY_IDS, languageSchema } from './site.ts';

/** The closed set of intents the text and speech intent models answer with (DESIGN.md section 9). */
export const INTENTS = [
  'get_ticket',
  'start_procedure',
  'procedure_documents',
  'procedure_fee',
  'procedure_duration',
  'guide_to_counter',
  'find_facility',
  'queue_status',
  'dossier_status',
  'opening_hours',
  'online_services',
  'call_staff',
  'priority_request',
  'feedback',
  'change_language',
  'greeting',
  'thanks_goodbye',
  'repeat',
  'cancel',
  'out_of_scope',
] as const;
export const intentNameSchema = z.enum(INTENTS);
export type IntentName = z.infer<typeof intentNameSchema>;

/** Procedure slot values: the 12 service ids that are a contract between site.yaml and the models. */
export const PROCEDURE_IDS = [
  'birth_registration',
  'death_registration',
  'marriage_registration',
  'marital_status_certificate',
  'civil_status_extract',
  'certified_copy',
  'signature_certification',
  'residence_registration',
  'land_use_certificate',
  'construction_permit',
  'business_household_registration',
  'social_allowance',
] as const;
export const procedureIdSchema = z.enum(PROCEDURE_IDS);
export type ProcedureId = z.infer<typeof procedureIdSchema>;

/** Facility slot values: the fixed facility kinds of site.yaml. */
export const facilityIdSchema = z.enum(FACILITY_IDS);

/** Slots found in one utterance; absent keys mean the utterance did not name one. */
export const intentSlotsSchema = z
  .object({
    procedure: procedureIdSchema,
    facility: facilityIdSchema,
    counter: z.number().int().positive(),
    language: languageSchema,
  })
  .partial()
  .strict();
export type IntentSlots = z.infer<typeof intentSlotsSchema>;

/** One answer of `nlu classify` and of `IntentClassifier.classify`. */
export const intentResultSchema = z
  .object({
    intent: intentNameSchema,
    confidence: z.number().min(0).max(1),
    slots: intentSlotsSchema,
  })
  .strict();
export type IntentResult = z.infer<typeof intentResultSchema>;

/** One input line of `nlu classify`: the text and, if the kiosk knows it, the citizen's language. */
export const classifyRequestSchema = z.object({ text: z.string(), lang: languageSchema.optional() });
export type ClassifyRequest = z.infer<typeof classifyRequestSchema>;

/** One line of an `nlu eval` file: a labelled utterance. */
export const labelledUtteranceSchema = z.object({
  lang: languageSchema,
  text: z.string(),
  intent: intentNameSchema,
  slots: intentSlotsSchema.default({}),
});
export type LabelledUtterance = z.infer<typeof labelledUtteranceSchema>;

/** An in-scope intent the model found likely for an utterance, with the slots it would carry. */
export const intentCandidateSchema = z
  .object({
    intent: intentNameSchema.exclude(['out_of_scope']),
    /** The model's probability for this intent, in [0, 1] (not comparable across models). */
    probability: z.number().min(0).max(1),
    slots: intentSlotsSchema,
  })
  .strict();
export type IntentCandidate = z.infer<typeof intentCandidateSchema>;

/**
 * An answer and the in-scope intents the model ranked highest, best first: what a kiosk needs to offer
 * "Did you mean..." choices when the answer is not confident. `candidates` is empty for inputs refused
 * before the model (empty, too long, unserved script).
 */
export const rankedIntentsSchema = z
  .object({ result: intentResultSchema, candidates: z.array(intentCandidateSchema) })
  .strict();
export type RankedIntents = z.infer<typeof rankedIntentsSchema>;
