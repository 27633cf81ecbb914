import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type CustomerState,
  type ExistingCustomer,
  existingCustomer,
  isErasedProfile,
  RELATIONSHIPS,
  relationshipsOf,
} from '@customer-workspace/customers';
import { GDAP_RELATIONSHIP_STATUSES, type GdapRelationshipStatus } from '@customer-workspace/gdap';
import { BillingProfileView } from './billing-profile.view.js';
import { CompanyProfileDto } from './customer-profile.dto.js';

export class CustomerRelationshipView {
  @ApiProperty({ enum: RELATIONSHIPS, example: 'direct-reseller' }) readonly relationship!: string;
  @ApiProperty({ description: 'Delegated admin privileges (DAP)', example: false })
  readonly delegatedAdmin!: boolean;
}

export class CustomerTagView {
  @ApiProperty({ example: 'b1946ac9-2b3c-4c55-9a1e-0f5f4e0e6a11' }) readonly id!: string;
  @ApiProperty({ example: 'VIP' }) readonly name!: string;
}

/** One customer as the calling partner sees it: its own relationships and tags only. */
export class CustomerView {
  @ApiProperty({
    description: 'Microsoft ID (tenant GUID)',
    example: '0f2a3c1e-7d4b-4e8f-9a61-2b5c8d9e0a14',
  })
  readonly id!: string;
  @ApiProperty({ type: CompanyProfileDto }) readonly companyProfile!: CompanyProfileDto;
  @ApiPropertyOptional({ type: BillingProfileView, nullable: true })
  readonly billingProfile!: BillingProfileView | null;
  @ApiProperty({
    description:
      'True when the personal fields of the billing profile were erased (they read null); ' +
      'false once a new profile is set, and for a customer that never had one',
    example: false,
  })
  readonly personalDataErased!: boolean;
  @ApiProperty({ type: [CustomerRelationshipView] })
  readonly relationships!: CustomerRelationshipView[];
  @ApiProperty({ type: [CustomerTagView] }) readonly tags!: CustomerTagView[];

  static of(customer: ExistingCustomer, partnerId: string): CustomerView {
    return {
      id: customer.customerId,
      companyProfile: customer.companyProfile,
      billingProfile: customer.billingProfile,
      personalDataErased: isErasedProfile(customer.billingProfile),
      relationships: relationshipsOf(customer, partnerId).map(
        ({ relationship, delegatedAdmin }) => ({ relationship, delegatedAdmin }),
      ),
      tags: [...(customer.tags.get(partnerId) ?? new Map<string, string>())].map(([id, name]) => ({
        id,
        name,
      })),
    };
  }
}

/** A GDAP relationship of the caller's with the customer, in brief (`/v1/gdap-relationships/{id}`). */
export class CustomerGdapRelationshipView {
  @ApiProperty({ example: '5b0f8e0e-4c1d-4a53-9a4b-2f1c0d7e8a61' }) readonly id!: string;
  @ApiProperty({ example: 'Contoso helpdesk' }) readonly displayName!: string;
  @ApiProperty({
    enum: GDAP_RELATIONSHIP_STATUSES,
    example: 'active',
    description: 'As it is now',
  })
  readonly status!: GdapRelationshipStatus;
  @ApiProperty({ nullable: true, type: String, example: '2028-03-09T12:00:00.000Z' })
  readonly endDateTime!: string | null;
}

/** `GET /v1/customers/{id}`: the customer, and the caller's GDAP relationships with it. */
export class CustomerDetailView extends CustomerView {
  @ApiProperty({ type: [CustomerGdapRelationshipView] })
  readonly gdapRelationships!: CustomerGdapRelationshipView[];
}

/** The billing profile's ETag: its version, which other partners' activity does not change. */
export const billingProfileEtag = (customer: ExistingCustomer): string =>
  `"${customer.billingProfileVersion}"`;

/** What a command that creates or changes a customer answers: its view, and its ETag apart. */
export interface CustomerChanged {
  readonly view: CustomerView & { readonly position: string };
  readonly etag: string;
}

/** The customer a command left (`after` names it), viewed by `partnerId`, with its ETag. */
export function customerWithEtag(state: CustomerState, after: string, partnerId: string) {
  const customer = existingCustomer(state, after);
  return { ...CustomerView.of(customer, partnerId), etag: billingProfileEtag(customer) };
}
