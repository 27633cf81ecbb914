import { GdapRolesRequired, UnknownGdapRoles } from './roles.errors.js';

/** The template id of the Global Administrator role: it never auto-extends. */
export const GLOBAL_ADMINISTRATOR_ROLE_ID = '62e90394-69f5-4237-9190-012177145e10';

/**
 * The Entra built-in roles a GDAP relationship may ask for, by role template id (the ids are
 * the same in every tenant and never change). Those partners commonly ask for; a role missing
 * here is refused until it is added, with its id checked against Entra's list of built-in roles.
 */
export const ENTRA_ROLES: ReadonlyMap<string, string> = new Map([
  ['9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3', 'Application Administrator'],
  ['c4e39bd9-1100-46d3-8c65-fb160da0071f', 'Authentication Administrator'],
  ['0526716b-113d-4c15-b2c8-68e3c22b9f80', 'Authentication Policy Administrator'],
  ['b0f54661-2d74-4c50-afa3-1ec803f12efe', 'Billing Administrator'],
  ['158c047a-c907-4556-b7ef-446551a6b5f7', 'Cloud Application Administrator'],
  ['7698a772-787b-4ac8-901f-60d6b08affd2', 'Cloud Device Administrator'],
  ['17315797-102d-40b4-93e0-432062caca18', 'Compliance Administrator'],
  ['b1be1c3e-b65d-4f19-8427-f6fa0d97feb9', 'Conditional Access Administrator'],
  ['88d8e3e3-8f55-4a1e-953a-9b9898b8876b', 'Directory Readers'],
  ['9360feb5-f418-4baa-8175-e2a00bac4301', 'Directory Writers'],
  ['8329153b-31d0-4727-b945-745eb3bc5f31', 'Domain Name Administrator'],
  ['44367163-eba1-44c3-98af-f5787879f96a', 'Dynamics 365 Administrator'],
  ['29232cdf-9323-42fd-ade2-1d097af3e4de', 'Exchange Administrator'],
  ['31392ffb-586c-42d1-9346-e59415a2cc4e', 'Exchange Recipient Administrator'],
  ['a9ea8996-122f-4c74-9520-8edcd192826c', 'Fabric Administrator'],
  [GLOBAL_ADMINISTRATOR_ROLE_ID, 'Global Administrator'],
  ['f2ef992c-3afb-46b9-b7cf-a126ee74c451', 'Global Reader'],
  ['fdd7a751-b60b-444a-984c-02652fe8fa1c', 'Groups Administrator'],
  ['729827e3-9c14-49f7-bb1b-9608f156bbb8', 'Helpdesk Administrator'],
  ['8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2', 'Hybrid Identity Administrator'],
  ['3a2c62db-5318-420d-8d74-23affee5d9d5', 'Intune Administrator'],
  ['4d6ac14f-3453-41d0-bef9-a3e0c569773a', 'License Administrator'],
  ['790c1fb9-7f7d-4f88-86a1-ef1f95c05c1b', 'Message Center Reader'],
  ['2b745bdf-0803-4d80-aa65-822c4493daac', 'Office Apps Administrator'],
  ['966707d0-3269-4727-9be2-8c3a10f19b9d', 'Password Administrator'],
  ['11648597-926c-4cf3-9c36-bcebb0ba8dcc', 'Power Platform Administrator'],
  ['7be44c8a-adaf-4e2a-84d6-ab2649e08a13', 'Privileged Authentication Administrator'],
  ['e8611ab8-c189-46e8-94e1-60213ab1f814', 'Privileged Role Administrator'],
  ['4a5d8f65-41da-4de4-8968-e035b65339cf', 'Reports Reader'],
  ['194ae4cb-b126-40b2-bd5b-6091b380977d', 'Security Administrator'],
  ['5f2222b1-57c3-48ba-8ad5-d4759f1fde6f', 'Security Operator'],
  ['5d6b6bb7-de71-4623-b4af-96380a352509', 'Security Reader'],
  ['f023fd81-a637-4b56-95fd-791ac0226033', 'Service Support Administrator'],
  ['f28a1f50-f6e7-4571-818b-6a12f2af6b6c', 'SharePoint Administrator'],
  ['75941009-915a-4869-abe7-691bff18279e', 'Skype for Business Administrator'],
  ['69091246-20e8-4a56-aa4d-066075b2a7a8', 'Teams Administrator'],
  ['baf37b3a-610e-45da-9e62-d9d1e5e8914b', 'Teams Communications Administrator'],
  ['3d762c5a-1b6c-493f-843e-55a3b42923d4', 'Teams Devices Administrator'],
  ['fe930be7-5e62-47db-91af-98c3a49a38b1', 'User Administrator'],
  ['11451d60-acb2-45eb-a7d6-43d0f0125c13', 'Windows 365 Administrator'],
]);

/** The display name of a role of the catalog, or undefined for an id it does not hold. */
export const entraRoleName = (roleDefinitionId: string): string | undefined =>
  ENTRA_ROLES.get(roleDefinitionId.toLowerCase());

/**
 * The roles a relationship asks for, as it keeps them: ids in lowercase, each once, in the
 * order first given. Ids outside the catalog are refused all at once (`UnknownGdapRoles`
 * names every one), as is an empty list (`GdapRolesRequired`).
 */
export function catalogRoles(roleDefinitionIds: readonly string[]): string[] {
  if (roleDefinitionIds.length === 0) throw new GdapRolesRequired();
  const roles = [...new Set(roleDefinitionIds.map((id) => id.toLowerCase()))];
  const unknown = roles.filter((id) => !ENTRA_ROLES.has(id));
  if (unknown.length > 0) throw new UnknownGdapRoles(unknown);
  return roles;
}

/** Whether the roles include Global Administrator. */
export const includesGlobalAdministrator = (roles: readonly string[]): boolean =>
  roles.includes(GLOBAL_ADMINISTRATOR_ROLE_ID);
