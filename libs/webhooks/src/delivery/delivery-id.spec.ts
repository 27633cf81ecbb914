import { createHash } from 'node:crypto';
import { deliveryIdOf } from './delivery-id.js';

describe('deliveryIdOf', () => {
  it('is the same for the same event and endpoint, and differs for another of either', () => {
    const id = deliveryIdOf('e-1', 'w-1');
    expect(deliveryIdOf('e-1', 'w-1')).toBe(id);
    expect(deliveryIdOf('e-2', 'w-1')).not.toBe(id);
    expect(deliveryIdOf('e-1', 'w-2')).not.toBe(id);
    // The separator keeps ("e-1", "0w") and ("e-10", "w") apart.
    expect(deliveryIdOf('e-1', '0w')).not.toBe(deliveryIdOf('e-10', 'w'));
  });

  it('is msg_ and the first 32 hex digits of SHA-256 over both ids', () => {
    const expected = createHash('sha256').update('e-1\nw-1').digest('hex').slice(0, 32);
    expect(deliveryIdOf('e-1', 'w-1')).toBe(`msg_${expected}`);
    expect(deliveryIdOf('e-1', 'w-1')).toMatch(/^msg_[0-9a-f]{32}$/);
  });
});
