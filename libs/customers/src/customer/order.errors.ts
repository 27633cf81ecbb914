import { AppError } from '@customer-workspace/kernel';
import { MAX_LINE_ITEM_QUANTITY } from '../common/domain.constants.js';

/** An order has at least one line item. */
export class LineItemsRequired extends AppError {
  readonly kind = 'validation';
  constructor() {
    super('line-items-required', 'An order needs at least one line item');
  }
}

/** A line item's quantity is an integer from 1 to 10,000. */
export class QuantityOutOfRange extends AppError {
  readonly kind = 'validation';
  constructor(readonly quantity: number) {
    super(
      'quantity-out-of-range',
      `Quantity ${quantity} is not an integer from 1 to ${MAX_LINE_ITEM_QUANTITY}`,
    );
  }
}

/** An indirect provider names the indirect reseller on record on every line item. */
export class PartnerOnRecordRequired extends AppError {
  readonly kind = 'validation';
  constructor() {
    super(
      'partner-on-record-required',
      'An indirect provider names the indirect reseller on record (partnerIdOnRecord) on every line item',
    );
  }
}

/** Only an order under an indirect-provider relationship names a reseller on record. */
export class PartnerOnRecordNotAllowed extends AppError {
  readonly kind = 'validation';
  constructor() {
    super(
      'partner-on-record-not-allowed',
      'Only an order under an indirect-provider relationship names a partner on record',
    );
  }
}

/** The reseller on record must itself be the customer's indirect reseller. */
export class PartnerOnRecordNotRelated extends AppError {
  readonly kind = 'rule';
  constructor(readonly partnerIdOnRecord: string) {
    super(
      'partner-on-record-not-related',
      `Partner ${partnerIdOnRecord} has no indirect-reseller relationship with the customer`,
    );
  }
}

/** An order id is used once. */
export class OrderAlreadyExists extends AppError {
  readonly kind = 'conflict';
  constructor(readonly orderId: string) {
    super('order-already-exists', `Order ${orderId} already exists`);
  }
}

/** A subscription id is used once per customer. */
export class SubscriptionIdTaken extends AppError {
  readonly kind = 'conflict';
  constructor(readonly subscriptionId: string) {
    super('subscription-id-taken', `Subscription id ${subscriptionId} is already used`);
  }
}

/** No such subscription ordered by the caller (another partner's answers the same). */
export class SubscriptionNotFound extends AppError {
  readonly kind = 'not-found';
  constructor(readonly subscriptionId: string) {
    super('subscription-not-found', `Subscription ${subscriptionId} was not found`);
  }
}

/** Only an active subscription can be suspended. */
export class SubscriptionAlreadySuspended extends AppError {
  readonly kind = 'conflict';
  constructor(readonly subscriptionId: string) {
    super('subscription-already-suspended', `Subscription ${subscriptionId} is already suspended`);
  }
}

/** Cancellation is final. */
export class SubscriptionAlreadyCancelled extends AppError {
  readonly kind = 'conflict';
  constructor(readonly subscriptionId: string) {
    super('subscription-already-cancelled', `Subscription ${subscriptionId} is cancelled`);
  }
}
