import { type ProgramResult, type ResourceRecord, UNKNOWN } from '@bulwark/offline';
import { onlyResourceOfType, resourceNamed, resourcesOfType } from '@bulwark/core/testing';
import { exampleNetworkOutputs as networkOutputs } from '@bulwark/stack-network/testing';
import { BASELINE_BUCKET_PURPOSES } from '@bulwark/stack-baseline/outputs';
import { EDGE_BUCKET_PURPOSES } from '@bulwark/stack-edge/outputs';
import { shapeOf } from '@bulwark/stack-testing';
import { exampleDataOutputs } from '../testing';
import { baselineOutputs, deploymentAccount, packFindings, runDataStack } from '../testing/stack-run';
import { type DataOutputs } from './outputs';

const STACKS = [
  { stack: 'dev', buckets: ['app-data'], multiAz: false, cache: false, backupDays: 7, logDays: 90 },
  { stack: 'prod', buckets: ['app-data', 'exports'], multiAz: true, cache: true, backupDays: 35, logDays: 365 },
] as const;

/** The KMS key ARN the stack's resources must use: unknown in a preview, the key's ARN in an update. */
function keyArnOf(result: ProgramResult): string {
  const key = onlyResourceOfType(result, 'aws:kms/key:Key');
  return result.mode === 'preview' ? UNKNOWN : (key.outputs.arn as string);
}

