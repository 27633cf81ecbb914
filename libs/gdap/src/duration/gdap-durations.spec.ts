import { autoExtendDuration, relationshipDuration } from './gdap-durations.js';

describe('the duration of a relationship', () => {
  it('accepts P1D and P2Y, its two ends, and keeps them in canonical form', () => {
    expect(relationshipDuration('P1D')).toBe('P1D');
    expect(relationshipDuration('PT24H')).toBe('P1D');
    expect(relationshipDuration('P2Y')).toBe('P730D');
    expect(relationshipDuration('P730D')).toBe('P730D');
    expect(relationshipDuration('P1Y6M')).toBe('P545D');
  });

  it.each(['PT23H59M59S', 'PT0S', 'P731D', 'P730DT1S', 'P2YT1S', 'P3Y', 'P25M', 'two years'])(
    'refuses %j, naming the field',
    (text) => {
      expect(() => relationshipDuration(text)).toThrow(
        expect.objectContaining({
          code: 'invalid-gdap-duration',
          kind: 'validation',
          field: 'duration',
          value: text,
        }),
      );
    },
  );
});

describe('the auto-extension of a relationship', () => {
  it('is PT0S or P180D, whatever the spelling', () => {
    expect(autoExtendDuration('PT0S')).toBe('PT0S');
    expect(autoExtendDuration('P0D')).toBe('PT0S');
    expect(autoExtendDuration('P180D')).toBe('P180D');
    expect(autoExtendDuration('PT4320H')).toBe('P180D');
    // Six months of 30 days: the "six months" the extension is told as.
    expect(autoExtendDuration('P6M')).toBe('P180D');
  });

  it.each(['P179D', 'P181D', 'P90D', 'P5M', 'P1Y', ''])('refuses %j', (text) => {
    expect(() => autoExtendDuration(text)).toThrow(
      expect.objectContaining({
        code: 'invalid-auto-extend-duration',
        kind: 'validation',
        field: 'autoExtendDuration',
      }),
    );
  });
});
