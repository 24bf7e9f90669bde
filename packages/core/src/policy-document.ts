/**
 * The policy documents components write: IAM's JSON shape (@bulwark/aws-model's `PolicyStatementJson`) with values
 * that may still be outputs. Reading a document for checks is @bulwark/aws-model's `parsePolicyDocument`.
 */
import { type OneOrMany, type PolicyEffect } from '@bulwark/aws-model';
import type * as pulumi from '@pulumi/pulumi';

/** IAM condition block: operator (`StringEquals`, `Bool`...) to condition key to value(s). */
export type PolicyConditions = Readonly<Record<string, Readonly<Record<string, pulumi.Input<string | readonly string[]>>>>>;

/** A policy statement in IAM's JSON shape, with values that may still be outputs. */
export interface PolicyStatementDocument {
  readonly Sid?: string;
  readonly Effect: PolicyEffect;
  readonly Principal?: pulumi.Input<Record<string, pulumi.Input<string | readonly pulumi.Input<string>[]>> | '*'>;
  readonly Action: OneOrMany<string>;
  readonly Resource?: OneOrMany<pulumi.Input<string>>;
  readonly Condition?: PolicyConditions;
}

/** A whole policy document (`Version` fixed to 2012-10-17, the only version with policy variables). */
export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly PolicyStatementDocument[];
}
