import type { BenchCustomer, BenchPartner, BenchWorld } from './workload-world.js';

/** Who acts next in the mixed workload: partners by size, resellers, the provider. */
export class PartnerPicker {
  private readonly zipf: number[];

  constructor(
    private readonly world: BenchWorld,
    private readonly direct: readonly BenchPartner[],
  ) {
    // Partner k acts about 1/k as often as the first: a few large partners, a long tail.
    let sum = 0;
    this.zipf = direct.map((_, k) => (sum += 1 / (k + 1)));
  }

  /** A direct-bill partner, the large ones more often. */
  directPartner(): BenchPartner {
    const roll = this.world.random.next() * this.zipf.at(-1)!;
    return this.direct[this.zipf.findIndex((bound) => roll < bound)] ?? this.direct[0]!;
  }

  reseller(): BenchPartner {
    return this.world.partners.get(`p-reseller-${1 + this.world.random.int(4)}`)!;
  }

  /** A partner acting on one of its customers (a reseller or the provider now and then). */
  partnerWithCustomer(): [BenchPartner, BenchCustomer | undefined] {
    const { random, partners } = this.world;
    let partner = this.directPartner();
    if (random.chance(0.1)) {
      partner = random.chance(0.5) ? this.reseller() : partners.get('p-provider')!;
    }
    return [partner, random.pick(partner.customers)];
  }
}
