/**
 * No principal other than the account root is granted both key administration (create, put policy, enable,
 * disable, revoke, delete, schedule deletion, tag...) and key usage (encrypt, decrypt, re-encrypt, generate data
 * keys). Whoever can both change and use a key can grant themselves access to everything it protects.
 */
import { coversAction, expandActionPattern, parsePolicyDocument, type PolicyStatement, statementsOf } from '@bulwark/aws-model';
import { rawProps, resourceRule } from '@bulwark/policy-kit';

const KEY_TYPES = ['aws:kms/key:Key', 'aws:kms/keyPolicy:KeyPolicy'];

/** Every concrete action of the patterns, from the IAM action catalogue, in catalogue order after `first`. */
function actionsOf(first: readonly string[], patterns: readonly string[]): string[] {
  return [...new Set([...first, ...patterns.flatMap((pattern) => expandActionPattern(pattern).map((action) => action.name))])];
}

/**
 * The administration actions of the catalog (Create*, Put*, Update*, Enable*, Disable*, Revoke*, Delete*,
 * ScheduleKeyDeletion, CancelKeyDeletion, TagResource; `kms:*` grants them all), as concrete actions. Create*
 * includes kms:CreateGrant: a grant hands key use to any principal, so a key user holding it administers access.
 * The most telling ones come first, as messages list the first few.
 */
const ADMINISTRATION_ACTIONS = actionsOf(
  ['kms:CreateAlias', 'kms:CreateKey', 'kms:PutKeyPolicy'],
  ['kms:Create*', 'kms:Put*', 'kms:Update*', 'kms:Enable*', 'kms:Disable*', 'kms:Revoke*', 'kms:Delete*', 'kms:ScheduleKeyDeletion', 'kms:CancelKeyDeletion', 'kms:TagResource'],
);
/** The usage actions of the catalog (Encrypt, Decrypt, ReEncrypt*, GenerateDataKey*), as concrete actions. */
const USAGE_ACTIONS = actionsOf(['kms:Encrypt', 'kms:Decrypt'], ['kms:ReEncrypt*', 'kms:GenerateDataKey*']);

const ACCOUNT_ROOT = /^(arn:aws[a-z-]*:iam::\d{12}:root|\d{12})$/;

/** The known principals an Allow statement names (AWS entries and services); `*` for everyone. */
function grantees(statement: PolicyStatement): string[] {
  if (!statement.principal) return [];
  if (statement.principal.wildcard) return ['*'];
  return [...statement.principal.aws.known, ...statement.principal.service.known, ...statement.principal.federated.known].map((entry) => entry.trim());
}

/** The actions of `candidates` the statement certainly grants (unknown entries grant nothing decidable). */
function granted(statement: PolicyStatement, candidates: readonly string[]): string[] {
  return candidates.filter((action) => coversAction(statement, action) === true);
}

export const kmsKeyPolicySeparationOfDuties = resourceRule({
  metadata: {
    id: 'kms-key-policy-separation-of-duties',
    title: 'KMS key administrators are not key users',
    description:
      'No principal other than the account root may be granted both key administration actions (Create*, Put*, ' +
      'Update*, Enable*, Disable*, Revoke*, Delete*, ScheduleKeyDeletion, CancelKeyDeletion, TagResource, kms:*) and ' +
      'key usage actions (Encrypt, Decrypt, ReEncrypt*, GenerateDataKey*) by a key policy. A principal with both can ' +
      'give itself access to all data the key protects.',
    severity: 'high',
    enforcementLevel: 'mandatory',
    service: 'kms',
    controls: {},
    resourceTypes: KEY_TYPES,
    remediation:
      'Split the key policy: one statement granting administration actions to the key administrators role, another ' +
      'granting Encrypt/Decrypt/ReEncrypt*/GenerateDataKey* to the roles that use the key; give kms:* only to the account root.',
  },
  check: ({ args, report }) => {
    if (!KEY_TYPES.includes(args.type)) return;
    const administration = new Map<string, Set<string>>();
    const usage = new Map<string, Set<string>>();
    const add = (map: Map<string, Set<string>>, principal: string, actions: readonly string[]) => {
      if (actions.length === 0) return;
      const set = map.get(principal) ?? new Set<string>();
      actions.forEach((action) => set.add(action));
      map.set(principal, set);
    };
    // Grants add up across statements, so they are gathered per principal before judging.
    for (const statement of statementsOf(parsePolicyDocument(rawProps(args.props)['policy']))) {
      if (statement.effect !== 'Allow') continue;
      const admin = granted(statement, ADMINISTRATION_ACTIONS);
      const use = granted(statement, USAGE_ACTIONS);
      for (const principal of grantees(statement)) {
        if (ACCOUNT_ROOT.test(principal)) continue;
        add(administration, principal, admin);
        add(usage, principal, use);
      }
    }
    for (const [principal, adminActions] of administration) {
      const useActions = usage.get(principal);
      if (!useActions) continue;
      report(
        `${args.name}: \`policy\` grants ${principal === '*' ? 'everyone (Principal "*")' : principal} both key administration ` +
          `(${[...adminActions].slice(0, 3).join(', ')}${adminActions.size > 3 ? ', ...' : ''}) and key usage ` +
          `(${[...useActions].slice(0, 3).join(', ')}${useActions.size > 3 ? ', ...' : ''}): grant them to separate principals.`,
      );
    }
  },
});
