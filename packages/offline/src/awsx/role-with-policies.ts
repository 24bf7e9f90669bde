/**
 * The IAM role awsx creates where a component needs one (an ECS task's task and execution roles, a trail's role
 * for CloudWatch Logs), unless the program skips it or passes an existing role's ARN: the role with the awsx
 * defaults overlaid by the program's `args`, and one `RolePolicyAttachment` per policy ARN, named after a hash of
 * the ARN.
 */
import { createHash } from 'node:crypto';
import { type WireValue } from '../types';
import { type ComponentBuilder, type ModelValue, type ResourceHandle } from './component-builder';
import { withoutSecrets, type ComponentInputs, type InputPath } from './component-inputs';
import { ComponentArgumentError, UndecidableInputError } from './model-errors';
import { derive, TracedValue } from './traced-value';

/** The first 8 hex digits of a SHA-1, as awsx names things after values. */
export function sha1Prefix(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 8);
}

export interface RoleDefaults {
  /** A policy document (stringified as the provider does) or a JSON string. */
  readonly assumeRolePolicy: WireValue;
  readonly policyArns?: readonly string[];
  readonly inlinePolicies?: ModelValue;
}

export interface DefaultRole {
  readonly role?: ResourceHandle;
  readonly policies: ResourceHandle[];
  /** The role's ARN: the created role's, the given one, or undefined when skipped. */
  readonly roleArn?: TracedValue;
}

/**
 * A role as `defaultRoleWithPolicies` makes it. `path` points at the program's `DefaultRoleWithPolicy` input
 * (`taskRole`, `executionRole`); undefined when the program has no say (a trail's logging role).
 */
export function defaultRoleWithPolicies(
  build: ComponentBuilder,
  name: string,
  inputs: ComponentInputs | undefined,
  path: InputPath,
  defaults: RoleDefaults,
  parent: ResourceHandle,
): DefaultRole {
  const given = (property: string) => inputs?.has(...path, property) ?? false;
  if (given('roleArn') && given('args')) throw new ComponentArgumentError("Can't define role args if specified an existing role ARN");
  if (inputs?.decide(...path, 'skip') === true) return { policies: [] };
  if (given('roleArn')) return { policies: [], roleArn: inputs!.value(...path, 'roleArn') };

  const args: Record<string, ModelValue> = { assumeRolePolicy: defaults.assumeRolePolicy, inlinePolicies: defaults.inlinePolicies };
  if (inputs && given('args')) Object.assign(args, inputs.entries(...path, 'args'));
  const policyArns = inputs && given('args') && inputs.has(...path, 'args', 'policyArns') ? inputs.decide(...path, 'args', 'policyArns') : defaults.policyArns;
  delete args['policyArns'];
  const assumeRolePolicy = args['assumeRolePolicy'];
  args['assumeRolePolicy'] =
    assumeRolePolicy instanceof TracedValue
      ? derive([assumeRolePolicy], (document) => (typeof document === 'string' ? document : JSON.stringify(withoutSecrets(document ?? null))))
      : typeof assumeRolePolicy === 'string'
        ? assumeRolePolicy
        : JSON.stringify(assumeRolePolicy);

  const role = build.child('aws:iam/role:Role', name, args, { parent });
  if (policyArns !== undefined && !Array.isArray(policyArns)) throw new UndecidableInputError([...path, 'args', 'policyArns'].join('.'), 'is not a list');
  const policies = ((policyArns ?? []) as WireValue[]).map((policyArn) =>
    build.child('aws:iam/rolePolicyAttachment:RolePolicyAttachment', `${name}-${sha1Prefix(String(policyArn))}`, { role: role.output('name'), policyArn }, { parent }),
  );
  return { role, policies, roleArn: role.output('arn') };
}
