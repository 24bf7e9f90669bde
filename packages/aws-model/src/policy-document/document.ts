/**
 * IAM policy documents in their JSON shape, as AWS reads them and `aws.iam.getPolicyDocument` writes them
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html). A field holds one string or
 * a list; IAM writes a single value without the list. Reading documents for checks is `parse.ts`'s.
 */

/** One value or a list of them. */
export type OneOrMany<T> = T | readonly T[];

/** A statement's `Effect`. */
export type PolicyEffect = 'Allow' | 'Deny';

/** `Principal` / `NotPrincipal`: `"*"`, or principal kinds (`AWS`, `Service`, `Federated`, `CanonicalUser`) to ids. */
export type PolicyPrincipalJson = '*' | Readonly<Record<string, OneOrMany<string>>>;

/** `Condition`: operator (`StringEquals`, `Bool`...) to condition key to value(s). */
export type PolicyConditionJson = Readonly<Record<string, Readonly<Record<string, OneOrMany<string>>>>>;

/** One statement. */
export interface PolicyStatementJson {
  readonly Sid?: string;
  readonly Effect: PolicyEffect;
  readonly Principal?: PolicyPrincipalJson;
  readonly NotPrincipal?: PolicyPrincipalJson;
  readonly Action?: OneOrMany<string>;
  readonly NotAction?: OneOrMany<string>;
  readonly Resource?: OneOrMany<string>;
  readonly NotResource?: OneOrMany<string>;
  readonly Condition?: PolicyConditionJson;
}

/** A whole document. */
export interface PolicyDocumentJson {
  readonly Version?: '2012-10-17' | '2008-10-17';
  readonly Id?: string;
  readonly Statement: readonly PolicyStatementJson[];
}

/** One value alone, or the list when there are several: how IAM and getPolicyDocument write a field. */
export function oneOrMany<T>(values: readonly T[]): OneOrMany<T> {
  return values.length === 1 ? (values[0] as T) : values;
}
