import { withStackOwners } from './codeowners';

const CODEOWNERS = [
  '*                                           @acme/platform',
  '',
  '# One team per stack.',
  '/stacks/network/                            @acme/network',
  '/stacks/data/                               @acme/data-platform',
  '',
  '# Pack configs: security reviews them with the stack team.',
  '/stacks/network/policy-config*.json         @acme/network @acme/security',
  '/stacks/data/policy-config*.json            @acme/data-platform @acme/security @acme/dba',
  '',
  '/policies/                                  @acme/security',
  '',
].join('\n');

describe('withStackOwners', () => {
  it('adds the stack line and its pack config line after their kind, aligned, with the reviewers every pack config has', () => {
    expect(withStackOwners(CODEOWNERS, 'sample', 'team-sample')).toBe(
      [
        '*                                           @acme/platform',
        '',
        '# One team per stack.',
        '/stacks/network/                            @acme/network',
        '/stacks/data/                               @acme/data-platform',
        '/stacks/sample/                             @acme/team-sample',
        '',
        '# Pack configs: security reviews them with the stack team.',
        '/stacks/network/policy-config*.json         @acme/network @acme/security',
        '/stacks/data/policy-config*.json            @acme/data-platform @acme/security @acme/dba',
        '/stacks/sample/policy-config*.json          @acme/team-sample @acme/security',
        '',
        '/policies/                                  @acme/security',
        '',
      ].join('\n'),
    );
  });

  it('keeps an owner given as @org/team, and leaves a file that already has the stack alone', () => {
    expect(withStackOwners(CODEOWNERS, 'sample', '@other/team')).toContain('/stacks/sample/                             @other/team\n');
    const once = withStackOwners(CODEOWNERS, 'sample', 'team-sample');
    expect(withStackOwners(once, 'sample', 'team-sample')).toBe(once);
  });

  it('fails naming the file when there are no stack lines to follow', () => {
    expect(() => withStackOwners('* @acme/platform\n', 'sample', 'team')).toThrow('.github/CODEOWNERS: no /stacks/<name>/ and /stacks/<name>/policy-config*.json lines');
  });
});
