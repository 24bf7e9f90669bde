/**
 * No principal other than the account root is granted both key administration (create, put policy, enable,
 * disable, revoke, delete, schedule deletion, tag...) and key usage (encrypt, decrypt, re-encrypt, generate data
 * keys). Whoever can both change and use a key can grant themselves access to everything it protects.
 */
import { coversAction, expandActionPattern, parsePolicyDocument, type PolicyStatement, statementsOf } from '@bulwark/aws-model';
import { rawProps, resourceRule, UNDECIDED } from '@bulwark/policy-kit';

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

/** True when an unknown principal entry (a computed ARN) or the whole unknown principal may name someone else too. */
function hasUnknownGrantee(statement: PolicyStatement): boolean {
  const principal = statement.principal;
  if (!principal) return false;
  return principal.unknown || principal.aws.hasUnknown || principal.service.hasUnknown || principal.federated.hasUnknown;
}

/** The actions of `candidates` the statement certainly grants, and whether unknown entries may grant more of them. */
function granted(statement: PolicyStatement, candidates: readonly string[]): { certain: string[]; maybe: boolean } {
  const verdicts = candidates.map((action) => coversAction(statement, action));
  return { certain: candidates.filter((_, index) => verdicts[index] === true), maybe: verdicts.includes(UNDECIDED) };
}

/** What one principal is granted across the policy: certain actions, and the statement parts that may grant more. */
interface Grants {
  readonly administration: Set<string>;
  readonly usage: Set<string>;
  /** Property paths whose unknown value may grant this principal administration (or usage) too. */
  readonly maybeAdministration: Set<string>;
  readonly maybeUsage: Set<string>;
}

function grantsOf(map: Map<string, Grants>, principal: string): Grants {
  const existing = map.get(principal);
  if (existing) return existing;
  const created: Grants = { administration: new Set(), usage: new Set(), maybeAdministration: new Set(), maybeUsage: new Set() };
  map.set(principal, created);
  return created;
}

/** Stands for every principal an unknown entry may name. */
const UNKNOWN_PRINCIPAL = '(unknown principal)';

