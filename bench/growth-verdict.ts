import { round } from './latency.js';

/** A figure measured at one size (events, rows, events on the stream). */
export interface SizedFigure {
  readonly size: number;
  readonly value: number;
}

/** How a cost grows from the smallest size to each larger one. */
export interface Growth {
  /** value(size) / value(smallest), by size. */
  readonly ratios: Record<string, number>;
  /** Where it grows more than allowed, e.g. `"300000→1000000: ×1.4 per event"`; none when ok. */
  readonly worse: readonly string[];
  readonly verdict: string;
}

const step = (from: SizedFigure, to: SizedFigure) => `${from.size}→${to.size}`;

/**
 * Total cost (a time) against size, sizes ascending: linear is a cost per unit (`value / size`)
 * that stays within `tolerance` of the previous size's at every step.
 */
export function linearGrowth(figures: readonly SizedFigure[], tolerance: number): Growth {
  const worse: string[] = [];
  figures.slice(1).forEach((to, n) => {
    const from = figures[n]!;
    const perUnit = to.value / to.size / (from.value / from.size);
    if (perUnit > tolerance) worse.push(`${step(from, to)}: ×${round(perUnit)} per unit`);
  });
  const verdict = worse.length ? 'worse than linear' : 'linear or better';
  return { ratios: ratiosOf(figures), worse, verdict };
}

/**
 * A cost that should not depend on size (a p99, CPU per request), sizes ascending: flat is
 * every size within `tolerance` of the smallest's.
 */
export function flatGrowth(figures: readonly SizedFigure[], tolerance: number): Growth {
  const first = figures[0];
  const worse =
    first === undefined
      ? []
      : figures
          .slice(1)
          .filter((figure) => figure.value / first.value > tolerance)
          .map((figure) => `${step(first, figure)}: ×${round(figure.value / first.value)}`);
  return { ratios: ratiosOf(figures), worse, verdict: worse.length ? 'grows' : 'flat' };
}

function ratiosOf(figures: readonly SizedFigure[]): Record<string, number> {
  const first = figures[0]?.value ?? NaN;
  return Object.fromEntries(figures.map(({ size, value }) => [size, round(value / first)]));
}
