import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { type AuthenticatedRequest, PUBLIC_ROUTE } from '../auth/auth.decorators.js';
import { HealthController } from '../health/health.controller.js';
import { MetricsController } from '../observability/metrics.controller.js';

/** Probes and scrapes are never limited (the docs are served outside Nest, unguarded too). */
const UNLIMITED: ReadonlySet<unknown> = new Set([HealthController, MetricsController]);

/**
 * Rate limiting per partner (Partner Center: 500 requests per minute per tenant): one sliding
 * window per partner (`tid`) across all routes, so one partner exhausting its quota never
 * slows another. Public routes (invitation acceptance) are counted per client address.
 *
 * Registered as a global guard after `AuthGuard`, so the principal is known here; a guarded
 * route without one means the order broke, which must not silently fall back to addresses.
 */
@Injectable()
export class PartnerThrottlerGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return UNLIMITED.has(context.getClass());
  }

  protected override async getTracker(
    request: AuthenticatedRequest,
    context?: ExecutionContext,
  ): Promise<string> {
    if (request.principal) return `partner:${request.principal.partnerId}`;
    if (context && !this.isPublic(context)) {
      throw new Error('PartnerThrottlerGuard ran before AuthGuard: no principal to limit');
    }
    return `address:${request.ip}`;
  }

  /** One budget per tracker for the whole api, not one per route. */
  protected override generateKey(
    _context: ExecutionContext,
    tracker: string,
    name: string,
  ): string {
    return `${name}:${tracker}`;
  }

  private isPublic(context: ExecutionContext): boolean {
    return (
      this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [
        context.getHandler(),
        context.getClass(),
      ]) === true
    );
  }
}
