import * as grants from './key-service-grants';
import { type KeyPolicyContext, type KeyServiceGrant } from './key-service-grants';

const context: KeyPolicyContext = { accountId: '123456789012', partition: 'aws-us-gov', region: 'us-gov-west-1' };

const everyGrant = Object.entries(grants)
  .filter(([name]) => name.endsWith('KeyGrant'))
  .map(([name, factory]) => [name, (factory as () => KeyServiceGrant)()] as const);

describe('service key grants', () => {
  it('covers every grant the module exports', () => {
    expect(everyGrant.map(([name]) => name).sort()).toEqual([
      'cloudFrontOriginKeyGrant',
      'cloudTrailKeyGrant',
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
});
