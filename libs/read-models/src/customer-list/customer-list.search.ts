import type Database from 'better-sqlite3';
import { cached } from './customer-list.statements.js';

/**
 * A search term as the partner's part of the search index sees it: the `MATCH` expression
 * finding the rows that may hold it (null when it cannot be written short), and an upper bound
 * of the partner's rows among them (every relationship, history too), to choose between
 * reading the index and walking the sort order.
 */
export interface IndexedTerm {
  readonly match: string | null;
  readonly upperBound: number;
}

/** More trigrams than this beginning with a one-letter term: walk instead of matching. */
const MAX_PREFIX_TRIGRAMS = 200;
/**
 * A long term is looked up by at most this many of its trigrams: each costs a seek in every
 * segment, and a dozen leave next to no false candidates.
 */
const MAX_TERM_TRIGRAMS = 12;
/** A trigram's rows are counted up to this many to tell the rare from the common. */
const PROBE_UP_TO = 1_000;
/** The rarest trigrams of a term matched together: a few rare ones leave next to no others. */
const MAX_AND_TRIGRAMS = 4;

/**
 * The partner's rows in the search index: its rowids carry the partner's number in their high
 * 32 bits (see `CUSTOMER_LIST_DEFERRED_SCHEMA`), so this range seeks to them in each trigram's
 * postings. Needs `@partnerRef`.
 */
const PARTNER_ROWS = 's.rowid BETWEEN @partnerRef << 32 AND (@partnerRef << 32) | 0xffffffff';

/**
 * The partner's rows `r` whose search key holds `@term`, found through the index (`@match`,
 * `@partnerRef`); the index holds no positions, so each candidate's key is tested too.
 */
export const INDEXED_MATCHES = `list_row_search s
  CROSS JOIN list_rows r ON r.id = s.rowid & 0xffffffff
  WHERE s.list_row_search MATCH @match AND ${PARTNER_ROWS} AND instr(r.search_key, @term)`;

/** The partner's number in the search index, or undefined when it never had a row. */
export function partnerRefOf(db: Database.Database, partnerId: string): number | undefined {
  return cached(db, 'SELECT ref FROM list_partners WHERE partner_id = ?').pluck().get(partnerId) as
    number | undefined;
}

const withVocabulary = new WeakSet<Database.Database>();

/** The index's terms (a temp table: it works on a read-only connection). */
function vocabularyOf(db: Database.Database): void {
  if (withVocabulary.has(db)) return;
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.list_row_search_terms
    USING fts5vocab(main, list_row_search, 'row')`);
  withVocabulary.add(db);
}

const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;

/**
 * A term of three characters or more is only in rows holding all of its trigrams: a few of them
 * `AND`ed find its candidates.
 * A shorter term is in exactly the rows holding a trigram it begins (every character of a
 * search key starts one, see `searchKeyOf`): their `OR`, found in the index's vocabulary.
 */
function matchOf(db: Database.Database, partnerRef: number, term: string): string | null {
  const chars = [...term];
  if (chars.length >= 3) return rarestTrigrams(db, partnerRef, chars).map(quoted).join(' AND ');
  vocabularyOf(db);
  const next =
    chars.slice(0, -1).join('') + String.fromCodePoint(chars.at(-1)!.codePointAt(0)! + 1);
  const trigrams = (
    cached(db, 'SELECT term FROM list_row_search_terms WHERE term >= ? AND term < ? LIMIT ?')
      .pluck()
      .all(term, next, MAX_PREFIX_TRIGRAMS + 1) as string[]
  ).filter((trigram) => trigram.startsWith(term));
  if (trigrams.length === 0) return '';
  return trigrams.length > MAX_PREFIX_TRIGRAMS ? null : trigrams.map(quoted).join(' OR ');
}

/**
 * The trigrams of a term that cover it side by side (every third, and the last): together they
 * hold every character, so few rows hold them all. A long term's are spread to at most
 * `MAX_TERM_TRIGRAMS`.
 */
function coveringTrigrams(chars: readonly string[]): string[] {
  const last = chars.length - 3;
  const starts = Array.from({ length: Math.ceil(last / 3) }, (_, n) => 3 * n).concat(last);
  const chosen =
    starts.length <= MAX_TERM_TRIGRAMS
      ? starts
      : Array.from(
          { length: MAX_TERM_TRIGRAMS },
          (_, n) => starts[Math.round((n * (starts.length - 1)) / (MAX_TERM_TRIGRAMS - 1))]!,
        );
  return [...new Set(chosen.map((start) => chars.slice(start, start + 3).join('')))];
}

/**
 * The covering trigrams the partner holds fewest of, rarest first (none when one is in no
 * row). FTS5 reads an `AND`'s every operand through, so a trigram in most rows (`com`, `.on`
 * of every `*.onmicrosoft.com`) would cost ~4 ms at 100k rows: each is counted up to
 * `PROBE_UP_TO` (~0.05 ms) and only the `MAX_AND_TRIGRAMS` rarest are matched.
 */
function rarestTrigrams(db: Database.Database, partnerRef: number, chars: string[]): string[] {
  const counted = coveringTrigrams(chars)
    .map((trigram) => ({ trigram, rows: candidates(db, quoted(trigram), partnerRef, PROBE_UP_TO) }))
    .sort((a, b) => a.rows - b.rows);
  if (counted[0]?.rows === 0) return [];
  return counted.slice(0, MAX_AND_TRIGRAMS).map(({ trigram }) => trigram);
}

/** The partner's rows matching `match`, counted up to `upTo`. */
function candidates(db: Database.Database, match: string, partnerRef: number, upTo: number) {
  return cached(
    db,
    `SELECT count(*) FROM (SELECT 1 FROM list_row_search s
     WHERE s.list_row_search MATCH @match AND ${PARTNER_ROWS} LIMIT @upTo)`,
  )
    .pluck()
    .get({ match, partnerRef, upTo }) as number;
}

/**
 * `term` in the partner's part of the index: its candidates counted up to `countUpTo` (more
 * is all a plan needs to know), reading that partner's postings only.
 */
export function indexedTerm(
  db: Database.Database,
  partnerRef: number | undefined,
  term: string,
  countUpTo: number,
): IndexedTerm {
  if (partnerRef === undefined) return { match: null, upperBound: 0 };
  const match = matchOf(db, partnerRef, term);
  if (match === null) return { match, upperBound: Infinity };
  if (match === '') return { match: null, upperBound: 0 };
  return { match, upperBound: candidates(db, match, partnerRef, countUpTo) };
}
