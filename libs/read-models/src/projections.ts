import { activityLogProjection } from './activity-log/activity-log.projection.js';
import { customerListProjection } from './customer-list/customer-list.projection.js';
import { gdapRelationshipsProjection } from './gdap-relationships/gdap-relationships.projection.js';
import type { Projection } from './projection/projection.js';

/** Every read model the api keeps and the CLI can rebuild, by name. */
export const PROJECTIONS: readonly Projection[] = [
  customerListProjection,
  activityLogProjection,
  gdapRelationshipsProjection,
];

/** The projection called `name`, or undefined. */
export function projectionNamed(name: string): Projection | undefined {
  return PROJECTIONS.find((projection) => projection.name === name);
}
