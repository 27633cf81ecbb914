/** Stream of one GDAP relationship. */
export const gdapRelationshipStream = (relationshipId: string): string =>
  `gdapRelationship-${relationshipId}`;

/** Stream of a partner's display-name index of GDAP relationships. */
export const gdapDisplayNamesStream = (partnerId: string): string =>
  `gdapDisplayNames-${partnerId}`;

/**
 * The stream categories of GDAP (`<category>-<id>`, categories without a hyphen): added to what
 * the api and the CLI read of `$all`.
 */
export const GDAP_STREAM_CATEGORIES: readonly string[] = ['gdapRelationship-', 'gdapDisplayNames-'];
