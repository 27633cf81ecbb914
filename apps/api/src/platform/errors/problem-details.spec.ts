import { UnknownGdapRoles } from '@customer-workspace/gdap';
import { AppError } from '@customer-workspace/kernel';
import { InvalidCursor, ReadModelBehind } from '@customer-workspace/read-models';
import {
  UnsafeWebhookTarget,
  WebhookTargetUnresolved,
  WebhookWithoutEvents,
} from '@customer-workspace/webhooks';
import { toProblemDetails } from './problem-details.js';
import { ValidationFailed } from './validation-failed.js';

class QuantityOutOfRange extends AppError {
  readonly kind = 'validation';
  constructor() {
    super('quantity-out-of-range', 'Quantity must be between 1 and 10000');
  }
}
class Boom extends AppError {
  readonly kind = 'unavailable';
  constructor() {
    super('event-store-storage', 'disk full');
  }
}

describe('problem details', () => {
  it('names the bad fields of a DTO validation failure', () => {
    expect(
      toProblemDetails(new ValidationFailed([{ field: 'email', message: 'must be an email' }])),
    ).toMatchObject({
      status: 400,
      code: 'validation-failed',
      errors: [{ field: 'email', message: 'must be an email' }],
    });
  });

  it('names the field of a domain validation error too', () => {
    expect(toProblemDetails(new QuantityOutOfRange())).toMatchObject({
      status: 400,
      type: '/problems/quantity-out-of-range',
      errors: [{ field: 'lineItems.quantity', message: 'Quantity must be between 1 and 10000' }],
    });
  });

  it('names the field a domain validation error carries itself (GDAP’s)', () => {
    expect(toProblemDetails(new UnknownGdapRoles(['0000-bad']))).toMatchObject({
      status: 400,
      code: 'unknown-gdap-roles',
      errors: [{ field: 'roles', message: expect.stringContaining('0000-bad') }],
    });
  });

  it('maps kinds to statuses and hides the cause of a 500', () => {
    expect(toProblemDetails(new Boom())).toMatchObject({
      status: 503,
      title: 'Service Unavailable',
    });
    expect(toProblemDetails(new Error('secret internals'))).toEqual({
      type: '/problems/internal-error',
      title: 'Internal Server Error',
      status: 500,
      detail: 'The server failed to handle the request',
      code: 'internal-error',
    });
  });
});

describe('problem details of read-model errors', () => {
  it('answers a cursor the read model refuses like a DTO check naming `cursor`', () => {
    const refused = toProblemDetails(new InvalidCursor('cursor must be a nextCursor of this list'));
    expect(refused).toEqual(
      toProblemDetails(
        new ValidationFailed([
          { field: 'cursor', message: 'cursor must be a nextCursor of this list' },
        ]),
      ),
    );
    expect(refused).toMatchObject({ status: 400, code: 'validation-failed' });
  });

  it('answers a read model behind its minPosition 503 read-model-behind', () => {
    expect(toProblemDetails(new ReadModelBehind('orders', 9n, 3n, 100))).toMatchObject({
      status: 503,
      type: '/problems/read-model-behind',
    });
  });
});

describe('problem details of webhook errors', () => {
  it('names `url` for an unsafe target, with the reason and without credentials', () => {
    const problem = toProblemDetails(
      new UnsafeWebhookTarget('https://u:p@10.0.0.1/in?token=t', '10.0.0.1 is a private address'),
    );
    expect(problem).toMatchObject({
      status: 400,
      code: 'unsafe-webhook-target',
      errors: [{ field: 'url', message: expect.stringContaining('10.0.0.1 is a private address') }],
    });
    expect(JSON.stringify(problem)).not.toMatch(/u:p@|token=t/);
  });

  it('names `events` for an endpoint left without events', () => {
    expect(toProblemDetails(new WebhookWithoutEvents())).toMatchObject({
      status: 400,
      errors: [{ field: 'events' }],
    });
  });

  it('answers a resolver that fails now 503', () => {
    expect(
      toProblemDetails(new WebhookTargetUnresolved('https://x.example/', new Error('EAI_AGAIN'))),
    ).toMatchObject({ status: 503, code: 'webhook-target-unresolved' });
  });
});
