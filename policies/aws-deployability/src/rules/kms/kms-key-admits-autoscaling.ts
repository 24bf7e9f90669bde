/**
 * EBS volumes that EC2 Auto Scaling launches encrypted with a customer managed key of the stack (the account's EBS
 * default key, `aws.ebs.DefaultKmsKey`, or a launch template block device's `kmsKeyId`): the Auto Scaling
 * service-linked role (`AWSServiceRoleForAutoScaling`) must be allowed to use the key, because its AWS managed
 * permissions cover no customer managed key. The EC2 Auto Scaling guide's key-policy page requires
 * kms:Encrypt, kms:Decrypt, kms:ReEncrypt*, kms:GenerateDataKey*, kms:DescribeKey and kms:CreateGrant (for AWS
 * resources). Without them every launch relying on the key fails and the group never reaches capacity. A KMS grant of
 * the stack on the key to the role counts for the operations it lists.
 */
import type { PolicyResource } from '@pulumi/policy';
import { serviceLinkedRoleArn } from '@bulwark/aws-model';
import { blockValue, listValue, rawProps, recordValue, stackRule, stringValue, UNDECIDED } from '@bulwark/policy-kit';
import { partitionOfRegion } from '../../lib/aws-location';
import { checkKeyAccess, describeRefusals, type RequiredAccess } from '../../lib/key-access';
import { KEY_IDENTIFIERS, KEY_TYPES, keyReference, type StackKey } from '../../lib/kms-keys';
import { AWS_DOCS } from '../../lib/references';
import { SERVICE_LINKED_ROLE_TYPE, serviceLinkedRoleService, serviceLinkedRolesFor, STACK_REFERENCE_TYPE } from '../../lib/service-linked-roles';
import { StackGraph } from '../../lib/stack-graph';

const DEFAULT_KEY = 'aws:ebs/defaultKmsKey:DefaultKmsKey';
const LAUNCH_TEMPLATE = 'aws:ec2/launchTemplate:LaunchTemplate';
const GROUP = 'aws:autoscaling/group:Group';
const GRANT = 'aws:kms/grant:Grant';

const USAGE: readonly { action: string; operation: string }[] = [
  { action: 'kms:Encrypt', operation: 'Encrypt' },
  { action: 'kms:Decrypt', operation: 'Decrypt' },
  { action: 'kms:ReEncryptFrom', operation: 'ReEncryptFrom' },
  { action: 'kms:ReEncryptTo', operation: 'ReEncryptTo' },
  { action: 'kms:GenerateDataKeyWithoutPlaintext', operation: 'GenerateDataKeyWithoutPlaintext' },
  { action: 'kms:DescribeKey', operation: 'DescribeKey' },
  { action: 'kms:CreateGrant', operation: 'CreateGrant' },
];

/** The KMS grants of the stack on `key`, in stack order. */
function grantsOn(graph: StackGraph, key: PolicyResource): readonly PolicyResource[] {
  return graph.companionsOf(key, [GRANT], 'keyId', KEY_TYPES, KEY_IDENTIFIERS);
}

/**
 * The operations stack grants on `key` give `roleArn` (grants name their grantee by ARN, known or through a
 * dependency), and the grants to the role whose `operations` are unknown in this mode (they may grant anything).
 */
function grantedOperations(graph: StackGraph, key: PolicyResource, roleArn: string): { operations: Set<string>; unknown: { grant: PolicyResource; property: string }[] } {
  const operations = new Set<string>();
  // A grant whose key is unknown and unlinked may be on this key, and may give the role anything.
  const unknown = graph.openCompanionsOf(key, [GRANT], 'keyId', KEY_TYPES).map((grant) => ({ grant, property: 'keyId' }));
  for (const grant of grantsOn(graph, key)) {
    const props = rawProps(grant.props);
    const grantee = stringValue(props['granteePrincipal']);
    if (grantee !== roleArn && !(grantee === UNDECIDED && (grant.propertyDependencies?.['granteePrincipal'] ?? []).length > 0)) continue;
    const listed = listValue(props['operations']);
    if (listed === UNDECIDED) unknown.push({ grant, property: 'operations' });
    else for (const operation of listed) if (typeof operation === 'string') operations.add(operation);
  }
  return { operations, unknown };
}

/**
 * The ARN the stack means as the Auto Scaling service-linked role for `key`: a ServiceLinkedRole of the stack for
 * autoscaling.amazonaws.com (its arn), else the grantee of a grant on the key that comes from such a role or from a
 * StackReference (the producing stack's role), else the role's documented ARN in the key's account.
 */
function autoScalingRoleArn(graph: StackGraph, key: PolicyResource, partition: string, account: string): string {
  for (const role of serviceLinkedRolesFor(graph, 'autoscaling.amazonaws.com')) {
    const arn = stringValue(rawProps(role.props)['arn']);
    if (typeof arn === 'string') return arn;
  }
  for (const grant of grantsOn(graph, key)) {
    const grantee = stringValue(rawProps(grant.props)['granteePrincipal']);
    if (typeof grantee !== 'string') continue;
    const fromRole = graph.dependsThrough(grant, 'granteePrincipal', [SERVICE_LINKED_ROLE_TYPE, STACK_REFERENCE_TYPE]);
    if (fromRole || serviceLinkedRoleService(grantee) === 'autoscaling.amazonaws.com') return grantee;
  }
  return serviceLinkedRoleArn(partition, account, 'autoscaling.amazonaws.com');
}

