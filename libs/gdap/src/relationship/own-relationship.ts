import { GdapRelationshipNotFound } from './gdap-relationship.errors.js';
import type { ExistingGdapRelationship, GdapRelationshipState } from './gdap-relationship.state.js';

/** The relationship, if it is the caller's; otherwise it is not found (404), whoever holds it. */
export function ownRelationship(
  state: GdapRelationshipState,
  { relationshipId, partnerId }: { relationshipId: string; partnerId: string },
): ExistingGdapRelationship {
  if (state.status === 'none' || state.relationship.partnerId !== partnerId)
    throw new GdapRelationshipNotFound(relationshipId);
  return state;
}
