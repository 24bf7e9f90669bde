/**
 * The floor: the same workload through the SDK's own `setMocks` with trivial mocks (no recording), to show what
 * the Pulumi SDK itself costs per resource. Prints one JSON line.
 */
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
async function main(): Promise<void> {
  const count = Number(process.argv[2]);
  pulumi.runtime.setMocks({ newResource: (args) => ({ id: args.name, state: args.inputs }), call: (args) => args.inputs }, 'p', 's', true);
  Error.stackTraceLimit = 0;
  (pulumi.Resource as unknown as { stackTrace(): unknown[] }).stackTrace = () => [];
  const t = performance.now();
  await pulumi.runtime.runInPulumiStack(async () => {
    for (let unit = 0; unit < count / 5; unit++) {
      const bucket = new aws.s3.Bucket(`bucket-${unit}`, { tags: { Owner: 'bench' } });
      new aws.s3.BucketPublicAccessBlock(`bucket-${unit}`, { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
      new aws.s3.BucketVersioning(`bucket-${unit}`, { bucket: bucket.id, versioningConfiguration: { status: 'Enabled' } });
      const group = new aws.ec2.SecurityGroup(`sg-${unit}`, { ingress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlocks: ['10.0.0.0/8'] }] });
      new aws.cloudwatch.LogGroup(`logs-${unit}`, { retentionInDays: 365, tags: { Group: group.name } });
    }
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  await (require('@pulumi/pulumi/runtime/settings') as { waitForRPCs(): Promise<void> }).waitForRPCs();
  const elapsedMs = performance.now() - t;
  console.log(JSON.stringify({ resources: count, elapsedMs: Math.round(elapsedMs), msPerResource: Number((elapsedMs / count).toFixed(3)), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
