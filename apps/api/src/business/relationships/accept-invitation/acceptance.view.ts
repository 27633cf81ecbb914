import { ApiProperty } from '@nestjs/swagger';
import {
  type CustomerState,
  RELATIONSHIPS,
  type ResellerRelationshipAccepted,
} from '@customer-workspace/customers';

export class GrantedRelationshipView {
  @ApiProperty({ example: 'contoso-cz' }) readonly partnerId!: string;
  @ApiProperty({ enum: RELATIONSHIPS, example: 'indirect-reseller' })
  readonly relationship!: string;
  @ApiProperty({ description: 'Delegated admin privileges (DAP)', example: true })
  readonly delegatedAdmin!: boolean;
}

/** The accepted invitation: the customer and the relationships it now has through it. */
export class AcceptanceView {
  @ApiProperty({ example: '0f2a3c1e-7d4b-4e8f-9a61-2b5c8d9e0a14' }) readonly customerId!: string;
  @ApiProperty({
    type: [GrantedRelationshipView],
    description: 'The inviting partner’s relationship, then its indirect provider’s if invited too',
  })
  readonly relationships!: GrantedRelationshipView[];
  @ApiProperty({ description: 'Global position of the last consequence', example: '42' })
  readonly position!: string;

  static of(
    accepted: ResellerRelationshipAccepted['data'],
    state: CustomerState,
    position: bigint,
  ): AcceptanceView {
    const held = state.status === 'existing' ? state.customer.relationships : [];
    const grantees = [
      { partnerId: accepted.partnerId, relationship: accepted.relationship },
      ...(accepted.indirectProviderId === undefined
        ? []
        : [{ partnerId: accepted.indirectProviderId, relationship: 'indirect-provider' }]),
    ];
    const relationships = grantees.flatMap((grantee) =>
      held
        .filter((r) => r.partnerId === grantee.partnerId && r.relationship === grantee.relationship)
        .map(({ partnerId, relationship, delegatedAdmin }) => ({
          partnerId,
          relationship,
          delegatedAdmin,
        })),
    );
    return { customerId: accepted.customerId, relationships, position: position.toString() };
  }
}
