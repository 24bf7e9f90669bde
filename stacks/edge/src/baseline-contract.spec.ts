import { type ProgramResult } from '@bulwark/offline';
import { accessLogDeliveryProblems } from '@bulwark/stack-baseline/testing';
import { configRuleProblems } from '@bulwark/stack-baseline/testing';
import { runBaseline } from '@bulwark/stack-baseline/testing';
import { runEdgeStack } from '../testing/stack-run';

// Each environment's edge stack against that environment's real baseline program and config files.
describe.each(['dev', 'prod'] as const)('edge %s and the baseline of its environment', (stack) => {
  let baseline: ProgramResult;
  let edge: ProgramResult;
  beforeAll(async () => {
    baseline = await runBaseline(stack, 'update');
    edge = await runEdgeStack(stack, 'update', {}, { [`organization/baseline/${stack}`]: baseline.outputs });
  });

  // The site bucket (primary region; the us-east-1 resources are log groups and the web ACL, no buckets) logs into the
  // baseline's access-logs bucket, which admits it, in the same account and region, and no bucket name is created twice.
  it("delivers S3 server access logs into the baseline's central bucket, with nothing AWS would refuse or drop", () => {
    expect(edge.resources.filter((resource) => resource.type === 'aws:s3/bucketLogging:BucketLogging')).toHaveLength(1);
    expect(accessLogDeliveryProblems(baseline, edge)).toEqual([]);
  });

  it("is compliant with the baseline's managed Config rules (logging, S3 data events)", () => {
    expect(configRuleProblems(baseline, edge)).toEqual([]);
  });
});
