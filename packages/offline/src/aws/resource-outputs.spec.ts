import * as aws from '@pulumi/aws';
import { createdResource, RESOURCE_OUTPUTS } from './resource-outputs';

const environment = { account: '210987654321', region: 'eu-west-1' };

/** The SDK class of a token (`aws:ec2/vpc:Vpc` → `aws.ec2.Vpc`). */
function sdkClass(token: string): { __pulumiType?: string } | undefined {
  const [, modulePath = '', kind = ''] = token.split(':');
  const module = (aws as unknown as Record<string, Record<string, { __pulumiType?: string }> | undefined>)[modulePath.split('/')[0] as string];
  return module?.[kind];
}

describe('the table of computed outputs', () => {
  it.each(Object.keys(RESOURCE_OUTPUTS))('%s is a resource type of the pinned @pulumi/aws', (token) => {
    expect(sdkClass(token)?.__pulumiType).toBe(token);
  });

  it.each(Object.keys(RESOURCE_OUTPUTS))('%s gets a non-empty id and an ARN in AWS form', (token) => {
    const { id, computed } = createdResource(token, { name: 'app-1234567', bucket: 'app-1234567' }, `urn:pulumi:dev::p::${token}::app`, environment);
    expect(id).not.toBe('');
    expect(computed['arn']).toMatch(/^arn:aws:[a-z0-9-]+:(eu-west-1)?:(210987654321)?:.+$/);
  });

  it.each([
    ['aws:ec2/vpc:Vpc', {}, /^vpc-[0-9a-f]{17}$/, /^arn:aws:ec2:eu-west-1:210987654321:vpc\/vpc-[0-9a-f]{17}$/],
    ['aws:s3/bucket:Bucket', { bucket: 'logs-1a2b3c4' }, /^logs-1a2b3c4$/, /^arn:aws:s3:::logs-1a2b3c4$/],
    ['aws:iam/role:Role', { name: 'app-1a2b3c4', path: '/service/' }, /^app-1a2b3c4$/, /^arn:aws:iam::210987654321:role\/service\/app-1a2b3c4$/],
    ['aws:lb/targetGroup:TargetGroup', { name: 'web-1a2b3c4' }, /^arn:aws:elasticloadbalancing:/, /^arn:aws:elasticloadbalancing:eu-west-1:210987654321:targetgroup\/web-1a2b3c4\/[0-9a-f]{16}$/],
    ['aws:lb/listenerRule:ListenerRule', {}, /^arn:aws:elasticloadbalancing:/, /:listener-rule\//],
    ['aws:route53/zone:Zone', { name: 'example.com' }, /^Z[0-9A-F]{20}$/, /^arn:aws:route53:::hostedzone\/Z[0-9A-F]{20}$/],
    ['aws:kms/key:Key', {}, /^[0-9a-f]{8}-[0-9a-f]{4}-4/, /^arn:aws:kms:eu-west-1:210987654321:key\//],
    ['aws:sqs/queue:Queue', { name: 'jobs-1a2b3c4' }, /^jobs-1a2b3c4$/, /^arn:aws:sqs:eu-west-1:210987654321:jobs-1a2b3c4$/],
  ])('%s: id and ARN as AWS shapes them', (token, inputs, idPattern, arnPattern) => {
    const { id, computed } = createdResource(token, inputs, `urn:pulumi:dev::p::${token}::app`, environment);
    expect(id).toMatch(idPattern);
    expect(computed['arn']).toMatch(arnPattern);
  });

  it('gives a service-linked role the name, path and ARN AWS gives it, and its ARN as id (as the provider does)', () => {
    const autoScaling = createdResource(
      'aws:iam/serviceLinkedRole:ServiceLinkedRole',
      { awsServiceName: 'autoscaling.amazonaws.com' },
      'urn:pulumi:dev::baseline::aws:iam/serviceLinkedRole:ServiceLinkedRole::autoscaling',
      environment,
    );
    const arn = 'arn:aws:iam::210987654321:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling';
    expect(autoScaling.id).toBe(arn);
    expect(autoScaling.computed).toMatchObject({
      arn,
      name: 'AWSServiceRoleForAutoScaling',
      path: '/aws-service-role/autoscaling.amazonaws.com/',
      uniqueId: expect.stringMatching(/^AROA[0-9A-F]{17}$/),
    });
    const suffixed = createdResource(
      'aws:iam/serviceLinkedRole:ServiceLinkedRole',
      { awsServiceName: 'config.amazonaws.com', customSuffix: 'audit' },
      'urn:config',
      { account: '210987654321', region: 'cn-north-1' },
    );
    expect(suffixed.computed['arn']).toBe('arn:aws-cn:iam::210987654321:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig_audit');
    expect(suffixed.computed['name']).toBe('AWSServiceRoleForConfig_audit');
  });

  it('answers the outputs programs read: website endpoints, instance addresses, queue URLs', () => {
    const website = createdResource('aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration', { bucket: 'site-1a2b3c4' }, 'urn:w', environment);
    expect(website.computed['websiteEndpoint']).toBe('site-1a2b3c4.s3-website-eu-west-1.amazonaws.com');
    const instance = createdResource('aws:ec2/instance:Instance', {}, 'urn:i', environment);
    expect(instance.computed['publicIp']).toMatch(/^203\.0\.113\.\d{1,3}$/);
    expect(instance.computed['publicDns']).toBe(`ec2-${String(instance.computed['publicIp']).replace(/\./g, '-')}.eu-west-1.compute.amazonaws.com`);
    expect(createdResource('aws:sqs/queue:Queue', { name: 'jobs' }, 'urn:q', environment).computed['url']).toBe('https://sqs.eu-west-1.amazonaws.com/210987654321/jobs');
  });

  it('is deterministic and follows the partition of the region', () => {
    const china = createdResource('aws:sns/topic:Topic', { name: 'alerts' }, 'urn:t', { account: '210987654321', region: 'cn-north-1' });
    expect(china.computed['arn']).toBe('arn:aws-cn:sns:cn-north-1:210987654321:alerts');
    expect(createdResource('aws:ec2/subnet:Subnet', {}, 'urn:s', environment)).toEqual(createdResource('aws:ec2/subnet:Subnet', {}, 'urn:s', environment));
  });
});
