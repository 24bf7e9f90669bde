import { packConfigSections } from './pack-config-sections';
import { WorkspaceError } from './workspace-error';

describe('packConfigSections', () => {
  it('gives a single pack the whole document, as --policy-pack-config does', () => {
    const document = { 'iam-no-wildcard-action': 'advisory' };
    expect(packConfigSections(document, ['aws-security'], 'policy-config.json')).toEqual([document]);
  });

  it('gives each of several packs its section, and a pack without one its defaults', () => {
    const document = { 'aws-security': { 'rds-multi-az': 'mandatory' } };
    expect(packConfigSections(document, ['aws-security', 'aws-deployability'], 'policy-config.json')).toEqual([{ 'rds-multi-az': 'mandatory' }, {}]);
  });

  it('refuses a key that is no pack name, naming the file, the packs and the key', () => {
    const call = () => packConfigSections({ 'rds-multi-az': 'mandatory' }, ['aws-security', 'aws-deployability'], 'stacks/data/policy-config.json');
    expect(call).toThrow(WorkspaceError);
    expect(call).toThrow('stacks/data/policy-config.json: with several policy packs, keys must be pack names (aws-security, aws-deployability); unknown: rds-multi-az');
  });

  it('refuses a section that is not an object of policy names', () => {
    expect(() => packConfigSections({ 'aws-security': ['rds-multi-az'] }, ['aws-security', 'aws-deployability'], undefined)).toThrow(
      'pack config: "aws-security" must be a JSON object of policy names to config',
    );
  });
});
