import { SetMetadata } from '@nestjs/common';
import type { ProfileSealing } from '@customer-workspace/personal-data';

/**
 * How a route's answer holding personal data is kept for retries (docs/product.md rule 8): the
 * personal data sealed with the subject's key, so the stored answer shows nothing in clear
 * and, once the subject's personal data is erased, replays erased. `context` names the stored
 * answer (its idempotency key) for the sealed values' associated data.
 */
export interface AnswerSealing {
  seal(body: unknown, sealing: ProfileSealing, context: readonly string[]): Promise<unknown>;
  open(kept: unknown, sealing: ProfileSealing, context: readonly string[]): Promise<unknown>;
}

export const SEALED_ANSWER = 'idempotency:sealed-answer';

/** Marks a route whose answer holds personal data: kept sealed by `sealing` (see `AnswerSealing`). */
export const SealedAnswer = (sealing: AnswerSealing): MethodDecorator =>
  SetMetadata(SEALED_ANSWER, sealing);
