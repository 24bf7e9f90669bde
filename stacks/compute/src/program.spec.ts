import { type ProgramResult, type ResourceRecord, UNKNOWN } from '@bulwark/offline';
import { onlyResourceOfType, policyDocumentOf, resourceNamed, resourcesOfType } from '@bulwark/core/testing';
import { exampleNetworkOutputs as networkOutputs } from '@bulwark/stack-network/testing';
import { AMI_PARAMETER } from './application-instances';
import { supportedLambdaNodeRuntimes } from './lambda-node-runtimes';
import { type ComputeOutputs } from './outputs';
import { baselineOutputs, dataOutputs, deploymentAccount, packFindings, runComputeStack } from '../testing/stack-run';

const STACKS = [
  { stack: 'dev', bucket: 'app-data', prefix: 'app/', sizes: [1, 2, 1], instanceType: 't3.small', volume: 20, logDays: 90 },
  { stack: 'prod', bucket: 'exports', prefix: 'reports/daily/', sizes: [2, 6, 3], instanceType: 'm7i.large', volume: 40, logDays: 365 },
] as const;

type Statement = Record<string, unknown>;
function statementsOf(result: ProgramResult, roleComponent: string): Statement[] {
  const component = resourceNamed(result, 'bulwark:core:LeastPrivilegeRole', roleComponent);
  const policy = resourcesOfType(result, 'aws:iam/rolePolicy:RolePolicy').find((candidate) => candidate.parent === component.urn) as ResourceRecord;
  return policyDocumentOf(policy.inputs.policy).Statement;
}

