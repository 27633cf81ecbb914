import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Verdict } from '../verify/verdict.js';

/** A file of the bundle as text; a missing one could not be verified. */
export function readText(dir: string, name: string, verdict: Verdict): string | undefined {
  const file = join(dir, name);
  if (!existsSync(file)) {
    verdict.unverifiable(`The bundle has no ${name}`);
    return undefined;
  }
  return readFileSync(file, 'utf8');
}

/** One line of a JSON Lines file: its number and value, or why it is not JSON. */
export interface JsonLine {
  readonly line: number;
  readonly value?: unknown;
  readonly error?: string;
}

/** The lines of a JSON Lines file, read as they come (blank lines are skipped). */
export async function* jsonLines(file: string): AsyncGenerator<JsonLine> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() === '') continue;
    try {
      yield { line, value: JSON.parse(text) as unknown };
    } catch (error) {
      yield { line, error: `not JSON: ${(error as Error).message}` };
    }
  }
}
