import { PositionWaiters } from './position-waiters.js';

describe('PositionWaiters', () => {
  let waiters: PositionWaiters;
  beforeEach(() => (waiters = new PositionWaiters()));
  afterEach(() => waiters.abandonAll());

  it('answers a wait once its position or a later one is reached, and only then', async () => {
    const early = waiters.wait(5n, 2000);
    const late = waiters.wait(9n, 2000);
    waiters.reached(4n);
    expect(waiters.size).toBe(2);
    waiters.reached(7n);
    await expect(early).resolves.toBe(true);
    expect(waiters.size).toBe(1);
    waiters.reached(9n);
    await expect(late).resolves.toBe(true);
    expect(waiters.size).toBe(0);
  });

  it('answers false after the timeout, or at once without one', async () => {
    await expect(waiters.wait(1n, 20)).resolves.toBe(false);
    await expect(waiters.wait(1n, 0)).resolves.toBe(false);
    expect(waiters.size).toBe(0);
  });

  it('answers every pending wait false when abandoned', async () => {
    const waits = [waiters.wait(1n, 60_000), waiters.wait(2n, 60_000)];
    waiters.abandonAll();
    await expect(Promise.all(waits)).resolves.toEqual([false, false]);
    expect(waiters.size).toBe(0);
  });
});
