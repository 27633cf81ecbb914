// @ts-check
/**
 * ESLint rule `workspace/boundaries`: keeps the packages of this npm workspace apart.
 *
 * - A relative import never leaves its package: another package is imported by its name.
 * - A package imports only the workspace packages it declares in its package.json
 *   `dependencies`, so the direction of dependencies (apps -> libs -> kernel) is written
 *   down once, where npm reads it too.
 * - Only a package's public entries (its `exports`) are imported, never its internals; the
 *   `testing` entries only from tests.
 * - A package marked `"customerWorkspace": { "pure": true }` (the kernel, the domain) imports
 *   nothing but its workspace dependencies: no framework, no I/O — save the libraries of pure
 *   computation it names in `"customerWorkspace": { "pureLibraries": [...] }` (and depends on).
 *
 * Tests and fixtures outside any package (`test/`) may import every package's public entries.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCOPE = '@customer-workspace/';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** @typedef {{ name: string, dir: string, dependencies: Set<string>, exports: Set<string>, pure: boolean, pureLibraries: Set<string> }} Pkg */

/** @returns {Pkg[]} */
function loadPackages() {
  const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return rootManifest.workspaces.map((/** @type {string} */ workspace) => {
    const dir = join(root, workspace);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    return {
      name: manifest.name,
      dir,
      dependencies: new Set(Object.keys(manifest.dependencies ?? {})),
      exports: new Set(Object.keys(manifest.exports ?? { '.': '' })),
      pure: manifest.customerWorkspace?.pure === true,
      pureLibraries: new Set(
        (manifest.customerWorkspace?.pureLibraries ?? []).filter(
          (/** @type {string} */ library) => library in (manifest.dependencies ?? {}),
        ),
      ),
    };
  });
}

const packages = loadPackages();
const byName = new Map(packages.map((pkg) => [pkg.name, pkg]));
const inside = (/** @type {string} */ file, /** @type {string} */ dir) =>
  file === dir || file.startsWith(dir + sep);
const ownerOf = (/** @type {string} */ file) => packages.find((pkg) => inside(file, pkg.dir));
const isTestFile = (/** @type {string} */ file) =>
  /\.(spec|e2e-spec|chaos-spec|fixtures)\.ts$/.test(file) ||
  file.split(sep).includes('testing') ||
  inside(file, join(root, 'test'));

/** @type {import('eslint').Rule.RuleModule} */
const boundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps the workspace packages apart and their dependencies one-way' },
    schema: [],
  },
  create(context) {
    const file = resolve(context.filename);
    const owner = ownerOf(file);
    const test = isTestFile(file);

    /** @param {import('estree').Node} node @param {string} source */
    function check(node, source) {
      const report = (/** @type {string} */ message) => context.report({ node, message });
      if (source.startsWith('.')) {
        const target = resolve(dirname(file), source);
        const targetOwner = ownerOf(target);
        if (targetOwner !== owner) {
          const name = targetOwner ? targetOwner.name : 'the package';
          return report(
            `'${source}' reaches outside ${owner ? owner.name : 'its folder'} into ` +
              `${relative(root, target)}: import ${name} by its name`,
          );
        }
        if (owner && !test && target.split(sep).includes('testing'))
          report(`'${source}' is a test helper: production code may not import it`);
        return;
      }
      if (source.startsWith(SCOPE)) {
        const [scope, base, ...rest] = source.split('/');
        const name = `${scope}/${base}`;
        const sub = rest.length === 0 ? '.' : `./${rest.join('/')}`;
        const target = byName.get(name);
        if (!target) return report(`${name} is not a package of this workspace`);
        if (owner && target === owner)
          return report(`${owner.name} imports itself by name: use a relative path`);
        if (owner && !owner.dependencies.has(name))
          return report(
            `${owner.name} may not import ${name}: it is not among its dependencies ` +
              `(dependencies point apps -> libs -> kernel)`,
          );
        if (!target.exports.has(sub))
          return report(`'${source}' is internal to ${name}: import its public entry '${name}'`);
        if (sub === './testing' && !test) return report(`'${source}' is for tests only`);
        return;
      }
      if (owner?.pure && !test && !owner.pureLibraries.has(source))
        report(`${owner.name} is pure (no framework, no I/O): it may not import '${source}'`);
    }

    /** A module name written as a string or as a template without substitutions. */
    const literal = (/** @type {any} */ node) => {
      if (node?.type === 'Literal' && typeof node.value === 'string') return node.value;
      if (node?.type === 'TemplateLiteral' && node.expressions.length === 0)
        return node.quasis[0].value.cooked;
      return undefined;
    };
    /** @param {any} node */
    const fromSource = (node) => {
      if (node.source && typeof node.source.value === 'string') check(node, node.source.value);
    };
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression(node) {
        const source = literal(node.source);
        if (source !== undefined) check(node, source);
      },
      CallExpression(node) {
        const source = literal(node.arguments[0]);
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && source)
          check(node, source);
      },
      /** `import x = require('…')` (TypeScript). */
      TSExternalModuleReference(/** @type {any} */ node) {
        const source = literal(node.expression);
        if (source !== undefined) check(node, source);
      },
    };
  },
};

export default { rules: { boundaries } };
