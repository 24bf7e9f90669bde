/**
 * No key policy statement Allows everyone (Principal `*` / `{"AWS": "*"}`) unless a condition restricts it to an
 * account or organisation (kms:CallerAccount, aws:PrincipalAccount, aws:SourceAccount, aws:PrincipalOrgID...).
 * A public key policy lets any AWS account use, or even administer, the key. Conditions are judged by the one
 * evaluator of `@bulwark/aws-model` (see `lib/public-statements.ts`).
 *
 * Undecided (advisory): an unknown policy, statement list, Effect, Principal or Condition block that could make
 * the policy public, when nothing public is decided.
 */
import { rawProps, resourceRule } from '@bulwark/policy-kit';
import { PUBLIC_PRINCIPAL_DECISIONS, PUBLIC_PRINCIPAL_REFERENCES, reportPublicDocument } from '../../lib/public-statements';

const KEY_TYPES = ['aws:kms/key:Key', 'aws:kms/keyPolicy:KeyPolicy'];

export const kmsKeyPolicyNoPublicPrincipal = resourceRule({
  metadata: {
    id: 'kms-key-policy-no-public-principal',
    title: 'KMS key policies do not allow everyone',
    description:
      'A KMS key policy statement must not Allow Principal "*" (or {"AWS": "*"}) unless a condition such as ' +
      'StringEquals kms:CallerAccount, aws:PrincipalAccount, aws:SourceAccount or aws:PrincipalOrgID restricts it; ' +
      'otherwise any AWS account can use the key.',
    decisions: [
      ...PUBLIC_PRINCIPAL_DECISIONS,
      'Every request a key policy evaluates is signed by an IAM principal, so kms:CallerAccount, aws:PrincipalAccount, ' +
        'aws:PrincipalArn and aws:userid are always present and restrict with `...IfExists` too. A missing `policy` is ' +
        'AWS\'s default key policy (the account only) and is not reported.',
    ],
    severity: 'critical',
    enforcementLevel: 'mandatory',
    service: 'kms',
    controls: { fsbp: ['KMS.5'] },
    resourceTypes: KEY_TYPES,
    remediation:
      'Name the principals (the account root, specific roles) in the key policy, or add a condition ' +
      '`StringEquals: { "kms:CallerAccount": "<account id>" }` to statements that must use Principal "*".',
    references: [...PUBLIC_PRINCIPAL_REFERENCES, 'https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-caller-account'],
  },
  check: ({ args, report, undecided }) => {
    if (!KEY_TYPES.includes(args.type)) return;
    const check = {
      name: args.name,
      documentPath: 'policy',
      fix: 'name the principals, or add StringEquals kms:CallerAccount / aws:PrincipalOrgID with a value that names them.',
      decides: 'its value decides whether any AWS account can use the key',
      // A key policy sees only signed requests, so principal keys restrict even under ...IfExists.
      options: { signedRequestsOnly: true },
    };
    reportPublicDocument(rawProps(args.props)['policy'], check, report, undecided);
  },
});
