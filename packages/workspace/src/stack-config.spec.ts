import * as path from 'node:path';
import { removeTemporaryTrees, temporaryTree } from '../testing/temporary-tree';
import { readPulumiProject } from './pulumi-project';
import { isStackName, readStackConfig, stackConfigFile, stackNamesOf } from './stack-config';

afterAll(removeTemporaryTrees);

const PROJECT = 'name: demo\nruntime: nodejs\nconfig:\n  color: blue\n  size: 1\n';

describe('readStackConfig', () => {
  it('namespaces bare keys to the project, keeps structured and secure values, and lets the file override defaults', () => {
    const directory = temporaryTree({
      'Pulumi.yaml': PROJECT,
      'Pulumi.dev.yaml': 'config:\n  aws:region: eu-west-1\n  demo:size: 2\n  zones: [a, b]\n  token:\n    secure: v1:abc\n',
    });
    expect(readStackConfig(readPulumiProject(directory), 'dev')).toEqual({
      file: path.join(directory, 'Pulumi.dev.yaml'),
      config: { 'demo:color': 'blue', 'demo:size': 2, 'aws:region': 'eu-west-1', 'demo:zones': ['a', 'b'], 'demo:token': { secure: 'v1:abc' } },
    });
  });

  it('gives a stack without a file the project defaults only, and no file', () => {
    const directory = temporaryTree({ 'Pulumi.yaml': PROJECT });
    expect(readStackConfig(readPulumiProject(directory), 'prod')).toEqual({ config: { 'demo:color': 'blue', 'demo:size': 1 } });
  });

  it('reads the files in stackConfigDir, .yml included', () => {
    const directory = temporaryTree({ 'Pulumi.yaml': `${PROJECT}stackConfigDir: config\n`, 'config/Pulumi.prod.yml': 'config:\n  demo:color: red\n' });
    const project = readPulumiProject(directory);
    expect(stackConfigFile(project, 'prod')).toBe(path.join(directory, 'config', 'Pulumi.prod.yml'));
    expect(stackConfigFile(project, 'dev')).toBe(path.join(directory, 'config', 'Pulumi.dev.yaml'));
    expect(readStackConfig(project, 'prod').config['demo:color']).toBe('red');
  });

  it('accepts a file with no config block', () => {
    const directory = temporaryTree({ 'Pulumi.yaml': 'name: demo\nruntime: nodejs\n', 'Pulumi.dev.yaml': 'encryptionsalt: abc\n' });
    expect(readStackConfig(readPulumiProject(directory), 'dev').config).toEqual({});
  });

  it('names the file and key of a config block that is no mapping, and the file of invalid YAML', () => {
    const directory = temporaryTree({ 'Pulumi.yaml': PROJECT, 'Pulumi.dev.yaml': 'config: [a]\n', 'Pulumi.qa.yaml': 'config: {a\n' });
    const project = readPulumiProject(directory);
    expect(() => readStackConfig(project, 'dev')).toThrow(`${path.join(directory, 'Pulumi.dev.yaml')}: "config" must be a mapping`);
    expect(() => readStackConfig(project, 'qa')).toThrow(`${path.join(directory, 'Pulumi.qa.yaml')}: not valid YAML`);
  });

  it('refuses a stack name that is not one', () => {
    const project = readPulumiProject(temporaryTree({ 'Pulumi.yaml': PROJECT }));
    expect(() => readStackConfig(project, '../prod')).toThrow('stack name "../prod" is not valid');
    expect(isStackName('prod-eu.1')).toBe(true);
  });
});

describe('stackNamesOf', () => {
  it('lists the stacks with a config file in stackConfigDir, sorted', () => {
    const directory = temporaryTree({
      'Pulumi.yaml': `${PROJECT}stackConfigDir: config\n`,
      'config/Pulumi.prod.yaml': '',
      'config/Pulumi.dev.yml': '',
      'Pulumi.ignored.yaml': '',
    });
    expect(stackNamesOf(readPulumiProject(directory))).toEqual(['dev', 'prod']);
  });

  it('names the project file and key when stackConfigDir does not exist', () => {
    const directory = temporaryTree({ 'Pulumi.yaml': `${PROJECT}stackConfigDir: nowhere\n` });
    expect(() => stackNamesOf(readPulumiProject(directory))).toThrow(`${path.join(directory, 'Pulumi.yaml')}: "stackConfigDir" ${path.join(directory, 'nowhere')} does not exist`);
  });
});
