import type { Language } from '@reception/protocol';
import { describe, expect, it } from 'vitest';
import type { Bitmap } from './bitmap.ts';
import { Paper } from './paper.ts';

const W = 480;
const H = 140;
const BASELINE = 100;

/** `text` drawn at 48 px from x = 10 (its left edge, whatever its direction). */
function drawn(text: string, language: Language, sizePx = 48): Bitmap {
  const paper = new Paper(W, H);
  paper.text(text, { sizePx, language }, 10, BASELINE, 'left');
  return paper.toBitmap(H);
}

function inkBox(b: Bitmap): { left: number; right: number; top: number; bottom: number } {
  const box = { left: b.width, right: -1, top: b.height, bottom: -1 };
  for (let y = 0; y < b.height; y++)
    for (let x = 0; x < b.width; x++)
      if (b.get(x, y)) {
        box.left = Math.min(box.left, x);
        box.right = Math.max(box.right, x);
        box.top = Math.min(box.top, y);
        box.bottom = Math.max(box.bottom, y);
      }
  return box;
}

/** Columns (left to right) where ink covers at least `share` of the ink box's height. */
function tallColumns(b: Bitmap, share: number): number[] {
  const box = inkBox(b);
  const columns: number[] = [];
  for (let x = box.left; x <= box.right; x++) {
    let n = 0;
    for (let y = box.top; y <= box.bottom; y++) if (b.get(x, y)) n++;
    if (n >= share * (box.bottom - box.top + 1)) columns.push(x);
  }
  return columns;
}

describe('one text path: Vietnamese', () => {
  it('stacks tone marks above the vowel mark: Ầ reaches higher than Â, Â higher than A', () => {
    const top = (s: string) => inkBox(drawn(s, 'vi')).top;
    expect(top('Ầ')).toBeLessThan(top('Â'));
    expect(top('Â')).toBeLessThan(top('A'));
    // The dot of ự goes below the line instead.
    expect(inkBox(drawn('ự', 'vi')).bottom).toBeGreaterThan(inkBox(drawn('ư', 'vi')).bottom);
  });

  it('draws decomposed input (base + combining marks) exactly as the precomposed letters', () => {
    const text = 'Quầy thứ tự, người cao tuổi';
    expect(text.normalize('NFD')).not.toBe(text);
    expect(drawn(text.normalize('NFD'), 'vi').diff(drawn(text, 'vi'))).toBe(0);
  });
});

describe('one text path: Hindi (Devanagari shaping)', () => {
  it('joins क + ् + ष into one conjunct, narrower than the two letters side by side', () => {
    const paper = new Paper(W, H);
    const width = (s: string) => paper.measure(s, { sizePx: 48, language: 'hi' }).width;
    expect(width('क्ष')).toBeLessThan(width('क') + width('ष'));
  });

  it('puts the i sign (stored after its consonant) on the left of कि', () => {
    // The sign's stem is the leftmost full-height stroke; क's own stem stands on its right.
    const stems = tallColumns(drawn('कि', 'hi'), 0.6);
    const box = inkBox(drawn('कि', 'hi'));
    expect(stems[0]).toBeDefined();
    expect((stems[0] ?? box.right) - box.left).toBeLessThan(0.2 * (box.right - box.left));
  });
});

describe('one text path: Urdu (Nastaliq, right to left)', () => {
  /** Dots that differ, left of where `part` drawn alone ends, between `line` and `part` alone. */
  const leftEdgeDiff = (line: Bitmap, part: string) => {
    const alone = drawn(part, 'en');
    const right = inkBox(alone).right;
    let differing = 0;
    for (let y = 0; y < H; y++)
      for (let x = 0; x <= right; x++) if (alone.get(x, y) !== line.get(x, y)) differing++;
    return differing / alone.ink();
  };

  it('orders a line with digits right to left: the last number is printed leftmost', () => {
    const line = drawn('کاؤنٹر: 3 اور 4', 'ur');
    expect(leftEdgeDiff(line, '4')).toBe(0);
    expect(leftEdgeDiff(line, '3')).toBeGreaterThan(0.3);
  });

  it('takes the paragraph direction from the language: Latin words in an Urdu line too', () => {
    expect(leftEdgeDiff(drawn('A کاؤنٹر B', 'ur'), 'B')).toBe(0);
    expect(leftEdgeDiff(drawn('A کاؤنٹر B', 'en'), 'A')).toBe(0);
    expect(leftEdgeDiff(drawn('A کاؤنٹر B', 'ur'), 'A')).toBeGreaterThan(0.3);
  });

  it('joins letters into one word, narrower than the letters in their isolated forms', () => {
    const paper = new Paper(W, H);
    const width = (s: string) => paper.measure(s, { sizePx: 48, language: 'ur' }).width;
    const letters = ['ن', 'م', 'ب', 'ر'];
    expect(width(letters.join(''))).toBeLessThan(letters.reduce((w, l) => w + width(l), 0) * 0.8);
  });
});

describe('wrapping', () => {
  it('cuts a long line at spaces into lines that each fit', () => {
    const paper = new Paper(W, H);
    const style = { sizePx: 24, language: 'vi' as const };
    const text = 'Chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng giao dịch';
    const lines = paper.wrap(text, style, 300);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(text);
    for (const l of lines) expect(paper.measure(l, style).width).toBeLessThanOrEqual(300);
  });
});
