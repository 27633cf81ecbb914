import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { customerStream, OrderAlreadyExists } from '@customer-workspace/customers';
import { CommandRunner, SqliteEventStore } from '@customer-workspace/event-store';
import { testMetadata } from '@customer-workspace/event-store/testing';
import type { Principal } from '@customer-workspace/auth';
import { requestContext } from '../../../platform/commands/command-context.js';
import type { IdempotentRequest } from '../../../platform/idempotency/idempotency.interceptor.js';
import { CreateOrderCommand, CreateOrderHandler } from './create-order.command.js';
import type { CreateOrderDto } from './create-order.dto.js';

const caller: Principal = {
  userId: 'u-1',
  upn: 'agent@p-1.example',
  partnerId: 'p-1',
  roles: ['admin-agent'],
};
const key = { scope: 'p-1', key: 'key-1' };
const body = {
  catalog: 'azure',
  lineItems: [{ offerId: 'DZH318Z0BQ3Q', quantity: 1 }],
} as CreateOrderDto;

describe('CreateOrderHandler: a retried Idempotency-Key', () => {
  let dir: string;
  let store: SqliteEventStore;
  let handler: CreateOrderHandler;
  const order = () => {
    const request = { id: 'req-1', idempotencyKey: key } as unknown as IdempotentRequest;
    const context = requestContext(request, caller, new Date(), 'c-1');
    return handler.execute(new CreateOrderCommand('c-1', body, caller, context, key));
  };
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cw-order-'));
    store = new SqliteEventStore({ dataDir: dir });
    handler = new CreateOrderHandler(new CommandRunner(store));
    const metadata = testMetadata({ partnerId: 'p-1', customerId: 'c-1' });
    await store.append(
      customerStream('c-1'),
      [
        {
          eventId: '00000000-0000-4000-8000-000000000001',
          type: 'CustomerAdded',
          data: {
            customerId: 'c-1',
            companyProfile: { companyName: 'Contoso', domain: 'contoso.onmicrosoft.com' },
            billingProfile: null,
            addedByPartnerId: 'p-1',
          },
          metadata,
        },
        {
          eventId: '00000000-0000-4000-8000-000000000002',
          type: 'RelationshipEstablished',
          data: {
            customerId: 'c-1',
            partnerId: 'p-1',
            relationship: 'direct-reseller',
            delegatedAdmin: false,
          },
          metadata,
        },
      ],
      { expectedRevision: 'no_stream' },
    );
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a retry with the order its first attempt stored', async () => {
    const first = await order();
    expect(await order()).toEqual(first);
  });

  it('refuses (409) a key whose first use stored another command, never answering 500', async () => {
    // The key's first use tagged the customer and its stored answer is gone: the order's
    // attempt finds that command's event under the first id the key derives.
    const request = { id: 'req-0', idempotencyKey: key } as unknown as IdempotentRequest;
    const earlier = requestContext(request, caller, new Date(), 'c-1');
    await store.append(
      customerStream('c-1'),
      [
        {
          eventId: earlier.eventId!(0),
          type: 'CustomerTagAssigned',
          data: { customerId: 'c-1', partnerId: 'p-1', tagId: 't-1', tagName: 'VIP' },
          metadata: testMetadata(),
        },
      ],
      { expectedRevision: 'any' },
    );
    await expect(order()).rejects.toBeInstanceOf(OrderAlreadyExists);
  });
});
