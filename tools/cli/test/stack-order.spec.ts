import * as fs from 'node:fs';
import * as path from 'node:path';
import { readPulumiProject } from '@bulwark/offline';
import { declaredConsumes, orderByReferenceHints, referenceHints } from '../src/workspace/stack-order';
import { removeTemporaryDirectories, temporaryDirectory, writeProgram } from './cli-harness';

afterAll(removeTemporaryDirectories);

/** A stack directory with a Pulumi.yaml, optional package.json and a source file. */
function stack(root: string, name: string, source: string, manifest?: object) {
  const directory = writeProgram(path.join(root, name), { 'Pulumi.yaml': `name: ${name}\nruntime: nodejs\n`, 'index.ts': source });
  if (manifest) fs.writeFileSync(path.join(directory, 'package.json'), JSON.stringify(manifest));
  return readPulumiProject(directory);
}

describe('stack order', () => {
  it('follows the declared consumes over what the sources mention', () => {
    const root = temporaryDirectory();
    // compute declares network and data; its source mentions neither (names come from config).
    const compute = stack(root, 'compute', 'export const x = 1;\n', { bulwark: { consumes: ['network', 'data'] } });
    const data = stack(root, 'data', "new StackReference('acme/network/dev');\n", { bulwark: { consumes: ['network'] } });
    const network = stack(root, 'network', 'export const vpcId = "vpc";\n', { name: 'network' });
    expect(declaredConsumes(compute)).toEqual(['network', 'data']);
    expect(declaredConsumes(network)).toBeUndefined();
    expect(orderByReferenceHints([compute, data, network]).map((project) => project.name)).toEqual(['network', 'data', 'compute']);
  });

  it('guesses from the sources for a stack that declares nothing, ignoring unknown and self names', () => {
    const root = temporaryDirectory();
    const edge = stack(root, 'edge', "const ref = `${org}/data/${env}`;\nconst self = 'edge';\n");
    const data = stack(root, 'data', 'export const bucket = "b";\n', { bulwark: { consumes: ['edge-legacy', 'data'] } });
    const hints = referenceHints([edge, data]);
    expect([...(hints.get('edge') ?? [])]).toEqual(['data']);
    expect([...(hints.get('data') ?? [])]).toEqual([]);
    expect(orderByReferenceHints([edge, data]).map((project) => project.name)).toEqual(['data', 'edge']);
  });
});
