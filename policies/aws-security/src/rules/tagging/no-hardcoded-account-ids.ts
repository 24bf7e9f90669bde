/**
 * no-hardcoded-account-ids: resource inputs do not embed AWS account ids. A literal account id ties a program
 * to one account, so the same code deployed to another account (a new environment, a disaster-recovery copy)
 * silently grants access to, or trusts, the old one. Ids should come from `aws.getCallerIdentity()`, stack
 * config or another stack's outputs.
 *
 * Looks at every input of every resource, nested values and JSON text (policy documents) included: a 12-digit
 * account field of an ARN anywhere in a string, and a bare 12-digit value of an account-id-like property
 * (`accountId`, `sourceAccount`, `awsAccountId`, `ownerId`, an `AWS` principal, an `aws:SourceAccount`
 * condition...). Ids in the `allowedAccountIds` config are accepted, and so are the accounts the resource's
 * provider is restricted to (its `allowedAccountIds`, e.g. `aws:allowedAccountIds` in stack config): that is the
 * account the stack deploys into, which ids read from `aws.getCallerIdentity()` resolve to, so it is not a
 * hard-coded foreign account; the provider's own `allowedAccountIds` declaration is not a finding either. Nor is
 * the account the offline engine made up for a run that names no account (it says which in the
 * `bulwark:placeholderAccountId` stack tag): it is in the ARNs the engine built, never in the program.
 * AWS-owned accounts (service principals' or
 * ELB log delivery accounts) are not special: list them in the config if the program must name them. Unknown
 * values are skipped, since they come from other resources or lookups, which is the remedy.
 */
import { isUnknown, rawProps, resourceRule } from '@bulwark/policy-kit';
import { findAccountIds, placeholderAccounts } from '../../lib/account-ids';

/** The accounts a provider may deploy into (`allowedAccountIds`: a list, or the JSON text the engine passes). */
function providerAccounts(providerProps: unknown): string[] {
  let value: unknown = rawProps(providerProps)['allowedAccountIds'];
  if (typeof value === 'string' && !isUnknown(value)) {
    const text: string = value;
    try {
      value = JSON.parse(text) as unknown;
    } catch {
      value = text.split(',').map((account) => account.trim());
    }
  }
  return Array.isArray(value) ? value.filter((account): account is string => typeof account === 'string' && !isUnknown(account)) : [];
}

export interface NoHardcodedAccountIdsConfig {
  readonly allowedAccountIds: readonly string[];
}

/** How many locations a message lists per account id before summarising. */
const MAX_PATHS = 5;

export const noHardcodedAccountIds = resourceRule<NoHardcodedAccountIdsConfig>({
  metadata: {
    id: 'no-hardcoded-account-ids',
    title: 'Resource inputs do not hard-code AWS account ids',
    description:
      'No resource input may contain a 12-digit AWS account id, inside an ARN or as the value of an account-id ' +
      'property (nested values and JSON policy documents included), other than the ids in the ' +
      '`allowedAccountIds` config. Hard-coded ids make a program deploy correctly only to one account and ' +
      'silently keep trusting that account when the code is reused elsewhere.',
    severity: 'low',
    enforcementLevel: 'advisory',
    service: 'tagging',
    controls: {},
    resourceTypes: ['*'],
    remediation:
      'Read the account id at deploy time (`aws.getCallerIdentityOutput().accountId`, `aws.getPartitionOutput()` ' +
      'for ARNs), from stack config, or from the owning stack\'s outputs through a `StackReference`, and build ' +
      'ARNs with `pulumi.interpolate`. For an external account the program must name, add it to the ' +
      '`allowedAccountIds` pack config.',
    decisions: [
      'Ids in the `allowedAccountIds` config, and the accounts the resource\'s provider is restricted to (its ' +
        '`allowedAccountIds`, the account the stack deploys into), are accepted; AWS-owned accounts are not special.',
      'Unknown values (first preview) are never reported, and never undecided: a value that is unknown is computed ' +
        '(from another resource, a lookup or another stack), which is the remedy, so whatever it turns out to be it is ' +
        'not a literal in the program.',
    ],
  },
  configSchema: {
    properties: {
      allowedAccountIds: {
        type: 'array',
        items: { type: 'string' },
        description: 'Account ids that may appear literally in inputs (e.g. a partner or an AWS-owned account).',
        default: [],
      },
    },
  },
  check: ({ args, config, report }) => {
    const allowed = new Set(Array.isArray(config.allowedAccountIds) ? config.allowedAccountIds.map(String) : []);
    for (const account of providerAccounts(args.provider?.props)) allowed.add(account);
    for (const account of placeholderAccounts(args.stackTags)) allowed.add(account);
    let props = rawProps(args.props);
    if (args.type.startsWith('pulumi:providers:')) {
      // A provider's allowedAccountIds declares where the stack deploys: the remedy, not a hard-coded use.
      const { allowedAccountIds: _declared, ...rest } = props;
      props = rest;
    }
    const pathsById = new Map<string, string[]>();
    for (const { accountId, path } of findAccountIds(props)) {
      if (allowed.has(accountId)) continue;
      const paths = pathsById.get(accountId) ?? [];
      if (!paths.includes(path)) paths.push(path);
      pathsById.set(accountId, paths);
    }
    if (pathsById.size === 0) return;
    const lines = [...pathsById].map(([accountId, paths]) => {
      const shown = paths.slice(0, MAX_PATHS).map((path) => `\`${path}\``).join(', ');
      const more = paths.length > MAX_PATHS ? ` and ${paths.length - MAX_PATHS} more` : '';
      return `account id ${accountId} is hard-coded in ${shown}${more}`;
    });
    report(
      `${lines.join('\n')}\nread the account id from \`aws.getCallerIdentityOutput()\`, stack config or a stack ` +
        'reference instead, or add it to the `allowedAccountIds` config',
    );
  },
});
