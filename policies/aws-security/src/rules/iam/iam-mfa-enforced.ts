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
import { resourcesOfType, stackRule } from '@bulwark/policy-kit';
import { hasBoolCondition, type ParsedPolicyDocument } from '@bulwark/aws-model';
import {
  GROUP_POLICY_ATTACHMENT_TYPE,
  GROUP_POLICY_TYPE,
  groupPolicyDocuments,
  MANAGED_POLICY_TYPE,
  POLICY_ATTACHMENT_TYPE,
} from './group-policy-documents';

const IDENTITY_TYPES = ['aws:iam/user:User', 'aws:iam/group:Group', 'aws:iam/accountPasswordPolicy:AccountPasswordPolicy'];

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
    const { documents, unlinkedAttachment } = groupPolicyDocuments(args.resources);
    const verdicts = documents.map(({ parsed, attachedToGroup }) => {
      const verdict = enforcesMfa(parsed);
      // A policy whose attachment's groups are unknown enforces MFA on a group only if those groups turn out set.
      return verdict === 'yes' && attachedToGroup === 'unknown' ? 'unknown' : verdict;
    });
    if (verdicts.includes('yes')) return;
    // Undecidable (an unknown document, groups or policyArn that may tie an enforcing policy): the update decides.
    if (verdicts.includes('unknown') || unlinkedAttachment) return;

    report(
      `The stack manages IAM identities (${identities.map((identity) => identity.name).join(', ')}) but attaches no policy ` +
        'to a group that Denies all but MFA self-service when aws:MultiFactorAuthPresent is false: add one (an ' +
        'aws.iam.Policy with Deny + NotAction under BoolIfExists aws:MultiFactorAuthPresent "false") and attach it ' +
        'to the users\' group with aws.iam.GroupPolicyAttachment.',
    );
  },
});
