/**
 * A stack that manages IAM users, groups or the account password policy attaches to a group a policy that
 * denies everything but MFA self-service while `aws:MultiFactorAuthPresent` is false, so that console users
 * cannot act without MFA.
 *
 * When the rule applies: the stack contains an aws:iam/user:User, aws:iam/group:Group, or
 * aws:iam/accountPasswordPolicy:AccountPasswordPolicy (the account baseline). Stacks with only roles and
 * policies (workloads) have no human identities and are not flagged.
 *
 * What counts as enforcing: a Deny statement under `Bool` or `BoolIfExists` `aws:MultiFactorAuthPresent` = false, on
 * `Resource: "*"`, with `Action: "*"` or a `NotAction` that exempts only the MFA self-service actions (expanded
 * through the IAM action catalogue, so `iam:*` or `iam:*MFADevice` exempt far more), in a GroupPolicy, or in a
 * managed Policy attached to a group by a GroupPolicyAttachment or a PolicyAttachment with `groups`.
 */
import type { PolicyResource } from '@pulumi/policy';
import { expandActionPattern, hasBoolCondition, type PolicyStatement } from '@bulwark/aws-model';
import { resourcesOfType, stackRule, UNDECIDED } from '@bulwark/policy-kit';
import {
  GROUP_POLICY_ATTACHMENT_TYPE,
  GROUP_POLICY_TYPE,
  groupPolicyDocuments,
  MANAGED_POLICY_TYPE,
  POLICY_ATTACHMENT_TYPE,
} from './group-policy-documents';

const IDENTITY_TYPES = ['aws:iam/user:User', 'aws:iam/group:Group', 'aws:iam/accountPasswordPolicy:AccountPasswordPolicy'];

/**
 * What a user without MFA must still be able to do to set MFA up: the `NotAction` of AWS's own MFA self-service
 * examples, plus changing an expired password and reading the password policy to do so.
 */
export const MFA_SELF_SERVICE_ACTIONS: readonly string[] = [
  'iam:ChangePassword',
  'iam:CreateVirtualMFADevice',
  'iam:EnableMFADevice',
  'iam:GetAccountPasswordPolicy',
  'iam:GetMFADevice',
  'iam:GetUser',
  'iam:ListMFADevices',
  'iam:ListVirtualMFADevices',
  'iam:ResyncMFADevice',
  'sts:GetSessionToken',
];

const SELF_SERVICE = new Set(MFA_SELF_SERVICE_ACTIONS.map((action) => action.toLowerCase()));

/** How many exempted actions a message names. */
const SHOWN_ACTIONS = 5;

/** What one statement amounts to for MFA enforcement. */
type StatementVerdict =
  | { readonly kind: 'enforces' }
  /** Not a Deny conditioned on MFA absence: plays no part. */
  | { readonly kind: 'unrelated' }
  /** A Deny conditioned on MFA absence that does not enforce MFA, and why. */
  | { readonly kind: 'incomplete'; readonly problems: readonly string[] }
  /** A part whose unknown value decides it. */
  | { readonly kind: 'undecided'; readonly part: string };

/** True when the condition block may, once known, test MFA absence: unknown, or an MFA test of unknown value. */
function mfaConditionUnknown(statement: PolicyStatement): boolean {
  return (
    statement.conditionUnknown ||
    statement.conditions.some((condition) => condition.key === 'aws:multifactorauthpresent' && condition.baseOperator === 'bool' && condition.values.hasUnknown)
  );
}

/** The catalogue actions a `NotAction` exempts beyond MFA self-service, in catalogue order. */
function extraExemptions(patterns: readonly string[]): string[] {
  const extra = new Set<string>();
  for (const pattern of patterns) {
    for (const action of expandActionPattern(pattern)) {
      if (!SELF_SERVICE.has(action.name.toLowerCase())) extra.add(action.name);
    }
  }
  return [...extra];
}

function judgeStatement(statement: PolicyStatement): StatementVerdict {
  if (statement.effect !== 'Deny' && statement.effect !== UNDECIDED) return { kind: 'unrelated' };
  const testsMfa = hasBoolCondition(statement, 'aws:MultiFactorAuthPresent', false);
  if (!testsMfa) return mfaConditionUnknown(statement) ? { kind: 'undecided', part: 'Condition' } : { kind: 'unrelated' };
  if (statement.effect === UNDECIDED) return { kind: 'undecided', part: 'Effect' };

  const problems: string[] = [];
  if (statement.notAction) {
    const known = statement.notAction.known.map((pattern) => pattern.trim());
    const extra = known.some((pattern) => /^\*+$/.test(pattern)) ? ['every action'] : extraExemptions(known);
    if (extra.length > 0) {
      const shown = extra.slice(0, SHOWN_ACTIONS).join(', ') + (extra.length > SHOWN_ACTIONS ? `, and ${extra.length - SHOWN_ACTIONS} more` : '');
      problems.push(`its NotAction ${JSON.stringify(known)} exempts more than MFA self-service (${shown})`);
    } else if (statement.notAction.hasUnknown) return { kind: 'undecided', part: 'NotAction' };
  } else if (statement.action) {
    if (!statement.action.known.some((action) => /^\*+$/.test(action.trim()))) {
      if (statement.action.hasUnknown) return { kind: 'undecided', part: 'Action' };
      problems.push(`it denies only ${JSON.stringify(statement.action.known)}, not everything but MFA self-service`);
    }
  } else {
    problems.push('it has no Action or NotAction');
  }

  if (statement.notResource) {
    problems.push(`its NotResource ${JSON.stringify(statement.notResource.known)} leaves resources out, where it must apply to Resource "*"`);
  } else if (!statement.resource?.known.some((resource) => resource.trim() === '*')) {
    if (statement.resource?.hasUnknown && problems.length === 0) return { kind: 'undecided', part: 'Resource' };
    problems.push(`it applies to ${JSON.stringify(statement.resource?.known ?? [])}, not to Resource "*"`);
  }
  return problems.length > 0 ? { kind: 'incomplete', problems } : { kind: 'enforces' };
}

