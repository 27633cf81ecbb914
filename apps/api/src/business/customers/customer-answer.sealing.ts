import {
  customerStream,
  isErasedProfile,
  type RecordedBillingProfile,
} from '@customer-workspace/customers';
import { isSealedProfile } from '@customer-workspace/personal-data';
import type { AnswerSealing } from '../../platform/idempotency/sealed-answer.js';

interface CustomerAnswer {
  readonly id: string;
  readonly billingProfile: unknown;
  readonly personalDataErased?: boolean;
  /** The position of the customer's event the answer shows. */
  readonly position: string;
}

/**
 * A customer's view kept for retries (`POST /v1/customers`, `PUT …/billing-profile`): its
 * billing profile sealed with the key that sealed it in the customer's event at the answer's
 * `position`, so a replay after an erasure answers it erased, even an erasure recorded while
 * the answer was being kept.
 */
export const customerAnswerSealing: AnswerSealing = {
  async seal(body, profiles, context) {
    const answer = body as CustomerAnswer;
    if (answer.billingProfile === null || answer.billingProfile === undefined) return body;
    const billingProfile = await profiles.seal(
      answer.billingProfile as RecordedBillingProfile,
      answer.id,
      customerStream(answer.id),
      BigInt(answer.position),
      [...context, 'billingProfile'],
    );
    return {
      ...answer,
      billingProfile,
      personalDataErased: isErasedProfile(billingProfile as RecordedBillingProfile),
    };
  },
  async open(kept, profiles, context) {
    const answer = kept as CustomerAnswer;
    if (!isSealedProfile(answer.billingProfile)) return kept;
    const billingProfile = await profiles.open(
      answer.billingProfile,
      [...context, 'billingProfile'],
      `the kept answer about customer ${answer.id}`,
    );
    return { ...answer, billingProfile, personalDataErased: isErasedProfile(billingProfile) };
  },
};
