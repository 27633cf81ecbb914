import { createHash } from 'node:crypto';
import {
  type CustomersDomainEvent,
  invitationStream,
  partnerStream,
  type Relationship,
} from '@customer-workspace/customers';
import type { Command } from './domain-events.js';
import type { PartnerPicker } from './partner-picker.js';
import type { BenchPartner, BenchWorld } from './workload-world.js';

const DAY_MS = 24 * 3600 * 1000;

/**
 * The mixed workload's invitations (accepted or revoked), tag catalog changes and exports,
 * one method per kind, each returning the commands it made.
 */
export class PartnerActions {
  constructor(
    private readonly world: BenchWorld,
    private readonly pick: PartnerPicker,
  ) {}

  /** An indirect reseller invites a new customer with its provider; the customer accepts. */
  acceptInvitation(): Command[] {
    const { world } = this;
    const reseller = this.pick.reseller();
    const provider = world.partners.get(reseller.providerId!)!;
    const [requested, invitationId, includeDelegatedAdmin] = this.request(reseller);
    const customer = world.newCustomer(world.company(), null);
    const actor = world.customerActor(customer, reseller.id);
    const { id: customerId, company: companyProfile } = customer;
    const accepted = world.timeline.command(invitationStream(invitationId), actor, [
      {
        type: 'ResellerRelationshipAccepted',
        data: {
          invitationId,
          partnerId: reseller.id,
          relationship: 'indirect-reseller',
          indirectProviderId: provider.id,
          includeDelegatedAdmin,
          customerId,
          companyProfile,
          acceptedAt: world.timeline.now,
        },
      },
    ]);
    world.relate(customer, reseller, 'indirect-reseller');
    world.relate(customer, provider, 'indirect-provider');
    const grants = (partnerId: string, relationship: Relationship): CustomersDomainEvent[] => [
      {
        type: 'RelationshipEstablished',
        data: {
          customerId,
          partnerId,
          relationship,
          delegatedAdmin: includeDelegatedAdmin,
          invitationId,
        },
      },
      ...(includeDelegatedAdmin
        ? [
            {
              type: 'DelegatedAdminApproved' as const,
              data: { customerId, partnerId, relationship, invitationId },
            },
          ]
        : []),
    ];
    const added: CustomersDomainEvent = {
      type: 'CustomerAdded',
      data: {
        customerId,
        companyProfile,
        billingProfile: null,
        addedByPartnerId: reseller.id,
        invitationId,
      },
    };
    const consequences = world.timeline.command(
      `customer-${customerId}`,
      actor,
      [
        added,
        ...grants(reseller.id, 'indirect-reseller'),
        ...grants(provider.id, 'indirect-provider'),
      ],
      customerId,
    );
    return [requested, accepted, consequences];
  }

  revokeInvitation(): Command[] {
    const reseller = this.pick.reseller();
    const [requested, invitationId] = this.request(reseller);
    const revoked = this.onPartner(reseller, invitationStream(invitationId), {
      type: 'ResellerRelationshipRequestRevoked',
      data: { invitationId, partnerId: reseller.id },
    });
    return [requested, revoked];
  }

  createTag(): Command[] {
    const partner = this.pick.directPartner();
    return [this.world.createTag(partner, partner.tags.length)];
  }

  deleteTag(): Command[] {
    const partner = this.pick.directPartner();
    const tag = partner.tags.splice(this.world.random.int(partner.tags.length), 1)[0];
    if (!tag) return [];
    const data = { partnerId: partner.id, ...tag };
    return [this.onPartner(partner, partnerStream(partner.id), { type: 'TagDeleted', data })];
  }

  exportCustomers(): Command[] {
    const partner = this.pick.directPartner();
    const data = { partnerId: partner.id, lang: 'cs' as const };
    return [
      this.onPartner(partner, partnerStream(partner.id), { type: 'CustomersExported', data }),
    ];
  }

  exportActivityLog(): Command[] {
    const partner = this.pick.directPartner();
    const data = {
      partnerId: partner.id,
      filters: { from: '2025-01-01', action: 'create_order' },
      format: 'csv' as const,
    };
    return [
      this.onPartner(partner, partnerStream(partner.id), { type: 'ActivityLogExported', data }),
    ];
  }

  private onPartner(partner: BenchPartner, streamId: string, event: CustomersDomainEvent): Command {
    return this.world.timeline.command(streamId, this.world.user(partner), [event]);
  }

  private request(reseller: BenchPartner): [Command, string, boolean] {
    const { world } = this;
    const invitationId = world.random.uuid();
    const includeDelegatedAdmin = world.random.chance(0.5);
    const requestedAt = world.timeline.now;
    const command = this.onPartner(reseller, invitationStream(invitationId), {
      type: 'ResellerRelationshipRequested',
      data: {
        invitationId,
        partnerId: reseller.id,
        relationship: 'indirect-reseller',
        indirectProviderId: reseller.providerId!,
        includeDelegatedAdmin,
        language: 'cs',
        tokenHash: createHash('sha256').update(invitationId).digest('hex'),
        requestedAt,
        expiresAt: new Date(Date.parse(requestedAt) + 30 * DAY_MS).toISOString(),
      },
    });
    return [command, invitationId, includeDelegatedAdmin];
  }
}
