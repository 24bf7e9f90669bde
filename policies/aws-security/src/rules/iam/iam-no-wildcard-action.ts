/**
 * No identity policy Allows every action (`*`) or every action of a service (`s3:*`), nor Allows with
 * `NotAction` (everything except a list). Full wildcards grant administrative and future actions nobody reviewed.
 *
 * Undecided (advisory): when nothing is decidedly a wildcard grant, an unknown document, statement list, inline
 * policy list or entry, Action entry of an Allow, or Effect of a statement with a wildcard action.
 */
import { describeStatement, UNDECIDED } from '@bulwark/aws-model';
import { resourceRule } from '@bulwark/policy-kit';
import { judgePermissionStatements, POLICY_RESOURCE_TYPES, ROLE_TYPE } from './permission-policies';

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
    decisions: [
      'A full wildcard is `*` or `<service>:*` (also `**`); a partial pattern such as `s3:Get*` is not one (see ' +
        'iam-no-wildcard-resource for where it may apply). Allow with NotAction is reported whatever it lists.',
      'Unknown values (first preview): an unknown document, statement list, Role `inlinePolicies` list or entry, Action ' +
        'entry of an Allow, or Effect of a statement with a wildcard action is reported undecided; a decided wildcard grant ' +
        'is the resource\'s only verdict.',
    ],
    severity: 'high',
    enforcementLevel: 'mandatory',
    service: 'iam',
    controls: { fsbp: ['IAM.1', 'IAM.21'], cis: ['1.16'] },
    resourceTypes: [...POLICY_RESOURCE_TYPES, ROLE_TYPE],
    remediation:
      'Replace "*" and "<service>:*" with the specific actions the principal needs (IAM Access Analyzer can ' +
      'generate them from CloudTrail activity); replace Allow + NotAction with an explicit Action list.',
    references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege'],
  },
  check: ({ args, report, undecided }) =>
    judgePermissionStatements(args, undecided, 'its value decides whether the policy allows a wildcard action', (statement, { where }) => {
      const wildcards = statement.action?.known.filter(isFullWildcard) ?? [];
      const grantsEverything = wildcards.length > 0 || statement.notAction !== undefined;
      if (statement.effect === UNDECIDED) return grantsEverything || statement.action?.hasUnknown ? { unknown: 'Effect' } : 'pass';
      if (statement.effect !== 'Allow') return 'pass';
      if (wildcards.length > 0) {
        report(
          `${args.name}: ${where} ${describeStatement(statement)} Allows Action ${wildcards.map((action) => `"${action}"`).join(', ')}: ` +
            'list the specific actions needed instead.',
        );
        return 'violation';
      }
      if (statement.notAction) {
        report(`${args.name}: ${where} ${describeStatement(statement)} Allows with NotAction (every action not listed): use an explicit Action list.`);
        return 'violation';
      }
      return statement.action?.hasUnknown ? { unknown: 'Action' } : 'pass';
    }),
});
