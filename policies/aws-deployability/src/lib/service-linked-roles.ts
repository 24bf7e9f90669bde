/**
 * Service-linked roles: roles AWS creates in an account the first time a service needs them (or when
 * `aws.iam.ServiceLinkedRole` creates them), at `role/aws-service-role/<service principal>/<name>`
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/using-service-linked-roles.html).
 */
import type { PolicyResource } from '@pulumi/policy';
import { parseArn } from '@bulwark/aws-model';
import { rawProps, stringValue } from '@bulwark/policy-kit';
import { type StackGraph } from './stack-graph';

export const SERVICE_LINKED_ROLE_TYPE = 'aws:iam/serviceLinkedRole:ServiceLinkedRole';
export const STACK_REFERENCE_TYPE = 'pulumi:pulumi:StackReference';

/** The service principal a service-linked role ARN belongs to, or undefined for any other text. */
export function serviceLinkedRoleService(text: string): string | undefined {
  const arn = parseArn(text.trim());
  if (!arn || arn.service !== 'iam') return undefined;
  const match = /^role\/aws-service-role\/([^/]+)\/[^/]+$/.exec(arn.resource);
  return match ? match[1] : undefined;
}

/** The stack's ServiceLinkedRole resources for `service` (`autoscaling.amazonaws.com`). */
export function serviceLinkedRolesFor(graph: StackGraph, service: string): PolicyResource[] {
  return graph.ofType([SERVICE_LINKED_ROLE_TYPE]).filter((role) => stringValue(rawProps(role.props)['awsServiceName']) === service);
}
