/**
 * One benchmark run: registers N synthetic resources (a realistic mix: buckets with their companions, security
 * groups with rules, roles, log groups) through runProgram in preview mode, then prints one JSON line.
 */
import * as aws from '@pulumi/aws';
import { runProgram } from '@bulwark/offline';

const RESOURCES_PER_UNIT = 5;

function program(count: number) {
  return () => {
    const units = Math.ceil(count / RESOURCES_PER_UNIT);
    for (let unit = 0; unit < units; unit++) {
      const bucket = new aws.s3.Bucket(`bucket-${unit}`, { tags: { Owner: 'bench' } });
      new aws.s3.BucketPublicAccessBlock(`bucket-${unit}`, {
        bucket: bucket.id,
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      });
      new aws.s3.BucketVersioning(`bucket-${unit}`, { bucket: bucket.id, versioningConfiguration: { status: 'Enabled' } });
      const group = new aws.ec2.SecurityGroup(`sg-${unit}`, {
        ingress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlocks: ['10.0.0.0/8'] }],
      });
      new aws.cloudwatch.LogGroup(`logs-${unit}`, { retentionInDays: 365, tags: { Group: group.name } });
    }
  };
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? '1000');
  const started = performance.now();
  const result = await runProgram(program(count), { mode: 'preview', config: { 'aws:region': 'eu-west-1' } });
  const elapsedMs = performance.now() - started;
  const registered = result.resources.filter((record) => record.type.startsWith('aws:')).length;
  console.log(
    JSON.stringify({
      resources: registered,
      elapsedMs: Math.round(elapsedMs),
      msPerResource: Number((elapsedMs / registered).toFixed(3)),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
