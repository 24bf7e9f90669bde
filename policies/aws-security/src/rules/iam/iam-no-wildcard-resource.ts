/**
 * No identity policy Allows, on Resource `*`, an action that supports resource-level permissions. Actions that
 * accept only `*` (ec2:DescribeInstances, xray:PutTraceSegments) are fine; whether an action has resource types
 * comes from the IAM action catalogue (`lib/iam-actions.ts`), not a hand list.
 */
import { describeStatement, statementsOf, supportsResourceLevelPermissions } from '@bulwark/aws-model';
import { resourceRule } from '@bulwark/policy-kit';
import { permissionDocuments, POLICY_RESOURCE_TYPES, ROLE_TYPE } from './permission-policies';

export const iamNoWildcardResource = resourceRule({
  metadata: {
    id: 'iam-no-wildcard-resource',
    title: 'IAM policies scope actions to resources',
    description:
      'An Allow statement of an IAM policy must not grant, on Resource "*", any action that supports resource-level ' +
      'permissions: such grants apply to every bucket, key or table in the account. Actions that accept only "*" ' +
      '(per the AWS service authorization reference) are allowed on "*". Allow with NotResource is treated the same way.',
    severity: 'medium',
    enforcementLevel: 'mandatory',
    service: 'iam',
    controls: { fsbp: ['IAM.21'] },
    resourceTypes: [...POLICY_RESOURCE_TYPES, ROLE_TYPE],
    remediation:
      'Replace Resource "*" with the ARNs the actions need (e.g. bucket.arn and `${bucket.arn}/*`), or move the ' +
      'actions that only accept "*" into a statement of their own.',
  },
  check: ({ args, report }) => {
    for (const { where, parsed } of permissionDocuments(args.type, args.props)) {
      for (const statement of statementsOf(parsed)) {
        if (statement.effect !== 'Allow') continue;
        const everyResource = statement.resource?.known.some((resource) => resource.trim() === '*') || statement.notResource !== undefined;
        if (!everyResource) continue;
        if (statement.notAction) {
          report(`${args.name}: ${where} ${describeStatement(statement)} Allows NotAction on Resource "*": list the actions and scope them to ARNs.`);
          continue;
        }
        // Unknown action entries cannot be judged; the known ones still can.
        const scoped = statement.action?.known.filter(supportsResourceLevelPermissions) ?? [];
        if (scoped.length > 0) {
          report(
            `${args.name}: ${where} ${describeStatement(statement)} Allows ${scoped.map((action) => `"${action}"`).join(', ')} on ` +
              `Resource "*", though ${scoped.length === 1 ? 'it supports' : 'they support'} resource-level permissions: set Resource to the specific ARNs.`,
          );
        }
      }
    }
  },
});
