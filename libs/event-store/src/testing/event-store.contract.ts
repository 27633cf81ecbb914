import type { EventStore } from '../event-store.port.js';
import { appendContract } from './contract/append.contract.js';
import { readContract } from './contract/read.contract.js';
import { subscribeContract } from './contract/subscribe.contract.js';
import { foreignContract } from './contract/foreign.contract.js';

/** How the contract suite gets a store of one adapter. */
export interface EventStoreHarness {
  /** A connected store; every test uses streams of its own, so a shared server is fine. */
  open(): Promise<EventStore>;
  /** Closes `store` and opens it again on the same data, as after a restart. */
  reopen(store: EventStore): Promise<EventStore>;
  /** Stores an event as another application would: raw text, metadata absent unless given. */
  plant(streamId: string, event: ForeignEvent): Promise<void>;
}

/** An event this codebase did not write. */
export interface ForeignEvent {
  readonly type: string;
  readonly data: string;
  readonly metadata?: string;
}

/**
 * The behaviour every EventStore adapter must have. Call it inside a `describe` of the adapter's
 * own spec file with a harness for that adapter.
 */
export function eventStoreContract(harness: EventStoreHarness): void {
  const context = { store: undefined as unknown as EventStore, harness };
  beforeEach(async () => {
    context.store = await harness.open();
  });
  afterEach(async () => {
    await context.store.close();
  });
  describe('append', () => appendContract(context));
  describe('read', () => readContract(context));
  describe('subscribeToAll', () => subscribeContract(context));
  describe('a store shared with others', () => foreignContract(context));
}

export interface ContractContext {
  store: EventStore;
  readonly harness: EventStoreHarness;
}
