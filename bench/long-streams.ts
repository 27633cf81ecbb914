import { customerStream } from '@customer-workspace/customers';
import { type Command, Timeline } from './domain-events.js';
import { appendCommands } from './event-appender.js';
import { BENCH_PARTNER } from './order-workload.js';
import { SeededRandom } from './seeded-random.js';
import { type BenchPartner, BenchWorld } from './workload-world.js';

/** Customers whose streams hold `length` events each. */
export interface StreamGroup {
  readonly length: number;
  readonly customers: number;
}

/** Orders per append while the streams are made (the api appends one per request). */
const ORDERS_PER_APPEND = 100;

function* ordersOf(world: BenchWorld, partner: BenchPartner, customerId: string, count: number) {
  for (let from = 0; from < count; from += ORDERS_PER_APPEND) {
    const events = Array.from({ length: Math.min(ORDERS_PER_APPEND, count - from) }, () => ({
      type: 'OrderCreated' as const,
      data: {
        customerId,
        orderId: world.random.uuid(),
        partnerId: partner.id,
        relationship: 'direct-reseller' as const,
        catalog: 'online-services' as const,
        lineItems: [
          {
            offerId: 'CFQ7TTC0LH18:0001',
            quantity: 1 + world.random.int(250),
            termDuration: 'P1Y' as const,
            subscriptionId: world.random.uuid(),
          },
        ],
      },
    }));
    yield world.timeline.command(
      customerStream(customerId),
      world.user(partner),
      events,
      customerId,
    );
  }
}

/**
 * The bench partner (as `registerBenchPartner` makes it), then for each group its customers,
 * each added by the partner (`CustomerAdded`, `RelationshipEstablished`) and given orders
 * until its stream holds `length` events; `ids` receives each group's customer ids.
 */
function* longStreams(groups: readonly StreamGroup[], ids: string[][]): Generator<Command> {
  const random = new SeededRandom(17);
  const world = new BenchWorld(random, new Timeline(random, '2024-01-01T08:00:00.000Z', 60_000));
  yield* world.register(BENCH_PARTNER, 'direct-bill', 0);
  const partner = world.partners.get(BENCH_PARTNER)!;
  for (const { length, customers } of groups) {
    const group: string[] = [];
    ids.push(group);
    for (let n = 0; n < customers; n++) {
      const added = world.addCustomer(partner);
      yield added;
      const customerId = partner.customers.at(-1)!.id;
      group.push(customerId);
      yield* ordersOf(world, partner, customerId, length - added.events.length);
    }
  }
}

/**
 * Appends the groups' streams to the store in `dataDir` through its port (seconds, where the
 * api would take minutes for the longest ones). Returns each group's customer ids.
 */
export async function appendLongStreams(dataDir: string, groups: readonly StreamGroup[]) {
  const ids: string[][] = [];
  const appended = await appendCommands(dataDir, longStreams(groups, ids));
  return { ids, events: appended.events, seconds: Number(appended.seconds.toFixed(2)) };
}
