import type request from 'supertest';
import { randomUUID } from 'node:crypto';
import {
  type ApplyAcceptedInvitation,
  customerDecider,
  customerStream,
} from '@customer-workspace/customers';
import { CommandRunner } from '@customer-workspace/event-store';
import type { TestApi } from '../../fixtures/api-app.js';

type Http = ReturnType<typeof request>;

/** `POST /v1/partners` for a direct-bill partner `id`, as the platform operator. */
export const registerPartner = (http: Http, operator: string, id: string) =>
  http
    .post('/v1/partners')
    .set('Authorization', operator)
    .send({ id, name: `${id} s.r.o.`, programs: ['direct-bill'] });

/** `POST /v1/tags` as `auth`. */
export const createTag = (http: Http, auth: string, name: string) =>
  http.post('/v1/tags').set('Authorization', auth).send({ name });

/** `PUT` (assign) or `DELETE` (unassign) of `/v1/customers/{customerId}/tags/{tagId}`. */
export const customerTag = (
  http: Http,
  method: 'put' | 'delete',
  auth: string,
  customerId: string,
  tagId: string,
) => http[method](`/v1/customers/${customerId}/tags/${tagId}`).set('Authorization', auth);

/** Global position of the last stored event, from `/health`. */
export const headPosition = async (http: Http): Promise<unknown> =>
  (await http.get('/health')).body.checks[0].headPosition;

/**
 * Gives `partnerId` a direct-reseller relationship with an existing customer, as an accepted
 * invitation would (the same domain command the acceptance process issues), so that two
 * partners see one customer.
 */
export async function shareCustomerWith(
  api: TestApi,
  customerId: string,
  partnerId: string,
): Promise<void> {
  const invitationId = randomUUID();
  const command: ApplyAcceptedInvitation = {
    type: 'ApplyAcceptedInvitation',
    data: {
      acceptance: {
        invitationId,
        partnerId,
        relationship: 'direct-reseller',
        includeDelegatedAdmin: false,
        customerId,
        companyProfile: { companyName: 'Contoso a.s.', domain: 'contoso.onmicrosoft.com' },
        acceptedAt: new Date().toISOString(),
      },
    },
  };
  await api.app.get(CommandRunner).run({
    decider: customerDecider,
    streamId: customerStream(customerId),
    command,
    context: {
      correlationId: invitationId,
      causationId: invitationId,
      actor: { userId: 'customer', upn: 'admin@contoso.onmicrosoft.com', role: 'customer' },
      partnerId,
      customerId,
      occurredAt: new Date().toISOString(),
    },
  });
}
