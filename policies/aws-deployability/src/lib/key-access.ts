/**
 * Checking a key policy against the requests AWS documents a service making with the key. A rule lists the
 * requests (each with why it is needed) and reports the ones the key policy would refuse.
 */
import { describeRequest, evaluateParsedPolicies, UNDECIDED, type PolicyRequest } from '@bulwark/aws-model';
import { type StackKey } from './kms-keys';

/** A request the service makes, and what fails without it. */
export interface RequiredAccess {
  readonly request: PolicyRequest;
  /** What breaks when it is refused (`CreateTrail fails with InsufficientEncryptionPolicyException`). */
  readonly consequence: string;
}

/** The requests the key policy refuses, and those it cannot decide in this mode. */
export interface KeyAccessResult {
  readonly refused: readonly RequiredAccess[];
  readonly undecided: readonly RequiredAccess[];
}

/** Evaluates every required request against the key's policy. */
export function checkKeyAccess(key: StackKey, required: readonly RequiredAccess[]): KeyAccessResult {
  const refused: RequiredAccess[] = [];
  const undecided: RequiredAccess[] = [];
  for (const access of required) {
    const verdict = key.policy === undefined ? UNDECIDED : evaluateParsedPolicies([key.parsedPolicy], access.request);
    if (verdict === UNDECIDED) undecided.push(access);
    else if (verdict !== 'allowed') refused.push(access);
  }
  return { refused, undecided };
}

/** The refused requests for a finding message: requests of one principal and context share one entry. */
export function describeRefusals(refused: readonly RequiredAccess[]): string {
  const groups = new Map<string, { actions: string[]; first: RequiredAccess }>();
  for (const access of refused) {
    const key = describeRequest({ ...access.request, action: '' }) + access.consequence;
    const group = groups.get(key);
    if (group) group.actions.push(access.request.action);
    else groups.set(key, { actions: [access.request.action], first: access });
  }
  return [...groups.values()]
    .map(({ actions, first }) => `${describeRequest({ ...first.request, action: actions.join(', ') })} (${first.consequence})`)
    .join('; ');
}
