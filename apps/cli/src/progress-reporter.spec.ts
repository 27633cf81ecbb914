import { Writable } from 'node:stream';
import type { CliOutput } from './cli-command.js';
import { barReporter, lineReporter, progressReporter } from './progress-reporter.js';

function output(isTTY: boolean): { out: CliOutput; text: () => string } {
  const chunks: string[] = [];
  const out = Object.assign(
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk.toString());
        done();
      },
    }),
    { isTTY, columns: 120 },
  );
  return { out, text: () => chunks.join('') };
}

const at = (events: number, head = 1000) => ({
  position: BigInt(events),
  head: BigInt(head),
  events,
});

describe('lineReporter', () => {
  it('writes a line per 10% done, not per batch', () => {
    const { out, text } = output(false);
    let now = 0;
    const reporter = lineReporter('tally', out, { now: () => now });
    for (let events = 25; events <= 1000; events += 25) {
      now += 10;
      reporter.update(at(events));
    }
    const lines = text().trim().split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe('tally: 100/1000 events (10%), 2500 events/s, ETA 1s');
    expect(lines[9]).toBe('tally: 1000/1000 events (100%), 2500 events/s, ETA 0s');
  });

  it('writes a line every 2 s while the percent hardly moves', () => {
    const { out, text } = output(false);
    let now = 0;
    const reporter = lineReporter('slow', out, { now: () => now });
    for (let events = 1; events <= 7; events++) {
      now += 900;
      reporter.update(at(events, 1_000_000));
    }
    // Lines at 2.7 s and 5.4 s: each 2 s after the previous one, at the next update.
    expect(text().trim().split('\n')).toEqual([
      'slow: 3/1000000 events (0%), 1 events/s, ETA 249h59m',
      'slow: 6/1000000 events (0%), 1 events/s, ETA 249h59m',
    ]);
  });
});

describe('barReporter', () => {
  it('draws a bar with done/total, rate and ETA in place on a terminal', () => {
    const { out, text } = output(true);
    let now = 0;
    const reporter = barReporter('tally', out, () => now);
    now = 1000;
    reporter.update(at(400));
    reporter.stop();
    expect(text()).toMatch(/tally .*40% \| 400\/1000 events \| 400 events\/s \| ETA 2s/);
    expect(text()).toContain('\u001b[?25l'); // cursor hidden while drawing…
    expect(text()).toContain('\u001b[?25h'); // …and shown again
  });
});

describe('progressReporter', () => {
  it('draws a bar on a terminal and plain lines otherwise', () => {
    const tty = output(true);
    const pipe = output(false);
    for (const { out } of [tty, pipe]) {
      const reporter = progressReporter('x', out);
      reporter.update(at(1000));
      reporter.stop();
    }
    expect(tty.text()).toContain('\u001b[');
    expect(pipe.text()).toMatch(/^x: 1000\/1000 events \(100%\), \d+ events\/s, ETA 0s\n$/);
  });
});
