import { StreamStateCache } from './stream-state-cache.js';

const evolve = (): void => undefined;
const fold = (revision: bigint) => ({ state: { revision }, revision, position: 10n + revision });

describe('StreamStateCache', () => {
  it('keeps the fold furthest along when commands on one stream finish out of order', () => {
    const cache = new StreamStateCache(10);
    cache.set('s-1', evolve, fold(3n));
    cache.set('s-1', evolve, fold(1n));
    expect(cache.get('s-1', evolve)?.revision).toBe(3n);
  });

  it('gives a fold only to the decider (its evolve) that made it', () => {
    const cache = new StreamStateCache(10);
    cache.set('s-1', evolve, fold(3n));
    expect(cache.get('s-1', () => undefined)).toBeUndefined();
  });

  it('keeps nothing for an empty stream or when turned off', () => {
    const cache = new StreamStateCache(10);
    cache.set('s-1', evolve, fold(-1n));
    const off = new StreamStateCache(0);
    off.set('s-1', evolve, fold(1n));
    expect([cache.size, off.size]).toEqual([0, 0]);
  });
});
