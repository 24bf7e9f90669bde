import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { iamNameLimits } from './iam-name-limits';

const ROLE = 'aws:iam/role:Role';

describe('iam-name-limits', () => {
  it('Compliance: a 64-character role name, a 38-character prefix, a policy of 128', async () => {
    expect(await evaluate(iamNameLimits, [resource(ROLE, { name: 'r'.repeat(64), path: '/service/' }), resource(ROLE, { namePrefix: 'p'.repeat(38) }), resource('aws:iam/policy:Policy', { name: 'p'.repeat(128) })])).toEqual([]);
  });

  it('Noncompliance: a 65-character role name, a 39-character prefix, a space, a bad path (ValidationError)', async () => {
    const findings = mandatory(await evaluate(iamNameLimits, [resource(ROLE, { name: 'r'.repeat(65) }), resource(ROLE, { namePrefix: 'p'.repeat(39) }), resource('aws:iam/user:User', { name: 'alice smith' }), resource(ROLE, { name: 'ok', path: 'service' })]));
    expect(findings.map((finding) => finding.message)).toEqual([
      expect.stringContaining('has 65 characters; AWS accepts 1 to 64'),
      expect.stringContaining('at most 38 fit'),
      expect.stringContaining('contains " "'),
      expect.stringContaining('must start and end with "/"'),
    ]);
  });

  it('Preview: an unknown name is undecided', async () => {
    expect(undecided(await evaluate(iamNameLimits, [resource(ROLE, { name: UNKNOWN_VALUE })]))).toHaveLength(1);
  });
});
