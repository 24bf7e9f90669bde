import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { elbNames } from './elb-names';

const TARGET_GROUP = 'aws:lb/targetGroup:TargetGroup';

describe('elb-names', () => {
  it('Compliance: 32 characters; a 6-character prefix', async () => {
    expect(await evaluate(elbNames, [resource(TARGET_GROUP, { name: 't'.repeat(32) }), resource(TARGET_GROUP, { namePrefix: 'app-tg' })])).toEqual([]);
  });

  it('Noncompliance: a 33-character target group name, an internal- load balancer name, a long prefix', async () => {
    const findings = mandatory(await evaluate(elbNames, [resource(TARGET_GROUP, { name: 't'.repeat(33) }), resource('aws:lb/loadBalancer:LoadBalancer', { name: 'internal-app' }), resource(TARGET_GROUP, { namePrefix: 'bulwark-' })]));
    expect(findings.map((finding) => finding.message)).toEqual([expect.stringContaining('has 33 characters'), expect.stringContaining('"internal-"'), expect.stringContaining('at most 6 fit')]);
  });

  it('Preview: an unknown name is undecided', async () => {
    expect(undecided(await evaluate(elbNames, [resource(TARGET_GROUP, { name: UNKNOWN_VALUE })]))).toHaveLength(1);
  });
});
