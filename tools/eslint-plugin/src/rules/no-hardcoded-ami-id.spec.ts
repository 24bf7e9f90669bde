import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import noHardcodedAmiId from './no-hardcoded-ami-id';

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser } });

tester.run('no-hardcoded-ami-id', noHardcodedAmiId, {
  valid: [
    {
      name: 'Compliance: the image is resolved from an SSM public parameter',
      code: "const ami = aws.ssm.getParameterOutput({ name: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64' }).value;",
    },
    { name: 'Compliance: the id comes from config', code: "const ami = config.require('amiId');" },
    { name: 'Compliance: a word that merely starts with ami-', code: "const tag = 'ami-builder';" },
  ],
  invalid: [
    {
      name: 'Noncompliance 1: a 17-hex-digit AMI id in a string',
      code: "new aws.ec2.Instance('web', { ami: 'ami-0abcdef1234567890', instanceType: 't3.micro' });",
      errors: [{ messageId: 'hardcodedAmiId', data: { amiId: 'ami-0abcdef1234567890' } }],
    },
    {
      name: 'Noncompliance 2: a legacy 8-hex-digit AMI id in a template literal',
      code: 'const ami = `ami-12345678`;',
      errors: [{ messageId: 'hardcodedAmiId' }],
    },
    {
      name: 'Noncompliance 3: an AMI id inside a region map',
      code: "const amis: Record<string, string> = { 'eu-west-1': 'ami-0123456789abcdef0' };",
      errors: [{ messageId: 'hardcodedAmiId' }],
    },
  ],
});