export const kmsKeyPolicySeparationOfDuties = resourceRule({
  metadata: {
    id: 'kms-key-policy-separation-of-duties',
    title: 'KMS key administrators are not key users',
    description:
      'No principal other than the account root may be granted both key administration actions (Create*, Put*, ' +
      'Update*, Enable*, Disable*, Revoke*, Delete*, ScheduleKeyDeletion, CancelKeyDeletion, TagResource, kms:*) and ' +
      'key usage actions (Encrypt, Decrypt, ReEncrypt*, GenerateDataKey*) by a key policy. A principal with both can ' +
      'give itself access to all data the key protects.',
    decisions: [
      'Grants add up across the Allow statements of the policy, per principal (AWS, Service and Federated entries, ' +
        'compared as written); action patterns are expanded through the IAM action catalogue, so Create* includes ' +
        'CreateGrant, and kms:* grants both kinds. The account root (`arn:<partition>:iam::<account>:root` or the bare ' +
        'account id) is exempt: it must keep full control so the key can never become unmanageable.',
      'Unknown values (first preview): an unknown principal entry (a computed role ARN) may name any principal, so when ' +
        'it receives one kind of action and some principal (that one included) the other, its Principal is reported ' +
        'undecided; so are unknown actions or Effects that would complete a principal\'s pair, and an unknown document or ' +
        'statement list. A decided pair is the key\'s only verdict.',
    ],
    severity: 'high',
    enforcementLevel: 'mandatory',
    service: 'kms',
    controls: {},
    resourceTypes: KEY_TYPES,
    remediation:
      'Split the key policy: one statement granting administration actions to the key administrators role, another ' +
      'granting Encrypt/Decrypt/ReEncrypt*/GenerateDataKey* to the roles that use the key; give kms:* only to the account root.',
    references: ['https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html'],
  },
  check: ({ args, report, undecided }) => {
    if (!KEY_TYPES.includes(args.type)) return;
    const parsed = parsePolicyDocument(rawProps(args.props)['policy']);
    const detail = 'its value decides whether one principal both administers and uses the key';
    if (parsed.kind === 'unknown') {
      undecided('policy', detail);
      return;
    }
    const grants = new Map<string, Grants>();
    // Grants add up across statements, so they are gathered per principal before judging.
    for (const statement of statementsOf(parsed)) {
      if (statement.effect !== 'Allow' && statement.effect !== UNDECIDED) continue;
      const at = `policy.Statement[${statement.index}]`;
      const admin = granted(statement, ADMINISTRATION_ACTIONS);
      const use = granted(statement, USAGE_ACTIONS);
      const certain = statement.effect === 'Allow';
      const principals = [...grantees(statement).filter((principal) => !ACCOUNT_ROOT.test(principal)), ...(hasUnknownGrantee(statement) ? [UNKNOWN_PRINCIPAL] : [])];
      for (const principal of principals) {
        const entry = grantsOf(grants, principal);
        const part = principal === UNKNOWN_PRINCIPAL ? `${at}.Principal` : certain ? `${at}.Action` : `${at}.Effect`;
        if (certain && principal !== UNKNOWN_PRINCIPAL) admin.certain.forEach((action) => entry.administration.add(action));
        else if (admin.certain.length > 0) entry.maybeAdministration.add(part);
        if (certain && principal !== UNKNOWN_PRINCIPAL) use.certain.forEach((action) => entry.usage.add(action));
        else if (use.certain.length > 0) entry.maybeUsage.add(part);
        if (admin.maybe) entry.maybeAdministration.add(principal === UNKNOWN_PRINCIPAL ? part : `${at}.Action`);
        if (use.maybe) entry.maybeUsage.add(principal === UNKNOWN_PRINCIPAL ? part : `${at}.Action`);
      }
    }
    let violations = 0;
    for (const [principal, entry] of grants) {
      if (principal === UNKNOWN_PRINCIPAL || entry.administration.size === 0 || entry.usage.size === 0) continue;
      violations++;
      const adminActions = [...entry.administration];
      const useActions = [...entry.usage];
      report(
        `${args.name}: \`policy\` grants ${principal === '*' ? 'everyone (Principal "*")' : principal} both key administration ` +
          `(${adminActions.slice(0, 3).join(', ')}${adminActions.length > 3 ? ', ...' : ''}) and key usage ` +
          `(${useActions.slice(0, 3).join(', ')}${useActions.length > 3 ? ', ...' : ''}): grant them to separate principals.`,
      );
    }
    if (violations > 0) return;
    const parts = new Set<string>(parsed.kind === 'document' && parsed.document.statementsUnknown ? ['policy.Statement'] : []);
    const unknownGrants = grants.get(UNKNOWN_PRINCIPAL);
    const mayAdminister = (entry: Grants) => entry.administration.size > 0 || entry.maybeAdministration.size > 0;
    const mayUse = (entry: Grants) => entry.usage.size > 0 || entry.maybeUsage.size > 0;
    for (const [principal, entry] of grants) {
      if (principal === UNKNOWN_PRINCIPAL) continue;
      // A known principal whose pair an unknown action or Effect would complete.
      if (mayAdminister(entry) && mayUse(entry)) [...entry.maybeAdministration, ...entry.maybeUsage].forEach((part) => parts.add(part));
      // An unknown principal entry may be this principal, completing its pair.
      if (unknownGrants && ((mayAdminister(unknownGrants) && mayUse(entry)) || (mayUse(unknownGrants) && mayAdminister(entry)))) {
        [...unknownGrants.maybeAdministration, ...unknownGrants.maybeUsage].forEach((part) => parts.add(part));
      }
    }
    // Two unknown entries may name the same principal.
    if (unknownGrants && mayAdminister(unknownGrants) && mayUse(unknownGrants)) {
      [...unknownGrants.maybeAdministration, ...unknownGrants.maybeUsage].forEach((part) => parts.add(part));
    }
    for (const part of parts) undecided(part, detail);
  },
});
