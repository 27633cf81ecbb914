import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ALLOWED_ROLES, type AuthenticatedRequest, PUBLIC_ROUTE } from './auth.decorators.js';
import { RoleNotAllowed, Unauthenticated } from '@customer-workspace/auth';
import type { Role } from '@customer-workspace/auth';
import { VerifiedTokens } from '@customer-workspace/auth';

export const JWT_KEY = Symbol('JWT_KEY');
const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]+)$/;

/**
 * Global guard: every route needs a valid bearer token unless marked `@Public()`; a route
 * marked `@Roles(...)` also needs one of those roles (401 before 403).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly tokens: VerifiedTokens;

  constructor(
    private readonly reflector: Reflector,
    @Inject(JWT_KEY) key: Uint8Array,
  ) {
    this.tokens = new VerifiedTokens(key);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? BEARER.exec(header) : null;
    if (!match) throw new Unauthenticated('An "Authorization: Bearer <token>" header is required');
    request.principal = await this.tokens.principalOf(match[1] as string);
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (allowed && !request.principal.roles.some((role) => allowed.includes(role))) {
      throw new RoleNotAllowed(allowed);
    }
    return true;
  }
}
