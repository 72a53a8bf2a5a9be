import type { Language } from '@reception/protocol';

/** One message in every language, as ICU MessageFormat text; a missing language is a compile error. */
export type Message = Readonly<Record<Language, string>>;

/**
 * Declares a namespace of messages. Keys become `namespace.name`; the translations of one message sit side
 * by side so a reviewer sees them together and the type checker refuses a missing language.
 */
export function defineMessages<const N extends string, const K extends string>(
  namespace: N,
  messages: Readonly<Record<K, Message>>,
): Readonly<Record<`${N}.${K}`, Message>> {
  const out: Record<string, Message> = {};
  for (const [key, message] of Object.entries(messages) as [K, Message][])
    out[`${namespace}.${key}`] = message;
  return out as Record<`${N}.${K}`, Message>;
}
