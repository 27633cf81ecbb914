import { ACTIVITY_LOG_ACTION_NAMES } from './activity-log.entry.js';
import { activityLogInstant } from './activity-log.filter.js';

describe('activity-log filter parameters', () => {
  it.each([
    ['2026-11-21', '2026-11-21T00:00:00.000Z'],
    ['2026-11-21T10:00Z', '2026-11-21T10:00:00.000Z'],
    ['2026-11-21T10:00:00+01:00', '2026-11-21T09:00:00.000Z'],
    ['2026-11-21T10:00:00.5Z', '2026-11-21T10:00:00.500Z'],
  ])('reads %s as the instant %s', (value, instant) => {
    expect(activityLogInstant(value)).toBe(instant);
  });

  it.each([
    'yesterday',
    '2026-11-21T10:00:00', // a local time: which zone?
    '2026-02-30',
    '2026-02-30T10:00:00Z',
    '2026-13-01',
    '21.11.2026',
    '2026-11-21 10:00:00Z',
    '',
  ])('refuses %p', (value) => {
    expect(activityLogInstant(value)).toBeUndefined();
  });

  it('knows the 18 action names of docs/product.md rule 4', () => {
    expect(ACTIVITY_LOG_ACTION_NAMES).toHaveLength(18);
    expect(ACTIVITY_LOG_ACTION_NAMES).toContain('export_activity_log');
  });
});
