/**
 * account-baseline-complete: the account-baseline stack holds every account-wide control. The other rules judge
 * the settings of each control that exists; none of them notices a control that was never declared (a deleted
 * GuardDuty detector simply stops being checked). This rule closes that gap for the stack that owns the baseline.
 *
 * Disabled by default, since only the baseline stack holds these controls: that stack enables it with the pack
 * config `{"account-baseline-complete": "mandatory"}`. Presence is judged, plus the one switch that makes each
 * control meaningful: the trail is multi-region, the detector and EBS default encryption are not turned off, and
 * the MFA policy is a Deny conditioned on `aws:MultiFactorAuthPresent` = false, attached to a group (inline
 * `GroupPolicy`, or a `Policy` attached through `GroupPolicyAttachment` or `PolicyAttachment.groups`). When no
 * control is decidedly missing but an unknown switch, document or attachment (preview) decides whether one is
 * present, that value is reported undecided.
 */
import type { PolicyResource } from '@pulumi/policy';
import { boolValue, rawProps, resourcesOfType, stackRule, UNDECIDED } from '@bulwark/policy-kit';
import { hasBoolCondition, type ParsedPolicyDocument } from '@bulwark/aws-model';
import {
  GROUP_POLICY_ATTACHMENT_TYPE,
  GROUP_POLICY_TYPE,
  groupPolicyDocuments,
  MANAGED_POLICY_TYPE,
  POLICY_ATTACHMENT_TYPE,
} from '../iam/group-policy-documents';

const PASSWORD_POLICY = 'aws:iam/accountPasswordPolicy:AccountPasswordPolicy';
const RECORDER = 'aws:cfg/recorder:Recorder';
const TRAIL = 'aws:cloudtrail/trail:Trail';
const DETECTOR = 'aws:guardduty/detector:Detector';
const EBS_DEFAULT_ENCRYPTION = 'aws:ebs/encryptionByDefault:EncryptionByDefault';
const ACCOUNT_PUBLIC_ACCESS_BLOCK = 'aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock';

/** Where an unknown value decides whether a control is present. */
interface OpenQuestion {
  readonly holder: PolicyResource;
  readonly property: string;
}

/** Whether a control is present: yes, no, or open on the listed unknown values. */
type Presence = boolean | readonly OpenQuestion[];

/** Present when some resource's switch is decidedly on (or, for `defaultOn` switches, not off); open on unknown switches. */
function switchedOn(resources: readonly PolicyResource[], type: string, property: string, defaultOn: boolean): Presence {
  const open: OpenQuestion[] = [];
  for (const resource of resourcesOfType(resources, [type])) {
    const value = boolValue(rawProps(resource.props)[property]);
    if (value === true || (defaultOn && value === undefined)) return true;
    if (value === UNDECIDED) open.push({ holder: resource, property });
  }
  return open.length > 0 ? open : false;
}

/** The open questions of a policy document that may deny access without MFA, or true when it decidedly does. */
function deniesWithoutMfa(holder: PolicyResource, parsed: ParsedPolicyDocument): boolean | OpenQuestion[] {
  if (parsed.kind === 'unknown') return [{ holder, property: 'policy' }];
  if (parsed.kind !== 'document') return false;
  const open: OpenQuestion[] = parsed.document.statementsUnknown ? [{ holder, property: 'policy.Statement' }] : [];
  for (const statement of parsed.document.statements) {
    const mfa = hasBoolCondition(statement, 'aws:MultiFactorAuthPresent', false);
    if (statement.effect === 'Deny' && mfa) return true;
    if (statement.effect === UNDECIDED && mfa) open.push({ holder, property: `policy.Statement[${statement.index}].Effect` });
    else if (statement.effect !== 'Allow' && statement.conditionUnknown) open.push({ holder, property: `policy.Statement[${statement.index}].Condition` });
  }
  return open.length > 0 ? open : false;
}

/** Whether a document applied to a group (or to groups unknown in preview) denies access without MFA. */
function enforcesMfa(resources: readonly PolicyResource[]): Presence {
  const { documents, unlinkedAttachments } = groupPolicyDocuments(resources);
  const open: OpenQuestion[] = unlinkedAttachments.map((attachment) => ({ holder: attachment, property: 'policyArn' }));
  for (const { holder, parsed, attachedToGroup, groupsUnknownOn } of documents) {
    const denies = deniesWithoutMfa(holder, parsed);
    if (denies === true && attachedToGroup === true) return true;
    if (denies === true) open.push(...groupsUnknownOn.map((attachment) => ({ holder: attachment, property: 'groups' })));
    else if (denies !== false) open.push(...denies);
  }
  return open.length > 0 ? open : false;
}

