import type Database from 'better-sqlite3';
import { cached } from './customer-list.statements.js';

/**
 * A search term as the trigram index sees it: the `MATCH` expression finding the rows that
 * hold it (null when it cannot be written short), and an upper bound of those rows (across
 * partners and history), to choose between reading the index and walking the sort order.
 */
export interface IndexedTerm {
  readonly match: string | null;
  readonly upperBound: number;
}

/** More trigrams than this beginning with a one-letter term: walk instead of matching. */
const MAX_PREFIX_TRIGRAMS = 200;

const withVocabulary = new WeakSet<Database.Database>();

/** The index's terms with their rows (a temp table: it works on a read-only connection). */
function vocabularyOf(db: Database.Database): void {
  if (withVocabulary.has(db)) return;
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.list_row_search_terms
    USING fts5vocab(main, list_row_search, 'row')`);
  withVocabulary.add(db);
}

const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;

/**
 * A term of three characters or more matches as a phrase of its trigrams: its matches are
 * counted up to `countUpTo` (more is all a plan needs to know). A shorter term is in exactly
 * the rows holding a trigram it begins (every character of a search key starts one, see
 * `searchKeyOf`): their `OR`.
 */
export function indexedTerm(db: Database.Database, term: string, countUpTo: number): IndexedTerm {
  const chars = [...term];
  if (chars.length >= 3) {
    // The vocabulary would read a common trigram's whole list to count it: count the
    // phrase's own matches instead, up to the bound that matters.
    const match = quoted(term);
    const upperBound = cached(
      db,
      `SELECT count(*) FROM (SELECT 1 FROM list_row_search WHERE list_row_search MATCH ?
       LIMIT ?)`,
    )
      .pluck()
      .get(match, countUpTo) as number;
    return { match, upperBound };
  }
  vocabularyOf(db);
  const next =
    chars.slice(0, -1).join('') + String.fromCodePoint(chars.at(-1)!.codePointAt(0)! + 1);
  const trigrams = (
    cached(
      db,
      'SELECT term, doc FROM list_row_search_terms WHERE term >= ? AND term < ? LIMIT ?',
    ).all(term, next, MAX_PREFIX_TRIGRAMS + 1) as { term: string; doc: number }[]
  ).filter((row) => row.term.startsWith(term));
  if (trigrams.length > MAX_PREFIX_TRIGRAMS) return { match: null, upperBound: Infinity };
  return {
    match: trigrams.length === 0 ? null : trigrams.map((row) => quoted(row.term)).join(' OR '),
    upperBound: trigrams.reduce((sum, row) => sum + row.doc, 0),
  };
}
