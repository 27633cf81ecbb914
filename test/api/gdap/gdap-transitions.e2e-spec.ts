import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GdapTransitions, recordDueTransitions } from '@customer-workspace/api/testing';
import { CommandRunner, EVENT_STORE, type EventStore } from '@customer-workspace/event-store';
import { gdapRelationshipDecider, gdapRelationshipStream } from '@customer-workspace/gdap';
import {
  activeRelationship,
  approve,
  createRelationship,
  DAY_MS,
  eventsOf,
  eventually,
  eventuallyEvent,
  gdapWorld,
  type GdapWorld,
  lock,
} from './gdap.fixtures.js';

const later = (instant: string, ms: number) => new Date(Date.parse(instant) + ms).toISOString();
const count = async (world: GdapWorld, id: string, type: string) =>
  (await eventsOf(world.api, id)).filter((event) => event.type === type).length;

describe('GDAP time-driven transitions with a moved clock (the api’s own process)', () => {
  let world: GdapWorld;
  beforeEach(async () => (world = await gdapWorld()));
  afterEach(() => world.api.close());

  const read = (id: string, minPosition: string) =>
    world.http
      .get(`/v1/gdap-relationships/${id}?minPosition=${minPosition}`)
      .set('Authorization', world.contoso)
      .expect(200);

  it('expires an active relationship at its endDateTime, once, at that instant, by the system', async () => {
    const active = await activeRelationship(world, { duration: 'P1D' });
    world.clock.travelTo(later(active.endDateTime!, 1000));
    const [expired] = await eventuallyEvent(world.api, active.id, 'GdapRelationshipExpired');
    expect(expired).toMatchObject({
      data: {
        previousStatus: 'active',
        reason: 'endDateTimeReached',
        expiredAt: active.endDateTime,
      },
      metadata: {
        actor: { role: 'system', userId: 'gdap-transitions' },
        occurredAt: active.endDateTime,
      },
    });
    const { body } = await read(active.id, expired!.position.toString());
    expect(body).toMatchObject({ status: 'expired', endedDateTime: active.endDateTime });
    world.clock.advanceBy(DAY_MS);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await count(world, active.id, 'GdapRelationshipExpired')).toBe(1);
  });

  it('auto-extends by 180 days at each endDateTime, and shows the new end', async () => {
    const active = await activeRelationship(world, {
      duration: 'P1D',
      autoExtendDuration: 'P180D',
    });
    world.clock.travelTo(later(active.endDateTime!, 1000));
    const [first] = await eventuallyEvent(world.api, active.id, 'GdapRelationshipAutoExtended');
    const extendedTo = later(active.endDateTime!, 180 * DAY_MS);
    expect(first!.data).toMatchObject({
      previousEndDateTime: active.endDateTime,
      endDateTime: extendedTo,
    });
    const { body } = await read(active.id, first!.position.toString());
    expect(body).toMatchObject({ status: 'active', endDateTime: extendedTo });
    world.clock.travelTo(later(extendedTo, 1000));
    await eventuallyEvent(world.api, active.id, 'GdapRelationshipAutoExtended', 2);
    expect(await count(world, active.id, 'GdapRelationshipExpired')).toBe(0);
  });

  it('expires an approval request unapproved for 90 days; its token then answers 410', async () => {
    const created = await createRelationship(world);
    const { token, expiresAt } = await lock(world, created.id);
    world.clock.travelTo(later(expiresAt, -1000));
    const before = await world.http
      .get(`/v1/gdap-relationships/${created.id}`)
      .set('Authorization', world.contoso)
      .expect(200);
    expect(before.body.status).toBe('approvalPending');
    world.clock.travelTo(expiresAt);
    const [expired] = await eventuallyEvent(world.api, created.id, 'GdapRelationshipExpired');
    expect(expired!.data).toMatchObject({ reason: 'approvalRequestExpired', expiredAt: expiresAt });
    const gone = await approve(world, created.id, { token }).expect(410);
    expect(gone.body.code).toBe('gdap-approval-request-expired');
  });

  it('lists what expires within a duration, as of the clock', async () => {
    const soon = await activeRelationship(world, { duration: 'P10D' });
    const far = await activeRelationship(world, { duration: 'P60D' });
    const extending = await activeRelationship(world, {
      duration: 'P10D',
      autoExtendDuration: 'P180D',
    });
    const ids = async (query: string) =>
      (
        await world.http
          .get(`/v1/gdap-relationships?minPosition=${extending.position}&${query}`)
          .set('Authorization', world.contoso)
          .expect(200)
      ).body.items.map((item: { id: string }) => item.id) as string[];
    expect(await ids('expiringWithin=P30D')).toEqual([soon.id]);
    expect(await ids('expiringWithin=P90D')).toEqual([far.id, soon.id]);
    expect(await ids('expiringWithin=P1D')).toEqual([]);
    world.clock.advanceBy(9.5 * DAY_MS);
    expect(await ids('expiringWithin=P1D')).toEqual([soon.id]);
  });

  it('reports itself in /health', async () => {
    const { body } = await world.http.get('/health');
    expect(body.checks).toContainEqual(
      expect.objectContaining({ name: 'process:gdap-transitions', status: 'up' }),
    );
  });
});

