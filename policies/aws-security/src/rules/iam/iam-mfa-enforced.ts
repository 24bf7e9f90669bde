/**
 * A stack that manages IAM users, groups or the account password policy attaches to a group a policy that
 * denies everything but MFA self-service while `aws:MultiFactorAuthPresent` is false, so that console users
 * cannot act without MFA.
 *
 * When the rule applies: the stack contains an aws:iam/user:User, aws:iam/group:Group, or
 * aws:iam/accountPasswordPolicy:AccountPasswordPolicy (the account baseline). Stacks with only roles and
 * policies (workloads) have no human identities and are not flagged.
 *
 * What counts as enforcing: a Deny statement with NotAction (the MFA self-service actions) or Action "*", under
 * `Bool` or `BoolIfExists` `aws:MultiFactorAuthPresent` = false, in a GroupPolicy, or in a managed Policy attached
 * to a group by a GroupPolicyAttachment or a PolicyAttachment with `groups`. Undecidable cases (a document that is
 * unknown in preview, an attachment whose policyArn cannot be tied to any policy) are not flagged.
 */
import type { PolicyResource } from '@pulumi/policy';
import { identifiersOf, isUnlinkedUnknown, refersTo, resourcesOfType } from '../../lib/links';
import { hasBoolCondition, parsePolicyDocument, type ParsedPolicyDocument } from '../../lib/policy-document';
import { listValue, rawProps, UNKNOWN } from '../../lib/values';
import { stackRule } from '../../rule';

const IDENTITY_TYPES = ['aws:iam/user:User', 'aws:iam/group:Group', 'aws:iam/accountPasswordPolicy:AccountPasswordPolicy'];
const MANAGED_POLICY_TYPE = 'aws:iam/policy:Policy';
const GROUP_POLICY_TYPE = 'aws:iam/groupPolicy:GroupPolicy';
const GROUP_POLICY_ATTACHMENT_TYPE = 'aws:iam/groupPolicyAttachment:GroupPolicyAttachment';
const POLICY_ATTACHMENT_TYPE = 'aws:iam/policyAttachment:PolicyAttachment';

/** 'yes' when the document enforces MFA, 'unknown' when that cannot be told yet. */
function enforcesMfa(parsed: ParsedPolicyDocument): 'yes' | 'no' | 'unknown' {
  if (parsed.kind === 'unknown') return 'unknown';
  if (parsed.kind !== 'document') return 'no';
  const enforcing = parsed.document.statements.some(
    (statement) =>
      statement.effect === 'Deny' &&
      hasBoolCondition(statement, 'aws:MultiFactorAuthPresent', false) &&
      ((statement.notAction !== undefined && !statement.notAction.known.some((action) => action.trim() === '*')) ||
        (statement.action?.known.some((action) => action.trim() === '*') ?? false)),
  );
  if (enforcing) return 'yes';
  return parsed.document.statementsUnknown ? 'unknown' : 'no';
}

/** True when a PolicyAttachment names at least one group (an unknown list may). */
function attachesToGroups(attachment: PolicyResource): boolean | 'unknown' {
  const groups = listValue(rawProps(attachment.props)['groups']);
  if (groups === UNKNOWN) return 'unknown';
  return groups.length > 0;
}

export const iamMfaEnforced = stackRule({
  metadata: {
    id: 'iam-mfa-enforced',
    title: 'IAM users must use MFA',
    description:
      'A stack that manages IAM users, groups or the account password policy must attach to a group a policy that ' +
      'Denies everything except MFA self-service (NotAction, or Action "*") when aws:MultiFactorAuthPresent is false ' +
      '(Bool or BoolIfExists), so that users without MFA can do nothing but set it up.',
    severity: 'high',
    enforcementLevel: 'mandatory',
    service: 'iam',
    controls: { fsbp: ['IAM.5', 'IAM.19'], cis: ['1.10'] },
    resourceTypes: [...IDENTITY_TYPES, MANAGED_POLICY_TYPE, GROUP_POLICY_TYPE, GROUP_POLICY_ATTACHMENT_TYPE, POLICY_ATTACHMENT_TYPE],
    remediation:
      'Create an aws.iam.Policy with a statement { Effect: "Deny", NotAction: [iam:CreateVirtualMFADevice, ' +
      'iam:EnableMFADevice, iam:GetUser, iam:ListMFADevices, iam:ListVirtualMFADevices, iam:ResyncMFADevice, ' +
      'sts:GetSessionToken, iam:ChangePassword], Resource: "*", Condition: { BoolIfExists: { ' +
      '"aws:MultiFactorAuthPresent": "false" } } } and attach it to the users\' group with aws.iam.GroupPolicyAttachment.',
  },
  check: ({ args, report }) => {
    const identities = resourcesOfType(args.resources, IDENTITY_TYPES);
    if (identities.length === 0) return;

    let undecided = false;
    const consider = (verdict: 'yes' | 'no' | 'unknown') => {
      if (verdict === 'unknown') undecided = true;
      return verdict === 'yes';
    };

    for (const groupPolicy of resourcesOfType(args.resources, [GROUP_POLICY_TYPE])) {
      if (consider(enforcesMfa(parsePolicyDocument(rawProps(groupPolicy.props)['policy'])))) return;
    }

    const attachments = [
      ...resourcesOfType(args.resources, [GROUP_POLICY_ATTACHMENT_TYPE]),
      ...resourcesOfType(args.resources, [POLICY_ATTACHMENT_TYPE]).filter((attachment) => {
        const toGroups = attachesToGroups(attachment);
        if (toGroups === 'unknown') undecided = true;
        return toGroups === true;
      }),
    ];
    for (const policy of resourcesOfType(args.resources, [MANAGED_POLICY_TYPE])) {
      const identifiers = identifiersOf(policy, ['arn', 'name', 'id']);
      const attached = attachments.some((attachment) => refersTo(attachment, 'policyArn', policy, identifiers));
      if (!attached) continue;
      if (consider(enforcesMfa(parsePolicyDocument(rawProps(policy.props)['policy'])))) return;
    }
    // An attachment whose policyArn cannot be tied to any policy may attach an enforcing one we cannot see.
    if (attachments.some((attachment) => isUnlinkedUnknown(attachment, 'policyArn'))) undecided = true;
    if (undecided) return;

    report(
      `The stack manages IAM identities (${identities.map((identity) => identity.name).join(', ')}) but attaches no policy ` +
        'to a group that Denies all but MFA self-service when aws:MultiFactorAuthPresent is false: add one (an ' +
        'aws.iam.Policy with Deny + NotAction under BoolIfExists aws:MultiFactorAuthPresent "false") and attach it ' +
        'to the users\' group with aws.iam.GroupPolicyAttachment.',
    );
  },
});
