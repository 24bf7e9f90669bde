// @ts-check
/**
 * An ARN written with an account id in it only works in that account. ARNs without one (S3 buckets,
 * AWS-managed policies such as arn:aws:iam::aws:policy/...) are fine; a template literal whose account part is
 * an interpolation is fine. Build ARNs from another resource's `arn` output or with pulumi.interpolate from
 * aws.getCallerIdentity / aws.getPartition / aws.getRegion.
 */
const { INTERPOLATION, literalTextListeners } = require('../string-literals');

// arn:partition:service:region:account-id:resource with a literal 12-digit account id; any part but the account
// may be interpolated.
const ARN_WITH_ACCOUNT = new RegExp(
  `\\barn:(?:aws(?:-[a-z-]+)?|${INTERPOLATION}):(?:[a-z0-9-]|${INTERPOLATION})+:(?:[a-z0-9-]|${INTERPOLATION})*:(\\d{12}):`,
);

/** @type {import('eslint').Rule.RuleModule} */
const noHardcodedArn = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow ARNs that contain a hard-coded account id.',
    },
    messages: {
      hardcodedArn:
        "This ARN hard-codes account {{accountId}}. Take the ARN from the resource's `arn` output, or build it with " +
        'pulumi.interpolate from aws.getCallerIdentity(), aws.getPartition() and aws.getRegion() (or stack config).',
    },
    schema: [],
  },
  create(context) {
    return literalTextListeners((text, node) => {
      const match = ARN_WITH_ACCOUNT.exec(text);
      if (match) context.report({ node, messageId: 'hardcodedArn', data: { accountId: match[1] } });
    });
  },
};

module.exports = noHardcodedArn;
