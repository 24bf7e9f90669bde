import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import plugin from './index';

// The workspace applies configs.iacSource to real paths: check which files it covers, as ESLint resolves them.
const lintAs = async (filePath: string, code: string): Promise<string[]> => {
  const eslint = new ESLint({
    cwd: '/workspace',
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, plugin.configs.iacSource],
  });
  const [result] = await eslint.lintText(code, { filePath: `/workspace/${filePath}` });
  return result.messages.map((message) => message.ruleId ?? message.message);
};

const HARDCODED = [
  "export const ami = 'ami-0abcdef1234567890';",
  "export const account = '123456789012';",
  "export const role = 'arn:aws:iam::123456789012:role/deployer';",
].join('\n');

describe('configs.iacSource', () => {
  it('reports every hard-coded value in stack sources', async () => {
    expect(await lintAs('stacks/compute/src/program.ts', HARDCODED)).toEqual([
      '@bulwark/no-hardcoded-ami-id',
      '@bulwark/no-hardcoded-account-id',
      '@bulwark/no-hardcoded-arn',
    ]);
  });

  it('covers library sources under packages/', async () => {
    expect(await lintAs('packages/core/src/kms.ts', "export const id = '123456789012';")).toEqual([
      '@bulwark/no-hardcoded-account-id',
    ]);
  });

  it('leaves tests, the offline engine and code outside stacks/ and packages/ alone', async () => {
    for (const path of ['stacks/compute/src/program.spec.ts', 'packages/offline/src/engine/run-program.ts', 'tools/cli/src/main.ts']) {
      expect(await lintAs(path, HARDCODED)).toEqual([]);
    }
  });
});
