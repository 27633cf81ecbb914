import { AppError } from '@customer-workspace/kernel';

/** A relationship or an access assignment asks for at least one role. */
export class GdapRolesRequired extends AppError {
  readonly kind = 'validation';
  readonly field = 'roles';
  constructor() {
    super('gdap-roles-required', 'roles must name at least one role definition id');
  }
}

/** Role definition ids outside the catalog of Entra built-in roles: every one is named. */
export class UnknownGdapRoles extends AppError {
  readonly kind = 'validation';
  readonly field = 'roles';
  constructor(readonly roleDefinitionIds: readonly string[]) {
    super(
      'unknown-gdap-roles',
      `roles holds ids that are no Entra built-in role of the catalog: ${roleDefinitionIds.join(', ')}`,
    );
  }
}

/** Global Administrator cannot be granted by a relationship that auto-extends. */
export class GlobalAdministratorCannotAutoExtend extends AppError {
  readonly kind = 'rule';
  readonly field = 'autoExtendDuration';
  constructor() {
    super(
      'global-administrator-cannot-auto-extend',
      'A relationship that includes the Global Administrator role cannot auto-extend (autoExtendDuration must be PT0S)',
    );
  }
}