/** Where an unknown value leaves the verdict open. */
interface OpenQuestion {
  readonly holder: PolicyResource;
  readonly property: string;
}

export const iamMfaEnforced = stackRule({
  metadata: {
    id: 'iam-mfa-enforced',
    title: 'IAM users must use MFA',
    description:
      'A stack that manages IAM users, groups or the account password policy must attach to a group a policy that ' +
      'Denies everything except MFA self-service (NotAction, or Action "*") on Resource "*" when ' +
      'aws:MultiFactorAuthPresent is false (Bool or BoolIfExists), so that users without MFA can do nothing but set it up.',
    decisions: [
      `MFA self-service is ${MFA_SELF_SERVICE_ACTIONS.join(', ')}: the NotAction of AWS's MFA self-management examples, ` +
        'plus changing an expired password and reading the password policy. RULES.md names the self-service without ' +
        'listing it; this is the list. A NotAction is expanded through the IAM action catalogue and may exempt nothing ' +
        'else: `iam:*`, `iam:*MFADevice` (which includes DeactivateMFADevice) or `*` exempt far more. A NotAction entry ' +
        'the catalogue does not know exempts no known action. Action "*" (deny everything, self-service included) also enforces.',
      'The Deny must apply to Resource "*": a narrower Resource, or a NotResource, leaves actions on other resources open without MFA.',
      'Stacks without IAM users, groups or an account password policy are out of scope. The document may be an inline ' +
        'GroupPolicy, or a managed Policy attached to a group (GroupPolicyAttachment, or PolicyAttachment with `groups`), ' +
        'linked by property dependency or the policy\'s known ARN.',
      'Unknown values (first preview): when no attached document decidedly enforces MFA, every unknown that could make ' +
        'one do so is reported undecided: a document, statement part (Effect, Condition, Action, NotAction, Resource), an ' +
        'attachment\'s `groups`, or the `policyArn` of an attachment tied to no policy. Otherwise the finding names the ' +
        'candidate Deny statements and what each lacks.',
    ],
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
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_my-sec-creds-self-manage-mfa-only.html',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_iam_mfa-selfmanage.html',
    ],
  },
  check: ({ args, report, undecided }) => {
    const identities = resourcesOfType(args.resources, IDENTITY_TYPES);
    if (identities.length === 0) return;
    const { documents, unlinkedAttachments } = groupPolicyDocuments(args.resources);
    const open: OpenQuestion[] = unlinkedAttachments.map((attachment) => ({ holder: attachment, property: 'policyArn' }));
    const incomplete: string[] = [];
    for (const { holder, parsed, attachedToGroup, groupsUnknownOn } of documents) {
      if (parsed.kind === 'unknown') {
        open.push({ holder, property: 'policy' });
        continue;
      }
      if (parsed.kind !== 'document') continue;
      if (parsed.document.statementsUnknown) open.push({ holder, property: 'policy.Statement' });
      for (const statement of parsed.document.statements) {
        const verdict = judgeStatement(statement);
        if (verdict.kind === 'enforces') {
          // A policy whose attachments' groups are unknown enforces MFA on a group only if those groups turn out set.
          if (attachedToGroup === true) return;
          groupsUnknownOn.forEach((attachment) => open.push({ holder: attachment, property: 'groups' }));
        } else if (verdict.kind === 'undecided') {
          open.push({ holder, property: `policy.Statement[${statement.index}].${verdict.part}` });
        } else if (verdict.kind === 'incomplete') {
          const sid = statement.sid ? ` ("${statement.sid}")` : '';
          incomplete.push(`${holder.name} statement ${statement.index + 1}${sid} denies without MFA but ${verdict.problems.join('; and ')}`);
        }
      }
    }
    // Undecidable (an unknown document, statement part, groups or policyArn that may tie an enforcing policy): the update decides.
    if (open.length > 0) {
      for (const { holder, property } of open) undecided(property, 'its value decides whether a group\'s policy denies everything but MFA self-service without MFA', holder.urn);
      return;
    }
    const candidates = incomplete.length > 0 ? ` The candidate statements fall short: ${incomplete.join('. ')}.` : '';
    report(
      `The stack manages IAM identities (${identities.map((identity) => identity.name).join(', ')}) but attaches no policy ` +
        'to a group that Denies all but MFA self-service on Resource "*" when aws:MultiFactorAuthPresent is false: add one (an ' +
        'aws.iam.Policy with Deny + NotAction under BoolIfExists aws:MultiFactorAuthPresent "false") and attach it ' +
        `to the users' group with aws.iam.GroupPolicyAttachment.${candidates}`,
    );
  },
});
