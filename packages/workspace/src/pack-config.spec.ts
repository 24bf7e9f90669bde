import * as path from 'node:path';
import { removeTemporaryTrees, temporaryTree } from '../testing/temporary-tree';
import { readPackConfig, readStackPackConfig, stackPackConfigFile } from './pack-config';

afterAll(removeTemporaryTrees);

describe('the pack config of a stack', () => {
  it('is policy-config.<stack>.json when the stack has one, else policy-config.json', () => {
    const directory = temporaryTree({ 'policy-config.json': '{ "a": "advisory" }', 'policy-config.prod.json': '{ "a": "mandatory" }' });
    expect(stackPackConfigFile(directory, 'prod')).toBe(path.join(directory, 'policy-config.prod.json'));
    expect(stackPackConfigFile(directory, 'dev')).toBe(path.join(directory, 'policy-config.json'));
    expect(readStackPackConfig(directory, 'prod')).toEqual({ file: path.join(directory, 'policy-config.prod.json'), config: { a: 'mandatory' } });
  });

  it('is none when the stack has neither: the pack defaults apply', () => {
    const directory = temporaryTree({ 'Pulumi.yaml': 'name: x\nruntime: nodejs\n' });
    expect(stackPackConfigFile(directory, 'dev')).toBeUndefined();
    expect(readStackPackConfig(directory, 'dev')).toEqual({ config: {} });
  });

  it('names the file that is missing, not JSON or not an object', () => {
    const directory = temporaryTree({ 'list.json': '[1]', 'broken.json': '{' });
    expect(() => readPackConfig(path.join(directory, 'none.json'))).toThrow(`${path.join(directory, 'none.json')}: no such file`);
    expect(() => readPackConfig(path.join(directory, 'broken.json'))).toThrow(`${path.join(directory, 'broken.json')}: not valid JSON`);
    expect(() => readPackConfig(path.join(directory, 'list.json'))).toThrow(`${path.join(directory, 'list.json')}: a policy pack config must be a JSON object`);
  });
});
