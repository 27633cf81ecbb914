// Public surface of the GDAP domain: durations, the role catalog, name-based ids, and (below)
// the relationship and display-name deciders with their commands, events, states and errors.
// Pure: nothing here does I/O, reads a clock, draws a random number or imports a framework.
export * from './duration/iso-duration.js';
export * from './duration/gdap-durations.js';
export * from './duration/duration.errors.js';
export * from './roles/entra-roles.js';
export * from './roles/roles.errors.js';
export { uuidV5 } from './ids/name-based-uuid.js';

export * from './common/gdap-streams.js';
export * from './common/gdap-events.js';
export * from './common/gdap-activity.js';

export * from './display-names/gdap-display-name.js';
export * from './display-names/display-name.errors.js';
export * from './display-names/gdap-display-names.commands.js';
export * from './display-names/gdap-display-names.events.js';
export * from './display-names/gdap-display-names.state.js';
export * from './display-names/gdap-display-names.decider.js';

export * from './relationship/gdap-relationship.commands.js';
export * from './relationship/gdap-relationship.events.js';
export * from './relationship/gdap-relationship.state.js';
export * from './relationship/gdap-relationship.errors.js';
export * from './relationship/gdap-approval.errors.js';
export * from './relationship/gdap-access-assignment.errors.js';
export * from './relationship/gdap-transitions.js';
export { gdapRelationshipDecider } from './relationship/gdap-relationship.decider.js';
