import { ACTIVITY_LOG_ACTIONS } from './activity-log.actions.js';
import {
  CUSTOMERS_EVENT_SCHEMA_VERSIONS,
  CUSTOMERS_UPCASTERS,
  schemaVersionOf,
} from './customers.events.js';

describe('the schema versions of the domain events', () => {
  it('gives every event type its own version, all 1 today', () => {
    const types = Object.keys(ACTIVITY_LOG_ACTIONS).sort();
    expect(Object.keys(CUSTOMERS_EVENT_SCHEMA_VERSIONS).sort()).toEqual(types);
    for (const type of types) {
      expect(schemaVersionOf(type)).toBe(1);
      expect(CUSTOMERS_UPCASTERS.needsUpcast(type, 1)).toBe(false);
    }
  });

  it('refuses to version a type the domain does not write', () => {
    expect(() => schemaVersionOf('SomethingElse')).toThrow(/no event of the customers domain/);
  });

  it('refuses an event a later build wrote', () => {
    const later = { type: 'CustomerAdded', data: {}, schemaVersion: 2 };
    expect(() => CUSTOMERS_UPCASTERS.upcast(later)).toThrow(/newer than this build knows/);
  });
});
