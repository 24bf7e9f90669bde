import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCRIPT = join(__dirname, '..', 'bin', 'split-pack-config.cjs');

function split(document: string, packs: readonly string[]) {
  const directory = mkdtempSync(join(tmpdir(), 'split-'));
  writeFileSync(join(directory, 'policy-config.json'), document);
  const run = spawnSync(process.execPath, [SCRIPT, join(directory, 'policy-config.json'), join(directory, 'out'), ...packs], { encoding: 'utf8' });
  return { ...run, read: (pack: string) => JSON.parse(readFileSync(join(directory, 'out', `${pack}.json`), 'utf8')) as unknown };
}

describe('split-pack-config.cjs', () => {
  it("writes each pack's section, and {} for a pack without one", () => {
    const run = split('{ "aws-security": { "rds-multi-az": "mandatory" } }', ['aws-security', 'aws-deployability']);
    expect(run.status).toBe(0);
    expect(run.read('aws-security')).toEqual({ 'rds-multi-az': 'mandatory' });
    expect(run.read('aws-deployability')).toEqual({});
  });

  it('refuses a key that is not a pack name (a policy name at the top level configures nothing), naming the file', () => {
    const run = split('{ "rds-multi-az": "mandatory" }', ['aws-security', 'aws-deployability']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('policy-config.json: with several policy packs, keys must be pack names (aws-security, aws-deployability); unknown: rds-multi-az');
  });

  it('reads the file by the workspace rule (@bulwark/workspace packConfigSections): with one pack, the whole file is its config', () => {
    const run = split('{ "rds-multi-az": "mandatory" }', ['aws-security']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.read('aws-security')).toEqual({ 'rds-multi-az': 'mandatory' });
  });

  it('refuses a section that is not an object, and a file that is not JSON, naming the file', () => {
    const section = split('{ "aws-security": ["rds-multi-az"] }', ['aws-security', 'aws-deployability']);
    expect(section.status).toBe(2);
    expect(section.stderr).toContain('policy-config.json: "aws-security" must be a JSON object of policy names to config');
    const broken = split('{ "aws-security": ', ['aws-security', 'aws-deployability']);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/^split-pack-config: .*policy-config\.json/);
  });
});
