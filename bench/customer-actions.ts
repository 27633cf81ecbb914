import type { Command } from './domain-events.js';
import type { PartnerPicker } from './partner-picker.js';
import type { BenchWorld } from './workload-world.js';

const OFFERS = ['CFQ7TTC0LH18:0001', 'CFQ7TTC0LF8Q:0001', 'DZH318Z0BQ3Q:0007', 'CFQ7TTC0LDPB:0001'];

/**
 * The mixed workload's commands on customers' streams, one method per kind. Each returns the
 * commands it made (none when there is nothing to act on, e.g. no customer to tag yet).
 */
export class CustomerActions {
  constructor(
    private readonly world: BenchWorld,
    private readonly pick: PartnerPicker,
  ) {}

  addCustomer(): Command[] {
    return [this.world.addCustomer(this.pick.directPartner())];
  }

  assignTag(): Command[] {
    const [partner, customer] = this.pick.partnerWithCustomer();
    const command = customer && this.world.assignTag(partner, customer);
    return command ? [command] : [];
  }

  unassignTag(): Command[] {
    const [partner, customer] = this.pick.partnerWithCustomer();
    const held = customer?.tags.get(partner.id);
    const tag = partner.tags.find((t) => held?.has(t.tagId));
    if (!customer || !held || !tag) return [];
    held.delete(tag.tagId);
    const data = {
      customerId: customer.id,
      partnerId: partner.id,
      tagId: tag.tagId,
      tagName: tag.name,
    };
    return [this.world.onCustomer(customer, partner, { type: 'CustomerTagUnassigned', data })];
  }

  updateBilling(): Command[] {
    const [partner, customer] = this.pick.partnerWithCustomer();
    if (!customer) return [];
    const old = customer.billing;
    customer.billing = this.world.billingProfile(customer.company);
    const data = { customerId: customer.id, partnerId: partner.id, old, new: customer.billing };
    return [this.world.onCustomer(customer, partner, { type: 'BillingProfileUpdated', data })];
  }

  createOrder(): Command[] {
    const [partner, customer] = this.pick.partnerWithCustomer();
    if (!customer) return [];
    const { random } = this.world;
    const orderId = random.uuid();
    const lineItems = Array.from({ length: 1 + random.int(3) }, () => ({
      offerId: random.pick(OFFERS),
      quantity: 1 + random.int(250),
      termDuration: random.pick(['P1M', 'P1Y', 'P3Y'] as const),
      subscriptionId: random.uuid(),
    }));
    for (const { subscriptionId } of lineItems) {
      customer.subscriptions.push({
        orderId,
        subscriptionId,
        partnerId: partner.id,
        status: 'active',
      });
    }
    const relationship = customer.relationships.get(partner.id)!;
    const data = {
      customerId: customer.id,
      orderId,
      partnerId: partner.id,
      relationship,
      catalog: 'online-services' as const,
      lineItems,
    };
    return [this.world.onCustomer(customer, partner, { type: 'OrderCreated', data })];
  }

  /** Suspends an active subscription or cancels one; orders one when there is none. */
  changeSubscription(): Command[] {
    const [partner, customer] = this.pick.partnerWithCustomer();
    const open = customer?.subscriptions.find(
      (s) => s.partnerId === partner.id && s.status !== 'cancelled',
    );
    if (!customer || !open) return this.createOrder();
    const suspend = open.status === 'active' && this.world.random.chance(0.4);
    const { orderId, subscriptionId, status: previousStatus } = open;
    const common = { customerId: customer.id, partnerId: partner.id, orderId, subscriptionId };
    open.status = suspend ? 'suspended' : 'cancelled';
    return [
      this.world.onCustomer(
        customer,
        partner,
        suspend
          ? { type: 'SubscriptionSuspended', data: { ...common, previousStatus: 'active' } }
          : {
              type: 'SubscriptionCancelled',
              data: { ...common, previousStatus: previousStatus as 'active' | 'suspended' },
            },
      ),
    ];
  }

  /** Removes a relationship without open subscriptions (else cancels one of them first). */
  removeRelationship(): Command[] {
    const [partner, customer] = this.pick.partnerWithCustomer();
    if (!customer) return [];
    const open = (s: { partnerId: string; status: string }) =>
      s.partnerId === partner.id && s.status !== 'cancelled';
    if (customer.subscriptions.some(open)) return this.changeSubscription();
    const relationship = customer.relationships.get(partner.id)!;
    this.world.unrelate(customer, partner);
    const data = {
      customerId: customer.id,
      partnerId: partner.id,
      relationship,
      attestationReason: 'Customer moved to another partner',
    };
    return [this.world.onCustomer(customer, partner, { type: 'RelationshipRemoved', data })];
  }
}
