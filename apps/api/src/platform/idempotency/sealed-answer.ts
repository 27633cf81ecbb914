import { SetMetadata } from '@nestjs/common';
import type { KeptProfiles } from '@customer-workspace/personal-data';

/**
 * How a route's answer holding personal data is kept for retries (docs/product.md rule 8): the
 * personal data sealed with the key that sealed it in the subject's events (`KeptProfiles`),
 * so the stored answer shows nothing in clear and, once the subject's personal data is erased,
 * replays erased. `context` names the stored
 * answer (its idempotency key) for the sealed values' associated data.
 */
export interface AnswerSealing {
  seal(body: unknown, profiles: KeptProfiles, context: readonly string[]): Promise<unknown>;
  open(kept: unknown, profiles: KeptProfiles, context: readonly string[]): Promise<unknown>;
}

/** Who a kept answer is about (its rows are forgotten when that subject is erased). */
export const subjectOfAnswer = (body: unknown): string | undefined => {
  const id = (body as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : undefined;
};

export const SEALED_ANSWER = 'idempotency:sealed-answer';

/** Marks a route whose answer holds personal data: kept sealed by `sealing` (see `AnswerSealing`). */
export const SealedAnswer = (sealing: AnswerSealing): MethodDecorator =>
  SetMetadata(SEALED_ANSWER, sealing);
