/**
 * The customer managed key a resource's key input (`kmsKeyId`, `kmsMasterKeyId`, `kmsKeyArn`) names, when the key is
 * in the same stack, and the key policy that will govern it: a linked `aws.kms.KeyPolicy` replaces the key's own
 * `policy`, and a key created without a policy gets AWS's default key policy, which gives the account (and through
 * it, IAM policies) full access and no service principal anything
 * (https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html).
 */
import type { PolicyResource } from '@pulumi/policy';
import { type ParsedPolicyDocument } from '@bulwark/aws-model';
import { isUnknown, rawProps, stringValue, UNDECIDED, type Undecided } from '@bulwark/policy-kit';
import { owningAccount, regionOf } from './aws-location';
import { type StackGraph } from './stack-graph';

export const KEY_TYPES: readonly string[] = ['aws:kms/key:Key', 'aws:kms/replicaKey:ReplicaKey', 'aws:kms/externalKey:ExternalKey'];
export const ALIAS_TYPE = 'aws:kms/alias:Alias';
export const KEY_POLICY_TYPE = 'aws:kms/keyPolicy:KeyPolicy';
export const KEY_IDENTIFIERS: readonly string[] = ['arn', 'keyId', 'id'];
const ALIAS_IDENTIFIERS: readonly string[] = ['name', 'arn', 'id'];

/** A key of the stack with the policy that governs it. */
export interface StackKey {
  readonly key: PolicyResource;
  /**
   * The policy document (JSON text or object); AWS's default key policy when the key has none; undefined when it
   * has none and its account, which the default policy names, is not known.
   */
  readonly policy: unknown;
  /** {@link policy} parsed, once per stack, for the many requests rules evaluate against it. */
  readonly parsedPolicy: ParsedPolicyDocument;
  /** The resource holding the policy (the key, or a KeyPolicy), where findings about it belong. */
  readonly policyHolder: PolicyResource;
  /** The account that owns the key, when its ARN or its policy tells. */
  readonly account?: string;
  readonly region: string | Undecided | undefined;
}

/** What a key input refers to. */
export type KeyReference =
  | { readonly kind: 'none' }
  /** An engine unknown with no dependency on a key of the stack: cannot be tied to any key in this mode. */
  | { readonly kind: 'unknown' }
  /** A key outside the stack (another stack's, an AWS managed `alias/aws/...`): its policy is not visible here. */
  | { readonly kind: 'outside'; readonly value: string }
  | { readonly kind: 'stack'; readonly keys: readonly StackKey[] };

/** The default key policy AWS attaches to a key created without one: the account root may do everything. */
function defaultKeyPolicy(account: string | undefined): unknown {
  return account === undefined
    ? undefined
    : { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'kms:*', Resource: '*' }] };
}

/** The KeyPolicy resources of the stack that set `key`'s policy, in stack order (the last one wins). */
export function keyPolicyResources(graph: StackGraph, key: PolicyResource): readonly PolicyResource[] {
  return graph.companionsOf(key, [KEY_POLICY_TYPE], 'keyId', KEY_TYPES, KEY_IDENTIFIERS);
}

/**
 * The KeyPolicy resources whose `keyId` is unknown until apply and linked to no one key: each may set `key`'s
 * policy, so the policy governing it is not known in this mode.
 */
function openKeyPolicyResources(graph: StackGraph, key: PolicyResource): readonly PolicyResource[] {
  return graph.openCompanionsOf(key, [KEY_POLICY_TYPE], 'keyId', KEY_TYPES);
}

/** The stack key `key` with its governing policy, worked out once per stack. */
export function stackKey(graph: StackGraph, key: PolicyResource): StackKey {
  return graph.onceFor(key, governedKey);
}

function governedKey(graph: StackGraph, key: PolicyResource): StackKey {
  const policies = keyPolicyResources(graph, key);
  const open = openKeyPolicyResources(graph, key);
  const holder = policies[policies.length - 1] ?? open[open.length - 1];
  const own = rawProps(key.props)['policy'];
  // An unlinked KeyPolicy that may be this key's leaves its policy unknown until apply.
  const document = policies.length > 0 ? rawProps((holder as PolicyResource).props)['policy'] : open.length > 0 ? UNDECIDED : own;
  const absent = !holder && (own === undefined || own === null || own === '');
  const account = owningAccount(key, absent ? undefined : document);
  const policy = absent ? defaultKeyPolicy(account) : document;
  return {
    key,
    policy,
    parsedPolicy: graph.parsedPolicy(policy),
    policyHolder: holder ?? key,
    ...(account ? { account } : {}),
    region: regionOf(key),
  };
}

/** The keys of the stack `source`'s `property` names (directly or through an alias); see {@link KeyReference}. */
export function keyReference(graph: StackGraph, source: PolicyResource, property: string, value?: unknown): KeyReference {
  const raw = value === undefined ? rawProps(source.props)[property] : value;
  const direct = graph.refersTo(source, property, KEY_TYPES, KEY_IDENTIFIERS, raw);
  const viaAlias = graph
    .refersTo(source, property, [ALIAS_TYPE], ALIAS_IDENTIFIERS, raw)
    .flatMap((alias) => graph.refersTo(alias, 'targetKeyId', KEY_TYPES, KEY_IDENTIFIERS));
  const keys = [...new Set([...direct, ...viaAlias])];
  if (keys.length > 0) return { kind: 'stack', keys: keys.map((key) => stackKey(graph, key)) };
  if (isUnknown(raw)) return { kind: 'unknown' };
  const text = stringValue(raw);
  if (typeof text === 'string' && text.trim() !== '') return { kind: 'outside', value: text };
  return { kind: 'none' };
}

/** The region a key-using resource and its key must share, for messages about the regional service principal. */
export function regionForService(resource: PolicyResource, key: StackKey): string | Undecided | undefined {
  const own = regionOf(resource);
  if (typeof own === 'string') return own;
  return key.region ?? own;
}

