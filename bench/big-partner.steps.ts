import type { Command } from './domain-events.js';
import type { BenchCustomer, BenchPartner, BenchWorld } from './workload-world.js';

/** The partner whose list holds `customers` rows at the end. */
export const BIG_PARTNER = 'p-big';
export const BIG_PARTNER_TAGS = 40;

/**
 * The commands of one large direct-bill partner: it adds `customers` customers (plus one in
 * 50 more that it later removes, so exactly `customers` rows remain) and tags about a third
 * of them. The list, export and `asOf` benchmarks read this partner's list.
 */
export class BigPartnerSteps {
  /** Customers it adds, the removed ones included. */
  readonly adds: number;
  private added = 0;
  private readonly pending: BenchCustomer[] = [];
  private partner?: BenchPartner;

  constructor(
    private readonly world: BenchWorld,
    customers: number,
  ) {
    this.adds = customers + Math.floor(customers / 50);
  }

  get done(): boolean {
    return this.added >= this.adds;
  }

  *register(): Generator<Command> {
    yield* this.world.register(BIG_PARTNER, 'direct-bill', BIG_PARTNER_TAGS);
    this.partner = this.world.partners.get(BIG_PARTNER)!;
  }

  /** One customer added, maybe a tag assigned and a pending removal made. */
  *step(): Generator<Command> {
    const { world } = this;
    const big = this.partner!;
    yield world.addCustomer(big);
    if (this.added++ % 51 === 50) this.pending.push(big.customers.at(-1)!);
    const tagged =
      world.random.chance(0.4) && world.assignTag(big, world.random.pick(big.customers));
    if (tagged) yield tagged;
    if (this.pending.length > 0 && world.random.chance(0.02))
      yield this.remove(this.pending.shift()!);
  }

  /** The removals still due. */
  *finish(): Generator<Command> {
    for (const customer of this.pending.splice(0)) yield this.remove(customer);
  }

  private remove(customer: BenchCustomer): Command {
    const big = this.partner!;
    this.world.unrelate(customer, big);
    return this.world.onCustomer(customer, big, {
      type: 'RelationshipRemoved',
      data: {
        customerId: customer.id,
        partnerId: big.id,
        relationship: 'direct-reseller',
        attestationReason: 'Customer moved to another partner',
      },
    });
  }
}
