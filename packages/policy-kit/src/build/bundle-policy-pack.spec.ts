import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundlePolicyPack } from './bundle-policy-pack';

const made: string[] = [];
afterAll(() => made.forEach((directory) => rmSync(directory, { recursive: true, force: true })));

/** A throwaway pack inside this package, so that `@bulwark/*` and npm packages resolve as they do for a real pack. */
function samplePack(files: Record<string, string>): string {
  const root = join(__dirname, '..', '..', '.test-packs');
  mkdirSync(root, { recursive: true });
  const directory = mkdtempSync(join(root, 'bundle-'));
  made.push(directory);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(directory, name), text);
  return directory;
}

describe('bundlePolicyPack', () => {
  it('inlines workspace packages and leaves npm packages to require at run time', async () => {
    const pack = samplePack({
      'index.ts': [
        "import { parseUrn } from '@bulwark/aws-model';",
        "import * as yaml from 'js-yaml';",
        "import { unknownCheckingProxy } from '@pulumi/policy/proxy';",
        'export const parts = [parseUrn, yaml.load, unknownCheckingProxy];',
      ].join('\n'),
    });
    const outfile = await bundlePolicyPack(pack);
    expect(outfile).toBe(join(pack, 'bin', 'index.js'));
    const code = readFileSync(outfile, 'utf8');
    const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]).filter((name) => !name.startsWith('node:')).sort();
    // ipaddr.js is @bulwark/aws-model's own npm dependency (its IpAddress condition operator): required, not inlined.
    expect(required).toEqual(['@pulumi/policy/proxy', 'ipaddr.js', 'js-yaml']);
    expect(code).toContain('function parseUrn(');
    // The bundle runs in plain Node, without any TypeScript loader.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(require(outfile).parts).toHaveLength(3);
  });

  it('fails naming the file when the entry does not compile', async () => {
    const pack = samplePack({ 'index.ts': 'export const broken = ;\n' });
    await expect(bundlePolicyPack(pack)).rejects.toThrow(/index\.ts:1/);
  });
});
