import { type Upcaster, Upcasters, UnreadableEventVersion } from './upcasters.js';

/** v1 held one `name`; v2 splits it; v3 renames the event. */
const splitName: Upcaster = {
  type: 'NameGiven',
  fromVersion: 1,
  upcast: (event) => {
    const [first, last] = (event.data as { name: string }).name.split(' ');
    return { type: event.type, data: { first, last } };
  },
};
const rename: Upcaster = {
  type: 'NameGiven',
  fromVersion: 2,
  upcast: (event) => ({ type: 'Named', data: event.data }),
};

describe('Upcasters', () => {
  const upcasters = new Upcasters({ Named: 3, Counted: 1 }, [splitName, rename]);

  it('runs every step from the stored version to the current one, renames included', () => {
    const stored = { type: 'NameGiven', data: { name: 'Ada Lovelace' }, schemaVersion: 1 };
    expect(upcasters.needsUpcast(stored.type, stored.schemaVersion)).toBe(true);
    expect(upcasters.upcast(stored)).toEqual({
      type: 'Named',
      data: { first: 'Ada', last: 'Lovelace' },
      schemaVersion: 3,
    });
  });

  it('has nothing to do for a current event or a type it does not know', () => {
    expect(upcasters.needsUpcast('Counted', 1)).toBe(false);
    expect(upcasters.needsUpcast('Named', 3)).toBe(false);
    expect(upcasters.needsUpcast('SomethingElse', 7)).toBe(false);
    // An event stored before versioning counts as v1.
    expect(upcasters.needsUpcast('Counted', undefined)).toBe(false);
    const foreign = { type: 'SomethingElse', data: {}, schemaVersion: 7 };
    expect(upcasters.upcast(foreign)).toBe(foreign);
    expect(upcasters.currentVersion('Named')).toBe(3);
    expect(upcasters.currentVersion('SomethingElse')).toBeUndefined();
  });

  it('fails loudly on a version newer than it knows, naming the event', () => {
    const later = { type: 'Counted', data: {}, schemaVersion: 2 };
    expect(upcasters.needsUpcast(later.type, later.schemaVersion)).toBe(true);
    expect(() => upcasters.upcast(later, ' (stream tally-1)')).toThrow(UnreadableEventVersion);
    expect(() => upcasters.upcast(later, ' (stream tally-1)')).toThrow(
      'Event Counted v2 (stream tally-1) is newer than this build knows (v1)',
    );
  });

  it('fails loudly on an old version no upcaster starts from', () => {
    const gap = new Upcasters({ Counted: 3 }, []);
    expect(() => gap.upcast({ type: 'Counted', data: {}, schemaVersion: 2 })).toThrow(
      'Event Counted v2 has no upcaster towards v3',
    );
  });

  it('refuses upcasters that cannot form one history', () => {
    expect(() => new Upcasters({ NameGiven: 2 }, [splitName, splitName])).toThrow(/Two upcasters/);
    expect(() => new Upcasters({ NameGiven: 1 }, [splitName])).toThrow(/is at v1/);
    expect(() => new Upcasters({}, [{ ...splitName, fromVersion: 0 }])).toThrow(/version 0/);
  });
});

describe('Upcasters.merge', () => {
  it('serves the types and upcasters of every registry it merges', () => {
    const merged = Upcasters.merge(
      new Upcasters({ Named: 3 }, [splitName, rename]),
      new Upcasters({ Counted: 2 }),
    );
    expect(merged.currentVersion('Named')).toBe(3);
    expect(merged.currentVersion('Counted')).toBe(2);
    expect(merged.upcast({ type: 'NameGiven', data: { name: 'Ada L' }, schemaVersion: 1 })).toEqual(
      { type: 'Named', data: { first: 'Ada', last: 'L' }, schemaVersion: 3 },
    );
  });

  it('refuses a type that two registries declare', () => {
    expect(() =>
      Upcasters.merge(new Upcasters({ Counted: 1 }), new Upcasters({ Counted: 2 })),
    ).toThrow('Two domains declare the event type Counted');
  });
});
