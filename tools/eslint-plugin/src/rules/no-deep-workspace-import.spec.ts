import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import noDeepWorkspaceImport from './no-deep-workspace-import';

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser } });

tester.run('no-deep-workspace-import', noDeepWorkspaceImport, {
  valid: [
    { name: 'Compliance: a package entry', code: "import { runProgram } from '@bulwark/offline';" },
    { name: 'Compliance: an exported subpath', code: "import { evaluate } from '@bulwark/policy-kit/testing';" },
    { name: 'Compliance: an exported subpath named like a folder', code: "import type { NetworkOutputs } from '@bulwark/stack-network/outputs';" },
    { name: 'Compliance: relative imports of the package itself', code: "import { allRules } from '../src/rules';" },
    { name: 'Compliance: another scope', code: "import x from '@other/pkg/src/thing';" },
  ],
  invalid: [
    {
      name: 'Noncompliance 1: an import of another package’s source file',
      code: "import { toPolicy } from '@bulwark/aws-security/src/rule';",
      errors: [{ messageId: 'deepImport', data: { specifier: '@bulwark/aws-security/src/rule', packageName: '@bulwark/aws-security' } }],
    },
    { name: 'Noncompliance 2: a type-only import', code: "import type { DataOutputs } from '@bulwark/stack-data/src/outputs';", errors: [{ messageId: 'deepImport' }] },
    { name: 'Noncompliance 3: a re-export', code: "export * from '@bulwark/core/src/testing/program-records';", errors: [{ messageId: 'deepImport' }] },
    { name: 'Noncompliance 4: require and require.resolve', code: "require('@bulwark/offline/src/types'); require.resolve('@bulwark/offline/src');", errors: 2 },
    { name: 'Noncompliance 5: a dynamic import and a jest mock', code: "await import('@bulwark/core/src/naming'); jest.mock('@bulwark/core/src/naming');", errors: 2 },
    { name: 'Noncompliance 6: a type position import', code: "type Outputs = import('@bulwark/stack-data/src/outputs').DataOutputs;", errors: 1 },
  ],
});