describe('GDAP transitions exactly once: several processes over one store', () => {
  let world: GdapWorld;
  const dirs: string[] = [];
  const processes: GdapTransitions[] = [];
  beforeEach(async () => (world = await gdapWorld({ GDAP_TRANSITIONS: 'off' })));
  afterEach(async () => {
    await Promise.all(processes.splice(0).map((process) => process.stop()));
    await world.api.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  /** A process of its own (an api instance's): its own runner, its own store file. */
  const startProcess = (dataDir = mkdtempSync(join(tmpdir(), 'cw-gdap-transitions-'))) => {
    dirs.push(dataDir);
    const store = world.api.app.get<EventStore>(EVENT_STORE);
    const process = new GdapTransitions(store, new CommandRunner(store), world.clock, {
      dataDir,
      maxSleepMs: 200,
    });
    process.start();
    processes.push(process);
    return { process, dataDir };
  };

  it('stores each transition once when two processes record it', async () => {
    const expiring = await Promise.all(
      [1, 2, 3].map(() => activeRelationship(world, { duration: 'P1D' })),
    );
    const extending = await Promise.all(
      [1, 2, 3].map(() =>
        activeRelationship(world, { duration: 'P1D', autoExtendDuration: 'P180D' }),
      ),
    );
    startProcess();
    startProcess();
    world.clock.travelTo(later(expiring[0]!.endDateTime!, 2 * DAY_MS));
    for (const { id } of expiring) await eventuallyEvent(world.api, id, 'GdapRelationshipExpired');
    for (const { id } of extending)
      await eventuallyEvent(world.api, id, 'GdapRelationshipAutoExtended');
    await Promise.all(processes.splice(0).map((process) => process.stop()));
    for (const { id } of expiring)
      expect(await count(world, id, 'GdapRelationshipExpired')).toBe(1);
    for (const { id } of extending)
      expect(await count(world, id, 'GdapRelationshipAutoExtended')).toBe(1);
  });

  it('records a transition once when two recorders race on the same stale plan', async () => {
    const active = await activeRelationship(world, {
      duration: 'P1D',
      autoExtendDuration: 'P180D',
    });
    const store = world.api.app.get<EventStore>(EVENT_STORE);
    const [a, b] = [new CommandRunner(store), new CommandRunner(store)];
    // 200 days on: two extensions are due. Both runners fold the stream first, then race.
    const now = later(active.endDateTime!, 200 * DAY_MS);
    const stream = gdapRelationshipStream(active.id);
    await a.load(gdapRelationshipDecider, stream);
    await b.load(gdapRelationshipDecider, stream);
    const [nextA, nextB] = await Promise.all([
      recordDueTransitions(a, active.id, now),
      recordDueTransitions(b, active.id, now),
    ]);
    expect(nextA).toBe(nextB);
    const extensions = (await eventsOf(world.api, active.id)).filter(
      (event) => event.type === 'GdapRelationshipAutoExtended',
    );
    expect(extensions.map((event) => event.data)).toEqual([
      expect.objectContaining({ previousEndDateTime: active.endDateTime }),
      expect.objectContaining({ previousEndDateTime: later(active.endDateTime!, 180 * DAY_MS) }),
    ]);
    expect(new Set(extensions.map((event) => event.eventId)).size).toBe(2);
  });

  it('resumes after a restart from its checkpoint, with what came while it was stopped', async () => {
    const first = await activeRelationship(world, { duration: 'P1D' });
    const { process, dataDir } = startProcess();
    await eventually(async () => process.status().nextTransitionAt ?? undefined, 'the first plan');
    const position = process.status().position;
    await process.stop();
    processes.splice(0);
    const second = await activeRelationship(world, { duration: 'P2D' });
    world.clock.travelTo(later(second.endDateTime!, 1000));
    const restarted = startProcess(dataDir).process;
    expect(BigInt(restarted.status().position!)).toBeGreaterThanOrEqual(BigInt(position!));
    await eventuallyEvent(world.api, first.id, 'GdapRelationshipExpired');
    await eventuallyEvent(world.api, second.id, 'GdapRelationshipExpired');
    expect(await count(world, first.id, 'GdapRelationshipExpired')).toBe(1);
  });

  it('records nothing a user command recorded first (ordered by the stream’s revision)', async () => {
    const active = await activeRelationship(world, {
      duration: 'P1D',
      autoExtendDuration: 'P180D',
    });
    world.clock.travelTo(later(active.endDateTime!, 1000));
    // Turning auto-extension off after the end date-time keeps the extension due by then: the
    // command records it first, among its own events.
    await world.http
      .patch(`/v1/gdap-relationships/${active.id}`)
      .set('Authorization', world.contoso)
      .send({ autoExtendDuration: 'PT0S' })
      .expect(200);
    expect((await eventsOf(world.api, active.id)).slice(-2).map((event) => event.type)).toEqual([
      'GdapRelationshipAutoExtended',
      'GdapRelationshipUpdated',
    ]);
    const { process } = startProcess();
    const extendedTo = later(active.endDateTime!, 180 * DAY_MS);
    await eventually(
      async () => (process.status().nextTransitionAt === extendedTo ? true : undefined),
      'the plan after the user’s extension',
    );
    expect(await count(world, active.id, 'GdapRelationshipAutoExtended')).toBe(1);
    expect(await count(world, active.id, 'GdapRelationshipExpired')).toBe(0);
  });
});
