import { accessLogDeliveryProblems } from '@bulwark/stack-baseline/src/testing/access-log-delivery';
import { runBaseline } from '@bulwark/stack-baseline/src/testing/stack-run';
import { runEdgeStack } from './testing/stack-run';

// Each environment's edge stack against that environment's real baseline program and config files: the site bucket
// logs into the baseline's access-logs bucket, which admits it, in the same account and region (the site bucket is in
// the primary region; the us-east-1 resources are log groups and the web ACL, no buckets), and no bucket name is
// created twice.
describe.each(['dev', 'prod'] as const)("edge %s delivers S3 server access logs into the baseline's central bucket", (stack) => {
  it('with nothing in the way AWS would refuse or silently drop', async () => {
    const baseline = await runBaseline(stack, 'update');
    const edge = await runEdgeStack(stack, 'update', {}, { [`organization/baseline/${stack}`]: baseline.outputs });
    expect(edge.resources.filter((resource) => resource.type === 'aws:s3/bucketLogging:BucketLogging')).toHaveLength(1);
    expect(accessLogDeliveryProblems(baseline, edge)).toEqual([]);
  });
});