describe.each(STACKS)('data stack $stack', (expected) => {
  describe.each(['preview', 'update'] as const)('%s', (mode) => {
    let result: ProgramResult;
    beforeAll(async () => {
      result = await runDataStack(expected.stack, mode);
    });

    it('deploys through one tagged provider in the configured region', () => {
      const provider = onlyResourceOfType(result, 'pulumi:providers:aws');
      expect(provider.inputs.region).toBe('eu-west-1');
      expect(JSON.parse(provider.inputs.defaultTags as string)).toEqual({
        tags: { Environment: expected.stack, Owner: 'data-platform-team', Project: 'bulwark', ManagedBy: 'pulumi', Stack: `data/${expected.stack}` },
      });
      const custom = result.resources.filter((resource) => resource.custom && resource.type.startsWith('aws:'));
      for (const resource of custom) expect(resource.provider?.startsWith(provider.urn)).toBe(true);
    });

    it('references the network and baseline stacks of its environment by names built from config', () => {
      const references = resourcesOfType(result, 'pulumi:pulumi:StackReference').map((reference) => reference.inputs.name);
      expect(references.sort()).toEqual([`organization/baseline/${expected.stack}`, `organization/network/${expected.stack}`]);
    });

    it('creates one rotating customer managed key for every data store', () => {
      const key = onlyResourceOfType(result, 'aws:kms/key:Key');
      expect(key.inputs).toMatchObject({ enableKeyRotation: true, customerMasterKeySpec: 'SYMMETRIC_DEFAULT' });
      expect(key.inputs.deletionWindowInDays).toBe(expected.stack === 'dev' ? 7 : 30);
      expect(onlyResourceOfType(result, 'aws:kms/alias:Alias').inputs.name).toBe(`alias/bulwark/${expected.stack}/data`);
    });

    it("builds every data bucket as a SecureBucket sending its server access logs to the baseline's central bucket, and no log bucket of its own", () => {
      // A second bucket named like the baseline's access-logs bucket would fail with BucketAlreadyOwnedByYou.
      expect(resourcesOfType(result, 'bulwark:core:LogsBucket')).toEqual([]);
      const components = resourcesOfType(result, 'bulwark:core:SecureBucket');
      expect(components.map((component) => component.name)).toEqual([...expected.buckets]);
      expect(resourcesOfType(result, 'aws:s3/bucket:Bucket')).toHaveLength(expected.buckets.length);
      for (const component of components) {
        const bucket = resourcesOfType(result, 'aws:s3/bucket:Bucket').find((candidate) => candidate.parent === component.urn) as ResourceRecord;
        expect(bucket.inputs.bucket).toBe(`bulwark-${expected.stack}-${component.name}-k3x9q2`);
        expect(bucket.inputs.forceDestroy).toBe(false);
        const logging = resourcesOfType(result, 'aws:s3/bucketLogging:BucketLogging').find((candidate) => candidate.parent === component.urn) as ResourceRecord;
        // The bucket name the baseline exports, known in a first preview too.
        expect(logging.inputs).toMatchObject({ targetBucket: baselineOutputs(expected.stack).accessLogsBucketName, targetPrefix: `${component.name}/` });
        const encryption = resourcesOfType(result, 'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration').find(
          (candidate) => candidate.parent === component.urn,
        ) as ResourceRecord;
        expect(encryption.inputs.rules).toEqual([
          { applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: keyArnOf(result) }, bucketKeyEnabled: true },
        ]);
      }
    });

    it('creates the DynamoDB table with a customer managed key, point-in-time recovery and deletion protection', () => {
      const table = onlyResourceOfType(result, 'aws:dynamodb/table:Table');
      expect(table.inputs).toMatchObject({
        name: `bulwark-${expected.stack}-app`,
        billingMode: 'PAY_PER_REQUEST',
        serverSideEncryption: { enabled: true, kmsKeyArn: keyArnOf(result) },
        pointInTimeRecovery: { enabled: true },
        deletionProtectionEnabled: true,
      });
    });

    it('puts PostgreSQL in the private subnets behind a security group open to the application tier only', () => {
      const subnetGroup = onlyResourceOfType(result, 'aws:rds/subnetGroup:SubnetGroup');
      expect(subnetGroup.inputs.subnetIds).toEqual(networkOutputs.privateSubnetIds);
      const securityGroup = resourceNamed(result, 'aws:ec2/securityGroup:SecurityGroup', 'database');
      expect(securityGroup.inputs.vpcId).toBe(networkOutputs.vpcId);
      expect(securityGroup.inputs.ingress).toEqual([
        expect.objectContaining({ protocol: 'tcp', fromPort: 5432, toPort: 5432, securityGroups: [networkOutputs.appSecurityGroupId] }),
      ]);
      expect((securityGroup.inputs.ingress as Array<Record<string, unknown>>)[0]).not.toHaveProperty('cidrBlocks');
      expect(securityGroup.inputs.egress).toEqual([]);
      const parameterGroup = onlyResourceOfType(result, 'aws:rds/parameterGroup:ParameterGroup');
      expect(parameterGroup.inputs).toMatchObject({ family: 'postgres17', name: `bulwark-${expected.stack}-postgres-pg17` });
      expect(parameterGroup.inputs.parameters).toEqual([expect.objectContaining({ name: 'rds.force_ssl', value: '1' })]);
    });

    it('configures the database instance securely, with backups and Multi-AZ from config', () => {
      const instance = onlyResourceOfType(result, 'aws:rds/instance:Instance');
      const keyArn = keyArnOf(result);
      expect(instance.inputs).toMatchObject({
        identifier: `bulwark-${expected.stack}-postgres`,
        engine: 'postgres',
        // The major only: RDS creates the instance on a current minor and upgrades it (autoMinorVersionUpgrade);
        // a pinned minor stops being offered for new instances and makes Pulumi try to downgrade after an upgrade.
        engineVersion: '17',
        autoMinorVersionUpgrade: true,
        storageEncrypted: true,
        kmsKeyId: keyArn,
        publiclyAccessible: false,
        multiAz: expected.multiAz,
        backupRetentionPeriod: expected.backupDays,
        deletionProtection: true,
        iamDatabaseAuthenticationEnabled: true,
        manageMasterUserPassword: true,
        masterUserSecretKmsKeyId: keyArn,
        performanceInsightsEnabled: true,
        performanceInsightsKmsKeyId: keyArn,
        skipFinalSnapshot: false,
        port: 5432,
      });
      expect(instance.inputs).not.toHaveProperty('password');
      const securityGroup = resourceNamed(result, 'aws:ec2/securityGroup:SecurityGroup', 'database');
      expect(instance.propertyDependencies.vpcSecurityGroupIds).toEqual([securityGroup.urn]);
      expect(instance.propertyDependencies.dbSubnetGroupName).toEqual([onlyResourceOfType(result, 'aws:rds/subnetGroup:SubnetGroup').urn]);
    });

    it('pre-creates the exported database log groups, encrypted and with retention', () => {
      const logGroups = resourcesOfType(result, 'aws:cloudwatch/logGroup:LogGroup');
      expect(logGroups.map((group) => group.inputs.name).sort()).toEqual([
        `/aws/rds/instance/bulwark-${expected.stack}-postgres/postgresql`,
        `/aws/rds/instance/bulwark-${expected.stack}-postgres/upgrade`,
      ]);
      for (const group of logGroups) expect(group.inputs).toMatchObject({ kmsKeyId: keyArnOf(result), retentionInDays: expected.logDays });
    });

    it(`${expected.cache ? 'creates' : 'omits'} the Redis cache as configured`, () => {
      const groups = resourcesOfType(result, 'aws:elasticache/replicationGroup:ReplicationGroup');
      if (!expected.cache) {
        expect(groups).toEqual([]);
        expect(resourcesOfType(result, 'aws:elasticache/subnetGroup:SubnetGroup')).toEqual([]);
        return;
      }
      const [group] = groups;
      const subnetGroup = onlyResourceOfType(result, 'aws:elasticache/subnetGroup:SubnetGroup');
      expect(subnetGroup.inputs.subnetIds).toEqual(networkOutputs.privateSubnetIds);
      expect(group.inputs).toMatchObject({
        engine: 'redis',
        atRestEncryptionEnabled: true,
        kmsKeyId: keyArnOf(result),
        transitEncryptionEnabled: true,
        transitEncryptionMode: 'required',
        numCacheClusters: 2,
        automaticFailoverEnabled: true,
        multiAzEnabled: true,
        subnetGroupName: subnetGroup.inputs.name,
      });
      const securityGroup = resourceNamed(result, 'aws:ec2/securityGroup:SecurityGroup', 'cache');
      expect(securityGroup.inputs.ingress).toEqual([
        expect.objectContaining({ protocol: 'tcp', fromPort: 6379, toPort: 6379, securityGroups: [networkOutputs.appSecurityGroupId] }),
      ]);
    });

    it('exports the outputs of its contract', () => {
      const outputs = result.outputs as unknown as DataOutputs;
      expect(Object.keys(outputs).sort()).toEqual(
        [
          'kmsKeyArn', 'dataBuckets', 'tableName', 'tableArn', 'databaseIdentifier', 'databaseAddress',
          'databasePort', 'databaseName', 'databaseResourceId', 'databaseSecurityGroupId', 'cacheEnabled', 'cacheReplicationGroupId',
          'cacheSecurityGroupId',
        ].sort(),
      );
      expect(outputs.cacheEnabled).toBe(expected.cache);
      expect(outputs.databaseIdentifier).toBe(`bulwark-${expected.stack}-postgres`);
      expect(outputs.databasePort).toBe(5432);
      expect(outputs.databaseName).toBe('app');
      // Known in a preview too, so consumers can plan against the buckets before they exist.
      expect(outputs.dataBuckets).toEqual(
        Object.fromEntries(
          expected.buckets.map((purpose) => [
            purpose,
            { name: `bulwark-${expected.stack}-${purpose}-k3x9q2`, arn: `arn:aws:s3:::bulwark-${expected.stack}-${purpose}-k3x9q2` },
          ]),
        ),
      );
      if (!expected.cache) {
        expect(outputs.cacheReplicationGroupId).toBeNull();
        expect(outputs.cacheSecurityGroupId).toBeNull();
      }
      if (mode === 'update') {
        expect(outputs.kmsKeyArn).toMatch(/^arn:aws:kms:eu-west-1:\d{12}:key\//);
        expect(outputs.dataBuckets['app-data']).toEqual({
          name: `bulwark-${expected.stack}-app-data-k3x9q2`,
          arn: `arn:aws:s3:::bulwark-${expected.stack}-app-data-k3x9q2`,
        });
        expect(outputs.tableArn).toMatch(/:table\/bulwark-/);
        expect(outputs.databaseResourceId).toMatch(/^db-/);
        expect(outputs.databaseSecurityGroupId).toMatch(/^sg-/);
        if (expected.cache) expect(typeof outputs.cacheReplicationGroupId).toBe('string');
      }
    });

    it('passes the whole policy pack with zero mandatory violations', async () => {
      const findings = await packFindings(result);
      const mandatory = findings.filter((finding) => finding.enforcement === 'mandatory');
      expect({ mandatory }).toEqual({ mandatory: [] });
    });
  });
});

