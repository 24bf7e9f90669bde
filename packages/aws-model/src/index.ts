/**
 * @bulwark/aws-model: what every Bulwark package knows of AWS and of the Pulumi engine's wire values, in one
 * place: the engine's unknown sentinels and stack tags, URNs, ARNs, the IAM action catalogue, service-linked role
 * names and IAM policy documents (their JSON shape, their parsing for checks, the request evaluator and its
 * condition operators, and `aws.iam.getPolicyDocument`'s rendering). No Pulumi runtime: the engine, the component
 * library, the rule framework and the packs all build on it.
 */
export { isUnknown, UNDECIDED, UNKNOWN, UNKNOWN_SENTINELS, type Undecided } from './unknown';
export { engineUrn, parseUrn, providerUrnOf, urnName, type UrnParts } from './urn';
export { PLACEHOLDER_ACCOUNT_TAG } from './engine-stack-tags';
export { dnsSuffixOf, formatArn, parseArn, partitionOf, PARTITIONS, type ArnParts, type Partition } from './arn';
export {
  expandActionPattern,
  expandKnownActionPattern,
  iamAction,
  iamServices,
  supportsResourceLevelPermissions,
  UnknownActionError,
  type IamAction,
} from './iam/action-catalog';
export { SERVICE_LINKED_ROLE_NAMES, serviceLinkedRoleArn, serviceLinkedRoleName, serviceLinkedRolePath } from './iam/service-linked-roles';
export {
  oneOrMany,
  type OneOrMany,
  type PolicyConditionJson,
  type PolicyDocumentJson,
  type PolicyEffect,
  type PolicyPrincipalJson,
  type PolicyStatementJson,
} from './policy-document/document';
export * from './policy-document/parse';
export { wildcardMatches, isAllWildcard, hasWildcard } from './policy-document/wildcard';
export { coversAction, coversResource } from './policy-document/statement-scope';
export { resolvePolicyVariables, type ContextValues, type ResolvedPattern } from './policy-document/policy-variables';
export { CONDITION_OPERATORS, conditionOperator, type ConditionOperator, type ConditionOperatorFamily } from './policy-document/condition-operators';
export {
  contextValues,
  evaluateCondition,
  evaluateConditions,
  holdsWithoutKey,
  type ConditionReading,
  type RequestContext,
} from './policy-document/condition-evaluation';
export { describePrincipal, principalContextKeys, statementNamesPrincipal, type RequestPrincipal } from './policy-document/request-principal';
export {
  describeRequest,
  evaluateParsedPolicies,
  evaluatePolicies,
  evaluatePolicy,
  parseForEvaluation,
  statementApplies,
  type PolicyRequest,
  type RequestVerdict,
} from './policy-document/request-evaluation';
export { allOf, anyOf, not, type Tri } from './policy-document/three-valued';
export * from './policy-document/principal-restriction';
export { isAwsManagedKeyReference, isCustomerManagedKey, KMS_KEY_RESOURCE_TYPES, type KeyReferenceSources } from './kms/customer-managed-key';
export { renderGetPolicyDocument } from './policy-document/render-get-policy-document';
export { LAMBDA_RUNTIME_DEPRECATIONS } from './support-calendars/lambda-runtime-deprecations';
export { RDS_MAJOR_VERSIONS } from './support-calendars/rds-engine-versions';
