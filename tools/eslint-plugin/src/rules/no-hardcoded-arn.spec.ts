import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import noHardcodedArn from './no-hardcoded-arn';

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser } });

tester.run('no-hardcoded-arn', noHardcodedArn, {
  valid: [
    { name: 'Compliance: an AWS-managed policy ARN has no account', code: "const p = 'arn:aws:iam::aws:policy/ReadOnlyAccess';" },
    { name: 'Compliance: an S3 bucket ARN has no account', code: "const b = 'arn:aws:s3:::my-bucket/*';" },
    {
      name: 'Compliance: the account part is interpolated',
      code: 'const role = pulumi.interpolate`arn:${partition}:iam::${identity.accountId}:role/deployer`;',
    },
    { name: 'Compliance: the ARN is a resource output', code: 'const arn = bucket.arn;' },
  ],
  invalid: [
    {
      name: 'Noncompliance 1: a role ARN with an account id',
      code: "const role = 'arn:aws:iam::123456789012:role/deployer';",
      errors: [{ messageId: 'hardcodedArn', data: { accountId: '123456789012' } }],
    },
    {
      name: 'Noncompliance 2: a regional ARN in a template with a literal account',
      code: 'const topic = `arn:aws:sns:${region}:123456789012:alerts`;',
      errors: [{ messageId: 'hardcodedArn' }],
    },
    {
      name: 'Noncompliance 3: a GovCloud partition ARN',
      code: "const key = 'arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/abcd';",
      errors: [{ messageId: 'hardcodedArn' }],
    },
    {
      name: 'Noncompliance 4: the partition is interpolated but the account is literal',
      code: 'const role = `arn:${partition}:iam::123456789012:role/${name}`;',
      errors: [{ messageId: 'hardcodedArn' }],
    },
  ],
});

