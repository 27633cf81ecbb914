// Public surface of the GDAP domain: durations, the role catalog, name-based ids, and (below)
// the relationship and display-name deciders with their commands, events, states and errors.
// Pure: nothing here does I/O, reads a clock, draws a random number or imports a framework.
export * from './duration/iso-duration.js';
export * from './duration/gdap-durations.js';
export * from './duration/duration.errors.js';
export * from './roles/entra-roles.js';
export * from './roles/roles.errors.js';
export { uuidV5 } from './ids/name-based-uuid.js';
