/**
 * What the "no public principal" rules (bucket policies, key policies, trust policies) ask of a policy document:
 * which statements Allow everyone with no condition restricting the caller, and which unknown parts could make it
 * do so. The conditions are judged by `@bulwark/aws-model`'s one evaluator (`principalRestriction`); this module
 * only words the answers. Not a rule itself.
 */
import {
  describeStatement,
  isPublicPrincipal,
  parsePolicyDocument,
  principalRestriction,
  statementsOf,
  undecidedPublicParts,
  type PrincipalRestrictionOptions,
} from '@bulwark/aws-model';
import { type Report, type ReportUndecided } from '@bulwark/policy-kit';

/** One statement that Allows everyone with no restricting condition, worded for a message. */
export interface PublicStatement {
  /** `statement 2 ("PublicRead")`. */
  readonly statement: string;
  /** Why its conditions do not restrict, when it has conditions on caller keys: ` (StringLike aws:sourcevpce "*" names no known ...)`. */
  readonly why: string;
}

/** The public statements of a document and the unknown parts that could add one. */
export interface PublicDocumentVerdict {
  readonly publicStatements: readonly PublicStatement[];
  /** Property paths under `documentPath` whose unknown value could make the document public (see `undecidedPublicParts`). */
  readonly undecidedParts: readonly string[];
}

/**
 * Judges the document held in `documentPath` (`policy`, `assumeRolePolicy`). Invalid documents grant nothing (AWS
 * rejects them), so they give neither statements nor undecided parts.
 */
export function publicDocumentVerdict(document: unknown, documentPath: string, options: PrincipalRestrictionOptions = {}): PublicDocumentVerdict {
  const parsed = parsePolicyDocument(document);
  const publicStatements: PublicStatement[] = [];
  for (const statement of statementsOf(parsed)) {
    if (statement.effect !== 'Allow' || isPublicPrincipal(statement) !== true) continue;
    const restriction = principalRestriction(statement, options);
    if (restriction.restricted !== false) continue;
    const why = restriction.notRestricting.map((entry) => entry.why).join('; ');
    publicStatements.push({ statement: describeStatement(statement), why: why ? ` (${why})` : '' });
  }
  return { publicStatements, undecidedParts: undecidedPublicParts(parsed, documentPath, options) };
}

/** How a rule that judges one policy document of a resource words its findings (see {@link reportPublicDocument}). */
export interface PublicDocumentCheck {
  /** The resource's name, first in each message. */
  readonly name: string;
  /** The property holding the document (`policy`, `assumeRolePolicy`). */
  readonly documentPath: string;
  /** What to do about a public statement, ending each violation message. */
  readonly fix: string;
  /** What an unknown part's value decides, for undecided findings. */
  readonly decides: string;
  readonly options?: PrincipalRestrictionOptions;
}

/**
 * Reports each public statement of the document as a violation; when there is none (a decided public statement is
 * the verdict), each unknown part that could make it public as undecided.
 */
export function reportPublicDocument(document: unknown, check: PublicDocumentCheck, report: Report, undecided: ReportUndecided): void {
  const verdict = publicDocumentVerdict(document, check.documentPath, check.options);
  for (const { statement, why } of verdict.publicStatements) {
    report(`${check.name}: \`${check.documentPath}\` ${statement} Allows Principal "*" with no restricting condition${why}: ${check.fix}`);
  }
  if (verdict.publicStatements.length > 0) return;
  for (const part of verdict.undecidedParts) undecided(part, check.decides);
}

/** The decisions every "no public principal" rule shares, for its reference entry. */
export const PUBLIC_PRINCIPAL_DECISIONS: readonly string[] = [
  'A statement is public when it Allows Principal "*", {"AWS": "*"} (also inside a list), or Allows with NotPrincipal. ' +
    'An unknown principal entry beside known ones is a computed ARN of a resource, never "*", so it is not public.',
  'A condition restricts only when it pins the caller to a known set (one evaluator, @bulwark/aws-model ' +
    '`principalRestriction`, for every rule that accepts a restricting condition): its key identifies the caller ' +
    '(aws:SourceArn, aws:SourceAccount, aws:SourceOwner, aws:SourceOrgID/Paths, aws:PrincipalOrgID/Paths, ' +
    'aws:PrincipalAccount, aws:PrincipalArn, aws:userid, aws:SourceVpc, aws:SourceVpce, kms:CallerAccount, ' +
    's3:DataAccessPointAccount/Arn); its operator admits only listed values (StringEquals, StringEqualsIgnoreCase, ' +
    'StringLike, ArnEquals, ArnLike, with or without ForAnyValue:); and every value names a known identifier, with no ' +
    'wildcard in the account of an ARN, the bucket name of an S3 ARN, the organisation id of a path, or the value itself. ' +
    'Negated operators, Null, Bool, IP and numeric tests never restrict, nor do aws:SourceIp (an address ' +
    'range, not a caller), sts:ExternalId (a secret anyone may hold) or aws:ResourceAccount (the resource\'s own account).',
  '`...IfExists` and `ForAllValues:` (both true when the request lacks the key, as the shared request evaluator decides) ' +
    'restrict only on a key every request carries: source keys exist only on service-to-service requests, ' +
    'aws:SourceVpce/aws:SourceVpc only through a VPC endpoint, organisation keys only for principals in an ' +
    'organisation, principal keys only on signed requests (absent for anonymous callers); kms:CallerAccount is on ' +
    'every KMS request. A StringEquals value of "*" matches only the literal text, so it grants nobody today, but it is ' +
    'reported: it reads as "anyone", and changing the operator to StringLike opens it.',
  'Unknown values (first preview): a condition value computed from another resource (an ARN, an account id) is never a ' +
    'wildcard once known, so it counts as restricting and gives no undecided finding. An unknown document, statement ' +
    'list, Effect, Principal or Condition block that could make the document public is reported undecided with its ' +
    'property path; a decided public statement is the only verdict on the resource. Invalid JSON grants nothing (AWS ' +
    'rejects it) and is not reported.',
];

/** The AWS pages the shared decisions encode. */
export const PUBLIC_PRINCIPAL_REFERENCES: readonly string[] = [
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html',
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html',
];
