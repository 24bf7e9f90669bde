/**
 * account-baseline-complete: the account-baseline stack holds every account-wide control. The other rules judge
 * the settings of each control that exists; none of them notices a control that was never declared (a deleted
 * GuardDuty detector simply stops being checked). This rule closes that gap for the stack that owns the baseline.
 *
 * Disabled by default, since only the baseline stack holds these controls: that stack enables it with the pack
 * config `{"account-baseline-complete": "mandatory"}`. Presence is judged, plus the one switch that makes each
 * control meaningful: the trail is multi-region, the detector and EBS default encryption are not turned off, and
 * the MFA policy is a Deny conditioned on `aws:MultiFactorAuthPresent` = false, attached to a group (inline
 * `GroupPolicy`, or a `Policy` attached through `GroupPolicyAttachment` or `PolicyAttachment.groups`). An
 * unknown switch or policy document (preview) counts as present: the other rules judge it once it is known.
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

/** True unless the resource's boolean `property` is explicitly false. */
function notTurnedOff(resource: PolicyResource, property: string): boolean {
  return boolValue(rawProps(resource.props)[property]) !== false;
}

/** Whether the policy document (or unknown document) denies access without MFA. */
function deniesWithoutMfa(parsed: ParsedPolicyDocument): boolean {
  if (parsed.kind === 'unknown') return true;
  if (parsed.kind !== 'document') return false;
  if (parsed.document.statementsUnknown) return true;
  return parsed.document.statements.some(
    (statement) =>
      (statement.effect === 'Deny' || statement.effect === UNDECIDED) &&
      (hasBoolCondition(statement, 'aws:MultiFactorAuthPresent', false) || statement.conditionUnknown),
  );
}

/** True when a document applied to a group (or to groups unknown in preview) denies access without MFA. */
function enforcesMfa(resources: readonly PolicyResource[]): boolean {
  return groupPolicyDocuments(resources).documents.some(({ parsed }) => deniesWithoutMfa(parsed));
}

/** The account controls, each with how to tell it is present and what to add when it is not. */
const CONTROLS: readonly { readonly name: string; readonly present: (resources: readonly PolicyResource[]) => boolean }[] = [
  {
    name: 'an IAM password policy (`aws.iam.AccountPasswordPolicy`)',
    present: (resources) => resourcesOfType(resources, [PASSWORD_POLICY]).length > 0,
  },
  {
    name:
      'MFA enforcement (an IAM policy attached to a group that Denies when `aws:MultiFactorAuthPresent` is false: ' +
      '`aws.iam.GroupPolicy`, or `aws.iam.Policy` + `aws.iam.GroupPolicyAttachment`)',
    present: enforcesMfa,
  },
  {
    name: 'an AWS Config recorder (`aws.cfg.Recorder`)',
    present: (resources) => resourcesOfType(resources, [RECORDER]).length > 0,
  },
  {
    name: 'a multi-region CloudTrail trail (`aws.cloudtrail.Trail` with `isMultiRegionTrail: true`)',
    present: (resources) =>
      resourcesOfType(resources, [TRAIL]).some((trail) => {
        const multiRegion = boolValue(rawProps(trail.props)['isMultiRegionTrail']);
        return multiRegion === true || multiRegion === UNDECIDED;
      }),
  },
  {
    name: 'an enabled GuardDuty detector (`aws.guardduty.Detector`)',
    present: (resources) => resourcesOfType(resources, [DETECTOR]).some((detector) => notTurnedOff(detector, 'enable')),
  },
  {
    name: 'EBS encryption by default (`aws.ebs.EncryptionByDefault` with `enabled: true`)',
    present: (resources) =>
      resourcesOfType(resources, [EBS_DEFAULT_ENCRYPTION]).some((setting) => notTurnedOff(setting, 'enabled')),
  },
  {
    name: 'an account-level S3 public access block (`aws.s3.AccountPublicAccessBlock`)',
    present: (resources) => resourcesOfType(resources, [ACCOUNT_PUBLIC_ACCESS_BLOCK]).length > 0,
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
  check: ({ args, report }) => {
    const missing = CONTROLS.filter((control) => !control.present(args.resources)).map((control) => control.name);
    if (missing.length === 0) return;
    report(`the stack is missing ${missing.length} account control(s):\n${missing.map((name) => `- ${name}`).join('\n')}`);
  },
});
