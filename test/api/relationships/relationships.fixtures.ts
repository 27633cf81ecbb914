import type request from 'supertest';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  invitationDecider,
  invitationStream,
  type RequestResellerRelationship,
} from '@customer-workspace/customers';
import { CommandRunner, type CommandContext } from '@customer-workspace/event-store';
import type { TestApi } from '../../fixtures/api-app.js';

export type Http = ReturnType<typeof request>;

/** A direct-bill partner, an indirect provider and an indirect reseller of that provider. */
export const PARTNERS = {
  direct: {
    id: 'contoso',
    name: 'Contoso s.r.o.',
    programs: ['direct-bill'],
    defaultLanguage: 'cs',
  },
  provider: { id: 'fabrikam', name: 'Fabrikam Distribution', programs: ['indirect-provider'] },
  reseller: {
    id: 'wingtip',
    name: 'Wingtip Toys',
    programs: ['indirect-reseller'],
    indirectProviderId: 'fabrikam',
  },
} as const;

/** Registers the three partners of `PARTNERS` (as the platform operator). */
export async function registerPartners(http: Http, operator: string): Promise<void> {
  for (const partner of [PARTNERS.direct, PARTNERS.provider, PARTNERS.reseller]) {
    await http.post('/v1/partners').set('Authorization', operator).send(partner).expect(201);
  }
}

/** The secret of an invitation URL (its `token` query parameter). */
export function tokenOf(url: string): string {
  const token = new URL(url).searchParams.get('token');
  if (token === null) throw new Error(`No token in ${url}`);
  return token;
}

/** A valid acceptance body for `token`; `customer` overrides parts of the customer. */
export function acceptanceBody(token: string, customer: Record<string, unknown> = {}) {
  return {
    token,
    customer: { companyName: 'Northwind a.s.', domain: 'northwind.onmicrosoft.com', ...customer },
  };
}

/** Event metadata for commands a test issues through the domain directly. */
export function directContext(partnerId: string, customerId?: string): CommandContext {
  return {
    correlationId: randomUUID(),
    causationId: randomUUID(),
    actor: { userId: 'test', upn: 'test@example.com', role: 'admin-agent' },
    partnerId,
    ...(customerId === undefined ? {} : { customerId }),
    occurredAt: new Date().toISOString(),
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * An invitation of `partnerId` (a direct-bill partner) that expired yesterday, requested
 * through the domain with a past instant; answers its id and the secret of its URL.
 */
export async function expiredInvitation(
  api: TestApi,
  partnerId: string,
): Promise<{ id: string; token: string }> {
  const id = randomUUID();
  const token = randomBytes(32).toString('base64url');
  const command: RequestResellerRelationship = {
    type: 'RequestResellerRelationship',
    data: {
      invitationId: id,
      partnerId,
      partnerPrograms: ['direct-bill'],
      includeDelegatedAdmin: false,
      language: 'en',
      tokenHash: createHash('sha256').update(token).digest('hex'),
      requestedAt: new Date(Date.now() - 31 * DAY_MS).toISOString(),
      expiresAt: new Date(Date.now() - DAY_MS).toISOString(),
    },
  };
  await api.app.get(CommandRunner).run({
    decider: invitationDecider,
    streamId: invitationStream(id),
    command,
    context: directContext(partnerId),
  });
  return { id, token };
}
