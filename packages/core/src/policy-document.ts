import type * as pulumi from '@pulumi/pulumi';

/** IAM condition block: operator (`StringEquals`, `Bool`...) to condition key to value(s). */
export type PolicyConditions = Readonly<Record<string, Readonly<Record<string, pulumi.Input<string | readonly string[]>>>>>;

/** A policy statement in IAM's JSON shape, with values that may still be outputs. */
export interface PolicyStatementDocument {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Principal?: pulumi.Input<Record<string, pulumi.Input<string | readonly pulumi.Input<string>[]>> | '*'>;
  readonly Action: string | readonly string[];
  readonly Resource?: pulumi.Input<string> | readonly pulumi.Input<string>[];
  readonly Condition?: PolicyConditions;
}

/** A whole policy document (`Version` fixed to 2012-10-17, the only version with policy variables). */
export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly PolicyStatementDocument[];
}