describe.each(STACKS)('compute stack $stack', (expected) => {
  const data = dataOutputs(expected.stack);
  const bucketArn = data.dataBuckets[expected.bucket].arn;

  describe.each(['preview', 'update'] as const)('%s', (mode) => {
    let result: ProgramResult;
    let keyArn: string;
    beforeAll(async () => {
      result = await runComputeStack(expected.stack, mode);
      const key = onlyResourceOfType(result, 'aws:kms/key:Key');
      keyArn = mode === 'preview' ? UNKNOWN : (key.outputs.arn as string);
    });

    it('references the network, data and baseline stacks of its environment by names built from config', () => {
      const names = resourcesOfType(result, 'pulumi:pulumi:StackReference').map((reference) => reference.inputs.name);
      expect(names).toEqual([`organization/network/${expected.stack}`, `organization/data/${expected.stack}`, `organization/baseline/${expected.stack}`]);
    });

    it('tags everything through the stack provider, and launched instances and volumes too', () => {
      const provider = onlyResourceOfType(result, 'pulumi:providers:aws');
      expect(JSON.parse(provider.inputs.defaultTags as string).tags).toMatchObject({ Environment: expected.stack, Owner: 'app-team', Project: 'bulwark' });
      const template = onlyResourceOfType(result, 'aws:ec2/launchTemplate:LaunchTemplate');
      const specifications = template.inputs.tagSpecifications as Array<{ resourceType: string; tags: Record<string, string> }>;
      expect(specifications.map((specification) => specification.resourceType)).toEqual(['instance', 'volume']);
      for (const specification of specifications) expect(specification.tags).toMatchObject({ Environment: expected.stack, Owner: 'app-team', Project: 'bulwark' });
    });

    it('launches the AMI from the public SSM parameter, never a literal id', () => {
      const lookup = result.invokes.find((invoke) => invoke.token === 'aws:ssm/getParameter:getParameter');
      expect(lookup?.args.name).toBe(AMI_PARAMETER);
      const template = onlyResourceOfType(result, 'aws:ec2/launchTemplate:LaunchTemplate');
      expect(template.inputs.imageId).toBe(lookup?.result?.value);
    });

    it('hardens the launch template: IMDSv2, no public IP, encrypted root volume with the stack key', () => {
      const template = onlyResourceOfType(result, 'aws:ec2/launchTemplate:LaunchTemplate');
      expect(template.inputs.instanceType).toBe(expected.instanceType);
      expect(template.inputs.metadataOptions).toMatchObject({ httpTokens: 'required', httpEndpoint: 'enabled', httpPutResponseHopLimit: 1 });
      const interfaces = template.inputs.networkInterfaces as Array<Record<string, unknown>>;
      expect(interfaces).toHaveLength(1);
      expect(interfaces[0].associatePublicIpAddress).toBe('false');
      const instanceGroup = resourceNamed(result, 'aws:ec2/securityGroup:SecurityGroup', 'instances');
      expect(interfaces[0].securityGroups).toEqual([networkOutputs.appSecurityGroupId, mode === 'preview' ? UNKNOWN : instanceGroup.id]);
      expect(template.inputs.blockDeviceMappings).toEqual([
        {
          deviceName: '/dev/xvda',
          ebs: { encrypted: 'true', kmsKeyId: keyArn, volumeSize: expected.volume, volumeType: 'gp3', deleteOnTermination: 'true' },
        },
      ]);
      const profile = onlyResourceOfType(result, 'aws:iam/instanceProfile:InstanceProfile');
      expect(template.propertyDependencies.iamInstanceProfile).toEqual([profile.urn]);
    });

    it('runs the auto scaling group in the private subnets with the configured sizes', () => {
      const group = onlyResourceOfType(result, 'aws:autoscaling/group:Group');
      const [minSize, maxSize, desiredCapacity] = expected.sizes;
      expect(group.inputs).toMatchObject({ vpcZoneIdentifiers: networkOutputs.privateSubnetIds, minSize, maxSize, desiredCapacity });
      expect(group.propertyDependencies.launchTemplate).toEqual([onlyResourceOfType(result, 'aws:ec2/launchTemplate:LaunchTemplate').urn]);
      const grant = onlyResourceOfType(result, 'aws:kms/grant:Grant');
      expect(group.dependencies).toContain(grant.urn);
      // The role the baseline created (or adopted): a grant naming a role that does not exist yet, in an account that
      // never used Auto Scaling, fails with InvalidArnException. The baseline deploys first and exports it.
      const baselineReference = resourcesOfType(result, 'pulumi:pulumi:StackReference').find((reference) => reference.name === 'baseline') as ResourceRecord;
      expect(grant.propertyDependencies.granteePrincipal).toEqual([baselineReference.urn]);
      expect(grant.inputs.granteePrincipal).toBe(baselineOutputs(expected.stack).autoScalingServiceLinkedRoleArn);
      expect(grant.inputs.operations).toContain('CreateGrant');
      if (mode === 'update') expect(grant.inputs.keyId).toBe(keyArn);
    });

    it('gives the instances Session Manager and read on one data prefix only', () => {
      const attachment = onlyResourceOfType(result, 'aws:iam/rolePolicyAttachment:RolePolicyAttachment');
      if (mode === 'update') expect(attachment.inputs.policyArn).toBe('arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore');
      const role = resourcesOfType(result, 'aws:iam/role:Role').find((candidate) => candidate.name === 'instance') as ResourceRecord;
      expect(policyDocumentOf(role.inputs.assumeRolePolicy).Statement[0]).toMatchObject({ Principal: { Service: ['ec2.amazonaws.com'] } });
      if (mode === 'preview') return; // the statements name the data bucket, read from a stack reference output
      expect(statementsOf(result, 'instance')).toEqual([
        { Sid: 'ReadDataPrefixObjects', Effect: 'Allow', Action: ['s3:GetObject'], Resource: [`${bucketArn}/${expected.prefix}*`] },
        {
          Sid: 'ListDataPrefix',
          Effect: 'Allow',
          Action: ['s3:ListBucket'],
          Resource: [bucketArn],
          Condition: { StringLike: { 's3:prefix': [`${expected.prefix}*`] } },
        },
        {
          Sid: 'DecryptDataThroughS3',
          Effect: 'Allow',
          Action: ['kms:Decrypt'],
          Resource: [data.kmsKeyArn],
          Condition: { StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } },
        },
      ]);
    });

    it('builds security groups with no ingress and narrow egress', () => {
      for (const name of ['instances', 'worker']) {
        const group = resourceNamed(result, 'aws:ec2/securityGroup:SecurityGroup', name);
        expect(group.inputs.vpcId).toBe(networkOutputs.vpcId);
        expect(group.inputs.ingress).toEqual([]);
        expect(group.inputs.egress).toEqual([
          expect.objectContaining({ protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlocks: ['0.0.0.0/0'] }),
          expect.objectContaining({ protocol: 'tcp', fromPort: 5432, toPort: 5432, cidrBlocks: [networkOutputs.vpcCidr] }),
        ]);
      }
    });

    it('runs the Lambda function in the VPC with an encrypted environment, a supported runtime, and no reserved concurrency unless asked', () => {
      const lambda = onlyResourceOfType(result, 'aws:lambda/function:Function');
      const workerGroup = resourceNamed(result, 'aws:ec2/securityGroup:SecurityGroup', 'worker');
      // nodejs20.x was deprecated on 2026-04-30 (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html).
      expect(lambda.inputs.runtime).toBe('nodejs24.x');
      // Reserving concurrency must leave 100 unreserved; new accounts have a quota of 10, so any reservation fails
      // there (https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html): opt-in only.
      expect(lambda.inputs.reservedConcurrentExecutions).toBeUndefined();
      expect(lambda.inputs).toMatchObject({
        name: `bulwark-${expected.stack}-worker`,
        kmsKeyArn: keyArn,
        vpcConfig: {
          subnetIds: networkOutputs.privateSubnetIds,
          securityGroupIds: [networkOutputs.appSecurityGroupId, mode === 'preview' ? UNKNOWN : workerGroup.id],
        },
      });
      const variables = (lambda.inputs.environment as { variables: Record<string, string> }).variables;
      expect(variables.DATA_PREFIX).toBe(expected.prefix);
      // Stack reference outputs are known in a preview too.
      expect(variables.DATA_BUCKET).toBe(data.dataBuckets[expected.bucket].name);
      const logGroup = onlyResourceOfType(result, 'aws:cloudwatch/logGroup:LogGroup');
      expect(logGroup.inputs).toMatchObject({ name: `/aws/lambda/bulwark-${expected.stack}-worker`, kmsKeyId: keyArn, retentionInDays: expected.logDays });
      expect(lambda.dependencies).toContain(logGroup.urn);
    });

    it('limits the function role to its logs, its network interfaces and the data prefix', () => {
      const role = resourcesOfType(result, 'aws:iam/role:Role').find((candidate) => candidate.name === 'worker') as ResourceRecord;
      if (mode === 'preview') return;
      expect(policyDocumentOf(role.inputs.assumeRolePolicy).Statement[0]).toMatchObject({
        Principal: { Service: ['lambda.amazonaws.com'] },
        Condition: { StringEquals: { 'aws:SourceAccount': deploymentAccount(expected.stack) } },
      });
      const statements = statementsOf(result, 'worker');
      expect(statements.map((statement) => statement.Sid)).toEqual([
        'WriteOwnLogs', 'CreateVpcNetworkInterfaces', 'ManageVpcNetworkInterfaces', 'DescribeVpcNetworking',
        'ReadDataPrefixObjects', 'ListDataPrefix', 'DecryptDataThroughS3',
      ]);
      const logGroup = onlyResourceOfType(result, 'aws:cloudwatch/logGroup:LogGroup');
      expect(statements[0].Resource).toEqual([`${logGroup.outputs.arn as string}:*`]);
      const wildcard = statements.filter((statement) => (statement.Resource as string[]).includes('*'));
      expect(wildcard.map((statement) => statement.Action)).toEqual([['ec2:DescribeNetworkInterfaces', 'ec2:DescribeSubnets']]);
    });

    it('exports the outputs of its contract', () => {
      const outputs = result.outputs as unknown as ComputeOutputs;
      expect(Object.keys(outputs).sort()).toEqual(
        ['kmsKeyArn', 'autoScalingGroupName', 'launchTemplateId', 'instanceRoleArn', 'instanceSecurityGroupId', 'functionName', 'functionArn', 'functionSecurityGroupId', 'readableDataLocation'].sort(),
      );
      expect(outputs.autoScalingGroupName).toBe(`bulwark-${expected.stack}-application`);
      expect(outputs.functionName).toBe(`bulwark-${expected.stack}-worker`);
      if (mode === 'update') {
        expect(outputs.readableDataLocation).toBe(`s3://${data.dataBuckets[expected.bucket].name}/${expected.prefix}`);
        expect(outputs.launchTemplateId).toMatch(/^lt-/);
        expect(outputs.instanceRoleArn).toMatch(/^arn:aws:iam::\d{12}:role\//);
      }
    });

    it('passes the whole policy pack with zero mandatory violations', async () => {
      const findings = await packFindings(result);
      const mandatory = findings.filter((finding) => finding.enforcement === 'mandatory');
      expect({ mandatory }).toEqual({ mandatory: [] });
    });
  });
});

