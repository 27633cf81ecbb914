import { flatGrowth, linearGrowth } from './growth-verdict.js';

// Not under jest's roots (benchmarks stay out of `npm test`): run it with
// `npx jest --roots='<rootDir>/bench' --testPathPatterns growth-verdict`.
describe('linearGrowth', () => {
  it('accepts a time that grows with the size, or slower', () => {
    const growth = linearGrowth(
      [
        { size: 100, value: 2 },
        { size: 300, value: 5 },
        { size: 1000, value: 19 },
      ],
      1.2,
    );
    expect(growth).toEqual({
      ratios: { 100: 1, 300: 2.5, 1000: 9.5 },
      worse: [],
      verdict: 'linear or better',
    });
  });

  it('names the step where the cost per unit rises beyond the tolerance', () => {
    const growth = linearGrowth(
      [
        { size: 100, value: 1 },
        { size: 300, value: 3.3 },
        { size: 1000, value: 15 },
      ],
      1.2,
    );
    expect(growth.verdict).toBe('worse than linear');
    expect(growth.worse).toEqual(['300→1000: ×1.36 per unit']);
  });
});

describe('flatGrowth', () => {
  it('is flat while every size stays within the tolerance of the smallest', () => {
    const growth = flatGrowth(
      [
        { size: 10, value: 4 },
        { size: 100, value: 5.9 },
        { size: 1000, value: 3 },
      ],
      1.5,
    );
    expect(growth).toEqual({
      ratios: { 10: 1, 100: 1.48, 1000: 0.75 },
      worse: [],
      verdict: 'flat',
    });
  });

  it('grows when a larger size exceeds it, against the smallest', () => {
    const growth = flatGrowth(
      [
        { size: 10, value: 2 },
        { size: 100, value: 3.2 },
        { size: 1000, value: 60 },
      ],
      1.5,
    );
    expect(growth.verdict).toBe('grows');
    expect(growth.worse).toEqual(['10→100: ×1.6', '10→1000: ×30']);
  });
});