/** Where Auto Scaling meets a stack key: the EBS default key and launch templates used by groups. */
function autoScalingKeys(graph: StackGraph): { user: PolicyResource; property: string; keys: readonly StackKey[]; unknown: boolean }[] {
  const uses: { user: PolicyResource; property: string; keys: readonly StackKey[]; unknown: boolean }[] = [];
  for (const holder of graph.ofType([DEFAULT_KEY])) {
    const reference = keyReference(graph, holder, 'keyArn');
    uses.push({ user: holder, property: 'keyArn', keys: reference.kind === 'stack' ? reference.keys : [], unknown: reference.kind === 'unknown' });
  }
  const groups = graph.ofType([GROUP]);
  for (const template of graph.ofType([LAUNCH_TEMPLATE])) {
    const launchedByGroup = groups.some((group) => (group.propertyDependencies?.['launchTemplate'] ?? []).some((dependency) => dependency.urn === template.urn) || graph.createdAfter(group, template));
    if (!launchedByGroup) continue;
    const mappings = listValue(rawProps(template.props)['blockDeviceMappings']);
    // An unknown mapping list, mapping or ebs block may name a stack key: the verdict waits for it.
    if (mappings === UNDECIDED) {
      uses.push({ user: template, property: 'blockDeviceMappings', keys: [], unknown: true });
      continue;
    }
    for (const [index, mapping] of mappings.entries()) {
      const block = recordValue(mapping);
      const ebs = block === UNDECIDED ? UNDECIDED : blockValue(block?.['ebs']);
      if (ebs === UNDECIDED) {
        uses.push({ user: template, property: block === UNDECIDED ? `blockDeviceMappings[${index}]` : `blockDeviceMappings[${index}].ebs`, keys: [], unknown: true });
        continue;
      }
      if (!ebs) continue;
      const reference = keyReference(graph, template, 'blockDeviceMappings', ebs['kmsKeyId']);
      if (reference.kind === 'stack') uses.push({ user: template, property: 'blockDeviceMappings', keys: reference.keys, unknown: false });
      else if (reference.kind === 'unknown') uses.push({ user: template, property: 'blockDeviceMappings', keys: [], unknown: true });
    }
  }
  return uses;
}

export const kmsKeyAdmitsAutoscaling = stackRule({
  metadata: {
    id: 'kms-key-admits-autoscaling',
    title: 'Keys for EBS volumes Auto Scaling launches admit its service-linked role',
    description:
      'When the EBS default key or a launch template volume key (used by an Auto Scaling group) is a customer managed ' +
      'key of the stack, its key policy (or a KMS grant) must let the AWSServiceRoleForAutoScaling role use the key and ' +
      'create grants for AWS resources. The role\'s own permissions cover no customer managed key, so otherwise every ' +
      'Auto Scaling launch with such a volume fails.',
    severity: 'high',
    enforcementLevel: 'mandatory',
    service: 'kms',
    controls: {},
    resourceTypes: [DEFAULT_KEY, LAUNCH_TEMPLATE, GROUP, 'aws:kms/key:Key', GRANT],
    remediation:
      'Add the two key policy statements of the EC2 Auto Scaling guide for the role ' +
      'arn:<partition>:iam::<account>:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling: usage ' +
      '(Encrypt, Decrypt, ReEncrypt*, GenerateDataKey*, DescribeKey) and kms:CreateGrant with kms:GrantIsForAWSResource ' +
      'true, or create an aws.kms.Grant to the role with those operations (core\'s autoScalingKeyGrant).',
    references: [AWS_DOCS.autoScalingKeyPolicy],
  },
  check: ({ args, report, undecided }) => {
    const graph = new StackGraph(args.resources);
    for (const use of autoScalingKeys(graph)) {
      if (use.unknown) undecided(use.property, 'the key decides whether Auto Scaling may use it', use.user.urn);
      for (const key of use.keys) {
        if (!key.account) {
          undecided(use.property, `the account of key ${key.key.name} is not known, so its Auto Scaling role ARN cannot be built`, use.user.urn);
          continue;
        }
        const roleArn = autoScalingRoleArn(graph, key.key, partitionOfRegion(key.region), key.account);
        const granted = grantedOperations(graph, key.key, roleArn);
        const required: RequiredAccess[] = USAGE.filter(({ operation }) => !granted.operations.has(operation)).map(({ action }) => ({
          request: {
            principal: { kind: 'iam', arn: roleArn, account: key.account as string, viaIdentityPolicies: false },
            action,
            context: (action === 'kms:CreateGrant' ? { 'kms:GrantIsForAWSResource': 'true' } : {}) as Record<string, string>,
          },
          consequence: 'Auto Scaling cannot launch instances with volumes under this key',
        }));
        const { refused, undecided: open } = checkKeyAccess(key, required);
        const usage = use.user.type === DEFAULT_KEY ? 'is the EBS default key' : `encrypts launch template ${use.user.name}'s volumes`;
        if (refused.length > 0 && granted.unknown.length > 0) {
          // A grant to the role whose operations are unknown may grant exactly what the key policy refuses.
          for (const { grant, property } of granted.unknown) {
            undecided(property, `grant ${grant.name} to the Auto Scaling role on key ${key.key.name} may give what its key policy refuses (${describeRefusals(refused)})`, grant.urn);
          }
        } else if (refused.length > 0) {
          report(
            `Key ${key.key.name} ${usage}, but neither its key policy nor a grant lets the Auto Scaling service-linked role ` +
              `use it: ${describeRefusals(refused)}. Grant ${roleArn} as the EC2 Auto Scaling guide shows.`,
            use.user.urn,
          );
        } else if (open.length > 0) {
          undecided(use.property, `key ${key.key.name}'s policy is not known in this mode`, use.user.urn);
        }
      }
    }
  },
});
