import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { lambdaRuntimeSupported, runtimeDeprecation } from './lambda-runtime-supported';

const FUNCTION = 'aws:lambda/function:Function';

describe('lambda-runtime-supported', () => {
  it('Compliance: nodejs24.x; a container image function has no runtime', async () => {
    expect(await evaluate(lambdaRuntimeSupported, [resource(FUNCTION, { runtime: 'nodejs24.x' }), resource(FUNCTION, { packageType: 'Image' })])).toEqual([]);
  });

  it('Noncompliance 1: nodejs20.x, deprecated on 2026-04-30 (the dated list kept from the Lambda runtimes page)', async () => {
    const findings = mandatory(await evaluate(lambdaRuntimeSupported, [resource(FUNCTION, { runtime: 'nodejs20.x' }, { name: 'worker' })]));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('Function worker uses runtime nodejs20.x, deprecated since 2026-04-30');
  });

  it('Noncompliance 2: nodejs16.x, marked deprecated by the @pulumi/aws enum', async () => {
    expect(runtimeDeprecation('nodejs16.x')).toBeDefined();
    expect(mandatory(await evaluate(lambdaRuntimeSupported, [resource(FUNCTION, { runtime: 'nodejs16.x' })]))).toHaveLength(1);
  });

  it('Preview: an unknown runtime is undecided', async () => {
    const findings = await evaluate(lambdaRuntimeSupported, [resource(FUNCTION, { runtime: UNKNOWN_VALUE })]);
    expect(undecided(findings).map((finding) => finding.property)).toEqual(['runtime']);
  });
});
