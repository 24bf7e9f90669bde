/**
 * EBS encryption by default stays on: an `ebs.EncryptionByDefault` must not set `enabled` false. With it on,
 * every new volume and snapshot copy in the region is encrypted even when a program forgets to ask, which is
 * the account-level safety net behind `ec2-ebs-encryption-kms`. The provider defaults `enabled` to true, so an
 * absent value is compliant; whether the stack declares the resource at all is `account-baseline-complete`'s job.
 */
import { boolValue, rawProps, resourceRule, UNDECIDED } from '@bulwark/policy-kit';

const ENCRYPTION_BY_DEFAULT = 'aws:ebs/encryptionByDefault:EncryptionByDefault';

export const ec2EbsDefaultEncryption = resourceRule({
  metadata: {
    id: 'ec2-ebs-default-encryption',
    title: 'EBS encryption by default is enabled',
    description:
      'The account-level EBS encryption-by-default setting must be enabled, so every new EBS volume in the ' +
      'region is encrypted even when the resource that creates it does not ask for encryption.',
    severity: 'medium',
    enforcementLevel: 'mandatory',
    service: 'ec2',
    controls: { fsbp: ['EC2.7'], cis: ['2.2.1'] },
    resourceTypes: [ENCRYPTION_BY_DEFAULT],
    remediation:
      'Set `enabled: true` on the `aws.ebs.EncryptionByDefault` resource (or omit it: true is the default), and ' +
      'pair it with an `aws.ebs.DefaultKmsKey` pointing at a customer managed key.',
    decisions: [
      '`enabled` defaults to true, so only an explicit false (or a value that is not a boolean) violates; whether the ' +
        'stack declares the setting at all is account-baseline-complete\'s job. An unknown `enabled` (first preview) is ' +
        'reported undecided.',
    ],
    references: ['https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html'],
  },
  check: ({ args, report, undecided }) => {
    if (args.type !== ENCRYPTION_BY_DEFAULT) return;
    const raw = rawProps(args.props)['enabled'];
    const enabled = boolValue(raw);
    // only an explicit, known false (or a value that is not a boolean at all) turns the setting off
    if (enabled === false || (enabled === undefined && raw !== undefined && raw !== null)) {
      report(`enabled is ${JSON.stringify(raw)}: EBS encryption by default would be off. Set enabled to true.`);
    } else if (enabled === UNDECIDED) {
      undecided('enabled', 'its value decides whether new EBS volumes are encrypted by default');
    }
  },
});
