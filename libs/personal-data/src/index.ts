export * from './keys/personal-data-keys.js';
export {
  KeyStoreBusy,
  PERSONAL_DATA_KEYS_FILE,
  SqlitePersonalDataKeys,
  type SqlitePersonalDataKeysOptions,
} from './keys/sqlite-personal-data-keys.js';
export { isSealed, SealedValueUnreadable } from './sealing/sealed-value.js';
export {
  isClearProfile,
  isSealedProfile,
  ProfileSealing,
  type SealedProfile,
} from './sealing/profile-sealing.js';
export { EventProfiles } from './store/event-profiles.js';
export { KeptProfiles } from './store/kept-profiles.js';
export {
  PersonalDataEventStore,
  type PersonalDataEventStoreOptions,
  PersonalDataStoredInClear,
} from './store/personal-data-event-store.js';
export {
  ErasureFollower,
  type ErasureFollowerOptions,
  type ErasureFollowerStatus,
} from './erasure/erasure-follower.js';
export {
  AuditTreeCoversClearProfiles,
  type ClearProfilesReport,
  findClearProfiles,
  sealStoredProfiles,
  type SealStoredProfilesOptions,
} from './upgrade/seal-stored-profiles.js';
