import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BillingProfile } from '@customer-workspace/customers';
import {
  type EventStore,
  type NewEvent,
  ScopedEventStore,
  SqliteEventStore,
  StreamScope,
} from '@customer-workspace/event-store';
import { testEvent, testMetadata } from '@customer-workspace/event-store/testing';
import { SqlitePersonalDataKeys } from '../keys/sqlite-personal-data-keys.js';
import { PersonalDataEventStore } from '../store/personal-data-event-store.js';

export const profile = (email: string, firstName = 'Zdeňka'): BillingProfile => ({
  companyName: 'Contoso a.s.',
  email,
  culture: 'cs-CZ',
  language: 'cs',
  firstName,
  lastName: 'Šťastná',
  phoneNumber: '+420 777 123 456',
  defaultAddress: {
    addressLine1: 'Květinová 42',
    city: 'Olomouc',
    state: 'Olomoucký kraj',
    postalCode: '779 00',
    country: 'CZ',
  },
});

export const stream = (customerId: string) => `customer-${customerId}`;

export function added(customerId: string, billingProfile: BillingProfile | null): NewEvent {
  return {
    ...testEvent('CustomerAdded', {
      customerId,
      companyProfile: { companyName: 'Contoso a.s.', domain: 'contoso.onmicrosoft.com' },
      billingProfile,
      addedByPartnerId: 'contoso',
    }),
    metadata: testMetadata({ customerId }),
  };
}

export function updated(customerId: string, old: unknown, next: unknown): NewEvent {
  return testEvent('BillingProfileUpdated', { customerId, partnerId: 'contoso', old, new: next });
}

export function erasure(customerId: string): NewEvent {
  return testEvent('CustomerPersonalDataErased', {
    customerId,
    partnerId: 'contoso',
    attestationReason: 'Asked by the customer',
    erasedFields: ['email'],
  });
}

/** An embedded store in a temporary directory, sealed by a key store beside it. */
export class SealedStoreUnderTest {
  readonly dir = mkdtempSync(join(tmpdir(), 'cw-personal-'));
  readonly stored: EventStore = new ScopedEventStore(
    new SqliteEventStore({ dataDir: this.dir, pollMs: 10 }),
    new StreamScope({ categories: ['customer-'] }),
  );
  readonly keys = new SqlitePersonalDataKeys(this.dir);
  readonly store = new PersonalDataEventStore(this.stored, this.keys, {
    onError: (error) => this.errors.push(error),
  });
  readonly errors: unknown[] = [];

  async close(): Promise<void> {
    await this.store.close();
    await this.keys.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
