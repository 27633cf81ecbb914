import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ALLOWED_ROLES, type AuthenticatedRequest, PUBLIC_ROUTE } from './auth.decorators.js';
import { RoleNotAllowed, Unauthenticated } from './auth.errors.js';
import type { Role } from './roles.js';
import { verifyToken } from './tokens.js';

export const JWT_KEY = Symbol('JWT_KEY');

/**
 * Global guard: every route needs a valid bearer token unless marked `@Public()`; a route
 * marked `@Roles(...)` also needs one of those roles (401 before 403).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(JWT_KEY) private readonly key: Uint8Array,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header) : null;
    if (!match) throw new Unauthenticated('An "Authorization: Bearer <token>" header is required');
    request.principal = await verifyToken(match[1] as string, this.key);
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (allowed && !request.principal.roles.some((role) => allowed.includes(role))) {
      throw new RoleNotAllowed(allowed);
    }
    return true;
  }
}
