/**
 * A role's trust policy does not let everyone assume it: no Allow to Principal `*` / `{"AWS": "*"}` without a
 * condition tying it to an account or organisation. A public trust policy hands the role to any AWS account.
 * Conditions are judged by the one evaluator of `@bulwark/aws-model` (see `lib/public-statements.ts`).
 *
 * Undecided (advisory): an unknown trust policy, statement list, Effect, Principal or Condition block that could
 * make it public, when nothing public is decided.
 */
import { rawProps, resourceRule } from '@bulwark/policy-kit';
import { PUBLIC_PRINCIPAL_DECISIONS, PUBLIC_PRINCIPAL_REFERENCES, reportPublicDocument } from '../../lib/public-statements';
import { ROLE_TYPE } from './permission-policies';

export const iamTrustPolicyNoPublicPrincipal = resourceRule({
  metadata: {
    id: 'iam-trust-policy-no-public-principal',
    title: 'IAM role trust policies do not trust everyone',
    description:
      'A role\'s assumeRolePolicy must not Allow Principal "*" (or {"AWS": "*"}) unless a condition such as ' +
      'aws:PrincipalOrgID, aws:PrincipalAccount or aws:SourceAccount restricts it; otherwise any AWS account can assume the role.',
    decisions: [
      ...PUBLIC_PRINCIPAL_DECISIONS,
      'Trust policies also answer web identity and SAML federation (sts:AssumeRoleWithWebIdentity/WithSAML), whose ' +
        'requests are not signed by an IAM principal, so principal keys restrict only without `IfExists`. sts:ExternalId ' +
        'is a shared secret, not an identity: Principal "*" with only an external id is public.',
    ],
    severity: 'critical',
    enforcementLevel: 'mandatory',
    service: 'iam',
    controls: {},
    resourceTypes: [ROLE_TYPE],
    remediation:
      'Trust specific principals (an account root, a role ARN, a service such as lambda.amazonaws.com), or add ' +
      '`StringEquals: { "aws:PrincipalOrgID": "o-..." }` to the statement.',
    references: [...PUBLIC_PRINCIPAL_REFERENCES, 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html'],
  },
  check: ({ args, report, undecided }) => {
    if (args.type !== ROLE_TYPE) return;
    const check = {
      name: args.name,
      documentPath: 'assumeRolePolicy',
      fix: 'trust specific principals, or add a condition on aws:PrincipalOrgID or aws:PrincipalAccount with a value that names them.',
      decides: 'its value decides whether any AWS account can assume the role',
    };
    reportPublicDocument(rawProps(args.props)['assumeRolePolicy'], check, report, undecided);
  },
});
