import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import * as aws from '@pulumi/aws';
import * as awsx from '@pulumi/awsx';
import * as pulumi from '@pulumi/pulumi';
import { isAnalyzed, ProgramError, runProgram, UNKNOWN, type ProgramResult, type ResourceRecord } from '../index';
import { placeholderAccount } from './run-program';

function find(result: ProgramResult, type: string, name?: string): ResourceRecord {
  const record = result.resources.find((r) => r.type === type && (name === undefined || r.name === name));
  if (!record) throw new Error(`no ${type} ${name ?? ''} among ${result.resources.map((r) => r.urn).join(', ')}`);
  return record;
}

class Website extends pulumi.ComponentResource {
  readonly bucketArn: pulumi.Output<string>;
  constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
    super('test:index:Website', name, {}, opts);
    const content = new Content(`${name}-content`, { parent: this });
    this.bucketArn = content.bucket.arn;
    this.registerOutputs({ bucketArn: this.bucketArn });
  }
}

/** A component that fails after it has registered itself and a child. */
class HalfBuilt extends pulumi.ComponentResource {
  constructor(name: string) {
    super('test:index:HalfBuilt', name, {});
    new aws.sns.Topic(`${name}-topic`, {}, { parent: this });
    throw new Error(`${name}: the retention must be at least 90 days`);
  }
}

class Content extends pulumi.ComponentResource {
  readonly bucket: aws.s3.Bucket;
  constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
    super('test:index:Content', name, {}, opts);
    this.bucket = new aws.s3.Bucket(name, { forceDestroy: false }, { parent: this, protect: true });
    this.registerOutputs({});
  }
}

