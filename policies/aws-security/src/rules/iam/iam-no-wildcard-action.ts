/**
 * No identity policy Allows every action (`*`) or every action of a service (`s3:*`), nor Allows with
 * `NotAction` (everything except a list). Full wildcards grant administrative and future actions nobody reviewed.
 */
import { describeStatement, statementsOf } from '@bulwark/aws-model';
import { resourceRule } from '@bulwark/policy-kit';
import { permissionDocuments, POLICY_RESOURCE_TYPES, ROLE_TYPE } from './permission-policies';

/** `*` or `<service>:*` (also `<service>:**`): every action, or every action of one service. */
function isFullWildcard(action: string): boolean {
  const text = action.trim();
  return /^\*+$/.test(text) || /^[^:*?]+:\*+$/.test(text);
}

export const iamNoWildcardAction = resourceRule({
  metadata: {
    id: 'iam-no-wildcard-action',
    title: 'IAM policies do not allow wildcard actions',
    description:
      'An Allow statement of an IAM policy (Policy, RolePolicy, UserPolicy, GroupPolicy, Role inlinePolicies) must ' +
      'not grant Action "*" or "<service>:*", nor use NotAction (which allows everything not listed): least ' +
      'privilege means listing the actions a workload needs.',
    severity: 'high',
    enforcementLevel: 'mandatory',
    service: 'iam',
    controls: { fsbp: ['IAM.1', 'IAM.21'], cis: ['1.16'] },
    resourceTypes: [...POLICY_RESOURCE_TYPES, ROLE_TYPE],
    remediation:
      'Replace "*" and "<service>:*" with the specific actions the principal needs (IAM Access Analyzer can ' +
      'generate them from CloudTrail activity); replace Allow + NotAction with an explicit Action list.',
  },
  check: ({ args, report }) => {
    for (const { where, parsed } of permissionDocuments(args.type, args.props)) {
      for (const statement of statementsOf(parsed)) {
        if (statement.effect !== 'Allow') continue;
        const wildcards = statement.action?.known.filter(isFullWildcard) ?? [];
        if (wildcards.length > 0) {
          report(
            `${args.name}: ${where} ${describeStatement(statement)} Allows Action ${wildcards.map((action) => `"${action}"`).join(', ')}: ` +
              'list the specific actions needed instead.',
          );
        } else if (statement.notAction) {
          report(`${args.name}: ${where} ${describeStatement(statement)} Allows with NotAction (every action not listed): use an explicit Action list.`);
        }
      }
    }
  },
});