describe('compute stack config', () => {
  const configError = async (overrides: Record<string, unknown>): Promise<string> => {
    try {
      await runComputeStack('dev', 'update', overrides);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error(`expected the config ${JSON.stringify(overrides)} to be rejected`);
  };

  it('fails clearly when the data stack has no bucket of the configured purpose', async () => {
    expect(await configError({ 'compute:dataBucket': 'archive' })).toMatch(/compute:dataBucket = "archive": expected a bucket of the data stack organization\/data\/dev, which has app-data, exports/);
  });

  it('reserves concurrency and runs the configured supported runtime when the config says so', async () => {
    // The oldest runtime still supported today, so the test keeps meaning something as runtimes are deprecated.
    const [oldestSupported] = supportedLambdaNodeRuntimes(new Date().toISOString().slice(0, 10));
    const result = await runComputeStack('dev', 'preview', { 'compute:lambdaReservedConcurrency': 5, 'compute:lambdaRuntime': oldestSupported });
    expect(onlyResourceOfType(result, 'aws:lambda/function:Function').inputs).toMatchObject({ reservedConcurrentExecutions: 5, runtime: oldestSupported });
  });

  it.each([
    ['compute:lambdaRuntime (deprecated)', { 'compute:lambdaRuntime': 'nodejs20.x' }, /compute:lambdaRuntime = "nodejs20.x": expected a Lambda Node.js runtime that is not deprecated \(.*\): nodejs20.x was deprecated on 2026-04-30/],
    ['compute:lambdaRuntime (not Node.js)', { 'compute:lambdaRuntime': 'python3.13' }, /compute:lambdaRuntime = "python3.13": expected a Lambda Node.js runtime that is not deprecated/],
    ['compute:baselineProject', { 'compute:baselineProject': 'base line' }, /compute:baselineProject = "base line": expected a Pulumi project name/],
    ['compute:dataPrefix', { 'compute:dataPrefix': 'app' }, /compute:dataPrefix = "app": expected an S3 key prefix/],
    ['compute:dataBucket', { 'compute:dataBucket': 'App Data' }, /compute:dataBucket = "App Data": expected the purpose of one of the data stack's buckets/],
    ['compute:instanceType', { 'compute:instanceType': 'large' }, /compute:instanceType = "large": expected an x86_64 EC2 instance type/],
    ['compute:instanceType (Graviton)', { 'compute:instanceType': 't4g.small' }, /compute:instanceType = "t4g.small": expected an x86_64/],
    ['compute:minSize', { 'compute:minSize': -1 }, /compute:minSize = -1: expected a whole number of instances from 0 to 50/],
    ['compute:maxSize (below minSize)', { 'compute:maxSize': 1, 'compute:minSize': 2, 'compute:desiredCapacity': 2 }, /compute:maxSize = 1: expected at least compute:minSize \(2\)/],
    ['compute:desiredCapacity', { 'compute:desiredCapacity': 5 }, /compute:desiredCapacity = 5: expected a number from compute:minSize \(1\) to compute:maxSize \(2\)/],
    ['compute:rootVolumeSizeGb', { 'compute:rootVolumeSizeGb': 4 }, /compute:rootVolumeSizeGb = 4: expected a whole number of GiB from 8 to 1024/],
    ['compute:lambdaReservedConcurrency', { 'compute:lambdaReservedConcurrency': 0 }, /compute:lambdaReservedConcurrency = 0: expected a whole number of concurrent executions/],
    ['compute:lambdaMemoryMb', { 'compute:lambdaMemoryMb': 64 }, /compute:lambdaMemoryMb = 64: expected a whole number of MB from 128/],
    ['compute:lambdaTimeoutSeconds', { 'compute:lambdaTimeoutSeconds': 'soon' }, /compute:lambdaTimeoutSeconds = "soon": expected a whole number of seconds/],
    ['compute:organization', { 'compute:organization': '-acme' }, /compute:organization = "-acme": expected a Pulumi organization name/],
    ['compute:dataProject', { 'compute:dataProject': 'da ta' }, /compute:dataProject = "da ta": expected a Pulumi project name/],
    ['a misspelt compute key', { 'compute:instancetype': 't3.micro' }, /compute:instancetype = \(value not shown\): expected no such key; the compute namespace holds/],
    ['bulwark:logRetentionDays', { 'bulwark:logRetentionDays': 30 }, /bulwark:logRetentionDays = 30: expected .*at least 90/],
  ])('rejects %s with an error naming the key', async (_label, overrides, message) => {
    expect(await configError(overrides)).toMatch(message);
  });
});
