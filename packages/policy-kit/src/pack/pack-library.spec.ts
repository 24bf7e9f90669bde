import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resourceRule } from '../rule';
import { sampleMetadata } from '../testing/sample-metadata';
import { packLibrary } from './pack-library';

const rule = (id: string) => resourceRule({ metadata: sampleMetadata({ id }), check: () => undefined });
const rules = [rule('queue-encrypted'), rule('topic-encrypted')];
const DOCS = 'https://example.com/rules.md';

/** A pack directory (PulumiPolicy.yaml, package.json, waivers.yaml) with a `src` folder for the pack's module. */
function packDirectory(waivers: string): { root: string; src: string } {
  const root = mkdtempSync(join(tmpdir(), 'pack-library-'));
  writeFileSync(join(root, 'PulumiPolicy.yaml'), 'runtime: nodejs\n');
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: '@bulwark/sample-pack', version: '1.2.3' }));
  writeFileSync(join(root, 'waivers.yaml'), waivers);
  mkdirSync(join(root, 'src'));
  return { root, src: join(root, 'src') };
}

const WAIVER = 'waivers:\n  - {rule: topic-encrypted, resource: "t-*", reason: r, owner: o, expires: 2030-01-01}\n';

describe('packLibrary', () => {
  it("finds the pack directory above the module and reads the pack's name (scope dropped) and version", () => {
    const { root, src } = packDirectory('waivers: []\n');
    const pack = packLibrary({ from: src, rules, docsUrl: DOCS });
    expect([pack.root, pack.name, pack.version]).toEqual([root, 'sample-pack', '1.2.3']);
  });

  it("gives the pack's rule ids by default, or those of the rules given", () => {
    const pack = packLibrary({ from: packDirectory('waivers: []\n').src, rules, docsUrl: DOCS });
    expect(pack.ruleIds()).toEqual(['queue-encrypted', 'topic-encrypted']);
    expect(pack.ruleIds([rules[1]!])).toEqual(['topic-encrypted']);
  });

  it("loads the pack directory's waivers.yaml by default, against the pack's rules", () => {
    const pack = packLibrary({ from: packDirectory(WAIVER).src, rules, docsUrl: DOCS });
    expect(pack.loadWaivers().map((waiver) => waiver.rule)).toEqual(['topic-encrypted']);
    expect(() => pack.loadWaivers(undefined, [rules[0]!])).toThrow('"rule" "topic-encrypted" is not a rule of this pack');
  });

  it('Noncompliance: loads another directory when named, and its waiver for a rule outside the pack is a load error', () => {
    const pack = packLibrary({ from: packDirectory('waivers: []\n').src, rules: [rules[0]!], docsUrl: DOCS });
    expect(pack.loadWaivers()).toEqual([]);
    expect(() => pack.loadWaivers(packDirectory(WAIVER).root)).toThrow('"rule" "topic-encrypted" is not a rule of this pack');
  });

  it("serves every rule of the pack with the pack's docs url by default, or the rules given", () => {
    const pack = packLibrary({ from: packDirectory('waivers: []\n').src, rules, docsUrl: DOCS });
    expect(pack.createPolicies().map((policy) => [policy.name, (policy as { url?: string }).url])).toEqual([
      ['queue-encrypted', `${DOCS}#queue-encrypted`],
      ['topic-encrypted', `${DOCS}#topic-encrypted`],
    ]);
    expect(pack.createPolicies({ rules: [rules[1]!] }).map((policy) => policy.name)).toEqual(['topic-encrypted']);
  });

  it('Noncompliance: a module outside any pack directory is an error naming where it looked', () => {
    const orphan = mkdtempSync(join(tmpdir(), 'no-pack-'));
    expect(() => packLibrary({ from: orphan, rules, docsUrl: DOCS })).toThrow(`cannot find the policy pack directory (PulumiPolicy.yaml) above ${orphan}`);
  });
});
