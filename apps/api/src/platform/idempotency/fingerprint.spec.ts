import { requestFingerprint } from './fingerprint.js';

describe('requestFingerprint', () => {
  it('is the fingerprint kept keys were stored with (pinned: written by the earlier copy of canonical JSON)', () => {
    const body = {
      companyProfile: { domain: 'x.onmicrosoft.com', companyName: 'Zlín s.r.o.' },
      billingProfile: null,
      n: [1, 2.5, { b: true, a: null }],
    };
    expect(requestFingerprint('POST', '/v1/customers', body)).toBe(
      '6184c3d5cfeadb0ee2c66115626ccf641ad6340888502b6d781ea4c7e1207033',
    );
  });

  it('fingerprints a request without a body as the body null, as before', () => {
    expect(requestFingerprint('POST', '/v1/webhooks/w-1/test', undefined)).toBe(
      'b7bfed5bfd53303eaaf345e13f05af5cec7b236352c09a3ddd9fe7b1bfbb2a41',
    );
  });

  it('does not depend on the order of the body’s keys', () => {
    expect(requestFingerprint('PUT', '/v1/x', { a: 1, b: { d: 2, c: 3 } })).toBe(
      requestFingerprint('PUT', '/v1/x', { b: { c: 3, d: 2 }, a: 1 }),
    );
  });
});
