import { addDuration, canonicalInstant, formatDuration, parseIsoDuration } from './iso-duration.js';

const DAY = 86_400;

describe('reading an ISO 8601 duration as a fixed length', () => {
  it.each([
    ['P1D', DAY, 'P1D'],
    ['PT24H', DAY, 'P1D'],
    ['P2Y', 730 * DAY, 'P730D'],
    ['P1Y', 365 * DAY, 'P365D'],
    ['P1M', 30 * DAY, 'P30D'],
    ['P1Y11M35D', 730 * DAY, 'P730D'],
    ['P2YT1S', 730 * DAY + 1, 'P730DT1S'],
    ['P1DT12H30M5S', DAY + 12 * 3600 + 30 * 60 + 5, 'P1DT12H30M5S'],
    ['PT90M', 5400, 'PT1H30M'],
    ['P180D', 180 * DAY, 'P180D'],
    ['PT4320H', 180 * DAY, 'P180D'],
    ['P0D', 0, 'PT0S'],
    ['PT0S', 0, 'PT0S'],
    ['P2W', 14 * DAY, 'P14D'],
  ])('reads %s as %i seconds, written %s', (text, seconds, canonical) => {
    expect(parseIsoDuration(text)).toEqual({ seconds, canonical });
  });

  it.each([
    '',
    'P',
    'PT',
    'P1DT',
    '1D',
    'P1',
    '-P1D',
    '+P1D',
    'p1d',
    'P0.5D',
    'P1,5D',
    'PT1.5S',
    'P1W2D',
    'P1H',
    'PT1D',
    'P1D1Y',
    ' P1D',
    'P1D ',
    `P${'9'.repeat(16)}D`,
    `P${'9'.repeat(15)}Y`,
  ])('refuses %j', (text) => {
    expect(parseIsoDuration(text)).toBeUndefined();
  });
});

describe('writing a length as its canonical duration', () => {
  it('writes zero as PT0S and refuses what is no length', () => {
    expect(formatDuration(0)).toBe('PT0S');
    expect(formatDuration(59)).toBe('PT59S');
    expect(formatDuration(DAY + 60)).toBe('P1DT1M');
    expect(() => formatDuration(-1)).toThrow(RangeError);
    expect(() => formatDuration(1.5)).toThrow(RangeError);
  });

  it('gives back what it reads', () => {
    for (const seconds of [0, 1, 61, 3600, DAY, 730 * DAY + 3599, 12_345_678]) {
      expect(parseIsoDuration(formatDuration(seconds))?.seconds).toBe(seconds);
    }
  });
});

describe('adding a duration to an instant', () => {
  it('adds the fixed length in UTC: a leap day is one day like any other', () => {
    expect(addDuration('2028-02-28T10:00:00Z', 'P1D')).toBe('2028-02-29T10:00:00.000Z');
    expect(addDuration('2027-03-01T00:00:00.000Z', 'P2Y')).toBe('2029-02-28T00:00:00.000Z');
    expect(addDuration('2026-12-31T23:59:59.500Z', 'PT1S')).toBe('2027-01-01T00:00:00.500Z');
  });

  it('reads an offset and answers in UTC', () => {
    expect(addDuration('2026-06-01T02:00:00+02:00', 'P180D')).toBe('2026-11-28T00:00:00.000Z');
  });

  it('refuses what is no instant or no duration', () => {
    expect(() => addDuration('tomorrow', 'P1D')).toThrow(RangeError);
    expect(() => addDuration('2026-01-01T00:00:00Z', 'one day')).toThrow(RangeError);
  });

  it('writes instants in one form, so equal instants are equal texts', () => {
    expect(canonicalInstant('2026-06-01T02:00:00+02:00')).toBe('2026-06-01T00:00:00.000Z');
    expect(canonicalInstant('2026-06-01T00:00:00Z')).toBe('2026-06-01T00:00:00.000Z');
  });
});
