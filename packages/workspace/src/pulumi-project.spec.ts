import * as path from 'node:path';
import { removeTemporaryTrees, temporaryTree } from '../testing/temporary-tree';
import { isProjectName, projectFileIn, readPulumiProject } from './pulumi-project';

afterAll(removeTemporaryTrees);

describe('readPulumiProject', () => {
  it('reads name, runtime with its options, main, description, stackConfigDir and config defaults', () => {
    const directory = temporaryTree({
      'Pulumi.yaml': [
        'name: data',
        'description: Data stores',
        'runtime:',
        '  name: nodejs',
        '  options:',
        '    typescript: true',
        'main: src/index.ts',
        'stackConfigDir: config',
        'config:',
        '  size: 3',
        '  aws:region:',
        '    value: eu-west-1',
        '  zones:',
        '    type: array',
        '    default: [a, b]',
        '  unset:',
        '    type: string',
        '',
      ].join('\n'),
    });
    expect(readPulumiProject(directory)).toEqual({
      directory,
      file: path.join(directory, 'Pulumi.yaml'),
      name: 'data',
      description: 'Data stores',
      runtime: 'nodejs',
      runtimeOptions: { typescript: true },
      main: 'src/index.ts',
      stackConfigDirectory: path.join(directory, 'config'),
      configDefaults: [
        { key: 'data:size', value: 3 },
        { key: 'aws:region', value: 'eu-west-1' },
        { key: 'data:zones', value: ['a', 'b'] },
      ],
    });
  });

  it('reads Pulumi.yml as well, with a plain runtime and the directory as stackConfigDir', () => {
    const directory = temporaryTree({ 'Pulumi.yml': 'name: edge\nruntime: nodejs\n' });
    expect(projectFileIn(directory)).toBe(path.join(directory, 'Pulumi.yml'));
    expect(readPulumiProject(directory)).toMatchObject({ name: 'edge', runtime: 'nodejs', runtimeOptions: {}, stackConfigDirectory: directory });
    expect(readPulumiProject(directory)).not.toHaveProperty('main');
  });

  it('reads any runtime: which runtimes can run is the runner\'s business', () => {
    expect(readPulumiProject(temporaryTree({ 'Pulumi.yaml': 'name: py\nruntime: python\n' })).runtime).toBe('python');
  });

  it.each([
    [
      'a template placeholder',
      'name: ${PROJECT}\nruntime: nodejs\n',
      /Pulumi\.yaml: "name" is "\$\{PROJECT\}", not a valid Pulumi project name: use letters, digits.*; a template placeholder such as \$\{PROJECT\} must be replaced/,
    ],
    ['a name with a slash', 'name: team/app\nruntime: nodejs\n', /"name" is "team\/app", not a valid Pulumi project name: use letters, digits, "-", "_" and "." only \(at most 100 characters\)$/],
    ['a name with a space', 'name: "my project"\nruntime: nodejs\n', /"name" is "my project", not a valid Pulumi project name/],
    ['a name too long', `name: ${'a'.repeat(101)}\nruntime: nodejs\n`, /not a valid Pulumi project name.*at most 100 characters/],
    ['no name', 'runtime: nodejs\n', /Pulumi\.yaml: "name" is required/],
    ['no runtime', 'name: app\n', /Pulumi\.yaml: "runtime" is required/],
    ['runtime options that are no mapping', 'name: app\nruntime:\n  name: nodejs\n  options: [1]\n', /Pulumi\.yaml: "runtime\.options" must be a mapping/],
    ['a main that is no path', 'name: app\nruntime: nodejs\nmain: 3\n', /Pulumi\.yaml: "main" must be a path to the program entry/],
    ['a stackConfigDir that is no path', 'name: app\nruntime: nodejs\nstackConfigDir: [a]\n', /Pulumi\.yaml: "stackConfigDir" must be a directory/],
    ['a config block that is no mapping', 'name: app\nruntime: nodejs\nconfig: [a]\n', /Pulumi\.yaml: "config" must be a mapping/],
    ['a list', '- name: app\n', /Pulumi\.yaml: must be a YAML mapping/],
    ['invalid YAML', 'name: [app\n', /Pulumi\.yaml: not valid YAML/],
  ])('rejects %s, naming the file and the key', (_case, text, message) => {
    const directory = temporaryTree({ 'Pulumi.yaml': text });
    expect(() => readPulumiProject(directory)).toThrow(message);
    try {
      readPulumiProject(directory);
    } catch (error) {
      expect((error as { file?: string }).file).toBe(path.join(directory, 'Pulumi.yaml'));
    }
  });

  it('says when the directory is missing, is a file, or holds no project file', () => {
    const root = temporaryTree({ 'file.txt': 'x' });
    expect(() => readPulumiProject(path.join(root, 'missing'))).toThrow(`${path.join(root, 'missing')}: no such directory`);
    expect(() => readPulumiProject(path.join(root, 'file.txt'))).toThrow('not a directory');
    expect(() => readPulumiProject(root)).toThrow(`${root}: no Pulumi.yaml, so it is not a Pulumi program directory`);
  });
});

describe('isProjectName', () => {
  it('accepts letters, digits, "-", "_" and "." and nothing else', () => {
    expect(['network', 'my-app_2.0', 'A', 'aws-ts-webserver', 'a'.repeat(100)].every(isProjectName)).toBe(true);
    expect(['', 'my app', '${PROJECT}', 'a/b', 'ü'].some(isProjectName)).toBe(false);
  });
});
