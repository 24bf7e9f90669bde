import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { lambdaLogGroupName } from './lambda-log-group-name';

const FUNCTION = 'aws:lambda/function:Function';
const LOG_GROUP = 'aws:cloudwatch/logGroup:LogGroup';

describe('lambda-log-group-name', () => {
  it('Compliance: /aws/lambda/<function name>; a custom group named by loggingConfig', async () => {
    const worker = resource(FUNCTION, { name: 'worker-1a2b3c4' }, { name: 'worker' });
    const custom = resource(FUNCTION, { name: 'api', loggingConfig: { logFormat: 'JSON', logGroup: '/bulwark/api' } });
    expect(await evaluate(lambdaLogGroupName, [worker, custom, resource(LOG_GROUP, { name: '/aws/lambda/worker-1a2b3c4' }, { dependsOn: { name: [worker] } }), resource(LOG_GROUP, { name: '/bulwark/api' })])).toEqual([]);
  });

  it("Noncompliance: a group built from the function's logical name, not its physical (auto-)name: it receives nothing", async () => {
    const worker = resource(FUNCTION, { name: 'worker-1a2b3c4' }, { name: 'worker' });
    const findings = mandatory(await evaluate(lambdaLogGroupName, [worker, resource(LOG_GROUP, { name: '/aws/lambda/worker' }, { name: 'worker-logs' })]));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('receives no Lambda logs');
    expect(findings[0]?.message).toContain('"/aws/lambda/worker-1a2b3c4"');
  });

  it('Preview: an unknown group name tied to a function is undecided', async () => {
    const worker = resource(FUNCTION, { name: 'worker-1a2b3c4' });
    expect(undecided(await evaluate(lambdaLogGroupName, [worker, resource(LOG_GROUP, { name: UNKNOWN_VALUE }, { dependsOn: { name: [worker] } })]))).toHaveLength(1);
  });

  it('Preview: an unknown group name built from no function of the stack is undecided (it may be /aws/lambda/...); the update decides', async () => {
    const worker = resource(FUNCTION, { name: 'worker-1a2b3c4' });
    const group = resource(LOG_GROUP, { name: UNKNOWN_VALUE }, { name: 'elsewhere' });
    const findings = await evaluate(lambdaLogGroupName, [worker, group]);
    expect(undecided(findings).map((finding) => [finding.urn, finding.property])).toEqual([[group.urn, 'name']]);
    expect(await evaluate(lambdaLogGroupName, [worker, resource(LOG_GROUP, { name: '/bulwark/audit' }, { name: 'elsewhere' })])).toEqual([]);
  });
});
