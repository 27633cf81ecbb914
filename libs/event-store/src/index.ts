export * from './canonical-json.js';
export * from './event-envelope.js';
export * from './event-store.errors.js';
export * from './event-store.port.js';
export {
  type AppendsElsewhere,
  SqliteEventStore,
  type SqliteEventStoreOptions,
  type WriterMode,
} from './embedded/sqlite-event-store.js';
export type { SynchronousLevel } from './embedded/sqlite-database.js';
export * from './command-handling/command-runner.js';
export * from './create-event-store.js';
export { ScopedEventStore } from './scope/scoped-event-store.js';
export * from './scope/mapped-events.js';
export { ReadUpcasting } from './upcasting/read-upcasting.js';
export { StreamScope, InvalidStreamPrefix } from './scope/stream-scope.js';
export { grantReadAll, connectionUser, type AdminCredentials } from './esdb/esdb-access.js';
export { toStorageError } from './embedded/sqlite-errors.js';
export {
  type StoredEventChange,
  StoredEventMismatch,
  StoredEventRewriter,
} from './embedded/stored-event-rewriter.js';
export * from './command-handling/stream-view.js';
export * from './following/event-follower.js';
export * from './following/position-waiters.js';
export * from './following/interruptible-pause.js';
export * from './following/retrying-follower.js';