describe('data example outputs (what compute tests against)', () => {
  // The example describes a stack with the app-data and exports buckets and no cache: run the program so.
  const runLikeExample = (stack: string) => runDataStack(stack, 'update', { 'data:dataBuckets': ['app-data', 'exports'], 'data:cacheEnabled': false });

  it.each(['dev', 'prod'])('have the keys and value shapes the %s program exports', async (stack) => {
    const result = await runLikeExample(stack);
    expect(shapeOf(exampleDataOutputs(stack, deploymentAccount(stack)))).toEqual(shapeOf(result.outputs));
  });

  it.each(['dev', 'prod'])('agree with the %s program on every value that follows from config alone', async (stack) => {
    const outputs = (await runLikeExample(stack)).outputs as unknown as DataOutputs;
    const example = exampleDataOutputs(stack, deploymentAccount(stack));
    const fromConfig = ({ dataBuckets, tableName, databaseIdentifier, databasePort, databaseName, cacheEnabled }: DataOutputs) =>
      ({ dataBuckets, tableName, databaseIdentifier, databasePort, databaseName, cacheEnabled });
    expect(fromConfig(example)).toEqual(fromConfig(outputs));
    // ARNs name the account the stack deploys into.
    expect(example.kmsKeyArn.split(':')[4]).toBe(outputs.kmsKeyArn.split(':')[4]);
    expect(example.tableArn).toBe(outputs.tableArn);
  });
});

