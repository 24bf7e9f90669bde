import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readYamlFile } from '@bulwark/workspace';
import { withConfigListItem } from './config-list-item';

const KEY = 'baseline:dataEventBucketPurposes';
const FILE = 'stacks/baseline/Pulumi.dev.yaml';

describe('withConfigListItem', () => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'config-list-item-'));
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));
  /** The file's config as the workspace reads it: what the edit must change, and nothing else. */
  const configOf = (text: string) => {
    const file = path.join(directory, 'Pulumi.dev.yaml');
    fs.writeFileSync(file, text);
    return (readYamlFile(file) as { config: Record<string, unknown> }).config;
  };

  const blockList = [
    'config:',
    '  aws:region: eu-west-1',
    '  # other stacks\' buckets',
    `  ${KEY}:`,
    '    - app-data',
    '    - site',
    '  baseline:requireRdsMultiAz: false',
    '',
  ].join('\n');

  it('adds the item after the last one of a block list, changing no other line', () => {
    const edited = withConfigListItem(blockList, { file: FILE, key: KEY, current: ['app-data', 'site'], item: 'sample-data' });
    expect(edited).toBe(blockList.replace('    - site\n', '    - site\n    - sample-data\n'));
    expect(configOf(edited)).toEqual({ ...configOf(blockList), [KEY]: ['app-data', 'site', 'sample-data'] });
  });

  it('keeps the indentation of the items, also a list at the indentation of its key', () => {
    const text = `config:\n  ${KEY}:\n  - app-data\n  other:key: 1\n`;
    const edited = withConfigListItem(text, { file: FILE, key: KEY, current: ['app-data'], item: 'sample-data' });
    expect(edited).toBe(`config:\n  ${KEY}:\n  - app-data\n  - sample-data\n  other:key: 1\n`);
  });

  it('rewrites a flow list as a block list', () => {
    for (const [flow, current] of [['[]', []], ['[app-data, "site"]', ['app-data', 'site']]] as const) {
      const text = `config:\n  ${KEY}: ${flow}\n  other:key: 1\n`;
      const edited = withConfigListItem(text, { file: FILE, key: KEY, current, item: 'sample-data' });
      expect(configOf(edited)).toEqual({ [KEY]: [...current, 'sample-data'], 'other:key': 1 });
    }
  });

  it('adds the key at the end of the config block when the file does not set it', () => {
    const text = 'config:\n    aws:region: eu-west-1\n    baseline:requireRdsMultiAz: true\n\nsecretsprovider: passphrase\n';
    const edited = withConfigListItem(text, { file: FILE, key: KEY, current: undefined, item: 'sample-data' });
    expect(edited).toBe(`config:\n    aws:region: eu-west-1\n    baseline:requireRdsMultiAz: true\n    ${KEY}:\n      - sample-data\n\nsecretsprovider: passphrase\n`);
    expect(configOf(edited)[KEY]).toEqual(['sample-data']);
  });

  it.each([
    [{ current: ['sample-data'] }, `${FILE}: ${KEY} already lists "sample-data"`],
    [{ current: 'app-data' }, `${FILE}: ${KEY} is "app-data", not a YAML list of strings`],
    [{ current: ['app-data'], text: `config:\n  "${KEY}": [app-data]\n` }, `${FILE}: sets ${KEY} in a form this generator does not edit; add "sample-data" to it by hand`],
    [{ current: undefined, text: 'encryptionsalt: x\n' }, `${FILE}: has no "config:" block to add ${KEY} to`],
    [{ current: [], item: '2024' }, `${FILE}: cannot add "2024" to ${KEY} as a plain YAML scalar`],
  ])('refuses %j, naming the file and the key', ({ current, text, item }: { current: unknown; text?: string; item?: string }, message) => {
    expect(() => withConfigListItem(text ?? blockList, { file: FILE, key: KEY, current, item: item ?? 'sample-data' })).toThrow(message);
  });
});
