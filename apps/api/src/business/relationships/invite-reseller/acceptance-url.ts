import type { FastifyRequest } from 'fastify';

/**
 * The origin the partner called the api on (`protocol://host[:port]`): the base of acceptance
 * URLs when `PUBLIC_BASE_URL` is not set. Behind a proxy, set `PUBLIC_BASE_URL`: the Host
 * header is the caller's to choose.
 */
export const requestOrigin = (request: FastifyRequest): string =>
  `${request.protocol}://${request.host}`;

/** `{base}/invitations/{id}/accept?token={secret}`: the secret is the `token` query parameter. */
export function acceptanceUrl(base: string, invitationId: string, token: string): string {
  const origin = base.replace(/\/+$/, '');
  return `${origin}/invitations/${encodeURIComponent(invitationId)}/accept?token=${encodeURIComponent(token)}`;
}
