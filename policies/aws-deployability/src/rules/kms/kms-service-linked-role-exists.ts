/**
 * A KMS grant or key policy that names a service-linked role must not run before the role exists. KMS validates the
 * principals it is given: a grant to a role that does not exist fails with InvalidArnException, a key policy naming
 * one fails with MalformedPolicyDocumentException ("invalid principals"). A service-linked role exists only once the
 * service has created it (the first time the account uses the service) or the stack creates it with
 * `aws.iam.ServiceLinkedRole`. So the grant or key must take the role from a ServiceLinkedRole of the stack (and be
 * created after it), or from a StackReference (the producing stack creates it and deploys first). A hard-coded ARN
 * works only in accounts that happen to have used the service already.
 */
import type { PolicyResource } from '@pulumi/policy';
import { parsePolicyDocument, statementsOf } from '@bulwark/aws-model';
import { isUnknown, rawProps, stackRule, stringValue, UNDECIDED } from '@bulwark/policy-kit';
import { KEY_POLICY_TYPE, KEY_TYPES } from '../../lib/kms-keys';
import { AWS_DOCS } from '../../lib/references';
import { SERVICE_LINKED_ROLE_TYPE, serviceLinkedRoleService, serviceLinkedRolesFor, STACK_REFERENCE_TYPE } from '../../lib/service-linked-roles';
import { StackGraph } from '../../lib/stack-graph';

const GRANT = 'aws:kms/grant:Grant';

/** Whether `holder`'s `property` comes from a ServiceLinkedRole of the stack or a StackReference. */
function comesFromCreator(graph: StackGraph, holder: PolicyResource, property: string): 'stack-reference' | PolicyResource[] | undefined {
  const dependencies = (holder.propertyDependencies?.[property] ?? []).map((dependency) => graph.byUrnOf(dependency.urn) ?? dependency);
  if (dependencies.some((dependency) => dependency.type === STACK_REFERENCE_TYPE)) return 'stack-reference';
  const roles = dependencies.filter((dependency) => dependency.type === SERVICE_LINKED_ROLE_TYPE);
  return roles.length > 0 ? roles : undefined;
}

function check(graph: StackGraph, holder: PolicyResource, property: string, roleArns: readonly string[], report: (message: string, urn?: string) => void): void {
  for (const roleArn of roleArns) {
    const service = serviceLinkedRoleService(roleArn);
    if (!service) continue;
    const source = comesFromCreator(graph, holder, property);
    if (source === 'stack-reference') continue;
    const creators = source ?? serviceLinkedRolesFor(graph, service);
    const kind = holder.type === GRANT ? 'grant' : 'key policy';
    if (creators.length === 0) {
      report(
        `${holder.type.split(':').pop()} ${holder.name}: the ${kind} names the service-linked role ${roleArn}, which exists only once ` +
          `${service} has been used in the account; KMS refuses a principal that does not exist (${holder.type === GRANT ? 'InvalidArnException' : 'MalformedPolicyDocumentException'}). ` +
          `Create it with aws.iam.ServiceLinkedRole (awsServiceName "${service}"; import it where it exists) and pass its arn, or read it from the stack that creates it (StackReference).`,
        holder.urn,
      );
    } else if (!creators.some((creator) => graph.createdAfter(holder, creator))) {
      report(
        `${holder.type.split(':').pop()} ${holder.name}: the ${kind} names the service-linked role ${roleArn}, created by ${creators.map((creator) => creator.name).join(', ')} ` +
          'in this stack, but nothing orders the grant after the role: pass the role\'s arn output (or dependsOn the role) so KMS never sees a principal that does not exist yet.',
        holder.urn,
      );
    }
  }
}

export const kmsServiceLinkedRoleExists = stackRule({
  metadata: {
    id: 'kms-service-linked-role-exists',
    title: 'KMS grants and key policies name service-linked roles only after they exist',
    description:
      'A KMS grant or key policy naming a service-linked role (role/aws-service-role/...) fails with InvalidArnException ' +
      'or MalformedPolicyDocumentException in an account where the role does not exist yet (a service never used there). ' +
      'The role must come from an aws.iam.ServiceLinkedRole of the stack, created first, or from a StackReference to the ' +
      'stack that creates it.',
    severity: 'high',
    enforcementLevel: 'mandatory',
    service: 'kms',
    controls: {},
    resourceTypes: [GRANT, 'aws:kms/key:Key', KEY_POLICY_TYPE, SERVICE_LINKED_ROLE_TYPE],
    remediation:
      'Create the role with `new aws.iam.ServiceLinkedRole(..., { awsServiceName: "autoscaling.amazonaws.com" })` (import it ' +
      'where it already exists) and use its `arn` output in the grant or key policy, or take the ARN from the producing ' +
      'stack through a StackReference.',
    references: [AWS_DOCS.serviceLinkedRoles, AWS_DOCS.kmsGrants, AWS_DOCS.kmsKeyPolicyPrincipals],
  },
  check: ({ args, report, undecided }) => {
    const graph = new StackGraph(args.resources);
    const detail = 'it may name a service-linked role that does not exist yet';
    /** An unknown principal is decided only when it comes from a role of the stack created first, or from a StackReference. */
    const comesFromExistingRole = (holder: PolicyResource, property: string): boolean => {
      const source = comesFromCreator(graph, holder, property);
      return source === 'stack-reference' || (source !== undefined && source.some((creator) => graph.createdAfter(holder, creator)));
    };
    for (const grant of graph.ofType([GRANT])) {
      for (const property of ['granteePrincipal', 'retiringPrincipal']) {
        const principal = stringValue(rawProps(grant.props)[property]);
        if (typeof principal === 'string') check(graph, grant, property, [principal], report);
        else if (principal === UNDECIDED && !comesFromExistingRole(grant, property)) undecided(property, detail, grant.urn);
      }
    }
    for (const holder of [...graph.ofType(KEY_TYPES), ...graph.ofType([KEY_POLICY_TYPE])]) {
      const policy = rawProps(holder.props)['policy'];
      if (isUnknown(policy)) {
        undecided('policy', detail, holder.urn);
        continue;
      }
      const principals = statementsOf(parsePolicyDocument(policy)).map((statement) => statement.principal?.aws);
      check(graph, holder, 'policy', principals.flatMap((aws) => aws?.known ?? []), report);
      if (principals.some((aws) => aws?.hasUnknown) && !comesFromExistingRole(holder, 'policy')) undecided('policy', `a principal of the policy is unknown until apply: ${detail}`, holder.urn);
    }
  },
});
