import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { evaluate, evaluateProgram, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { lambdaEnvironmentKms } from './lambda-environment-kms';

const FUNCTION = 'aws:lambda/function:Function';
const KEY_ARN = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

const detail = (message: string) => message.split('\n').pop();

describe('lambda-environment-kms', () => {
  it('Compliance: variables encrypted with a key, and functions without variables', async () => {
    const findings = await evaluate(lambdaEnvironmentKms, [
      resource(FUNCTION, { role: 'r', environment: { variables: { TABLE: 'orders' } }, kmsKeyArn: KEY_ARN }),
      resource(FUNCTION, { role: 'r' }),
      resource(FUNCTION, { role: 'r', environment: { variables: {} } }),
      resource(FUNCTION, { role: 'r', environment: {} }),
    ]);
    expect(findings).toEqual([]);
  });

  it('Noncompliance 1: variables without kmsKeyArn', async () => {
    const findings = await evaluate(lambdaEnvironmentKms, [
      resource(FUNCTION, { role: 'r', environment: { variables: { TABLE: 'orders', API_TOKEN: 'x' } } }, { name: 'handler' }),
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ policy: 'lambda-environment-kms', enforcement: 'mandatory' });
    expect(findings[0].urn).toContain('::handler');
    expect(detail(findings[0].message)).toBe(
      '`environment.variables` holds 2 variables (TABLE, API_TOKEN) but `kmsKeyArn` is not set; set `kmsKeyArn` to a customer managed KMS key ARN.',
    );
  });

  it('Noncompliance 2: an empty kmsKeyArn, and many variables are summarised', async () => {
    const variables = Object.fromEntries(Array.from({ length: 7 }, (_, index) => [`VAR_${index}`, 'v']));
    const findings = await evaluate(lambdaEnvironmentKms, [resource(FUNCTION, { environment: { variables }, kmsKeyArn: '' })]);
    expect(detail(findings[0].message)).toContain('holds 7 variables (VAR_0, VAR_1, VAR_2, VAR_3, VAR_4, and 2 more) but `kmsKeyArn` is ""');
  });

  describe('AWS managed keys are not customer managed (issue 16)', () => {
    const withVariables = (kmsKeyArn: string) => resource(FUNCTION, { environment: { variables: { TABLE: 'orders' } }, kmsKeyArn });
    it.each([['a key ARN', KEY_ARN], ['an alias ARN of our own', 'arn:aws:kms:eu-west-1:123456789012:alias/functions'], ['a multi-Region key ARN', 'arn:aws:kms:eu-west-1:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab']])(
      'Compliance: %s',
      async (_label, kmsKeyArn) => {
        expect(await evaluate(lambdaEnvironmentKms, [withVariables(kmsKeyArn)])).toEqual([]);
      },
    );

    it.each([['alias/aws/lambda'], ['arn:aws:kms:eu-west-1:123456789012:alias/aws/lambda'], ['aws/lambda']])('Noncompliance: %s', async (kmsKeyArn) => {
      const findings = await evaluate(lambdaEnvironmentKms, [withVariables(kmsKeyArn)]);
      expect(detail(findings[0].message)).toContain(`\`kmsKeyArn\` is "${kmsKeyArn}", an AWS managed key`);
    });
  });

  it('Preview: a traced key settles it; unknown variables or an untraced key are undecided; unknown values in known names still count', async () => {
    const key = resource('aws:kms/key:Key', {});
    const unknownEnvironment = resource(FUNCTION, { environment: UNKNOWN_VALUE });
    const unknownVariables = resource(FUNCTION, { environment: { variables: UNKNOWN_VALUE } });
    const untracedKey = resource(FUNCTION, { environment: { variables: { TABLE: UNKNOWN_VALUE } }, kmsKeyArn: UNKNOWN_VALUE });
    const findings = await evaluate(lambdaEnvironmentKms, [
      key,
      unknownEnvironment,
      unknownVariables,
      untracedKey,
      resource(FUNCTION, { environment: UNKNOWN_VALUE, kmsKeyArn: UNKNOWN_VALUE }, { dependsOn: { kmsKeyArn: [key] } }),
      resource(FUNCTION, { environment: { variables: { TABLE: UNKNOWN_VALUE } } }, { name: 'unkeyed' }),
    ]);
    expect(mandatory(findings).map((finding) => finding.urn?.split('::').pop())).toEqual(['unkeyed']);
    expect(undecided(findings).map((finding) => [finding.urn, finding.property])).toEqual([
      [unknownEnvironment.urn, 'environment'],
      [unknownVariables.urn, 'environment.variables'],
      [untracedKey.urn, 'kmsKeyArn'],
    ]);
  });

  it.each(['preview', 'update'] as const)('Program (%s): only the function without a key is flagged', async (mode) => {
    const findings = await evaluateProgram(
      lambdaEnvironmentKms,
      () => {
        const role = new aws.iam.Role('fn-role', {
          assumeRolePolicy: JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
          }),
        });
        const key = new aws.kms.Key('env-key', { enableKeyRotation: true });
        const table = new aws.dynamodb.Table('orders', { attributes: [{ name: 'id', type: 'S' }], hashKey: 'id', billingMode: 'PAY_PER_REQUEST' });
        const code = new pulumi.asset.AssetArchive({ 'index.js': new pulumi.asset.StringAsset('exports.handler = async () => 1;') });
        const common = { role: role.arn, runtime: 'nodejs20.x', handler: 'index.handler', code };
        new aws.lambda.Function('keyed', { ...common, environment: { variables: { TABLE: table.name } }, kmsKeyArn: key.arn });
        new aws.lambda.Function('unkeyed', { ...common, environment: { variables: { TABLE: table.name } } });
        new aws.lambda.Function('no-env', common);
      },
      { mode, stackConfig: { 'aws:region': 'eu-west-1' } },
    );
    expect(findings.map((finding) => [finding.urn?.split('::').pop(), finding.policy, finding.enforcement])).toEqual([
      ['unkeyed', 'lambda-environment-kms', 'mandatory'],
    ]);
  });
});
