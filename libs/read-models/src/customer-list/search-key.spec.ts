import { randomInt } from 'node:crypto';
import { foldForComparison, searchKeyOf, searchKeyOfFolded, searchTermOf } from './search-key.js';

/** The fold written out in full, without the ASCII shortcut: what every key must equal. */
const fullFold = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(
      /[łđøßæœı]/g,
      (letter) => ({ ł: 'l', đ: 'd', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i' })[letter] ?? letter,
    );

const asciiText = (length: number): string =>
  String.fromCharCode(...Array.from({ length }, () => randomInt(0, 128)));

describe('foldForComparison', () => {
  it('folds case, accents, compatibility forms and the undecomposed letters', () => {
    expect(foldForComparison('Ómega')).toBe('omega');
    expect(foldForComparison('Šťastný')).toBe('stastny');
    expect(foldForComparison('Győr')).toBe('gyor');
    expect(foldForComparison('Łódź')).toBe('lodz');
    expect(foldForComparison('Straße Æon Œuvre')).toBe('strasse aeon oeuvre');
    expect(foldForComparison('ＡＢＣ ﬁ')).toBe('abc fi');
  });

  it('gives ASCII text the very key the full fold gives it (the shortcut changes no key)', () => {
    const every = String.fromCharCode(...Array.from({ length: 128 }, (_, code) => code));
    expect(foldForComparison(every)).toBe(fullFold(every));
    for (let n = 0; n < 500; n++) {
      const text = asciiText(randomInt(0, 40));
      expect(foldForComparison(text)).toBe(fullFold(text));
    }
  });

  it('takes the full fold as soon as one character is not ASCII', () => {
    expect(foldForComparison('CONTOSO.onmicrosoft.com')).toBe('contoso.onmicrosoft.com');
    expect(foldForComparison('Contoso Ärzte')).toBe(fullFold('Contoso Ärzte'));
    expect(foldForComparison('ACME ı')).toBe('acme i');
  });
});

describe('searchKeyOf', () => {
  it('is the folded fields joined, from raw fields or from folded ones', () => {
    const key = searchKeyOf('Žluťoučký kůň', 'KUN.onmicrosoft.com', 'AB-12');
    expect(key).toBe('zlutoucky kun\u0001kun.onmicrosoft.com\u0001ab-12\u0001\u0001');
    expect(searchKeyOfFolded('zlutoucky kun', 'kun.onmicrosoft.com', 'ab-12')).toBe(key);
  });

  it('takes the separator out of a search term, so a term never spans two fields', () => {
    expect(searchTermOf(' Kůň\u0001Kun ')).toBe('kunkun');
  });
});
