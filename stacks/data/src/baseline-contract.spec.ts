import { type ProgramResult } from '@bulwark/offline';
import { accessLogDeliveryProblems } from '@bulwark/stack-baseline/testing';
import { configRuleProblems } from '@bulwark/stack-baseline/testing';
import { runBaseline } from '@bulwark/stack-baseline/testing';
import { exampleNetworkOutputs } from '@bulwark/stack-network/testing';
import { runDataStack } from '../testing/stack-run';

// Each environment's data stack against that environment's real baseline program and config files.
describe.each(['dev', 'prod'] as const)('data %s and the baseline of its environment', (stack) => {
  let baseline: ProgramResult;
  let data: ProgramResult;
  beforeAll(async () => {
    baseline = await runBaseline(stack, 'update');
    data = await runDataStack(stack, 'update', {}, {
      [`organization/network/${stack}`]: { ...exampleNetworkOutputs },
      [`organization/baseline/${stack}`]: baseline.outputs,
    });
  });

  // The buckets log into the baseline's access-logs bucket, which admits them, in the same account and region, and
  // no bucket name is created by both stacks.
  it("delivers S3 server access logs into the baseline's central bucket, with nothing AWS would refuse or drop", () => {
    expect(data.resources.filter((resource) => resource.type === 'aws:s3/bucketLogging:BucketLogging').length).toBeGreaterThan(0);
    expect(accessLogDeliveryProblems(baseline, data)).toEqual([]);
  });

  it("is compliant with the baseline's managed Config rules (logging, S3 data events, Multi-AZ where required)", () => {
    expect(configRuleProblems(baseline, data)).toEqual([]);
  });
});
