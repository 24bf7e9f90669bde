import { execFileSync } from 'node:child_process';
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
    // ipaddr.js is @bulwark/aws-model's own npm dependency (its IpAddress condition operator): required, not inlined;
    // the policy SDK is inlined (see narrow-sdk-import.ts).
    expect(required).toEqual(['ipaddr.js', 'js-yaml']);
    expect(code).toMatch(/node_modules\/@pulumi\/policy\/proxy\.js/);
    expect(code).toContain('function parseUrn(');
    // The bundle runs in plain Node, without any TypeScript loader.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(require(outfile).parts).toHaveLength(3);
  });

  it('inlines the policy SDK without loading the whole @pulumi/pulumi root, and deserializes assets as before', async () => {
    const pack = samplePack({
      'index.ts': [
        "export { PolicyPack } from '@pulumi/policy';",
        // The SDK file that reads the root's members, inlined with the rest of the SDK.
        "export { deserializeProperties } from '@pulumi/policy/deserialize';",
      ].join('\n'),
    });
    const outfile = await bundlePolicyPack(pack);
    // In a fresh Node, as the runner starts a pack: load the bundle, note whether the root was loaded, then
    // deserialize an asset as an AnalyzeRequest carries it and compare its class with the root's own.
    const probe = `
      const bundle = require(${JSON.stringify(outfile)});
      const rootFile = require.resolve('@pulumi/pulumi');
      const rootLoadedByBundle = rootFile in require.cache;
      const { Struct } = require('google-protobuf/google/protobuf/struct_pb');
      const { specialSigKey, specialAssetSig } = require('@pulumi/pulumi/runtime/rpc');
      const struct = Struct.fromJavaScript({ code: { [specialSigKey]: specialAssetSig, text: 'hello' } });
      const { code } = bundle.deserializeProperties(struct, false);
      const pulumi = require('@pulumi/pulumi');
      console.log(JSON.stringify({ rootLoadedByBundle, pack: typeof bundle.PolicyPack, sameClass: code instanceof pulumi.asset.StringAsset }));
    `;
    const output = execFileSync(process.execPath, ['-e', probe], { cwd: pack, encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual({ rootLoadedByBundle: false, pack: 'function', sameClass: true });
  });

  it('fails naming the file when the entry does not compile', async () => {
    const pack = samplePack({ 'index.ts': 'export const broken = ;\n' });
    await expect(bundlePolicyPack(pack)).rejects.toThrow(/index\.ts:1/);
  });
});
