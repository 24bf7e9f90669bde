import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import noHardcodedAccountId from './no-hardcoded-account-id';

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser } });

tester.run('no-hardcoded-account-id', noHardcodedAccountId, {
  valid: [
    { name: 'Compliance: the account comes from the caller identity', code: 'const account = aws.getCallerIdentityOutput().accountId;' },
    { name: 'Compliance: eleven digits are not an account id', code: "const n = '12345678901';" },
    { name: 'Compliance: thirteen digits (a timestamp) are not an account id', code: 'const at = 1700000000000;' },
    {
      name: 'Compliance: an explicitly allowed placeholder',
      code: "const example = '000000000000';",
      options: [{ allowedAccountIds: ['000000000000'] }],
    },
  ],
  invalid: [
    {
      name: 'Noncompliance 1: an account id string',
      code: "const auditAccount = '123456789012';",
      errors: [{ messageId: 'hardcodedAccountId', data: { accountId: '123456789012' } }],
    },
    {
      name: 'Noncompliance 2: an account id written as a number',
      code: 'const auditAccount = 210987654321;',
      errors: [{ messageId: 'hardcodedAccountId' }],
    },
    {
      name: 'Noncompliance 3: an account id in a principal list',
      code: "const principals = { AWS: ['111122223333'] };",
      errors: [{ messageId: 'hardcodedAccountId' }],
    },
    {
      name: 'Noncompliance 4: an allow-list does not cover other accounts',
      code: "const other = '444455556666';",
      options: [{ allowedAccountIds: ['000000000000'] }],
      errors: [{ messageId: 'hardcodedAccountId' }],
    },
  ],
});