function anyOf(resources: readonly PolicyResource[], type: string): Presence {
  return resourcesOfType(resources, [type]).length > 0;
}

/** The account controls, each with how to tell it is present and what to add when it is not. */
const CONTROLS: readonly { readonly name: string; readonly present: (resources: readonly PolicyResource[]) => Presence }[] = [
  {
    name: 'an IAM password policy (`aws.iam.AccountPasswordPolicy`)',
    present: (resources) => anyOf(resources, PASSWORD_POLICY),
  },
  {
    name:
      'MFA enforcement (an IAM policy attached to a group that Denies when `aws:MultiFactorAuthPresent` is false: ' +
      '`aws.iam.GroupPolicy`, or `aws.iam.Policy` + `aws.iam.GroupPolicyAttachment`)',
    present: enforcesMfa,
  },
  {
    name: 'an AWS Config recorder (`aws.cfg.Recorder`)',
    present: (resources) => anyOf(resources, RECORDER),
  },
  {
    name: 'a multi-region CloudTrail trail (`aws.cloudtrail.Trail` with `isMultiRegionTrail: true`)',
    present: (resources) => switchedOn(resources, TRAIL, 'isMultiRegionTrail', false),
  },
  {
    name: 'an enabled GuardDuty detector (`aws.guardduty.Detector`)',
    present: (resources) => switchedOn(resources, DETECTOR, 'enable', true),
  },
  {
    name: 'EBS encryption by default (`aws.ebs.EncryptionByDefault` with `enabled: true`)',
    present: (resources) => switchedOn(resources, EBS_DEFAULT_ENCRYPTION, 'enabled', true),
  },
  {
    name: 'an account-level S3 public access block (`aws.s3.AccountPublicAccessBlock`)',
    present: (resources) => anyOf(resources, ACCOUNT_PUBLIC_ACCESS_BLOCK),
  },
];

export const accountBaselineComplete = stackRule({
  metadata: {
    id: 'account-baseline-complete',
    title: 'The account baseline stack declares every account control',
    description:
      'The stack must declare every account-wide control: an IAM password policy, MFA enforcement for a group, ' +
      'an AWS Config recorder, a multi-region CloudTrail trail, an enabled GuardDuty detector, EBS encryption by ' +
      'default and an account S3 public access block. The other rules only judge controls that exist; this one ' +
      'notices a control that is missing. Disabled by default (only the baseline stack holds these controls): ' +
      'enable it for that stack with the pack config `{"account-baseline-complete": "mandatory"}`.',
    decisions: [
      'Presence plus the one switch that makes each control meaningful: a multi-region trail, a detector and EBS default ' +
        'encryption not turned off (both default on), and an MFA policy that is a Deny conditioned on ' +
        '`aws:MultiFactorAuthPresent` false attached to a group (whether it exempts only self-service is iam-mfa-enforced\'s).',
      'Unknown values (first preview): when no control is decidedly missing, each unknown switch, MFA document or ' +
        'statement part, attachment `groups` or untied `policyArn` that decides whether a control is present is reported ' +
        'undecided where it sits. A decidedly missing control is the stack\'s verdict.',
    ],
    severity: 'high',
    enforcementLevel: 'disabled',
    service: 'stack',
    controls: {},
    resourceTypes: [
      PASSWORD_POLICY,
      MANAGED_POLICY_TYPE,
      GROUP_POLICY_TYPE,
      GROUP_POLICY_ATTACHMENT_TYPE,
      POLICY_ATTACHMENT_TYPE,
      RECORDER,
      TRAIL,
      DETECTOR,
      EBS_DEFAULT_ENCRYPTION,
      ACCOUNT_PUBLIC_ACCESS_BLOCK,
    ],
    remediation:
      'Add each control the finding lists to the baseline stack program (the resource types are named in the ' +
      'finding); for a stack that is not the account baseline, leave this rule disabled in its pack config.',
  },
  check: ({ args, report, undecided }) => {
    const verdicts = CONTROLS.map((control) => ({ control, presence: control.present(args.resources) }));
    const missing = verdicts.filter(({ presence }) => presence === false).map(({ control }) => control.name);
    if (missing.length > 0) {
      report(`the stack is missing ${missing.length} account control(s):\n${missing.map((name) => `- ${name}`).join('\n')}`);
      return;
    }
    // No control is decidedly missing: each one whose presence hangs on unknown values is named, where they sit.
    for (const { control, presence } of verdicts) {
      if (typeof presence === 'boolean') continue;
      for (const { holder, property } of presence) undecided(property, `its value decides whether the stack holds ${control.name}`, holder.urn);
    }
  },
});
