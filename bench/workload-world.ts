import type {
  BillingProfile,
  CustomersDomainEvent,
  PartnerProgram,
  Relationship,
} from '@customer-workspace/customers';
import { partnerStream } from '@customer-workspace/customers';
import { billingProfileOf, type Company, company, TAG_NAMES } from './company-names.js';
import { type Command, type PartnerUser, type Timeline, usersOf } from './domain-events.js';
import type { SeededRandom } from './seeded-random.js';

export interface PartnerTag {
  readonly tagId: string;
  readonly name: string;
}

export interface BenchPartner {
  readonly id: string;
  readonly program: PartnerProgram;
  readonly providerId?: string;
  readonly users: PartnerUser[];
  readonly tags: PartnerTag[];
  /** Customers it has a relationship with now (swap-removed when one is removed). */
  readonly customers: BenchCustomer[];
}

export interface Subscription {
  readonly orderId: string;
  readonly subscriptionId: string;
  readonly partnerId: string;
  status: 'active' | 'suspended' | 'cancelled';
}

export interface BenchCustomer {
  readonly id: string;
  readonly company: Company;
  billing: BillingProfile | null;
  readonly relationships: Map<string, Relationship>;
  /** Tag ids assigned, by partner. */
  readonly tags: Map<string, Set<string>>;
  readonly subscriptions: Subscription[];
}

/** Shared state and helpers of the data generators: the partners and what they hold. */
export class BenchWorld {
  readonly partners = new Map<string, BenchPartner>();
  readonly operator: PartnerUser;
  private companies = 0;

  constructor(
    readonly random: SeededRandom,
    readonly timeline: Timeline,
  ) {
    this.operator = { ...usersOf(random, 'platform', 1)[0]!, role: 'operator' };
  }

  /** `PartnerRegistered` by the platform operator, then `tags` tags created by an admin. */
  *register(id: string, program: PartnerProgram, tags: number, providerId?: string) {
    const partner: BenchPartner = {
      id,
      program,
      ...(providerId === undefined ? {} : { providerId }),
      users: usersOf(this.random, id, 6),
      tags: [],
      customers: [],
    };
    this.partners.set(id, partner);
    yield this.timeline.command(partnerStream(id), this.operator, [
      {
        type: 'PartnerRegistered',
        data: {
          partnerId: id,
          name: `${id} s.r.o.`,
          programs: [program],
          ...(providerId === undefined ? {} : { indirectProviderId: providerId }),
          defaultLanguage: this.random.pick(['en', 'cs', 'de', 'es', 'hu'] as const),
        },
      },
    ]);
    for (let n = 0; n < tags; n++) yield this.createTag(partner, n);
  }

  createTag(partner: BenchPartner, n: number): Command {
    const base = TAG_NAMES[n % TAG_NAMES.length] as string;
    const tag = { tagId: this.random.uuid(), name: n < TAG_NAMES.length ? base : `${base} ${n}` };
    partner.tags.push(tag);
    return this.timeline.command(partnerStream(partner.id), this.user(partner), [
      { type: 'TagCreated', data: { partnerId: partner.id, ...tag } },
    ]);
  }

  /** A new company (its domain unique in the data set). */
  company(): Company {
    return company(this.random, this.companies++);
  }

  /** A billing profile for `company`. */
  billingProfile(of: Company): BillingProfile {
    return billingProfileOf(this.random, of);
  }

  /** A user of `partner` (admins and agents alike perform the commands). */
  user(partner: BenchPartner): PartnerUser {
    return this.random.pick(partner.users);
  }

  /** The accepting customer as the actor of an acceptance (no one signs in). */
  customerActor(customer: BenchCustomer, partnerId: string): PartnerUser {
    const { id, company } = customer;
    return { partnerId, userId: id, upn: company.domain, role: 'customer' };
  }

  newCustomer(company: Company, billing: BillingProfile | null): BenchCustomer {
    return {
      id: this.random.uuid(),
      company,
      billing,
      relationships: new Map(),
      tags: new Map(),
      subscriptions: [],
    };
  }

  /** Records a relationship the events establish. */
  relate(customer: BenchCustomer, partner: BenchPartner, relationship: Relationship): void {
    customer.relationships.set(partner.id, relationship);
    partner.customers.push(customer);
  }

  /** Forgets a removed relationship (order of a partner's customers does not matter). */
  unrelate(customer: BenchCustomer, partner: BenchPartner): void {
    customer.relationships.delete(partner.id);
    customer.tags.delete(partner.id);
    const index = partner.customers.indexOf(customer);
    partner.customers[index] = partner.customers.at(-1)!;
    partner.customers.pop();
  }

  /** `CustomerAdded` by a direct-bill partner, which becomes its direct reseller. */
  addCustomer(partner: BenchPartner): Command {
    const company = this.company();
    const billing = this.billingProfile(company);
    const customer = this.newCustomer(company, billing);
    this.relate(customer, partner, 'direct-reseller');
    const customerId = customer.id;
    const events: CustomersDomainEvent[] = [
      {
        type: 'CustomerAdded',
        data: {
          customerId,
          companyProfile: company,
          billingProfile: billing,
          addedByPartnerId: partner.id,
        },
      },
      {
        type: 'RelationshipEstablished',
        data: {
          customerId,
          partnerId: partner.id,
          relationship: 'direct-reseller',
          delegatedAdmin: false,
        },
      },
    ];
    return this.timeline.command(`customer-${customerId}`, this.user(partner), events, customerId);
  }

  /** The customer's stream with one more event by a user of `partner`. */
  onCustomer(customer: BenchCustomer, partner: BenchPartner, event: CustomersDomainEvent) {
    return this.timeline.command(
      `customer-${customer.id}`,
      this.user(partner),
      [event],
      customer.id,
    );
  }

  /** `CustomerTagAssigned` of a tag the customer does not have yet (undefined: has them all). */
  assignTag(partner: BenchPartner, customer: BenchCustomer): Command | undefined {
    const held = customer.tags.get(partner.id) ?? new Set<string>();
    const tag = this.random.pick(partner.tags);
    if (tag === undefined || held.has(tag.tagId)) return undefined;
    customer.tags.set(partner.id, held.add(tag.tagId));
    return this.onCustomer(customer, partner, {
      type: 'CustomerTagAssigned',
      data: { customerId: customer.id, partnerId: partner.id, tagId: tag.tagId, tagName: tag.name },
    });
  }
}