describe('runProgram', () => {
  describe('modes', () => {
    const program = () => {
      const vpc = new aws.ec2.Vpc('main', { cidrBlock: '10.0.0.0/16' });
      const logs = new aws.cloudwatch.LogGroup('flow', { retentionInDays: 365 });
      new aws.ec2.FlowLog('main', { vpcId: vpc.id, trafficType: 'ALL', logDestination: logs.arn });
      return { vpcId: vpc.id, logGroupArn: logs.arn };
    };

    it('preview leaves ids, ARNs and computed outputs unknown, as a first-time pulumi preview', async () => {
      const result = await runProgram(program, { mode: 'preview', config: { 'aws:region': 'eu-west-1' } });
      const flowLog = find(result, 'aws:ec2/flowLog:FlowLog');
      expect(flowLog.inputs).toMatchObject({ vpcId: UNKNOWN, logDestination: UNKNOWN, trafficType: 'ALL' });
      expect(find(result, 'aws:ec2/vpc:Vpc').id).toBe(UNKNOWN);
      expect(result.outputs).toEqual({ vpcId: UNKNOWN, logGroupArn: UNKNOWN });
      expect(result.mode).toBe('preview');
    });

    it('update makes every value known: ids and ARNs with partition, region and account', async () => {
      const result = await runProgram(program, { mode: 'update', config: { 'aws:region': 'eu-west-1' }, account: '210987654321' });
      const vpc = find(result, 'aws:ec2/vpc:Vpc');
      expect(vpc.id).toMatch(/^vpc-[0-9a-f]{17}$/);
      const logGroup = find(result, 'aws:cloudwatch/logGroup:LogGroup');
      expect(result.outputs['logGroupArn']).toBe(`arn:aws:logs:eu-west-1:210987654321:log-group:${String(logGroup.inputs['name'])}`);
      expect(find(result, 'aws:ec2/flowLog:FlowLog').inputs['vpcId']).toBe(vpc.id);
    });

    it('records property dependencies in both modes', async () => {
      for (const mode of ['preview', 'update'] as const) {
        const result = await runProgram(program, { mode });
        const vpc = find(result, 'aws:ec2/vpc:Vpc');
        const flowLog = find(result, 'aws:ec2/flowLog:FlowLog');
        expect(flowLog.propertyDependencies['vpcId']).toEqual([vpc.urn]);
        expect(flowLog.dependencies).toEqual(expect.arrayContaining([vpc.urn]));
      }
    });

    it('is deterministic: the same program gives the same ids and names', async () => {
      const first = await runProgram(program, { mode: 'update' });
      const second = await runProgram(program, { mode: 'update' });
      expect(second.resources.map((r) => [r.urn, r.id, r.inputs])).toEqual(first.resources.map((r) => [r.urn, r.id, r.inputs]));
    });

    it('rejects an unknown mode', async () => {
      await expect(runProgram(program, { mode: 'destroy' as never })).rejects.toThrow('mode must be "preview" or "update"');
    });
  });

  describe('URNs, parents and options', () => {
    it('builds URNs as the engine does: the parent type chain, without the root stack type', async () => {
      const result = await runProgram(() => new Website('site'), { project: 'web', stack: 'prod' });
      const stack = find(result, 'pulumi:pulumi:Stack');
      expect(stack.urn).toBe('urn:pulumi:prod::web::pulumi:pulumi:Stack::web-prod');
      const website = find(result, 'test:index:Website');
      expect(website.urn).toBe('urn:pulumi:prod::web::test:index:Website::site');
      expect(website.parent).toBe(stack.urn);
      const content = find(result, 'test:index:Content');
      expect(content.urn).toBe('urn:pulumi:prod::web::test:index:Website$test:index:Content::site-content');
      const bucket = find(result, 'aws:s3/bucket:Bucket');
      expect(bucket.urn).toBe('urn:pulumi:prod::web::test:index:Website$test:index:Content$aws:s3/bucket:Bucket::site-content');
      expect(bucket.parent).toBe(content.urn);
      expect(bucket.options.protect).toBe(true);
      expect(bucket.custom).toBe(true);
      expect(website.custom).toBe(false);
    });

    it('gives custom resources the default provider, built from the package config', async () => {
      const result = await runProgram(() => new aws.sns.Topic('alerts'), {
        config: { 'aws:region': 'ap-southeast-2', 'aws:defaultTags': { tags: { Owner: 'platform' } } },
      });
      const provider = find(result, 'pulumi:providers:aws');
      expect(provider.name).toMatch(/^default_7_\d+_\d+$/);
      expect(provider.inputs).toMatchObject({ region: 'ap-southeast-2', defaultTags: '{"tags":{"Owner":"platform"}}' });
      expect(find(result, 'aws:sns/topic:Topic').provider).toBe(`${provider.urn}::${provider.id}`);
    });

    it('records an explicit provider and the resources that use it', async () => {
      const result = await runProgram(
        () => {
          const useast1 = new aws.Provider('us-east-1', { region: 'us-east-1', defaultTags: { tags: { Environment: 'prod' } } });
          new aws.sns.Topic('edge', {}, { provider: useast1 });
        },
        { mode: 'update', config: { 'aws:region': 'eu-west-1' } },
      );
      const provider = find(result, 'pulumi:providers:aws', 'us-east-1');
      expect(provider.inputs).toMatchObject({ region: 'us-east-1' });
      const topic = find(result, 'aws:sns/topic:Topic');
      expect(topic.provider).toBe(`${provider.urn}::${provider.id}`);
      expect(topic.outputs['arn']).toMatch(/^arn:aws:sns:us-east-1:\d{12}:edge-[0-9a-f]{7}$/);
      expect(result.resources.some((r) => r.name.startsWith('default'))).toBe(false);
    });

    it('flags the default providers it makes, and only those: an explicit provider named default-west is the program’s', async () => {
      const result = await runProgram(() => {
        const west = new aws.Provider('default-west', { region: 'us-west-2' });
        new aws.sns.Topic('west', {}, { provider: west });
        new aws.sns.Topic('home');
      });
      const explicit = find(result, 'pulumi:providers:aws', 'default-west');
      const made = result.resources.find((record) => record.type === 'pulumi:providers:aws' && record.name !== 'default-west') as ResourceRecord;
      expect(explicit.defaultProvider).toBeUndefined();
      expect(isAnalyzed(explicit)).toBe(true);
      expect(made.defaultProvider).toBe(true);
      expect(isAnalyzed(made)).toBe(false);
    });

    it('auto-names resources within the service limits, known even in preview', async () => {
      const longName = 'A-Very-Long-Bucket-Name-That-Goes-Well-Beyond-The-Limit-Of-S3-Bucket-Names';
      const result = await runProgram(() => {
        new aws.s3.Bucket(longName);
        new aws.iam.Role('app', { assumeRolePolicy: '{}' });
      });
      const bucketName = String(find(result, 'aws:s3/bucket:Bucket').inputs['bucket']);
      expect(bucketName).toMatch(/^[a-z0-9-]{3,63}$/);
      expect(bucketName).toMatch(/-[0-9a-f]{7}$/);
      expect(String(find(result, 'aws:iam/role:Role').inputs['name'])).toMatch(/^app-[0-9a-f]{7}$/);
    });

    it('emulates the computed outputs programs read: RDS managed master secrets, cache endpoints', async () => {
      const result = await runProgram(
        () => {
          const database = new aws.rds.Instance('db', { engine: 'postgres', instanceClass: 'db.t4g.micro', manageMasterUserPassword: true, username: 'app' });
          const cache = new aws.elasticache.ReplicationGroup('cache', { description: 'cache' });
          return { secretArn: database.masterUserSecrets[0].secretArn, endpoint: cache.primaryEndpointAddress };
        },
        { mode: 'update', config: { 'aws:region': 'eu-west-1' } },
      );
      expect(result.outputs['secretArn']).toMatch(/^arn:aws:secretsmanager:eu-west-1:\d{12}:secret:rds!db-/);
      expect(result.outputs['endpoint']).toMatch(/^master\.cache-[0-9a-f]{7}\..*\.cache\.amazonaws\.com$/);
    });

    it('emulates the computed outputs of load balancers, ECR repositories, ECS task definitions and elastic IPs', async () => {
      const result = await runProgram(
        () => {
          const balancer = new aws.lb.LoadBalancer('web', { loadBalancerType: 'application' });
          const repository = new aws.ecr.Repository('api');
          const task = new aws.ecs.TaskDefinition('api', { family: 'api', containerDefinitions: '[]' });
          const eip = new aws.ec2.Eip('nat', {});
          return { dnsName: balancer.dnsName, balancerId: balancer.id, url: repository.repositoryUrl, taskArn: task.arn, allocationId: eip.allocationId, eipId: eip.id };
        },
        { mode: 'update', config: { 'aws:region': 'eu-west-1' } },
      );
      expect(result.outputs['balancerId']).toMatch(/^arn:aws:elasticloadbalancing:eu-west-1:\d{12}:loadbalancer\/app\/web-[0-9a-f]{7}\/[0-9a-f]{16}$/);
      expect(result.outputs['dnsName']).toMatch(/^web-[0-9a-f]{7}-\d+\.eu-west-1\.elb\.amazonaws\.com$/);
      expect(result.outputs['url']).toMatch(/^\d{12}\.dkr\.ecr\.eu-west-1\.amazonaws\.com\/api-[0-9a-f]{7}$/);
      expect(result.outputs['taskArn']).toBe(`arn:aws:ecs:eu-west-1:${String(result.placeholderAccount)}:task-definition/api:1`);
      expect(result.outputs['allocationId']).toBe(result.outputs['eipId']);
    });

    it('names a service-linked role as the service does, under /aws-service-role/<service>/, identified by its ARN', async () => {
      const result = await runProgram(
        () => {
          const role = new aws.iam.ServiceLinkedRole('autoscaling', { awsServiceName: 'autoscaling.amazonaws.com' });
          return { arn: role.arn, id: role.id, name: role.name, path: role.path };
        },
        { mode: 'update', config: { 'aws:allowedAccountIds': '["210987654321"]' } },
      );
      const arn = 'arn:aws:iam::210987654321:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling';
      expect(result.outputs).toEqual({ arn, id: arn, name: 'AWSServiceRoleForAutoScaling', path: '/aws-service-role/autoscaling.amazonaws.com/' });
    });

    it('keeps a name the program gives', async () => {
      const result = await runProgram(() => new aws.s3.Bucket('b', { bucket: 'my-exact-name' }));
      expect(find(result, 'aws:s3/bucket:Bucket').inputs['bucket']).toBe('my-exact-name');
    });
  });

  describe('config', () => {
    it('passes namespaced config, structured values as JSON, and secrets', async () => {
      const result = await runProgram(
        () => {
          const config = new pulumi.Config('app');
          return { name: config.require('name'), zones: config.requireObject<string[]>('zones'), password: config.requireSecret('password') };
        },
        { config: { 'app:name': 'demo', 'app:zones': ['a', 'b'], 'app:password': 'hunter2' }, secretKeys: ['app:password'] },
      );
      expect(result.outputs).toEqual({ name: 'demo', zones: ['a', 'b'], password: 'hunter2' });
      const stack = find(result, 'pulumi:pulumi:Stack');
      expect(stack.outputs['password']).toEqual({ '4dabf18193072939515e22adb298388d': '1b47061264138c4ac30d75fd1eb44270', value: 'hunter2' });
    });

    it('deploys into the account that aws:allowedAccountIds declares, and rejects a malformed one', async () => {
      const program = () => ({ account: aws.getCallerIdentityOutput().accountId, topicArn: new aws.sns.Topic('t').arn });
      const result = await runProgram(program, { mode: 'update', config: { 'aws:allowedAccountIds': ['111122223333'] } });
      expect(result.outputs['account']).toBe('111122223333');
      expect(result.outputs['topicArn']).toMatch(/^arn:aws:sns:us-east-1:111122223333:/);
      await expect(runProgram(program, { config: { 'aws:allowedAccountIds': ['prod'] } })).rejects.toThrow(
        'the config of project/dev: "aws:allowedAccountIds" must be a non-empty list of 12-digit AWS account ids in quotes, e.g. ["111122223333"]; got ["prod"]',
      );
    });

    it('reads aws:allowedAccountIds by @bulwark/workspace\'s rule: every listed id must be an account id, not only the first', async () => {
      const run = runProgram(() => undefined, { project: 'web', stack: 'prod', config: { 'aws:allowedAccountIds': '["111122223333", "prod"]' } });
      await expect(run).rejects.toThrow(ProgramError);
      await expect(run).rejects.toThrow(`the config of web/prod: "aws:allowedAccountIds" must be a non-empty list of 12-digit AWS account ids`);
    });

    it('rejects a config key without a namespace', async () => {
      await expect(runProgram(() => undefined, { config: { region: 'eu-west-1' } })).rejects.toThrow(
        'config key "region" must be namespaced as "<namespace>:<name>"',
      );
    });
  });

  describe('stack references', () => {
    it('returns the given outputs of the referenced stack', async () => {
      const result = await runProgram(
        () => {
          const network = new pulumi.StackReference('acme/network/dev');
          return { vpcId: network.requireOutput('vpcId') };
        },
        { stackReferences: { 'acme/network/dev': { vpcId: 'vpc-0123' } } },
      );
      expect(result.outputs).toEqual({ vpcId: 'vpc-0123' });
      const reference = find(result, 'pulumi:pulumi:StackReference');
      expect(reference).toMatchObject({ name: 'acme/network/dev', read: true });
    });

    it('fails naming a stack reference whose outputs were not given', async () => {
      const run = runProgram(() => new pulumi.StackReference('acme/data/dev').getOutput('x'), {
        stackReferences: { 'acme/network/dev': {} },
      });
      await expect(run).rejects.toThrow(ProgramError);
      await expect(run).rejects.toThrow(/StackReference "acme\/data\/dev" has no outputs offline: give them with --stack-reference acme\/data\/dev=FILE\.json.*known for: acme\/network\/dev/);
    });
  });

  describe('invokes', () => {
    it('answers caller identity, region, partition, availability zones, AMI parameters and policy documents', async () => {
      const result = await runProgram(
        () => {
          const identity = aws.getCallerIdentityOutput();
          const region = aws.getRegionOutput();
          const partition = aws.getPartitionOutput();
          const zones = aws.getAvailabilityZonesOutput({ state: 'available' });
          const ami = aws.ssm.getParameterOutput({ name: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64' });
          const document = aws.iam.getPolicyDocumentOutput({
            statements: [
              { sid: 'Read', actions: ['s3:GetObject'], resources: ['arn:aws:s3:::b/*'], principals: [{ type: 'AWS', identifiers: ['arn:aws:iam::123456789012:root'] }] },
              { effect: 'Deny', actions: ['s3:*'], resources: ['*'], conditions: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }] },
            ],
          });
          return { account: identity.accountId, region: region.region, partition: partition.partition, zones: zones.names, ami: ami.value, document: document.json };
        },
        { config: { 'aws:region': 'cn-north-1' }, account: '111122223333' },
      );
      expect(result.outputs).toMatchObject({ account: '111122223333', region: 'cn-north-1', partition: 'aws-cn', zones: ['cn-north-1a', 'cn-north-1b', 'cn-north-1c'] });
      expect(result.outputs['ami']).toMatch(/^ami-[0-9a-f]{17}$/);
      expect(JSON.parse(String(result.outputs['document']))).toEqual({
        Version: '2012-10-17',
        Statement: [
          { Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', Principal: { AWS: 'arn:aws:iam::123456789012:root' } },
          { Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
        ],
      });
      expect(result.invokes.map((invoke) => invoke.token)).toEqual(
        expect.arrayContaining(['aws:index/getCallerIdentity:getCallerIdentity', 'aws:iam/getPolicyDocument:getPolicyDocument']),
      );
    });

    it('answers region invokes for an explicit provider in that provider’s region', async () => {
      const result = await runProgram(
        () => {
          const useast1 = new aws.Provider('us-east-1', { region: 'us-east-1' });
          return { here: aws.getRegionOutput().region, there: aws.getRegionOutput({}, { provider: useast1 }).region };
        },
        { config: { 'aws:region': 'eu-west-1' } },
      );
      expect(result.outputs).toEqual({ here: 'eu-west-1', there: 'us-east-1' });
    });

    it('fails naming the token of an invoke it cannot answer', async () => {
      const run = runProgram(() => aws.ec2.getVpcOutput({ id: 'vpc-0a1b2c3d4e5f60718' }).id);
      await expect(run).rejects.toThrow(/aws:ec2\/getVpc:getVpc.*not the account's default VPC/);
      await expect(run).rejects.toBeInstanceOf(ProgramError);
    });

    it('answers the default VPC as AWS creates it: 172.31.0.0/16, one public /20 per zone, the same in every run', async () => {
      const program = () => {
        const vpc = aws.ec2.getVpcOutput({ default: true });
        const subnets = aws.ec2.getSubnetsOutput({ filters: [{ name: 'vpc-id', values: [vpc.id] }] });
        const first = subnets.ids.apply((ids) => aws.ec2.getSubnetOutput({ id: ids[0] as string }));
        return { vpcId: vpc.id, cidr: vpc.cidrBlock, subnetCount: subnets.ids.length, first: { vpcId: first.vpcId, cidr: first.cidrBlock, public: first.mapPublicIpOnLaunch } };
      };
      const result = await runProgram(program, { config: { 'aws:region': 'eu-west-1' } });
      expect(result.outputs).toEqual({
        vpcId: expect.stringMatching(/^vpc-[0-9a-f]{17}$/),
        cidr: '172.31.0.0/16',
        subnetCount: 3,
        first: { vpcId: result.outputs['vpcId'], cidr: '172.31.0.0/20', public: true },
      });
      expect((await runProgram(program, { config: { 'aws:region': 'eu-west-1' }, mode: 'update' })).outputs).toEqual(result.outputs);
    });

    it('fails naming a private SSM parameter it does not know, with the fixture that answers it, and answers one given', async () => {
      await expect(runProgram(() => aws.ssm.getParameterOutput({ name: '/team/secret' }).value)).rejects.toThrow(
        'the offline engine cannot answer aws.ssm.getParameter (aws:ssm/getParameter:getParameter): SSM parameter "/team/secret" holds a ' +
          'value only the account knows. It answers aws.getCallerIdentity, aws.getRegion',
      );
      await expect(runProgram(() => aws.ssm.getParameterOutput({ name: '/team/secret' }).value)).rejects.toThrow(
        'answer it with --invoke-fixtures FILE, a JSON list holding {"token":"aws:ssm/getParameter:getParameter","args":{"name":"/team/secret"},',
      );
      const result = await runProgram(() => ({ value: aws.ssm.getParameterOutput({ name: '/team/setting' }).value }), {
        ssmParameters: { '/team/setting': 'on' },
      });
      expect(result.outputs['value']).toBe('on');
      const fixed = await runProgram(() => ({ value: aws.ssm.getParameterOutput({ name: '/team/secret' }).value }), {
        invokeFixtures: [{ token: 'aws:ssm/getParameter:getParameter', args: { name: '/team/secret' }, result: { value: 'from-fixture' } }],
      });
      expect(fixed.outputs['value']).toBe('from-fixture');
    });

    it('answers a lookup of existing infrastructure from the first fixture whose arguments the call contains', async () => {
      const invokeFixtures = [
        { token: 'aws:ec2/getVpc:getVpc', args: { tags: { Name: 'other' } }, result: { id: 'vpc-0other' } },
        { token: 'aws:ec2/getVpc:getVpc', args: { tags: { Name: 'shared' } }, result: { id: 'vpc-0shared', cidrBlock: '10.8.0.0/16' } },
        { token: 'aws:ec2/getVpc:getVpc', result: { id: 'vpc-0any' } },
      ];
      const result = await runProgram(
        () => {
          const shared = aws.ec2.getVpcOutput({ tags: { Name: 'shared', Team: 'net' } });
          const group = new aws.ec2.SecurityGroup('web', { vpcId: shared.id });
          return { vpc: shared.id, cidr: shared.cidrBlock, fallback: aws.ec2.getVpcOutput({ id: 'vpc-0123' }).id, group: group.vpcId };
        },
        { invokeFixtures },
      );
      expect(result.outputs).toEqual({ vpc: 'vpc-0shared', cidr: '10.8.0.0/16', fallback: 'vpc-0any', group: 'vpc-0shared' });
    });

    it('answers the common read-only lookups with deterministic placeholders that say what they are', async () => {
      const program = () => {
        const ami = aws.ec2.getAmiOutput({ filters: [{ name: 'name', values: ['al2023-ami-*-x86_64'] }], owners: ['137112412989'], mostRecent: true });
        const zone = aws.route53.getZoneOutput({ name: 'example.com' });
        const password = aws.secretsmanager.getSecretVersionOutput({ secretId: 'prod/db-password' });
        return { ami: ami.id, amiDescription: ami.description, zoneId: zone.zoneId, zoneComment: zone.comment, password: password.secretString };
      };
      const first = await runProgram(program, { config: { 'aws:region': 'eu-west-1' } });
      expect(first.outputs['ami']).toMatch(/^ami-[0-9a-f]{17}$/);
      expect(first.outputs['amiDescription']).toMatch(/^offline placeholder for the image aws\.ec2\.getAmi would find \(name=\["al2023-ami-\*-x86_64"\]/);
      expect(first.outputs['zoneId']).toMatch(/^Z[0-9A-F]{20}$/);
      expect(first.outputs['zoneComment']).toBe('offline placeholder for the hosted zone example.com; give the real one with --invoke-fixtures');
      expect(first.outputs['password']).toBe('offline-placeholder-secret-prod-db-password');
      expect((await runProgram(program, { config: { 'aws:region': 'eu-west-1' }, mode: 'update' })).outputs).toEqual(first.outputs);
      const otherRegion = await runProgram(program, { config: { 'aws:region': 'us-west-2' } });
      expect(otherRegion.outputs['ami']).not.toBe(first.outputs['ami']);
    });

    it('fails naming the package of an invoke no emulation covers, with the fixture that answers it', async () => {
      const token = 'random:index/getThing:getThing';
      const run = runProgram(() => pulumi.runtime.invoke(token, { length: 4 }));
      await expect(run).rejects.toThrow(
        `invoke ${token} failed: the offline engine emulates no provider functions of the "random" package (only "aws"): answer it with ` +
          `--invoke-fixtures FILE, a JSON list holding {"token":"${token}","args":{"length":4}`,
      );
      const answered = await runProgram(() => ({ thing: pulumi.runtime.invoke(token, { length: 4 }).then((result) => result['value']) }), {
        invokeFixtures: [{ token, result: { value: 'abcd' } }],
      });
      expect(answered.outputs['thing']).toBe('abcd');
    });
  });

  describe('values the engine makes up', () => {
    const program = () => {
      const role = new aws.iam.Role('app', { assumeRolePolicy: JSON.stringify({ Version: '2012-10-17', Statement: [] }) });
      return { roleArn: role.arn, account: aws.getCallerIdentityOutput().accountId };
    };

    it('makes up an account for a run that names none, says so, and uses it for ARNs and caller identity alike', async () => {
      const result = await runProgram(program, { mode: 'update', project: 'shop' });
      expect(result.placeholderAccount).toBe(placeholderAccount('shop', 'dev'));
      expect(result.placeholderAccount).toMatch(/^\d{12}$/);
      expect(result.placeholderAccount).not.toBe('123456789012');
      expect(result.outputs['account']).toBe(result.placeholderAccount);
      expect(result.outputs['roleArn']).toMatch(new RegExp(`^arn:aws:iam::${String(result.placeholderAccount)}:role/app-[0-9a-f]{7}$`));
      expect(placeholderAccount('shop', 'prod')).not.toBe(result.placeholderAccount);
    });

    it('uses the configured account and reports nothing made up when aws:allowedAccountIds names it', async () => {
      const result = await runProgram(program, { mode: 'update', config: { 'aws:allowedAccountIds': '["210987654321"]' } });
      expect(result.placeholderAccount).toBeUndefined();
      expect(result.outputs['account']).toBe('210987654321');
    });
  });

  describe('providers other than aws', () => {
    class Pet extends pulumi.CustomResource {
      constructor(name: string, args: { length: number }) {
        super('random:index/randomPet:RandomPet', name, { ...args, id: undefined }, { version: '4.16.0' });
      }
    }

    it('gives their resources no made-up ARN or outputs: unknown in a preview, a labelled stable id in an update', async () => {
      const preview = await runProgram(() => ({ id: new Pet('name', { length: 2 }).id }));
      expect(find(preview, 'random:index/randomPet:RandomPet').id).toBe(UNKNOWN);
      expect(preview.outputs['id']).toBe(UNKNOWN);
      const update = await runProgram(() => ({ id: new Pet('name', { length: 2 }).id }), { mode: 'update' });
      const pet = find(update, 'random:index/randomPet:RandomPet');
      expect(pet.id).toMatch(/^bulwark-offline-id-[0-9a-f]{16}$/);
      expect(pet.outputs).toEqual({ length: 2 });
      expect(update.outputs['id']).toBe(pet.id);
    });
  });

  describe('program errors', () => {
    it('fails with the program’s own message when it throws synchronously, never a partial result', async () => {
      await expect(
        runProgram(() => {
          new aws.sns.Topic('first');
          throw new Error('the VPC CIDR overlaps the peer network');
        }),
      ).rejects.toThrow('the VPC CIDR overlaps the peer network');
    });

    it('fails when an apply callback throws', async () => {
      await expect(
        runProgram(
          () => {
            const topic = new aws.sns.Topic('t');
            return { derived: topic.arn.apply((arn) => { throw new Error(`cannot derive from ${arn}`); }) };
          },
          { mode: 'update' },
        ),
      ).rejects.toThrow(/cannot derive from arn:aws:sns/);
    });

    it('fails, without hanging, when a component throws after registering', async () => {
      await expect(runProgram(() => ({ component: new HalfBuilt('logs') }))).rejects.toThrow('logs: the retention must be at least 90 days');
    });

    it('fails on two resources with the same URN', async () => {
      await expect(
        runProgram(() => {
          new aws.sns.Topic('same');
          new aws.sns.Topic('same');
        }),
      ).rejects.toThrow(/Duplicate resource URN|same/);
    });

    it('runs correctly after a failed run', async () => {
      await expect(runProgram(() => { throw new Error('boom'); })).rejects.toThrow('boom');
      const result = await runProgram(() => ({ topic: new aws.sns.Topic('after').name }));
      expect(result.resources.map((r) => r.type)).toContain('aws:sns/topic:Topic');
    });
  });

  describe('stack outputs', () => {
    it("reads each exported output once to await it, and the SDK's root stack once more to register it", async () => {
      let reads = 0;
      const result = await runProgram(
        () => {
          const topic = new aws.sns.Topic('t');
          const arn = topic.arn as unknown as { promise(withUnknowns?: boolean): Promise<unknown> };
          const read = arn.promise.bind(arn);
          arn.promise = (withUnknowns) => {
            reads++;
            return read(withUnknowns);
          };
          return { arn: topic.arn, nested: { name: topic.name } };
        },
        { mode: 'update' },
      );
      expect(result.outputs).toEqual({ arn: expect.stringMatching(/^arn:aws:sns:/), nested: { name: expect.stringMatching(/^t-/) } });
      expect(reads).toBe(2);
    });

    it('follows outputs that are one Output as a whole', async () => {
      const result = await runProgram(() => pulumi.output({ topicName: new aws.sns.Topic('whole').name }), { mode: 'update' });
      expect(result.outputs).toEqual({ topicName: expect.stringMatching(/^whole-/) });
    });
  });

  describe('programs that never finish', () => {
    // The watch's idle period, short for tests: jest keeps Node busy, so only the idle watch can fire here.
    const quickly = { stallTimeoutMs: 200 };

    it('fails naming the stack output that waits on a promise that never settles', async () => {
      const run = runProgram(() => {
        const bucket = new aws.s3.Bucket('site');
        return { name: bucket.id, hanging: new Promise<string>(() => undefined) };
      }, quickly);
      await expect(run).rejects.toThrow(ProgramError);
      const error = (await run.catch((failure: unknown) => failure)) as ProgramError;
      expect(error.message).toBe('it never finished: nothing was left to run while it still waited for 1 stack output(s) (a promise that never settles)');
      expect(error.failures).toEqual(['stack output never resolved: hanging']);
    });

    it('fails naming the program entry when an async program never returns', async () => {
      const error = (await runProgram(async () => {
        new aws.s3.Bucket('site');
        await new Promise(() => undefined);
      }, quickly).catch((failure: unknown) => failure)) as ProgramError;
      expect(error.failures).toEqual(["the program's entry never returned (a promise it awaits never settles)"]);
    });

    /** Runs a program directory of test-fixtures/stalled-programs in a plain Node process (see run-in-node.js). */
    function runInNode(program: string, mode: 'preview' | 'update'): { message?: string; failures?: string[]; finished?: boolean } {
      const fixtures = path.join(__dirname, '../../test-fixtures/stalled-programs');
      const output = execFileSync(process.execPath, [path.join(fixtures, 'run-in-node.js'), path.join(fixtures, program), mode], { encoding: 'utf8' });
      return JSON.parse(output.trim().split('\n').pop() as string);
    }

    it.each(['preview', 'update'] as const)('fails naming the resource waiting on an apply that threw, with its error, in a plain Node process (%s)', (mode) => {
      const outcome = runInNode('apply-throws', mode);
      expect(outcome.message).toMatch(
        /^it never finished: nothing was left to run while it still waited for 1 resource registration\(s\) and 1 stack output\(s\); the first thing that went wrong: error serializing property "tags": no owner for site-[0-9a-f]{7}$/,
      );
      expect(outcome.failures).toEqual(['registration never completed: aws:s3/bucket:Bucket "logs"', 'stack output never resolved: logsArn']);
    });

    it('fails naming the resource waiting on a lookup the engine could not answer inside a component (plain Node process)', () => {
      const outcome = runInNode('unanswered-lookup', 'preview');
      expect(outcome.message).toContain('the first thing that went wrong: invoke aws:ec2/getInstance:getInstance failed');
      expect(outcome.failures?.slice(0, 2)).toEqual(['registration never completed: aws:ec2/eip:Eip "web"', 'stack output never resolved: ip']);
    });

    it('runs the next program normally after one that never finished', async () => {
      await expect(runProgram(() => ({ never: new Promise(() => undefined) }), quickly)).rejects.toThrow(/never finished/);
      const result = await runProgram(() => ({ topic: new aws.sns.Topic('alerts').name }), quickly);
      expect(result.outputs['topic']).toMatch(/^alerts-[0-9a-f]{7}$/);
    });

    it('is not fooled by a program that waits on a timer of its own', async () => {
      const result = await runProgram(async () => {
        await new Promise((resolve) => setTimeout(resolve, 600));
        return { topic: new aws.sns.Topic('late').name };
      }, quickly);
      expect(result.outputs['topic']).toMatch(/^late-/);
    });
  });

  describe('awsx components (remote components the engine expands)', () => {
    const project = 'network';

    it.each(['preview', 'update'] as const)(
      'new awsx.ec2.Vpc("main", { numberOfAvailabilityZones: 2 }) yields the VPC under the component, its subnets, route tables, routes, gateway, EIPs and NAT gateways (%s)',
      async (mode) => {
        const result = await runProgram(() => ({ vpcId: new awsx.ec2.Vpc('main', { numberOfAvailabilityZones: 2 }).vpcId }), { project, mode });
        const component = find(result, 'awsx:ec2:Vpc', 'main');
        expect(component).toMatchObject({ custom: false, urn: `urn:pulumi:dev::${project}::awsx:ec2:Vpc::main` });
        const vpc = find(result, 'aws:ec2/vpc:Vpc', 'main');
        expect(vpc.urn).toBe(`urn:pulumi:dev::${project}::awsx:ec2:Vpc$aws:ec2/vpc:Vpc::main`);
        expect(vpc.parent).toBe(component.urn);
        const count = (type: string) => result.resources.filter((record) => record.type === type).length;
        expect(count('aws:ec2/subnet:Subnet')).toBe(4);
        expect(count('aws:ec2/routeTable:RouteTable')).toBe(4);
        expect(count('aws:ec2/routeTableAssociation:RouteTableAssociation')).toBe(4);
        expect(count('aws:ec2/route:Route')).toBe(4);
        expect(count('aws:ec2/internetGateway:InternetGateway')).toBe(1);
        expect(count('aws:ec2/eip:Eip')).toBe(2);
        expect(count('aws:ec2/natGateway:NatGateway')).toBe(2);
        const subnet = find(result, 'aws:ec2/subnet:Subnet', 'main-private-1');
        expect(subnet.propertyDependencies['vpcId']).toEqual([vpc.urn]);
        expect(subnet.inputs['vpcId']).toBe(mode === 'preview' ? UNKNOWN : vpc.id);
        expect(result.outputs['vpcId']).toBe(mode === 'preview' ? UNKNOWN : vpc.id);
      },
    );

    it('an ALB with defaults gets the provider’s security group: port 80 (and every other) open to 0.0.0.0/0', async () => {
      const result = await runProgram(() => ({ dnsName: new awsx.lb.ApplicationLoadBalancer('web', {}).loadBalancer.dnsName }), { mode: 'update' });
      const group = find(result, 'aws:ec2/securityGroup:SecurityGroup', 'web');
      const ingress = group.inputs['ingress'] as { protocol: string; fromPort: number; toPort: number; cidrBlocks: string[] }[];
      // Protocol -1 with ports 0-0 is every protocol on every port, so port 80 among them.
      expect(ingress).toEqual([{ cidrBlocks: ['0.0.0.0/0'], fromPort: 0, ipv6CidrBlocks: ['::/0'], protocol: '-1', toPort: 0 }]);
      expect(find(result, 'aws:lb/listener:Listener', 'web-0').inputs).toMatchObject({ port: 80, protocol: 'HTTP' });
      expect(result.outputs['dnsName']).toMatch(/\.us-east-1\.elb\.amazonaws\.com$/);
    });

    it.each(['preview', 'update'] as const)('runs a Fargate service behind an ALB and resolves its outputs for downstream resources (%s)', async (mode) => {
      const result = await runProgram(
        () => {
          const vpc = new awsx.ec2.Vpc('main', { numberOfAvailabilityZones: 2 });
          const cluster = new aws.ecs.Cluster('cluster');
          const alb = new awsx.lb.ApplicationLoadBalancer('web', { subnetIds: vpc.publicSubnetIds });
          const service = new awsx.ecs.FargateService('app', {
            cluster: cluster.arn,
            networkConfiguration: { subnets: vpc.privateSubnetIds },
            taskDefinitionArgs: { container: { name: 'app', image: 'nginx:latest', essential: true, portMappings: [{ containerPort: 80, targetGroup: alb.defaultTargetGroup }] } },
          });
          const alarms = new aws.sns.Topic('alarms', { tags: { service: service.service.name } });
          return { url: pulumi.interpolate`http://${alb.loadBalancer.dnsName}`, service: service.service.name, alarms: alarms.arn };
        },
        { mode },
      );
      const service = find(result, 'aws:ecs/service:Service', 'app');
      expect(find(result, 'aws:sns/topic:Topic', 'alarms').inputs['tags']).toEqual({ service: service.inputs['name'] });
      expect(result.outputs['service']).toBe(service.inputs['name']);
      if (mode === 'preview') expect(result.outputs['url']).toBe(UNKNOWN);
      else expect(result.outputs['url']).toBe(`http://${String(find(result, 'aws:lb/loadBalancer:LoadBalancer', 'web').outputs['dnsName'])}`);
      expect(result.expandedComponents.map((component) => component.type)).toEqual(['awsx:ec2:Vpc', 'awsx:lb:ApplicationLoadBalancer', 'awsx:ecs:FargateService']);
      expect(result.opaqueComponents).toEqual([]);
    });
  });

  describe('program directories', () => {
    const directory = path.join(__dirname, '../../test-fixtures/directory-program');

    it('runs a program directory, naming the project from Pulumi.yaml', async () => {
      const result = await runProgram(directory, { config: { 'fixture-program:team': 'platform' } });
      expect(result.project).toBe('fixture-program');
      expect(find(result, 'aws:sns/topic:Topic').inputs['tags']).toEqual({ Team: 'platform' });
      expect(result.outputs['topicName']).toMatch(/^alerts-[0-9a-f]{7}$/);
    });

    it('fails clearly for a directory without Pulumi.yaml', async () => {
      await expect(runProgram(__dirname)).rejects.toThrow(/engine: no Pulumi\.yaml, so it is not a Pulumi program directory/);
    });
  });
});
