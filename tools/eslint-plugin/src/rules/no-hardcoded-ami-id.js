// @ts-check
/**
 * An AMI id pins one image in one region forever: it goes stale (unpatched), does not exist in other regions and
 * hides which image was meant. Resolve the image at deploy time instead.
 */
const { literalTextListeners } = require('../string-literals');

const AMI_ID = /\bami-(?:[0-9a-f]{17}|[0-9a-f]{8})\b/;

/** @type {import('eslint').Rule.RuleModule} */
const noHardcodedAmiId = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow hard-coded AMI ids; resolve the image from an SSM public parameter or aws.ec2.getAmi.',
    },
    messages: {
      hardcodedAmiId:
        "'{{amiId}}' is a hard-coded AMI id. Resolve the image when deploying: aws.ssm.getParameter on a public " +
        "parameter such as '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64', " +
        'aws.ec2.getAmi with owners and filters, or an id from stack config.',
    },
    schema: [],
  },
  create(context) {
    return literalTextListeners((text, node) => {
      const match = AMI_ID.exec(text);
      if (match) context.report({ node, messageId: 'hardcodedAmiId', data: { amiId: match[0] } });
    });
  },
};

module.exports = noHardcodedAmiId;
