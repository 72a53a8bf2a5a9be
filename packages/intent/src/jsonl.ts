import type { ClassifyRequest, LabelledUtterance } from '@reception/protocol';
import { classifyRequestSchema, labelledUtteranceSchema } from '@reception/protocol';
import { z } from 'zod';
import { InputLineError } from './errors.ts';

function parseLine<T>(schema: z.ZodType<T>, text: string, line: number): T {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw new InputLineError(line, 'not valid JSON');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new InputLineError(line, z.prettifyError(parsed.error).replaceAll('\n', '; '));
  return parsed.data;
}

/** One `nlu classify` input line: `{"text": "...", "lang"?: "vi"}`. */
export const parseClassifyLine = (text: string, line: number): ClassifyRequest =>
  parseLine(classifyRequestSchema, text, line);

/** One `nlu eval` line: `{"lang", "text", "intent", "slots"}`. */
export const parseLabelledLine = (text: string, line: number): LabelledUtterance =>
  parseLine(labelledUtteranceSchema, text, line);
