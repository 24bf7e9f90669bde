import { accessLogDeliveryProblems } from '@bulwark/stack-baseline/src/testing/access-log-delivery';
import { runBaseline } from '@bulwark/stack-baseline/src/testing/stack-run';
import { exampleNetworkOutputs } from '@bulwark/stack-network/src/testing/example-outputs';
import { runDataStack } from './testing/stack-run';

// Each environment's data stack against that environment's real baseline program and config files: the buckets log
// into the baseline's access-logs bucket, which admits them, in the same account and region, and no bucket name is
// created twice.
describe.each(['dev', 'prod'] as const)("data %s delivers S3 server access logs into the baseline's central bucket", (stack) => {
  it('with nothing in the way AWS would refuse or silently drop', async () => {
    const baseline = await runBaseline(stack, 'update');
    const data = await runDataStack(stack, 'update', {}, {
      [`organization/network/${stack}`]: { ...exampleNetworkOutputs },
      [`organization/baseline/${stack}`]: baseline.outputs,
    });
    expect(data.resources.filter((resource) => resource.type === 'aws:s3/bucketLogging:BucketLogging').length).toBeGreaterThan(0);
    expect(accessLogDeliveryProblems(baseline, data)).toEqual([]);
  });
});
