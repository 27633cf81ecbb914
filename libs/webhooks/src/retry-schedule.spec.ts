import {
  DEFAULT_RETRY_SCHEDULE,
  InvalidRetrySchedule,
  nextAttemptAt,
  parseRetrySchedule,
  retryAfterSeconds,
} from './retry-schedule.js';

const now = new Date('2026-12-01T10:00:00.000Z');
const seconds = (at: Date | undefined) => (at ? (at.getTime() - now.getTime()) / 1000 : undefined);

describe('the retry schedule of deliveries', () => {
  it('waits about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h and 24 h by default', () => {
    expect(parseRetrySchedule(undefined)).toBe(DEFAULT_RETRY_SCHEDULE);
    expect(DEFAULT_RETRY_SCHEDULE.map((s) => s / 60)).toEqual([
      5 / 60,
      5,
      30,
      120,
      300,
      600,
      840,
      1200,
      1440,
    ]);
  });

  it('reads WEBHOOKS_RETRY_SCHEDULE as pauses in seconds, and refuses anything else', () => {
    expect(parseRetrySchedule(' 1, 2,0.5 ')).toEqual([1, 2, 0.5]);
    expect(parseRetrySchedule('')).toBe(DEFAULT_RETRY_SCHEDULE);
    expect(() => parseRetrySchedule('1,two')).toThrow(InvalidRetrySchedule);
    expect(() => parseRetrySchedule('-1')).toThrow('WEBHOOKS_RETRY_SCHEDULE');
  });

  it('jitters each pause by at most 10 %, and ends when the schedule is spent', () => {
    const schedule = [100, 200];
    expect(seconds(nextAttemptAt(schedule, 1, now, undefined, () => 0))).toBe(90);
    expect(seconds(nextAttemptAt(schedule, 1, now, undefined, () => 1))).toBe(110);
    expect(seconds(nextAttemptAt(schedule, 2, now, undefined, () => 0.5))).toBe(200);
    expect(nextAttemptAt(schedule, 3, now)).toBeUndefined();
  });

  it('honours a Retry-After that asks for longer than the schedule', () => {
    expect(seconds(nextAttemptAt([5], 1, now, 120, () => 0.5))).toBe(120);
    expect(seconds(nextAttemptAt([300], 1, now, 120, () => 0.5))).toBe(300);
  });

  it('caps a Retry-After at a day, however far it asks', () => {
    expect(seconds(nextAttemptAt([5], 1, now, 99999999999999, () => 0.5))).toBe(86400);
    expect(seconds(nextAttemptAt([5], 1, now, Number.POSITIVE_INFINITY, () => 0.5))).toBe(86400);
  });

  it('reads Retry-After as delta seconds or as an HTTP date', () => {
    expect(retryAfterSeconds('120', now)).toBe(120);
    expect(retryAfterSeconds('Tue, 01 Dec 2026 10:02:00 GMT', now)).toBe(120);
    expect(retryAfterSeconds('Tue, 01 Dec 2026 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterSeconds('soon', now)).toBeUndefined();
    expect(retryAfterSeconds(undefined, now)).toBeUndefined();
  });
});
