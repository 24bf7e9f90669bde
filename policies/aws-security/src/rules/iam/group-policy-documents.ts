/**
 * The policy documents a stack applies to IAM groups: each inline `GroupPolicy`, and each managed `Policy` that a
 * `GroupPolicyAttachment` or a `PolicyAttachment` with `groups` attaches. Both MFA rules (`iam-mfa-enforced` and
 * `account-baseline-complete`) look for the MFA-enforcing document among them. Not a rule itself.
 */
import type { PolicyResource } from '@pulumi/policy';
import { isStringSet, linkIndex, listValue, rawProps, resourcesOfType, UNDECIDED } from '@bulwark/policy-kit';
import { type ParsedPolicyDocument, parsePolicyDocument } from '@bulwark/aws-model';

export const MANAGED_POLICY_TYPE = 'aws:iam/policy:Policy';
export const GROUP_POLICY_TYPE = 'aws:iam/groupPolicy:GroupPolicy';
export const GROUP_POLICY_ATTACHMENT_TYPE = 'aws:iam/groupPolicyAttachment:GroupPolicyAttachment';
export const POLICY_ATTACHMENT_TYPE = 'aws:iam/policyAttachment:PolicyAttachment';

/** The properties that name a managed policy in an attachment's `policyArn`, when no dependency was recorded. */
const POLICY_IDENTIFIER_PROPERTIES: readonly string[] = ['arn', 'name', 'id'];

/** A document applied to a group, and how surely it is. */
export interface GroupPolicyDocument {
  /** The GroupPolicy or managed Policy holding the document. */
  readonly holder: PolicyResource;
  readonly parsed: ParsedPolicyDocument;
  /** `unknown` when the only attachments of a managed policy have a `groups` list unknown in preview. */
  readonly attachedToGroup: true | 'unknown';
  /** The attachments whose unknown `groups` leave `attachedToGroup` unknown (none when it is true). */
  readonly groupsUnknownOn: readonly PolicyResource[];
}

/** The group documents of a stack. */
export interface GroupPolicyDocuments {
  readonly documents: readonly GroupPolicyDocument[];
  /**
   * True when an attachment to a group (or to groups unknown in preview) has a `policyArn` that is unknown and tied
   * to no resource: it may attach a policy not seen here.
   */
  readonly unlinkedAttachment: boolean;
  /** Those attachments themselves. */
  readonly unlinkedAttachments: readonly PolicyResource[];
}

/** Whether an attachment attaches to a group: its `group` is set, or its `groups` list is not empty (or unknown). */
function attachesToGroup(attachment: PolicyResource): boolean | 'unknown' {
  const props = rawProps(attachment.props);
  if (attachment.type === GROUP_POLICY_ATTACHMENT_TYPE) return isStringSet(props['group']);
  const groups = listValue(props['groups']);
  if (groups === UNDECIDED) return 'unknown';
  return groups.length > 0;
}

/** Gathers the documents every group of the stack receives (see the module comment), each read once. */
export function groupPolicyDocuments(resources: readonly PolicyResource[]): GroupPolicyDocuments {
  const documentOf = (holder: PolicyResource) => parsePolicyDocument(rawProps(holder.props)['policy']);
  const documents: GroupPolicyDocument[] = resourcesOfType(resources, [GROUP_POLICY_TYPE])
    .filter((groupPolicy) => isStringSet(rawProps(groupPolicy.props)['group']))
    .map((groupPolicy) => ({ holder: groupPolicy, parsed: documentOf(groupPolicy), attachedToGroup: true, groupsUnknownOn: [] }));

  const attachments = linkIndex(
    resources,
    [GROUP_POLICY_ATTACHMENT_TYPE, POLICY_ATTACHMENT_TYPE],
    'policyArn',
    [MANAGED_POLICY_TYPE],
    POLICY_IDENTIFIER_PROPERTIES,
  );
  for (const policy of resourcesOfType(resources, [MANAGED_POLICY_TYPE])) {
    const linked = attachments.linkedTo(policy);
    const reach = linked.map(attachesToGroup);
    if (reach.includes(true)) documents.push({ holder: policy, parsed: documentOf(policy), attachedToGroup: true, groupsUnknownOn: [] });
    else if (reach.includes('unknown')) {
      const groupsUnknownOn = linked.filter((attachment) => attachesToGroup(attachment) === 'unknown');
      documents.push({ holder: policy, parsed: documentOf(policy), attachedToGroup: 'unknown', groupsUnknownOn });
    }
  }
  const unlinkedAttachments = attachments.unlinked.filter((attachment) => attachesToGroup(attachment) !== false);
  return { documents, unlinkedAttachment: unlinkedAttachments.length > 0, unlinkedAttachments };
}
