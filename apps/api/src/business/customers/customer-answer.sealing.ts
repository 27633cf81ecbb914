import { isErasedProfile, type RecordedBillingProfile } from '@customer-workspace/customers';
import { isSealedProfile } from '@customer-workspace/personal-data';
import type { AnswerSealing } from '../../platform/idempotency/sealed-answer.js';

interface CustomerAnswer {
  readonly id: string;
  readonly billingProfile: unknown;
  readonly personalDataErased?: boolean;
}

/**
 * A customer's view kept for retries (`POST /v1/customers`, `PUT …/billing-profile`): its
 * billing profile sealed with the customer's key like the events' are, so a replay after the
 * erasure answers it erased.
 */
export const customerAnswerSealing: AnswerSealing = {
  async seal(body, sealing, context) {
    const answer = body as CustomerAnswer;
    if (answer.billingProfile === null || answer.billingProfile === undefined) return body;
    const billingProfile = await sealing.seal(
      answer.billingProfile as RecordedBillingProfile,
      answer.id,
      [...context, 'billingProfile'],
    );
    return { ...answer, billingProfile };
  },
  async open(kept, sealing, context) {
    const answer = kept as CustomerAnswer;
    if (!isSealedProfile(answer.billingProfile)) return kept;
    const billingProfile = await sealing.open(
      answer.billingProfile,
      [...context, 'billingProfile'],
      `the kept answer about customer ${answer.id}`,
    );
    return { ...answer, billingProfile, personalDataErased: isErasedProfile(billingProfile) };
  },
};
