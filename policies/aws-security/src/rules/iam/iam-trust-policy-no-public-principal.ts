/**
 * A role's trust policy does not let everyone assume it: no Allow to Principal `*` / `{"AWS": "*"}` without a
 * condition tying it to an account or organisation. A public trust policy hands the role to any AWS account.
 */
import { describeStatement, isUnrestrictedPublicAllow, parsePolicyDocument, statementsOf } from '@bulwark/aws-model';
import { rawProps, resourceRule } from '@bulwark/policy-kit';
import { ROLE_TYPE } from './permission-policies';

export const iamTrustPolicyNoPublicPrincipal = resourceRule({
  metadata: {
    id: 'iam-trust-policy-no-public-principal',
    title: 'IAM role trust policies do not trust everyone',
    description:
      'A role\'s assumeRolePolicy must not Allow Principal "*" (or {"AWS": "*"}) unless a condition such as ' +
      'aws:PrincipalOrgID, aws:PrincipalAccount or aws:SourceAccount restricts it; otherwise any AWS account can assume the role.',
    severity: 'critical',
    enforcementLevel: 'mandatory',
    service: 'iam',
    controls: {},
    resourceTypes: [ROLE_TYPE],
    remediation:
      'Trust specific principals (an account root, a role ARN, a service such as lambda.amazonaws.com), or add ' +
      '`StringEquals: { "aws:PrincipalOrgID": "o-..." }` to the statement.',
  },
  check: ({ args, report }) => {
    if (args.type !== ROLE_TYPE) return;
    for (const statement of statementsOf(parsePolicyDocument(rawProps(args.props)['assumeRolePolicy']))) {
      if (isUnrestrictedPublicAllow(statement)) {
        report(
          `${args.name}: \`assumeRolePolicy\` ${describeStatement(statement)} Allows Principal "*" with no restricting condition: ` +
            'trust specific principals, or add a condition on aws:PrincipalOrgID or aws:PrincipalAccount.',
        );
      }
    }
  },
});
