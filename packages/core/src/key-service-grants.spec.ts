import * as grants from './key-service-grants';
import { type KeyPolicyContext, type KeyServiceGrant } from './key-service-grants';

const context: KeyPolicyContext = { accountId: '123456789012', partition: 'aws-us-gov', region: 'us-gov-west-1' };
const TRAIL_ARN = 'arn:aws-us-gov:cloudtrail:us-gov-west-1:123456789012:trail/bulwark-dev-audit';

/** Every grant the module builds: the single-statement factories, and each statement of the CloudTrail grants. */
const everyGrant: (readonly [string, KeyServiceGrant])[] = [
  ...Object.entries(grants)
    .filter(([name]) => name.endsWith('KeyGrant'))
    .map(([name, factory]) => [name, (factory as () => KeyServiceGrant)()] as const),
  ...grants.cloudTrailKeyGrants({ trailArn: TRAIL_ARN }).map((grant) => [`cloudTrailKeyGrants ${grant.sid}`, grant] as const),
];

describe('service key grants', () => {
  it('covers every grant the module exports', () => {
    expect(Object.keys(grants).filter((name) => /KeyGrants?$/.test(name)).sort()).toEqual([
      'cloudFrontOriginKeyGrant',
      'cloudTrailKeyGrants',
      'cloudWatchLogsKeyGrant',
      'configDeliveryKeyGrant',
      'logDeliveryKeyGrant',
    ]);
  });

  it.each(everyGrant)('%s binds the service to the key owner\'s account, in its partition', (_name, grant) => {
    const conditions = JSON.stringify(grant.conditions(context));
    expect(conditions).toContain(context.accountId);
    expect(grant.sid).toMatch(/^[A-Za-z0-9]+$/);
    expect(grant.actions.length).toBeGreaterThan(0);
    expect(grant.actions.every((action) => action.startsWith('kms:') && !/kms:(Create|Put|Delete|Schedule|Disable)/.test(action))).toBe(true);
    if (conditions.includes('arn:')) expect(conditions).toContain(`arn:${context.partition}:`);
  });

  it('ties CloudFront to distributions of this account only', () => {
    expect(grants.cloudFrontOriginKeyGrant().conditions(context)).toEqual({
      StringEquals: { 'aws:SourceAccount': '123456789012' },
      ArnLike: { 'aws:SourceArn': 'arn:aws-us-gov:cloudfront::123456789012:distribution/*' },
    });
  });

  it('ties AWS Config to recorders of this account only', () => {
    expect(grants.configDeliveryKeyGrant()).toMatchObject({ servicePrincipal: 'config.amazonaws.com', actions: ['kms:Decrypt', 'kms:GenerateDataKey*'] });
    expect(grants.configDeliveryKeyGrant().conditions(context)).toEqual({ StringEquals: { 'aws:SourceAccount': '123456789012' } });
  });

  // https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.html
  it('gives CloudTrail encrypt, describe and decrypt in separate statements, each for this one trail', () => {
    const [encrypt, describeKey, decrypt] = grants.cloudTrailKeyGrants({ trailArn: TRAIL_ARN });
    const onlyThisTrail = { StringEquals: { 'aws:SourceArn': TRAIL_ARN } };
    expect({ ...encrypt, conditions: encrypt?.conditions(context) }).toEqual({
      sid: 'AllowCloudTrailEncryptLogs',
      servicePrincipal: 'cloudtrail.amazonaws.com',
      actions: ['kms:GenerateDataKey*'],
      conditions: { ...onlyThisTrail, StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': 'arn:aws-us-gov:cloudtrail:*:123456789012:trail/*' } },
    });
    // DescribeKey and Decrypt requests carry no aws:cloudtrail:arn encryption context: a condition on it would deny them.
    for (const [grant, action] of [
      [describeKey, 'kms:DescribeKey'],
      [decrypt, 'kms:Decrypt'],
    ] as const) {
      expect(grant?.actions).toEqual([action]);
      expect(grant?.conditions(context)).toEqual(onlyThisTrail);
    }
  });
});
