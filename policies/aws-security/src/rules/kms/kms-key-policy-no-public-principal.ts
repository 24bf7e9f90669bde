/**
 * No key policy statement Allows everyone (Principal `*` / `{"AWS": "*"}`) unless a condition restricts it to an
 * account or organisation (kms:CallerAccount, aws:PrincipalAccount, aws:SourceAccount, aws:PrincipalOrgID...).
 * A public key policy lets any AWS account use, or even administer, the key.
 */
import { describeStatement, isUnrestrictedPublicAllow, parsePolicyDocument, statementsOf } from '@bulwark/aws-model';
import { rawProps, resourceRule } from '@bulwark/policy-kit';

const KEY_TYPES = ['aws:kms/key:Key', 'aws:kms/keyPolicy:KeyPolicy'];

export const kmsKeyPolicyNoPublicPrincipal = resourceRule({
  metadata: {
    id: 'kms-key-policy-no-public-principal',
    title: 'KMS key policies do not allow everyone',
    description:
      'A KMS key policy statement must not Allow Principal "*" (or {"AWS": "*"}) unless a condition such as ' +
      'StringEquals kms:CallerAccount, aws:PrincipalAccount, aws:SourceAccount or aws:PrincipalOrgID restricts it; ' +
      'otherwise any AWS account can use the key.',
    severity: 'critical',
    enforcementLevel: 'mandatory',
    service: 'kms',
    controls: { fsbp: ['KMS.5'] },
    resourceTypes: KEY_TYPES,
    remediation:
      'Name the principals (the account root, specific roles) in the key policy, or add a condition ' +
      '`StringEquals: { "kms:CallerAccount": "<account id>" }` to statements that must use Principal "*".',
  },
  check: ({ args, report }) => {
    if (!KEY_TYPES.includes(args.type)) return;
    // Unknown and invalid documents are skipped (see policy-document.ts); a missing `policy` is AWS's default policy.
    for (const statement of statementsOf(parsePolicyDocument(rawProps(args.props)['policy']))) {
      if (isUnrestrictedPublicAllow(statement)) {
        report(
          `${args.name}: \`policy\` ${describeStatement(statement)} Allows Principal "*" with no restricting condition: ` +
            'name the principals, or add StringEquals kms:CallerAccount / aws:PrincipalOrgID.',
        );
      }
    }
  },
});
