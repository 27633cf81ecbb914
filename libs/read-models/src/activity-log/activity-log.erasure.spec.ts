import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { erasedProfile } from '@customer-workspace/customers';
import { queryActivityLog } from './activity-log.query.js';
import { ActivityLogUnderTest, billingProfile } from './testing/activity-log.fixtures.js';

const company = { companyName: 'Contoso a.s.', domain: 'contoso.onmicrosoft.com' };
const added = (customerId: string, profile: object) => ({
  type: 'CustomerAdded',
  data: {
    customerId,
    companyProfile: company,
    billingProfile: profile,
    addedByPartnerId: 'contoso',
  },
});
const updated = (customerId: string, old: object, next: object) => ({
  type: 'BillingProfileUpdated',
  data: { customerId, partnerId: 'contoso', old, new: next },
});
const erasure = (customerId: string) => ({
  type: 'CustomerPersonalDataErased',
  data: {
    customerId,
    partnerId: 'contoso',
    attestationReason: 'Asked by the customer',
    erasedFields: ['email', 'defaultAddress.addressLine1'],
  },
});
const OLD = billingProfile('zdenka.erasable@contoso.cz');
const NEW = billingProfile('zdenka.renamed@contoso.cz');
const ERASED_VALUE = {
  companyName: 'Contoso a.s.',
  email: '[erased]',
  firstName: '[erased]',
  lastName: '[erased]',
  phoneNumber: '[erased]',
  defaultAddress: {
    addressLine1: '[erased]',
    addressLine2: '[erased]',
    city: '[erased]',
    postalCode: '[erased]',
    country: 'CZ',
  },
};

/** Whether any file of `dir` (the database and its WAL) holds `text` as UTF-8 bytes. */
const filesHold = (dir: string, text: string) =>
  readdirSync(dir).some((file) => readFileSync(join(dir, file)).includes(Buffer.from(text)));

describe('activity log: erasure (docs/product.md rule 8)', () => {
  let log: ActivityLogUnderTest;
  beforeEach(() => (log = new ActivityLogUnderTest()));
  afterEach(() => log.close());
  const items = () => queryActivityLog(log.db, 'contoso', {}, { limit: 500 }).items;
  const valuesOf = (customerId: string) =>
    items()
      .filter((item) => item.customerId === customerId)
      .map(({ action, oldValue, newValue }) => ({ action, oldValue, newValue }));

  it('scrubs the entries written before the erasure: every personal value reads "[erased]"', () => {
    log.given([added('c-1', OLD)], { customerId: 'c-1' });
    log.given([updated('c-1', OLD, NEW)], { customerId: 'c-1' });
    log.given([erasure('c-1')], { customerId: 'c-1' });
    expect(valuesOf('c-1')).toEqual([
      {
        action: 'erase_customer_personal_data',
        oldValue: { personalDataErased: false },
        newValue: {
          personalDataErased: true,
          erasedFields: ['email', 'defaultAddress.addressLine1'],
          attestationReason: 'Asked by the customer',
        },
      },
      { action: 'update_customer_billing_profile', oldValue: ERASED_VALUE, newValue: ERASED_VALUE },
      {
        action: 'add_customer',
        oldValue: undefined,
        newValue: { companyProfile: company, billingProfile: ERASED_VALUE },
      },
    ]);
  });

  it('leaves the other customers’ entries as they were', () => {
    log.given([added('c-1', OLD), added('c-2', billingProfile('kept@contoso.cz'))]);
    log.given([erasure('c-1')]);
    expect(valuesOf('c-2')).toEqual([
      {
        action: 'add_customer',
        oldValue: undefined,
        newValue: { companyProfile: company, billingProfile: billingProfile('kept@contoso.cz') },
      },
    ]);
  });

  it('writes the same entries from profiles read erased (a rebuild) as it scrubbed live', () => {
    log.given([added('c-1', OLD), updated('c-1', OLD, NEW), erasure('c-1')]);
    const live = valuesOf('c-1');
    const rebuilt = new ActivityLogUnderTest();
    try {
      rebuilt.given([
        added('c-1', erasedProfile(OLD)),
        updated('c-1', erasedProfile(OLD), erasedProfile(NEW)),
        erasure('c-1'),
      ]);
      const items = queryActivityLog(rebuilt.db, 'contoso', {}, { limit: 500 }).items;
      expect(
        items.map(({ action, oldValue, newValue }) => ({ action, oldValue, newValue })),
      ).toEqual(live);
    } finally {
      rebuilt.close();
    }
  });

  it('keeps no copy of the erased values in its files (database and WAL)', () => {
    log.given([added('c-1', OLD), added('c-2', billingProfile('kept@contoso.cz'))]);
    log.given([updated('c-1', OLD, NEW)]);
    expect(filesHold(log.dir, 'zdenka.erasable@contoso.cz')).toBe(true);
    log.given([erasure('c-1')]);
    expect(filesHold(log.dir, 'zdenka.erasable@contoso.cz')).toBe(false);
    expect(filesHold(log.dir, 'zdenka.renamed@contoso.cz')).toBe(false);
    expect(filesHold(log.dir, 'kept@contoso.cz')).toBe(true);
  });
});
