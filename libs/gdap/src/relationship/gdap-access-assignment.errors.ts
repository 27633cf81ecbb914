import { AppError } from '@customer-workspace/kernel';

/** An assignment grants roles the relationship holds, and only those: the others are named. */
export class AccessRolesNotInRelationship extends AppError {
  readonly kind = 'validation';
  readonly field = 'roles';
  constructor(readonly roleDefinitionIds: readonly string[]) {
    super(
      'access-roles-not-in-relationship',
      `roles holds roles the relationship does not grant: ${roleDefinitionIds.join(', ')}`,
    );
  }
}

/** A security group is an Entra object id (a GUID). */
export class InvalidSecurityGroupId extends AppError {
  readonly kind = 'validation';
  readonly field = 'securityGroupId';
  constructor(readonly securityGroupId: string) {
    super('invalid-security-group-id', `securityGroupId must be a GUID, not ${securityGroupId}`);
  }
}

/** An access assignment id is used once. */
export class GdapAccessAssignmentAlreadyExists extends AppError {
  readonly kind = 'conflict';
  constructor(readonly accessAssignmentId: string) {
    super(
      'gdap-access-assignment-already-exists',
      `Access assignment ${accessAssignmentId} already exists`,
    );
  }
}

/** A security group has one access assignment per relationship; change it by replacing it. */
export class SecurityGroupAlreadyAssigned extends AppError {
  readonly kind = 'conflict';
  readonly field = 'securityGroupId';
  constructor(
    readonly securityGroupId: string,
    readonly accessAssignmentId: string,
  ) {
    super(
      'security-group-already-assigned',
      `Security group ${securityGroupId} has access assignment ${accessAssignmentId} already`,
    );
  }
}

/** No such access assignment in this relationship. */
export class GdapAccessAssignmentNotFound extends AppError {
  readonly kind = 'not-found';
  constructor(readonly accessAssignmentId: string) {
    super(
      'gdap-access-assignment-not-found',
      `Access assignment ${accessAssignmentId} was not found`,
    );
  }
}
