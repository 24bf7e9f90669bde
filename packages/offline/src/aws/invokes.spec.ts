import * as aws from '@pulumi/aws';
import { answerInvoke, AWS_INVOKES, functionNameOf, UnsupportedInvokeError } from './invokes';

const context = { account: '210987654321', region: 'eu-west-1', ssmParameters: {} };

/** The SDK function a token names (`aws:ec2/getAmi:getAmi` → `aws.ec2.getAmi`). */
function sdkFunction(token: string): unknown {
  const [, modulePath = '', name = ''] = token.split(':');
  const module = modulePath.split('/')[0] as string;
  const scope = module === 'index' ? aws : (aws as unknown as Record<string, unknown>)[module];
  return (scope as Record<string, unknown> | undefined)?.[name];
}

describe('the table of invokes', () => {
  it.each(Object.keys(AWS_INVOKES))('%s is a function of the pinned @pulumi/aws, called by that token', (token) => {
    const fn = sdkFunction(token);
    expect(typeof fn).toBe('function');
    expect(String(fn)).toContain(`"${token}"`);
  });

  it('names what it answers, from the table itself, when it cannot answer', () => {
    let error: unknown;
    try {
      answerInvoke('aws:acm/getCertificate:getCertificate', { domain: 'example.com' }, context);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UnsupportedInvokeError);
    const message = (error as Error).message;
    expect(message).toMatch(/^the offline engine cannot answer aws\.acm\.getCertificate \(aws:acm\/getCertificate:getCertificate\)\. It answers /);
    for (const token of Object.keys(AWS_INVOKES)) expect(message).toContain(functionNameOf(token));
    expect(message).toContain(
      'answer it with --invoke-fixtures FILE, a JSON list holding {"token":"aws:acm/getCertificate:getCertificate","args":{"domain":"example.com"},',
    );
    expect(message).not.toContain('config');
  });

  it('says why when the arguments ask for what only the account knows', () => {
    expect(() => answerInvoke('aws:ec2/getVpc:getVpc', { tags: { Name: 'shared' } }, context)).toThrow(/not the account's default VPC/);
    expect(() => answerInvoke('aws:route53/getZone:getZone', { name: 'internal.example', privateZone: true }, context)).toThrow(/private hosted zone/);
    expect(() => answerInvoke('aws:iam/getPolicy:getPolicy', { arn: 'arn:aws:iam::210987654321:policy/app' }, context)).toThrow(/customer managed policy/);
  });

  it('answers public parameters and the caller identity of the environment', () => {
    expect(answerInvoke('aws:ssm/getParameter:getParameter', { name: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64' }, context)['value']).toMatch(
      /^ami-[0-9a-f]{17}$/,
    );
    expect(answerInvoke('aws:index/getCallerIdentity:getCallerIdentity', {}, context)['accountId']).toBe('210987654321');
    expect(answerInvoke('aws:ec2/getAmiIds:getAmiIds', { owners: ['amazon'] }, context)['ids']).toEqual([
      answerInvoke('aws:ec2/getAmi:getAmi', { owners: ['amazon'] }, context)['id'],
    ]);
  });
});

describe('the region a lookup asks for', () => {
  it('is its region argument, else the environment region, for AMIs, ECR tokens and secrets alike', () => {
    const inRegion = (token: string, args: Record<string, unknown>) => answerInvoke(token, args, context) as Record<string, unknown>;
    expect(inRegion('aws:ec2/getAmi:getAmi', { owners: ['amazon'], region: 'us-east-1' })['region']).toBe('us-east-1');
    expect(inRegion('aws:ec2/getAmi:getAmi', { owners: ['amazon'] })['region']).toBe('eu-west-1');
    expect(inRegion('aws:ecr/getAuthorizationToken:getAuthorizationToken', { region: 'us-east-1' })['region']).toBe('us-east-1');
    const secret = inRegion('aws:secretsmanager/getSecret:getSecret', { name: 'db-password', region: 'us-east-1' });
    expect(secret['region']).toBe('us-east-1');
    expect(secret['arn']).toMatch(/^arn:aws:secretsmanager:us-east-1:210987654321:secret:db-password-/);
    expect(inRegion('aws:secretsmanager/getSecret:getSecret', { name: 'db-password' })['arn']).toMatch(/^arn:aws:secretsmanager:eu-west-1:/);
  });
});
