import {
  type CallHandler,
  type ExecutionContext,
  HttpStatus,
  Inject,
  Injectable,
  type NestInterceptor,
  RequestMethod,
  SetMetadata,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { KeptProfiles } from '@customer-workspace/personal-data';
import { catchError, concatMap, from, type Observable, throwError } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/auth.decorators.js';
import { ValidationFailed } from '../errors/validation-failed.js';
import {
  IdempotencyKeyInFlight,
  IdempotencyKeyReused,
  IdempotentAnswerWithheld,
} from './idempotency.errors.js';
import { IdempotencyStore } from './idempotency.store.js';
import { requestFingerprint } from './fingerprint.js';
import { type AnswerSealing, SEALED_ANSWER, subjectOfAnswer } from './sealed-answer.js';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;
/** A claim older than this belongs to an attempt whose process died: it may be taken over. */
const STALE_CLAIM_MS = 60_000;
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Marks a route whose answer holds a secret (an invitation URL): the answer is not kept with
 * the key, so a retry cannot replay it; it answers 409 naming the resource created instead.
 * `holdsSecret` narrows it to the answers that do (a route that answers a secret for one
 * action only): the others are kept and replayed as usual.
 */
export const SECRET_RESPONSE = 'idempotency:secret-response';
export type SecretAnswerTest = (body: unknown) => boolean;
export const SecretResponse = (holdsSecret?: SecretAnswerTest): MethodDecorator =>
  SetMetadata(SECRET_RESPONSE, holdsSecret ?? true);

export type IdempotentRequest = AuthenticatedRequest & {
  idempotencyKey?: { scope: string; key: string };
};

/**
 * `Idempotency-Key` on commands: the same key and body answer the first response again and
 * change nothing; the same key with another body answers 422. Keys are per partner. An answer
 * holding personal data (`@SealedAnswer`) is kept sealed and replayed opened (or erased).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly profiles: KeptProfiles,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<IdempotentRequest>();
    const key = request.headers[IDEMPOTENCY_HEADER];
    if (key === undefined || !WRITE_METHODS.has(request.method)) return next.handle();
    if (typeof key !== 'string' || !KEY_FORMAT.test(key)) {
      throw new ValidationFailed([
        { field: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters' },
      ]);
    }
    const scope = request.principal?.partnerId ?? 'public';
    const fingerprint = requestFingerprint(request.method, request.url, request.body);
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const sealed = this.reflector.get<AnswerSealing | undefined>(
      SEALED_ANSWER,
      context.getHandler(),
    );
    const answerContext = ['idempotent-answer', scope, key];
    const replayed = this.replay(scope, key, fingerprint, reply, (body) =>
      sealed ? sealed.open(body, this.profiles, answerContext) : Promise.resolve(body),
    );
    if (replayed) return replayed;
    if (!this.store.claim(scope, key, fingerprint, Date.now(), STALE_CLAIM_MS)) {
      return from(Promise.reject(this.conflictFor(scope, key, fingerprint)));
    }
    request.idempotencyKey = { scope, key };
    const status = this.statusOf(context, request.method);
    const secret = this.reflector.get<true | SecretAnswerTest | undefined>(
      SECRET_RESPONSE,
      context.getHandler(),
    );
    return next.handle().pipe(
      concatMap(async (body) => {
        if (secret === true || secret?.(body) === true)
          this.store.complete(scope, key, status, withheld(body));
        else if (!sealed) this.store.complete(scope, key, status, body);
        else await this.keepSealed(scope, key, status, body, sealed, answerContext);
        return body;
      }),
      catchError((error: unknown) => {
        this.store.release(scope, key);
        return throwError(() => error);
      }),
    );
  }

  /**
   * Keeps an answer holding personal data sealed, with whom it is about (forgotten at their
   * erasure). An answer erased while it was being kept (the subject was erased meanwhile) is
   * not kept: its fingerprint hashes the personal data, and a retry answers erased from the
   * events anyway.
   */
  private async keepSealed(
    scope: string,
    key: string,
    status: number,
    body: unknown,
    sealed: AnswerSealing,
    answerContext: readonly string[],
  ): Promise<void> {
    const kept = await sealed.seal(body, this.profiles, answerContext);
    if (isErasedAnswer(kept) && !isErasedAnswer(body)) this.store.release(scope, key);
    else this.store.complete(scope, key, status, kept, subjectOfAnswer(body));
  }

  private replay(
    scope: string,
    key: string,
    fingerprint: string,
    reply: FastifyReply,
    open: (kept: unknown) => Promise<unknown>,
  ): Observable<unknown> | undefined {
    const stored = this.store.find(scope, key);
    if (!stored || stored.status === null) return undefined;
    if (stored.fingerprint !== fingerprint) throw new IdempotencyKeyReused();
    if (isWithheld(stored.body)) throw new IdempotentAnswerWithheld(stored.body.id);
    void reply.status(stored.status).header('Idempotent-Replayed', 'true');
    return from(open(stored.body));
  }

  private conflictFor(scope: string, key: string, fingerprint: string): Error {
    const stored = this.store.find(scope, key);
    return stored && stored.fingerprint !== fingerprint
      ? new IdempotencyKeyReused()
      : new IdempotencyKeyInFlight();
  }

  private statusOf(context: ExecutionContext, method: string): number {
    const declared = this.reflector.get<number | undefined>(
      HTTP_CODE_METADATA,
      context.getHandler(),
    );
    return (
      declared ??
      (method === RequestMethod[RequestMethod.POST] ? HttpStatus.CREATED : HttpStatus.OK)
    );
  }
}

interface Withheld {
  readonly withheld: true;
  readonly id?: string;
}

/** What is kept of an answer holding a secret: only the id of what was created. */
function withheld(body: unknown): Withheld {
  const id = (body as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? { withheld: true, id } : { withheld: true };
}

function isWithheld(body: unknown): body is Withheld {
  return (body as { withheld?: unknown } | null)?.withheld === true;
}

function isErasedAnswer(body: unknown): boolean {
  return (body as { personalDataErased?: unknown } | null)?.personalDataErased === true;
}
