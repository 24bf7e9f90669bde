import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type GraphProject } from './project-graph';
import { projectSourceFiles, SourceScanner } from './source-references';
import { graphProject } from './testing/graph-project';


const PROJECTS = [
  graphProject('cli', 'tools/cli', { packageName: '@t/cli', bins: ['bulwark'] }),
  graphProject('pack', 'policies/pack', { packageName: '@t/pack', buildOutputs: ['policies/pack/bin'] }),
  graphProject('network', 'stacks/network', { packageName: '@t/stack-network' }),
  graphProject('data', 'stacks/data', { packageName: '@t/stack-data' }),
  graphProject('user', 'packages/user', { packageName: '@t/user' }),
];

let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'source-references-'));
  for (const { root: projectRoot } of PROJECTS) fs.mkdirSync(path.join(root, projectRoot, 'src'), { recursive: true });
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** The references of one source file of `user` with the given text (and other files of `user` beside it). */
function referencesOf(text: string, others: Record<string, string> = {}) {
  for (const [file, content] of Object.entries(others)) fs.writeFileSync(path.join(root, 'packages/user/src', file), content);
  const file = path.join(root, 'packages/user/src/subject.ts');
  fs.writeFileSync(file, text);
  const scanner = new SourceScanner(root, PROJECTS);
  return scanner.referencesIn(PROJECTS[4] as GraphProject, file).map(({ target, how, line, packageName }) => ({ target, how, line, ...(packageName ? { packageName } : {}) }));
}

describe('SourceScanner', () => {
  it('follows __dirname through path.resolve and join into another project', () => {
    expect(referencesOf("import * as path from 'node:path';\nconst bin = path.resolve(__dirname, '..', '..', '..', 'tools', 'cli', 'bin', 'bulwark.js');\n")).toEqual([
      { target: 'cli', how: 'path tools/cli/bin/bulwark.js', line: 2 },
    ]);
  });

  it('follows the workspace root of @bulwark/workspace and constants built on it', () => {
    const text = [
      "import { join } from 'node:path';",
      "import { workspaceRootOf } from '@bulwark/workspace';",
      'const workspace = workspaceRootOf(process.cwd());',
      "const pack = join(workspace, 'policies/pack');",
      'export const used = pack;',
    ].join('\n');
    expect(referencesOf(text)).toEqual([{ target: 'pack', how: 'path policies/pack', line: 4 }]);
  });

  it('follows a constant imported from a module of the same project', () => {
    const harness = "import * as path from 'node:path';\nexport const WORKSPACE = path.resolve(__dirname, '..', '..', '..');\n";
    const text = "import * as path from 'node:path';\nimport { WORKSPACE } from './harness';\nexport const file = path.join(WORKSPACE, 'stacks', 'data', 'package.json');\n";
    expect(referencesOf(text, { 'harness.ts': harness })).toEqual([{ target: 'data', how: 'path stacks/data/package.json', line: 3 }]);
  });

  it('takes a folder of projects joined with a value to reach every project in it', () => {
    const text = "import * as path from 'node:path';\nconst ROOT = path.resolve(__dirname, '../../..');\nexport const manifest = (stack: string) => path.join(ROOT, 'stacks', stack, 'package.json');\nexport const viaTemplate = (stack: string) => `${ROOT}/stacks/${stack}`;\n";
    expect(referencesOf(text)).toEqual([
      { target: 'network', how: 'path stacks/… (a folder of projects)', line: 3 },
      { target: 'data', how: 'path stacks/… (a folder of projects)', line: 3 },
      { target: 'network', how: 'path stacks/… (a folder of projects)', line: 4 },
      { target: 'data', how: 'path stacks/… (a folder of projects)', line: 4 },
    ]);
  });

  it('sees modules required, resolved, imported dynamically or mocked by package or relative path', () => {
    const text = [
      "const bin = require.resolve('@t/cli/bin/bulwark.js');",
      "const main = require('../../../tools/cli/src/main');",
      "export { outputs } from '@t/stack-network/outputs';",
      "void import('@t/pack');",
      "jest.mock('@t/stack-data');",
      "import { local } from './local';",
    ].join('\n');
    expect(referencesOf(text, { 'local.ts': 'export const local = 1;\n' })).toEqual([
      { target: 'cli', how: "require.resolve('@t/cli/bin/bulwark.js')", line: 1, packageName: '@t/cli' },
      { target: 'cli', how: "require('../../../tools/cli/src/main')", line: 2 },
      { target: 'network', how: "import '@t/stack-network/outputs'", line: 3, packageName: '@t/stack-network' },
      { target: 'pack', how: "import('@t/pack')", line: 4, packageName: '@t/pack' },
      { target: 'data', how: "jest.mock('@t/stack-data')", line: 5, packageName: '@t/stack-data' },
    ]);
  });

  it('sees a command of another project spawned by name', () => {
    const text = "import { spawnSync, execSync } from 'node:child_process';\nspawnSync('npx', ['bulwark', 'check']);\nexecSync('npx bulwark rules');\n";
    expect(referencesOf(text)).toEqual([
      { target: 'cli', how: 'spawnSync of `bulwark`', line: 2 },
      { target: 'cli', how: 'execSync of `bulwark`', line: 3 },
    ]);
  });

  it('leaves alone paths built on what is not this workspace, and its own project', () => {
    const text = [
      "import * as fs from 'node:fs';",
      "import * as os from 'node:os';",
      "import * as path from 'node:path';",
      "const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'x-'));",
      "export const fixture = path.join(temporary, 'tools', 'cli', 'bin');",
      "export const given = (root: string) => path.join(root, 'stacks', 'network');",
      "export const own = path.join(__dirname, '..', 'src');",
      "export const everything = (name: string) => path.join(path.resolve(__dirname, '../../..'), name);",
      "export const text = 'tools/cli/bin/bulwark.js';",
    ].join('\n');
    expect(referencesOf(text)).toEqual([]);
  });
});

describe('projectSourceFiles', () => {
  it('skips dependencies, compiler output and build outputs', () => {
    const files = {
      'policies/pack/index.ts': '',
      'policies/pack/bin/index.js': '',
      'policies/pack/node_modules/x/index.js': '',
      'policies/pack/out-tsc/index.d.ts': '',
      'policies/pack/src/rule.ts': '',
      'policies/pack/README.md': '',
    };
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    }
    expect(projectSourceFiles(root, PROJECTS[1] as GraphProject).map((file) => path.relative(root, file))).toEqual(['policies/pack/index.ts', 'policies/pack/src/rule.ts']);
  });
});
