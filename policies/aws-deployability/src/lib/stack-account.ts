/**
 * The account a stack deploys into, as its resources tell: the account field of the ARNs an update run carries, and
 * in a preview the accounts its policies name (a key policy's root principal, an `aws:SourceAccount` condition).
 * Undefined unless exactly one account appears: a rule then reports an undecided finding rather than guess.
 */
import { parseArn } from '@bulwark/aws-model';
import { rawProps, stringValue } from '@bulwark/policy-kit';
import { accountsNamedIn } from './aws-location';
import { type StackGraph } from './stack-graph';

const POLICY_PROPERTIES = ['policy', 'assumeRolePolicy', 'policyDocument'];

/** The single account the stack's ARNs and policies name, or undefined; worked out once per stack. */
export function stackAccount(graph: StackGraph): string | undefined {
  return graph.once(accountOfStack);
}

function accountOfStack(graph: StackGraph): string | undefined {
  const fromArns = new Set<string>();
  const fromPolicies = new Set<string>();
  for (const resource of graph.resources) {
    const props = rawProps(resource.props);
    const arn = stringValue(props['arn']);
    const account = typeof arn === 'string' ? parseArn(arn)?.account : undefined;
    if (account && /^\d{12}$/.test(account)) fromArns.add(account);
    for (const property of POLICY_PROPERTIES) if (props[property] !== undefined) accountsNamedIn(props[property]).forEach((named) => fromPolicies.add(named));
  }
  const accounts = fromArns.size > 0 ? fromArns : fromPolicies;
  return accounts.size === 1 ? [...accounts][0] : undefined;
}
