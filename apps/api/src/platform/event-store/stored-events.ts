/**
 * The injection token of this deployment's events exactly as stored (`ScopedEventStore.asStored()`):
 * no upcasting, personal fields as ciphertext, nothing appended through it. The audit tree hashes
 * these bytes, so it must never read through `EVENT_STORE`, which is the domain's view (upcast,
 * and decorated further where that view needs it).
 */
export const STORED_EVENTS = Symbol('STORED_EVENTS');
