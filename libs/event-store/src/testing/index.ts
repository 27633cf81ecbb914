export * from './event-factory.js';
export * from './event-store.contract.js';
