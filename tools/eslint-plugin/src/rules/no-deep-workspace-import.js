// @ts-check
/**
 * Workspace packages talk through their public entries: `@bulwark/x`, or a subpath `x` declares in its
 * package.json `exports` (`@bulwark/offline/testing`). Importing another package's sources
 * (`@bulwark/x/src/...`) couples to its file layout, skips what its entry chooses to export and hides the
 * dependency from readers of that entry.
 */

const DEEP_SOURCE_IMPORT = /^@bulwark\/[^/]+\/src(?:\/|$)/;

/** @type {import('eslint').Rule.RuleModule} */
const noDeepWorkspaceImport = {
  meta: {
    type: 'problem',
    docs: {
      description: "Disallow importing another workspace package's sources (`@bulwark/x/src/...`); use its entry or an exported subpath.",
    },
    messages: {
      deepImport:
        "'{{specifier}}' reaches into the sources of {{packageName}}. Import {{packageName}} (or a subpath its package.json " +
        '"exports" declares, such as {{packageName}}/testing), and export what you need from there.',
    },
    schema: [],
  },
  create(context) {
    /** @param {import('estree').Node | null | undefined} node */
    const check = (node) => {
      if (!node || node.type !== 'Literal' || typeof node.value !== 'string' || !DEEP_SOURCE_IMPORT.test(node.value)) return;
      const packageName = node.value.split('/').slice(0, 2).join('/');
      context.report({ node, messageId: 'deepImport', data: { specifier: node.value, packageName } });
    };
    /** Calls that take a module specifier as their first argument. */
    const isModuleCall = (/** @type {import('estree').CallExpression} */ call) => {
      const callee = call.callee;
      if (callee.type === 'Identifier') return callee.name === 'require';
      if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier') return false;
      const object = callee.object;
      if (object.type === 'Identifier' && object.name === 'require') return callee.property.name === 'resolve';
      if (object.type === 'Identifier' && object.name === 'jest') return ['mock', 'requireActual', 'doMock', 'unmock'].includes(callee.property.name);
      return false;
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      CallExpression: (node) => {
        if (isModuleCall(node)) check(/** @type {import('estree').Node} */ (node.arguments[0]));
      },
      /** @param {any} node `import x = require('...')` (TypeScript) */
      TSExternalModuleReference: (node) => check(node.expression),
      /** @param {any} node `import('...')` in a type position */
      TSImportType: (node) => check(node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.argument),
    };
  },
};

module.exports = noDeepWorkspaceImport;
