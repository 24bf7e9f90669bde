import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { cloudWatchLogsKeyGrant, createAwsProvider, KmsKey, physicalName, StackConfigError } from '@bulwark/core';
import type { DataBucketOutput, DataOutputs } from '@bulwark/stack-data/outputs';
import { createApplicationInstances } from './application-instances';
import { loadComputeConfig } from './config';
import { dataPrefixReadStatements } from './data-prefix-read';
import { type ComputeOutputs } from './outputs';
import { referenceProducers } from './stack-references';
import { createWorkerFunction } from './worker-function';
import { createWorkloadSecurityGroup } from './workload-security-group';

/** The stack outputs as the program returns them: each contract value, possibly still an output. */
export type ComputeStackOutputs = { readonly [K in keyof ComputeOutputs]: pulumi.Input<ComputeOutputs[K]> };

/**
 * The compute stack: application instances in an auto scaling group and a worker Lambda function, both in the
 * network's private subnets, both allowed to read one prefix of one of the data stack's buckets.
 */
export async function program(): Promise<ComputeStackOutputs> {
  const config = loadComputeConfig();
  const { network, data, baseline } = referenceProducers(config);
  const { dataBucket: purpose, dataPrefix } = config.settings;
  const bucketOfPurpose = (buckets: DataOutputs['dataBuckets']): DataBucketOutput => {
    const found = buckets[purpose];
    if (found === undefined) {
      throw new StackConfigError([
        {
          key: 'compute:dataBucket',
          value: purpose,
          expected: `a bucket of the data stack ${data.stackName}, which has ${Object.keys(buckets).join(', ')}`,
        },
      ]);
    }
    return found;
  };
  // A deployed data stack's outputs are known, so a bucket it does not have is reported before anything is
  // created. While they are unknown (a preview against a previewed data stack), the same check runs in the update.
  const knownBuckets = await data.value('dataBuckets');
  if (knownBuckets !== undefined) bucketOfPurpose(knownBuckets);
  const bucket = data.output('dataBuckets').apply(bucketOfPurpose);
  const provider = createAwsProvider(config);
  const opts: pulumi.CustomResourceOptions = { provider };
  const accountId = aws.getCallerIdentityOutput({}, opts).accountId;
  const partition = aws.getPartitionOutput({}, opts).partition;

  const key = new KmsKey(
    'compute',
    {
      description: `${config.project} ${config.environment}: compute (EBS volumes, Lambda environment, logs)`,
      alias: physicalName(config, 'kms-alias', 'compute'),
      deletionWindowInDays: config.kmsKeyDeletionWindowDays,
      serviceUsers: [cloudWatchLogsKeyGrant()],
    },
    opts,
  );

  const dataReadStatements = dataPrefixReadStatements({
    bucketArn: bucket.arn,
    prefix: dataPrefix,
    kmsKeyArn: data.output('kmsKeyArn'),
    region: config.region,
  });

  const privateSubnetIds = network.output('privateSubnetIds');
  const applicationSecurityGroupId = network.output('appSecurityGroupId');
  const vpc = { vpcId: network.output('vpcId'), vpcCidr: network.output('vpcCidr') };
  const instanceSecurityGroup = createWorkloadSecurityGroup('instances', config, vpc, opts);
  const functionSecurityGroup = createWorkloadSecurityGroup('worker', config, vpc, opts);

  const instances = createApplicationInstances(
    {
      config,
      privateSubnetIds,
      securityGroupIds: [applicationSecurityGroupId, instanceSecurityGroup.id],
      kmsKeyId: key.arn,
      dataReadStatements,
      autoScalingServiceLinkedRoleArn: baseline.output('autoScalingServiceLinkedRoleArn'),
      partition,
    },
    opts,
  );
  const worker = createWorkerFunction(
    {
      config,
      privateSubnetIds,
      securityGroupIds: [applicationSecurityGroupId, functionSecurityGroup.id],
      kmsKeyArn: key.arn,
      dataBucketName: bucket.name,
      dataPrefix,
      dataReadStatements,
      accountId,
      partition,
      region: config.region,
    },
    opts,
  );

  return {
    kmsKeyArn: key.arn,
    autoScalingGroupName: instances.autoScalingGroup.name,
    launchTemplateId: instances.launchTemplate.id,
    instanceRoleArn: instances.role.arn,
    instanceSecurityGroupId: instanceSecurityGroup.id,
    functionName: worker.function.name,
    functionArn: worker.function.arn,
    functionSecurityGroupId: functionSecurityGroup.id,
    readableDataLocation: pulumi.interpolate`s3://${bucket.name}/${dataPrefix}`,
  };
}
