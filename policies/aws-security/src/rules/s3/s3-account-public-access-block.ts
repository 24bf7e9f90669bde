/**
 * An AccountPublicAccessBlock turns on all four flags. It is the account-wide backstop that keeps every current
 * and future bucket private, whatever a bucket's own settings say.
 */
import { rawProps, resourceRule } from '@bulwark/policy-kit';
import { flagsNotTrue, flagsUnknown, PUBLIC_ACCESS_BLOCK_DECISIONS } from './s3-bucket-public-access-block';

const ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPE = 'aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock';

export const s3AccountPublicAccessBlock = resourceRule({
  metadata: {
    id: 's3-account-public-access-block',
    title: 'The account blocks S3 public access',
    description:
      'An AccountPublicAccessBlock must set blockPublicAcls, blockPublicPolicy, ignorePublicAcls and ' +
      'restrictPublicBuckets to true, so that no bucket in the account can be made public by a policy or ACL.',
    severity: 'high',
    enforcementLevel: 'mandatory',
    service: 's3',
    controls: { fsbp: ['S3.1'] },
    resourceTypes: [ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPE],
    remediation:
      'Set blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets to true on the ' +
      'aws.s3.AccountPublicAccessBlock (the baseline stack owns it).',
    decisions: [...PUBLIC_ACCESS_BLOCK_DECISIONS],
  },
  check: ({ args, report, undecided }) => {
    if (args.type !== ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPE) return;
    const props = rawProps(args.props);
    const off = flagsNotTrue(props);
    if (off.length > 0) {
      report(
        `AccountPublicAccessBlock ${args.name} does not set ${off.map((flag) => `\`${flag}\``).join(', ')} to true ` +
          '(unset means false): set all four flags to true.',
      );
      return;
    }
    for (const flag of flagsUnknown(props)) undecided(flag, 'its value decides whether the account blocks public access to every bucket');
  },
});
