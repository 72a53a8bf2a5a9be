import { createRequire } from 'node:module';
import { ShapingFont } from './shaped-text.ts';
import type { ScriptFonts } from './ticket-layout.ts';

const require = createRequire(import.meta.url);

/**
 * The Hindi and Urdu fonts for paper tickets: the same Noto faces the kiosk screen uses (bold, from the
 * @fontsource packages, so they are on the machine without a download).
 */
export function bundledScriptFonts(): ScriptFonts {
  return {
    hi: ShapingFont.fromFile(
      require.resolve('@fontsource/noto-sans-devanagari/files/noto-sans-devanagari-devanagari-700-normal.woff'),
    ),
    ur: ShapingFont.fromFile(
      require.resolve('@fontsource/noto-nastaliq-urdu/files/noto-nastaliq-urdu-arabic-700-normal.woff'),
    ),
  };
}
