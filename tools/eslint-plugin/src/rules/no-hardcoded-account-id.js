// @ts-check
/**
 * A literal AWS account id ties a program to one account: the same stack cannot be deployed to dev and prod
 * accounts, and the id leaks into every fork. Read it from aws.getCallerIdentity or from stack config.
 * ARNs are the job of no-hardcoded-arn; this rule looks at values that are an account id and nothing else.
 */
const { literalTextListeners } = require('../string-literals');

const ACCOUNT_ID = /^\d{12}$/;

/** @type {import('eslint').Rule.RuleModule} */
const noHardcodedAccountId = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow hard-coded AWS account ids; use aws.getCallerIdentity or stack config.',
    },
    messages: {
      hardcodedAccountId:
        "'{{accountId}}' looks like a hard-coded AWS account id. Use (await aws.getCallerIdentity()).accountId " +
        '(or aws.getCallerIdentityOutput()) for the deploying account, or a stack config value for another account.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          allowedAccountIds: {
            type: 'array',
            items: { type: 'string', pattern: '^\\d{12}$' },
            description: 'Account ids that are not real accounts (documentation placeholders) and may be written.',
          },
        },
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    /** @type {{ allowedAccountIds?: string[] } | undefined} */
    const options = context.options[0];
    const allowed = new Set(options?.allowedAccountIds ?? []);
    return literalTextListeners((text, node) => {
      const candidate = text.trim();
      if (ACCOUNT_ID.test(candidate) && !allowed.has(candidate)) {
        context.report({ node, messageId: 'hardcodedAccountId', data: { accountId: candidate } });
      }
    });
  },
};

module.exports = noHardcodedAccountId;
