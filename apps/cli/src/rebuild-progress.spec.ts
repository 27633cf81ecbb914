import {
  formatElapsed,
  formatEta,
  formatProgressLine,
  formatSummary,
  progressStats,
} from './rebuild-progress.js';

describe('progressStats', () => {
  it('counts the embedded store exactly: positions are event counts', () => {
    const stats = progressStats({ position: 120_000n, head: 200_000n, events: 120_000 }, 1500);
    expect(stats).toEqual({
      done: 120_000,
      total: 200_000,
      percent: 60,
      rate: 80_000,
      etaSeconds: 1,
    });
  });

  it('estimates the total from the share of the log read when positions are byte offsets', () => {
    const stats = progressStats({ position: 5_000_000n, head: 20_000_000n, events: 1000 }, 1000);
    expect(stats.total).toBe(4000);
    expect(stats.percent).toBe(25);
    expect(stats.etaSeconds).toBe(3);
  });

  it('shows 100% and ETA 0 only at the head, and no ETA before any time has passed', () => {
    expect(progressStats({ position: 999n, head: 1000n, events: 999 }, 10).percent).toBe(99);
    const start = progressStats({ position: 10n, head: 20n, events: 10 }, 0);
    expect(start).toMatchObject({ percent: 50, rate: 0, etaSeconds: undefined });
    const end = progressStats({ position: 20n, head: 20n, events: 20 }, 0);
    expect(end).toMatchObject({ percent: 100, etaSeconds: 0 });
  });
});

describe('formatting', () => {
  it.each([
    [undefined, '?'],
    [0, '0s'],
    [0.2, '1s'],
    [59, '59s'],
    [65, '1m05s'],
    [3725, '1h02m'],
  ])('ETA %p is %p', (seconds, text) => expect(formatEta(seconds)).toBe(text));

  it('gives elapsed time in tenths of seconds under a minute', () => {
    expect(formatElapsed(2345)).toBe('2.3s');
    expect(formatElapsed(125_000)).toBe('2m05s');
  });

  it('writes the plain progress line', () => {
    const stats = { done: 120_000, total: 200_000, percent: 60, rate: 85_000.4, etaSeconds: 0.94 };
    expect(formatProgressLine('customer-list', stats)).toBe(
      'customer-list: 120000/200000 events (60%), 85000 events/s, ETA 1s',
    );
  });

  it('writes the summary line with events, duration, rate and file', () => {
    const summary = { name: 'activity-log', events: 50_000, durationMs: 2500, file: '/d/a.db' };
    expect(formatSummary(summary)).toBe(
      'activity-log: rebuilt 50000 events in 2.5s (20000 events/s), serving /d/a.db',
    );
  });
});
