import { describe, expect, it } from 'vitest';
import { extractCounter } from './counter.ts';
import { normalise } from './features.ts';

const counter = (text: string) => extractCounter(normalise(text));

describe('extractCounter', () => {
  it.each([
    ['quầy số 5 ở đâu', 5],
    ['quay so bon o dau', 4],
    ['dẫn tôi đến quầy bảy', 7],
    ['quầy thứ ba', 3],
    ['where is counter five', 5],
    ['take me to counter number 2', 2],
    ['the third counter please', 3],
    ['desk 7', 7],
    ['काउंटर ५ कहाँ है', 5],
    ['पाँच नंबर काउंटर कहाँ है', 5],
    ['मुझे काउंटर २ तक ले चलो', 2],
    ['counter saat kidhar hai', 7],
    ['کاؤنٹر نمبر ۷ کدھر ہے', 7],
    ['پانچ نمبر کاؤنٹر کہاں ہے', 5],
    ['كاؤنٹر ٣', 3],
    ['کھڑکی 8', 8],
    ['चौथी खिड़की किधर है', 4],
    ['डेस्क ३ कहाँ है', 3],
    ['چوتھی کھڑکی کہاں ہے', 4],
    ['ڈیسک نمبر ۶', 6],
    ['panchwan counter kidhar hai', 5],
    ['bàn số 2', 2],
  ])('%s -> %i', (text, n) => {
    expect(counter(text)).toBe(n);
  });

  it.each([
    'quay lại',
    'tôi số 035 còn lâu không',
    'counter',
    'I was born in 1985',
    'birth certificate',
    'counter twenty',
    'quầy 0',
    'bàn giao hồ sơ',
    'मेज़ पर रख दो',
  ])('no counter in %s', (text) => {
    expect(counter(text)).toBeUndefined();
  });
});
