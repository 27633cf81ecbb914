import { AppError } from '@customer-workspace/kernel';
import { MAX_TAG_NAME_LENGTH } from '../common/domain.constants.js';

/** A partner id can be registered once. */
export class PartnerAlreadyRegistered extends AppError {
  readonly kind = 'conflict';
  constructor(readonly partnerId: string) {
    super('partner-already-registered', `Partner ${partnerId} is already registered`);
  }
}

/** The command needs a registered partner. */
export class PartnerNotFound extends AppError {
  readonly kind = 'not-found';
  constructor(readonly partnerId: string) {
    super('partner-not-found', `Partner ${partnerId} is not registered`);
  }
}

/** A partner needs a name that is not blank. */
export class PartnerNameRequired extends AppError {
  readonly kind = 'validation';
  constructor() {
    super('partner-name-required', 'The partner name must not be blank');
  }
}

/** A partner is enrolled in at least one program. */
export class ProgramsRequired extends AppError {
  readonly kind = 'validation';
  constructor() {
    super('programs-required', 'A partner must be enrolled in at least one program');
  }
}

/** Each program is listed once. */
export class DuplicatePrograms extends AppError {
  readonly kind = 'validation';
  constructor(readonly programs: readonly string[]) {
    super('duplicate-programs', `Programs are listed more than once: ${programs.join(', ')}`);
  }
}

/** An indirect reseller sells through an indirect provider and must name it. */
export class IndirectProviderRequired extends AppError {
  readonly kind = 'validation';
  constructor() {
    super('indirect-provider-required', 'An indirect reseller must name its indirect provider');
  }
}

/** Only an indirect reseller names an indirect provider. */
export class IndirectProviderNotAllowed extends AppError {
  readonly kind = 'validation';
  constructor() {
    super(
      'indirect-provider-not-allowed',
      'Only a partner in the indirect-reseller program names an indirect provider',
    );
  }
}

/** The named indirect provider is not a registered partner. */
export class IndirectProviderUnknown extends AppError {
  readonly kind = 'rule';
  constructor(readonly indirectProviderId: string) {
    super('indirect-provider-unknown', `No partner ${indirectProviderId} is registered`);
  }
}

/** The named indirect provider is registered but not in the indirect-provider program. */
export class NotAnIndirectProvider extends AppError {
  readonly kind = 'rule';
  constructor(readonly indirectProviderId: string) {
    super(
      'not-an-indirect-provider',
      `Partner ${indirectProviderId} is not in the indirect-provider program`,
    );
  }
}

/** A tag name has 1 to 50 characters after trimming. */
export class InvalidTagName extends AppError {
  readonly kind = 'validation';
  constructor() {
    super(
      'invalid-tag-name',
      `A tag name must have 1 to ${MAX_TAG_NAME_LENGTH} characters after trimming`,
    );
  }
}

/** Tag names are unique per partner, ignoring case. */
export class TagNameTaken extends AppError {
  readonly kind = 'conflict';
  constructor(readonly existingName: string) {
    super('tag-name-taken', `A tag named "${existingName}" already exists`);
  }
}

/** A tag id is used once. */
export class TagAlreadyExists extends AppError {
  readonly kind = 'conflict';
  constructor(readonly tagId: string) {
    super('tag-already-exists', `Tag ${tagId} already exists`);
  }
}

/** The tag is not in the partner's catalog. */
export class TagNotFound extends AppError {
  readonly kind = 'not-found';
  constructor(readonly tagId: string) {
    super('tag-not-found', `Tag ${tagId} was not found`);
  }
}
