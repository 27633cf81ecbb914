import { newCustomerBody } from '../fixtures/customers.js';
import type { Workspace } from './workspace.fixtures.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** One command route of the api, with what a valid call of it needs. */
export interface CommandRoute {
  readonly name: string;
  readonly method: 'POST' | 'PUT' | 'DELETE';
  /** The path with the workspace's ids; `ids` replaces some of them (path fuzzing). */
  readonly path: (ws: Workspace, ids?: Partial<Record<IdSlot, string>>) => string;
  /** The id slots of the path, in order. */
  readonly slots: readonly IdSlot[];
  readonly auth: (ws: Workspace) => Record<string, string>;
  /** A valid body: its DTO's class name and a body that passes it. Absent: no body. */
  readonly dto?: string;
  readonly body?: (ws: Workspace) => { [key: string]: Json };
}

export type IdSlot = 'customer' | 'subscription' | 'tag' | 'invitation' | 'relationship';

const admin = (ws: Workspace) => ({ authorization: ws.admin });
const id = (ws: Workspace, slot: IdSlot, ids: Partial<Record<IdSlot, string>> = {}): string =>
  ids[slot] ??
  {
    customer: ws.customerId,
    subscription: ws.subscriptionId,
    tag: ws.tagId,
    invitation: ws.invitationId,
    relationship: 'direct-reseller',
  }[slot];

/**
 * Every command route of the api. The valid bodies are chosen so that even accepted they would
 * be refused later by a rule (acceptance: wrong token; removal: active subscription), except
 * where a fuzz case can never be valid.
 */
export const COMMAND_ROUTES: readonly CommandRoute[] = [
  {
    name: 'POST /v1/partners',
    method: 'POST',
    path: () => '/v1/partners',
    slots: [],
    auth: (ws) => ({ authorization: ws.operator }),
    dto: 'RegisterPartnerDto',
    body: () => ({ id: 'fuzz-partner', name: 'Fuzz Ltd', programs: ['direct-bill'] }),
  },
  {
    name: 'POST /v1/gdap-relationships',
    method: 'POST',
    path: () => '/v1/gdap-relationships',
    slots: [],
    auth: admin,
    dto: 'CreateGdapRelationshipDto',
    body: (ws) => ({
      customerId: ws.customerId,
      displayName: 'Fuzz helpdesk',
      duration: 'P30D',
      autoExtendDuration: 'PT0S',
      roles: ['88d8e3e3-8f55-4a1e-953a-9b9898b8876b'],
    }),
  },
  {
    name: 'POST /v1/gdap-relationships/bulk',
    method: 'POST',
    path: () => '/v1/gdap-relationships/bulk',
    slots: [],
    auth: admin,
    dto: 'GdapBulkDto',
    body: () => ({
      action: 'terminate',
      relationshipIds: ['5b0f8e0e-4c1d-4a53-9a4b-2f1c0d7e8a61'],
    }),
  },
  {
    name: 'POST /v1/customers',
    method: 'POST',
    path: () => '/v1/customers',
    slots: [],
    auth: admin,
    dto: 'AddCustomerDto',
    body: () => newCustomerBody(),
  },
  {
    name: 'PUT /v1/customers/{id}/billing-profile',
    method: 'PUT',
    path: (ws, ids) => `/v1/customers/${id(ws, 'customer', ids)}/billing-profile`,
    slots: ['customer'],
    auth: (ws) => ({ ...admin(ws), 'if-match': '"0"' }),
    dto: 'BillingProfileDto',
    body: (ws) => ws.billingProfile as { [key: string]: Json },
  },
  {
    name: 'POST /v1/relationship-requests',
    method: 'POST',
    path: () => '/v1/relationship-requests',
    slots: [],
    auth: admin,
    dto: 'InviteResellerDto',
    body: () => ({ includeDelegatedAdmin: true, language: 'cs' }),
  },
  {
    name: 'POST /v1/relationship-requests/{id}/acceptance',
    method: 'POST',
    path: (ws, ids) => `/v1/relationship-requests/${id(ws, 'invitation', ids)}/acceptance`,
    slots: ['invitation'],
    auth: () => ({}),
    dto: 'AcceptInvitationDto',
    body: () => ({
      token: 'not-the-token-of-this-invitation',
      customer: { companyName: 'Northwind a.s.', domain: 'northwind.onmicrosoft.com' },
    }),
  },
  {
    name: 'DELETE /v1/relationship-requests/{id}',
    method: 'DELETE',
    path: (ws, ids) => `/v1/relationship-requests/${id(ws, 'invitation', ids)}`,
    slots: ['invitation'],
    auth: admin,
  },
  {
    name: 'POST /v1/customers/{id}/relationships/{relationship}/removal',
    method: 'POST',
    path: (ws, ids) =>
      `/v1/customers/${id(ws, 'customer', ids)}/relationships/${id(ws, 'relationship', ids)}/removal`,
    slots: ['customer', 'relationship'],
    auth: admin,
    dto: 'RemoveRelationshipDto',
    body: () => ({ attestation: { accepted: true, reason: 'The customer moved away' } }),
  },
  {
    name: 'POST /v1/customers/{id}/orders',
    method: 'POST',
    path: (ws, ids) => `/v1/customers/${id(ws, 'customer', ids)}/orders`,
    slots: ['customer'],
    auth: admin,
    dto: 'CreateOrderDto',
    body: () => ({
      catalog: 'online-services',
      relationship: 'direct-reseller',
      lineItems: [
        { offerId: 'CFQ7TTC0LH18:0001', quantity: 5, termDuration: 'P1Y', friendlyName: 'M365' },
      ],
    }),
  },
  ...(['suspend', 'cancel'] as const).map((action): CommandRoute => ({
    name: `POST /v1/customers/{id}/subscriptions/{sid}/${action}`,
    method: 'POST',
    path: (ws, ids) =>
      `/v1/customers/${id(ws, 'customer', ids)}/subscriptions/${id(ws, 'subscription', ids)}/${action}`,
    slots: ['customer', 'subscription'],
    auth: admin,
  })),
  {
    name: 'POST /v1/tags',
    method: 'POST',
    path: () => '/v1/tags',
    slots: [],
    auth: admin,
    dto: 'CreateTagDto',
    body: () => ({ name: 'Fuzzed' }),
  },
  {
    name: 'DELETE /v1/tags/{tagId}',
    method: 'DELETE',
    path: (ws, ids) => `/v1/tags/${id(ws, 'tag', ids)}`,
    slots: ['tag'],
    auth: admin,
  },
  ...(['PUT', 'DELETE'] as const).map((method): CommandRoute => ({
    name: `${method} /v1/customers/{id}/tags/{tagId}`,
    method,
    path: (ws, ids) => `/v1/customers/${id(ws, 'customer', ids)}/tags/${id(ws, 'tag', ids)}`,
    slots: ['customer', 'tag'],
    auth: admin,
  })),
];

/** The routes with a body DTO. */
export const BODY_ROUTES = COMMAND_ROUTES.filter(
  (route): route is CommandRoute & Required<Pick<CommandRoute, 'dto' | 'body'>> =>
    route.body !== undefined,
);