describe('data stack config', () => {
  const configError = async (overrides: Record<string, unknown>): Promise<string> => {
    try {
      await runDataStack('dev', 'preview', overrides);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error(`expected the config ${JSON.stringify(overrides)} to be rejected`);
  };

  it('turns the cache on in dev when asked, single-node without failover', async () => {
    const result = await runDataStack('dev', 'preview', { 'data:cacheEnabled': true, 'data:cacheNodeCount': 1 });
    expect(onlyResourceOfType(result, 'aws:elasticache/replicationGroup:ReplicationGroup').inputs).toMatchObject({
      numCacheClusters: 1,
      automaticFailoverEnabled: false,
      multiAzEnabled: false,
    });
  });

  it('builds the network and baseline references from data:organization, data:networkProject and data:baselineProject', async () => {
    const overrides = { 'data:organization': 'acme', 'data:networkProject': 'core-network', 'data:baselineProject': 'account-baseline' };
    const result = await runDataStack('dev', 'preview', overrides, {
      'acme/core-network/dev': { ...networkOutputs },
      'acme/account-baseline/dev': { ...baselineOutputs('dev') },
    });
    expect(resourcesOfType(result, 'pulumi:pulumi:StackReference').map((reference) => reference.inputs.name).sort()).toEqual([
      'acme/account-baseline/dev',
      'acme/core-network/dev',
    ]);
  });

  // S3 delivers server access logs only between buckets of one account and region:
  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html
  it.each([
    ['another region', { ...baselineOutputs('dev'), region: 'eu-central-1' }, /aws:region = "eu-west-1": expected the region of the baseline stack organization\/baseline\/dev \("eu-central-1"\)/],
    ['another account', { ...baselineOutputs('dev'), accountId: '999988887777' }, /aws:allowedAccountIds = \["111122223333"\]: expected the account of the baseline stack organization\/baseline\/dev \("999988887777"\)/],
  ])("refuses to log into the baseline's bucket in %s, before creating anything", async (_label, baseline, message) => {
    const run = runDataStack('dev', 'preview', {}, { 'organization/network/dev': { ...networkOutputs }, 'organization/baseline/dev': baseline });
    await expect(run).rejects.toThrow(message);
  });

  it.each([
    ['data:databaseMultiAz', { 'data:databaseMultiAz': 'yes' }, /data:databaseMultiAz = "yes": expected true or false/],
    ['data:cacheEnabled', { 'data:cacheEnabled': 'on' }, /data:cacheEnabled = "on": expected true or false/],
    ['data:dataBuckets (not a list)', { 'data:dataBuckets': 'app-data' }, /data:dataBuckets = "app-data": expected a YAML list/],
    ['data:dataBuckets[0]', { 'data:dataBuckets': ['App_Data'] }, /data:dataBuckets\[0\] = "App_Data": expected a lowercase purpose/],
    ['data:dataBuckets (duplicates)', { 'data:dataBuckets': ['app-data', 'app-data'] }, /data:dataBuckets = \["app-data","app-data"\]: expected a YAML list of distinct/],
    ['data:dataBuckets (a baseline purpose)', { 'data:dataBuckets': ['access-logs'] }, /data:dataBuckets\[0\] = "access-logs": .*other than access-logs, cloudtrail, config-history \(baseline\) and site \(edge\)/],
    ['data:dataBuckets (an edge purpose)', { 'data:dataBuckets': ['app-data', 'site'] }, /data:dataBuckets\[1\] = "site": .*other than/],
    ['data:databaseInstanceClass', { 'data:databaseInstanceClass': 'm5.large' }, /data:databaseInstanceClass = "m5.large": expected an RDS instance class/],
    ['data:databaseInstanceClass (no Performance Insights)', { 'data:databaseInstanceClass': 'db.t4g.micro' }, /data:databaseInstanceClass = "db.t4g.micro"/],
    ['data:databaseEngineVersion (a minor)', { 'data:databaseEngineVersion': '16.4' }, /data:databaseEngineVersion = "16.4": expected a PostgreSQL major version alone/],
    ['data:databaseEngineVersion (retired)', { 'data:databaseEngineVersion': '12' }, /data:databaseEngineVersion = "12": expected a PostgreSQL major version under RDS standard support/],
    ['data:databaseEngineVersion (past standard support)', { 'data:databaseEngineVersion': '13' }, /data:databaseEngineVersion = "13": .*RDS standard support of PostgreSQL 13 ended on 2026-02-28/],
    ['data:baselineProject', { 'data:baselineProject': 'base line' }, /data:baselineProject = "base line": expected a Pulumi project name/],
    ['data:databaseAllocatedStorageGb', { 'data:databaseAllocatedStorageGb': 10 }, /data:databaseAllocatedStorageGb = 10: expected a whole number of GiB from 20/],
    ['data:databaseMaxAllocatedStorageGb (below allocated)', { 'data:databaseMaxAllocatedStorageGb': 30, 'data:databaseAllocatedStorageGb': 40 }, /data:databaseMaxAllocatedStorageGb = 30: expected at least data:databaseAllocatedStorageGb \(40\)/],
    ['data:cacheNodeType', { 'data:cacheNodeType': 'r7g.large' }, /data:cacheNodeType = "r7g.large": expected an ElastiCache node type/],
    ['data:cacheNodeCount (range)', { 'data:cacheNodeCount': 9 }, /data:cacheNodeCount = 9: expected a whole number of cache nodes/],
    ['data:cacheNodeCount (Multi-AZ)', { 'data:cacheEnabled': true, 'data:databaseMultiAz': true, 'data:cacheNodeCount': 1 }, /data:cacheNodeCount = 1: .*at least 2 when data:databaseMultiAz/],
    ['data:organization', { 'data:organization': 'acme corp' }, /data:organization = "acme corp": expected a Pulumi organization name/],
    ['data:networkProject', { 'data:networkProject': 'net/work' }, /data:networkProject = "net\/work": expected a Pulumi project name/],
    ['a misspelt data key', { 'data:cacheEnable': true }, /data:cacheEnable = \(value not shown\): expected no such key; the data namespace holds organization/],
    ['bulwark:backupRetentionDays', { 'bulwark:backupRetentionDays': 3 }, /bulwark:backupRetentionDays = 3: expected a whole number of days from 7 to 35/],
  ])('rejects %s with an error naming the key', async (_label, overrides, message) => {
    expect(await configError(overrides)).toMatch(message);
  });

  // The producers own their purposes: one they add is refused here without a second list to keep in step.
  it.each([...Object.values(BASELINE_BUCKET_PURPOSES), ...Object.values(EDGE_BUCKET_PURPOSES)])('refuses a data bucket named after the producer purpose %s', async (purpose) => {
    expect(await configError({ 'data:dataBuckets': [purpose] })).toMatch(`data:dataBuckets[0] = "${purpose}"`);
  });
});
