/** Letters that Unicode does not decompose into a base letter and a mark. */
const UNDECOMPOSED: Readonly<Record<string, string>> = {
  ł: 'l',
  đ: 'd',
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
};

/** A character above U+007F: text without one is ASCII. */
const NOT_ASCII = /\P{ASCII}/u;

/**
 * The key names and search terms are compared by: lower case, accents removed (`Ómega` →
 * `omega`, `Šťastný` → `stastny`, `Győr` → `gyor`), compatibility forms unified.
 */
export function foldForComparison(text: string): string {
  // ASCII has no decompositions, no marks and none of the letters above: lower case is the
  // whole fold (ids and most domains; a rebuild folds every name, domain and id).
  if (!NOT_ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[łđøßæœı]/g, (letter) => UNDECOMPOSED[letter] ?? letter);
}

/** Separates the fields of a search key, so a term never matches across two fields. */
const FIELD_SEPARATOR = '\u0001';

/**
 * The text a customer is searched by: its company name, primary domain and Microsoft ID. Two
 * separators close it so that every character of the key starts a trigram: a term of one or
 * two characters is then found through the trigrams it begins (see `customer-list.search.ts`).
 */
export function searchKeyOf(companyName: string, domain: string, customerId: string): string {
  return searchKeyOfFolded(
    foldForComparison(companyName),
    foldForComparison(domain),
    foldForComparison(customerId),
  );
}

/** `searchKeyOf` from fields folded already (`foldForComparison`): a name is folded once. */
export function searchKeyOfFolded(nameKey: string, domainKey: string, idKey: string): string {
  return [nameKey, domainKey, idKey].join(FIELD_SEPARATOR) + FIELD_SEPARATOR + FIELD_SEPARATOR;
}

/** A search term as the index compares it; control characters (the separator) removed. */
export function searchTermOf(q: string): string {
  return foldForComparison(q)
    .replace(/\p{Cc}/gu, '')
    .trim();
}
