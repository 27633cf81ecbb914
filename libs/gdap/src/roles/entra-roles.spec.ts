import {
  catalogRoles,
  ENTRA_ROLES,
  entraRoleName,
  GLOBAL_ADMINISTRATOR_ROLE_ID,
  includesGlobalAdministrator,
} from './entra-roles.js';

const DIRECTORY_READERS = '88d8e3e3-8f55-4a1e-953a-9b9898b8876b';
const GLOBAL_READER = 'f2ef992c-3afb-46b9-b7cf-a126ee74c451';

describe('the catalog of Entra built-in roles', () => {
  it.each([
    [DIRECTORY_READERS, 'Directory Readers'],
    [GLOBAL_READER, 'Global Reader'],
    ['729827e3-9c14-49f7-bb1b-9608f156bbb8', 'Helpdesk Administrator'],
    ['fe930be7-5e62-47db-91af-98c3a49a38b1', 'User Administrator'],
    ['4d6ac14f-3453-41d0-bef9-a3e0c569773a', 'License Administrator'],
    ['62e90394-69f5-4237-9190-012177145e10', 'Global Administrator'],
    ['5d6b6bb7-de71-4623-b4af-96380a352509', 'Security Reader'],
    ['194ae4cb-b126-40b2-bd5b-6091b380977d', 'Security Administrator'],
    ['29232cdf-9323-42fd-ade2-1d097af3e4de', 'Exchange Administrator'],
    ['f28a1f50-f6e7-4571-818b-6a12f2af6b6c', 'SharePoint Administrator'],
    ['69091246-20e8-4a56-aa4d-066075b2a7a8', 'Teams Administrator'],
    ['b0f54661-2d74-4c50-afa3-1ec803f12efe', 'Billing Administrator'],
    ['e8611ab8-c189-46e8-94e1-60213ab1f814', 'Privileged Role Administrator'],
    ['158c047a-c907-4556-b7ef-446551a6b5f7', 'Cloud Application Administrator'],
    ['9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3', 'Application Administrator'],
    ['3a2c62db-5318-420d-8d74-23affee5d9d5', 'Intune Administrator'],
  ])('names %s %s', (id, name) => {
    expect(entraRoleName(id)).toBe(name);
    expect(entraRoleName(id.toUpperCase())).toBe(name);
  });

  it('holds lowercase GUIDs and distinct names only', () => {
    const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    for (const id of ENTRA_ROLES.keys()) expect(id).toMatch(guid);
    const names = [...ENTRA_ROLES.values()];
    expect(new Set(names).size).toBe(names.length);
  });

  it('keeps the roles asked for in lowercase, each once, in the order given', () => {
    expect(catalogRoles([GLOBAL_READER, DIRECTORY_READERS.toUpperCase(), GLOBAL_READER])).toEqual([
      GLOBAL_READER,
      DIRECTORY_READERS,
    ]);
  });

  it('refuses ids outside the catalog, naming every one of them', () => {
    const unknown = ['00000000-0000-0000-0000-000000000001', 'not-a-role'];
    expect(() => catalogRoles([GLOBAL_READER, ...unknown])).toThrow(
      expect.objectContaining({
        code: 'unknown-gdap-roles',
        kind: 'validation',
        field: 'roles',
        roleDefinitionIds: unknown,
      }),
    );
  });

  it('refuses an empty list of roles', () => {
    expect(() => catalogRoles([])).toThrow(
      expect.objectContaining({ code: 'gdap-roles-required', kind: 'validation' }),
    );
  });

  it('tells whether the roles include Global Administrator', () => {
    expect(includesGlobalAdministrator([GLOBAL_READER, GLOBAL_ADMINISTRATOR_ROLE_ID])).toBe(true);
    expect(includesGlobalAdministrator([GLOBAL_READER])).toBe(false);
  });
});
