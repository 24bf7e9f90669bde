import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { evaluate, evaluateProgram, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { lambdaNoPublicInvoke } from './lambda-no-public-invoke';

const PERMISSION = 'aws:lambda/permission:Permission';
const invoke = { action: 'lambda:InvokeFunction', function: 'handler' };

const detail = (message: string) => message.split('\n').pop();

describe('lambda-no-public-invoke', () => {
  it('Compliance: specific principals, and wildcards pinned to a source or organisation', async () => {
    const findings = await evaluate(lambdaNoPublicInvoke, [
      resource(PERMISSION, { ...invoke, principal: 'apigateway.amazonaws.com', sourceArn: 'arn:aws:execute-api:eu-west-1:123456789012:abc/*' }),
      resource(PERMISSION, { ...invoke, principal: '123456789012' }),
      resource(PERMISSION, { ...invoke, principal: '*', sourceArn: 'arn:aws:events:eu-west-1:123456789012:rule/nightly' }),
      resource(PERMISSION, { ...invoke, principal: '*', sourceAccount: '123456789012' }),
      resource(PERMISSION, { ...invoke, principal: '*', principalOrgId: 'o-a1b2c3d4e5' }),
      resource(PERMISSION, { ...invoke, principal: 's3.amazonaws.com', sourceArn: 'arn:aws:s3:::uploads', sourceAccount: '123456789012' }),
    ]);
    expect(findings).toEqual([]);
  });

  it('Noncompliance 1: principal * with no restriction', async () => {
    const findings = await evaluate(lambdaNoPublicInvoke, [resource(PERMISSION, { ...invoke, principal: '*' }, { name: 'open' })]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ policy: 'lambda-no-public-invoke', enforcement: 'mandatory' });
    expect(findings[0].urn).toContain('::open');
    expect(detail(findings[0].message)).toBe(
      '`principal` is "*" with no `sourceArn`, `sourceAccount` or `principalOrgId`, so anyone can invoke the function; ' +
        'name a specific principal or add one of those restrictions.',
    );
  });

  it('Noncompliance 2: a wildcard "restriction" does not restrict', async () => {
    const findings = await evaluate(lambdaNoPublicInvoke, [resource(PERMISSION, { ...invoke, principal: '*', sourceArn: '*', sourceAccount: '' })]);
    expect(findings).toHaveLength(1);
  });

  it('Noncompliance 3: a wildcard inside an account principal', async () => {
    const findings = await evaluate(lambdaNoPublicInvoke, [resource(PERMISSION, { ...invoke, principal: 'arn:aws:iam::*:root' })]);
    expect(detail(findings[0].message)).toContain('`principal` is "arn:aws:iam::*:root"');
  });

  it('Noncompliance 4: a public function URL is named as such', async () => {
    const findings = await evaluate(lambdaNoPublicInvoke, [
      resource(PERMISSION, { action: 'lambda:InvokeFunctionUrl', function: 'handler', principal: '*', functionUrlAuthType: 'NONE' }),
    ]);
    expect(detail(findings[0].message)).toContain('(a public function URL: waive the rule with a reason if that is intended)');
  });

  it('Noncompliance 5: s3.amazonaws.com with only a bucket ARN', async () => {
    const findings = await evaluate(lambdaNoPublicInvoke, [
      resource(PERMISSION, { ...invoke, principal: 's3.amazonaws.com', sourceArn: 'arn:aws:s3:::uploads' }),
    ]);
    expect(detail(findings[0].message)).toContain('`principal` is "s3.amazonaws.com" but `sourceAccount` is not set');
  });

  describe('restrictions that only look restricting (issue 16)', () => {
    it.each([
      ['sourceArn naming one account\'s API', { sourceArn: 'arn:aws:execute-api:eu-west-1:123456789012:abc123/*/GET/items' }],
      ['sourceArn of one bucket, with its owner account', { principal: 's3.amazonaws.com', sourceArn: 'arn:aws:s3:::uploads', sourceAccount: '123456789012' }],
      ['principalOrgId of one organisation', { principalOrgId: 'o-a1b2c3d4e5' }],
    ])('Compliance: %s', async (_label, inputs) => {
      expect(await evaluate(lambdaNoPublicInvoke, [resource(PERMISSION, { ...invoke, principal: '*', ...inputs })])).toEqual([]);
    });

    it.each([
      ['a sourceArn with a wildcard account', { sourceArn: 'arn:aws:execute-api:eu-west-1:*:abc123/*' }, '`sourceArn`: ArnLike aws:sourcearn "arn:aws:execute-api:eu-west-1:*:abc123/*" names no known'],
      ['a sourceArn of every bucket', { sourceArn: 'arn:aws:s3:::*' }, 'names no known aws:sourcearn'],
      ['a wildcard organisation', { principalOrgId: 'o-*' }, '`principalOrgId`: StringEquals aws:principalorgid "o-*" names no known'],
      ['an S3 principal with a wildcard source account', { principal: 's3.amazonaws.com', sourceArn: 'arn:aws:s3:::uploads', sourceAccount: '*' }, '`sourceAccount` is "*" (`sourceAccount`: StringEquals'],
    ])('Noncompliance: %s', async (_label, inputs, why) => {
      const permission = resource(PERMISSION, { ...invoke, principal: '*', ...inputs });
      const findings = await evaluate(lambdaNoPublicInvoke, [permission]);
      expect(mandatory(findings).map((finding) => finding.urn)).toEqual([permission.urn]);
      expect(findings[0].message).toContain(why);
    });
  });

  it('Preview: unknown restrictions restrict; an unknown principal is undecided unless sourceAccount settles it', async () => {
    const unknownPrincipal = resource(PERMISSION, { ...invoke, principal: UNKNOWN_VALUE, sourceArn: 'arn:aws:s3:::uploads' });
    const findings = await evaluate(lambdaNoPublicInvoke, [
      unknownPrincipal,
      resource(PERMISSION, { ...invoke, principal: UNKNOWN_VALUE, sourceAccount: UNKNOWN_VALUE }),
      resource(PERMISSION, { ...invoke, principal: '*', sourceArn: UNKNOWN_VALUE }),
      resource(PERMISSION, { ...invoke, principal: 's3.amazonaws.com', sourceArn: UNKNOWN_VALUE, sourceAccount: UNKNOWN_VALUE }),
      resource(PERMISSION, { ...invoke, principal: '*', function: UNKNOWN_VALUE }, { name: 'still-public' }),
    ]);
    expect(mandatory(findings).map((finding) => finding.urn?.split('::').pop())).toEqual(['still-public']);
    expect(undecided(findings).map((finding) => [finding.urn, finding.property])).toEqual([[unknownPrincipal.urn, 'principal']]);
  });

  it.each(['preview', 'update'] as const)('Program (%s): a source ARN unknown in preview restricts in both modes', async (mode) => {
    const findings = await evaluateProgram(
      lambdaNoPublicInvoke,
      () => {
        const role = new aws.iam.Role('fn-role', {
          assumeRolePolicy: JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
          }),
        });
        const fn = new aws.lambda.Function('handler', {
          role: role.arn,
          runtime: 'nodejs20.x',
          handler: 'index.handler',
          code: new pulumi.asset.AssetArchive({ 'index.js': new pulumi.asset.StringAsset('exports.handler = async () => 1;') }),
        });
        const rule = new aws.cloudwatch.EventRule('nightly', { scheduleExpression: 'cron(0 2 * * ? *)' });
        new aws.lambda.Permission('from-events', { action: 'lambda:InvokeFunction', function: fn.name, principal: '*', sourceArn: rule.arn });
        new aws.lambda.Permission('from-anyone', { action: 'lambda:InvokeFunction', function: fn.name, principal: '*' });
      },
      { mode, stackConfig: { 'aws:region': 'eu-west-1' } },
    );
    expect(findings.map((finding) => [finding.urn?.split('::').pop(), finding.policy, finding.enforcement])).toEqual([
      ['from-anyone', 'lambda-no-public-invoke', 'mandatory'],
    ]);
  });
});
