/**
 * A policy that denies everything but MFA self-service until the user signs in with MFA must let that user enrol a
 * virtual MFA device without MFA. The console lets the user name the device freely, so `iam:CreateVirtualMFADevice`
 * must be allowed on `arn:aws:iam::*:mfa/*`, as AWS's current "self-manage an MFA device" example does, not only on
 * `mfa/${aws:username}`; and the deny must leave out CreateVirtualMFADevice, EnableMFADevice and ListMFADevices.
 * Otherwise enrolment is denied and a new user is locked out: the MFA control deploys and cannot be satisfied.
 *
 * The check signs a user in without MFA (`aws:MultiFactorAuthPresent` absent, `aws:username` alice) and evaluates the
 * enrolment requests against every identity policy of the stack together. The request ARNs carry the stack's account;
 * when the stack does not tell it, the verdict must hold for each account the policies' ARNs name and for one they do
 * not name, else it is undecided (no verdict is given against a made-up account).
 */
import { describeRequest, evaluateParsedPolicies, hasBoolCondition, parsePolicyDocument, statementsOf, type PolicyRequest } from '@bulwark/aws-model';
import type { PolicyResource } from '@pulumi/policy';
import { rawProps, type ReportUndecided, stackRule, UNDECIDED } from '@bulwark/policy-kit';
import { AWS_DOCS } from '../../lib/references';
import { stackAccount } from '../../lib/stack-account';
import { StackGraph } from '../../lib/stack-graph';

const IDENTITY_POLICY_TYPES = ['aws:iam/policy:Policy', 'aws:iam/groupPolicy:GroupPolicy', 'aws:iam/userPolicy:UserPolicy'];
const USER = 'alice';
// The console suggests no name; a user picks one such as this, which is not their user name.
const DEVICE = 'alice-phone';
// When the stack does not tell its account, the verdict must be the same for every account: those the policies'
// ARNs name, and this one, which stands for every account they do not name.
const OTHER_ACCOUNT = '123456789012';
const ARN_ACCOUNT = /arn:[^:"]*:iam::([^:"]*):/g;

/** The requests a user makes to enrol a virtual MFA device, signed in without MFA. */
function enrolmentRequests(account: string): PolicyRequest[] {
  const principal = { kind: 'caller', description: `IAM user ${USER} (signed in without MFA)` } as const;
  const context = { 'aws:username': USER, 'aws:SecureTransport': 'true' };
  return [
    { principal, action: 'iam:CreateVirtualMFADevice', resource: `arn:aws:iam::${account}:mfa/${DEVICE}`, context },
    { principal, action: 'iam:EnableMFADevice', resource: `arn:aws:iam::${account}:user/${USER}`, context },
    { principal, action: 'iam:ListMFADevices', resource: `arn:aws:iam::${account}:user/${USER}`, context },
  ];
}

/**
 * The accounts the verdict can depend on when the stack's own is unknown: each account the documents' IAM ARNs name,
 * and one they do not name. Undefined when an ARN's account is a pattern or unknown (no finite set covers it).
 */
function candidateAccounts(documents: readonly unknown[]): string[] | undefined {
  const accounts = new Set<string>([OTHER_ACCOUNT]);
  for (const document of documents) {
    if (typeof document !== 'string' && (document === null || typeof document !== 'object')) continue;
    const text = typeof document === 'string' ? document : JSON.stringify(document);
    for (const [, account] of text.matchAll(ARN_ACCOUNT)) {
      if (/^\d{12}$/.test(account as string)) accounts.add(account as string);
      else if (account !== '*' && account !== '') return undefined;
    }
  }
  return [...accounts];
}

/** True when the document holds a Deny that applies while `aws:MultiFactorAuthPresent` is false or absent. */
function enforcesMfa(document: unknown): boolean {
  return statementsOf(parsePolicyDocument(document)).some((statement) => statement.effect === 'Deny' && hasBoolCondition(statement, 'aws:MultiFactorAuthPresent', false));
}

/** The resources through which identity policies reach IAM users, who sign in with or without MFA. */
const USER_FACING_TYPES = [
  'aws:iam/user:User',
  'aws:iam/group:Group',
  'aws:iam/userPolicy:UserPolicy',
  'aws:iam/groupPolicy:GroupPolicy',
  'aws:iam/userPolicyAttachment:UserPolicyAttachment',
  'aws:iam/groupPolicyAttachment:GroupPolicyAttachment',
  'aws:iam/policyAttachment:PolicyAttachment',
];

/**
 * With no known document enforcing MFA, an identity policy whose document is unknown until apply may be the one that
 * does: undecided, when the stack has users or groups (or attaches policies to them) that it could lock out. A stack
 * with none (its policies go to roles) enforces MFA on nobody through this program.
 */
function reportUnknownEnforcers(graph: StackGraph, documents: readonly { holder: PolicyResource; document: unknown }[], undecided: ReportUndecided): void {
  if (graph.ofType(USER_FACING_TYPES).length === 0) return;
  for (const { holder, document } of documents) {
    const parsed = graph.parsedPolicy(document);
    if (parsed.kind !== 'unknown' && !(parsed.kind === 'document' && parsed.document.statementsUnknown)) continue;
    undecided('policy', 'if it denies actions while aws:MultiFactorAuthPresent is false, users signed in without MFA must still be able to enrol a device', holder.urn);
  }
}

export const iamMfaSelfEnrolment = stackRule({
  metadata: {
    id: 'iam-mfa-self-enrolment',
    title: 'MFA enforcement lets users enrol a device of any name',
    description:
      'When the stack enforces MFA with a Deny on aws:MultiFactorAuthPresent false, a user signed in without MFA must ' +
      'still be allowed iam:CreateVirtualMFADevice on mfa/* (the console lets users name the device), ' +
      'iam:EnableMFADevice and iam:ListMFADevices on their own user. Restricting creation to mfa/${aws:username} denies ' +
      'enrolment of a device named otherwise and locks the user out.',
    severity: 'high',
    enforcementLevel: 'mandatory',
    service: 'iam',
    controls: {},
    resourceTypes: IDENTITY_POLICY_TYPES,
    remediation:
      'Follow AWS\'s "self-manage an MFA device" example: allow iam:CreateVirtualMFADevice on arn:aws:iam::*:mfa/*, ' +
      'iam:EnableMFADevice, iam:GetMFADevice, iam:ListMFADevices and iam:ResyncMFADevice on user/${aws:username}, and ' +
      'leave those actions out of the deny-unless-MFA statement.',
    decisions: [
      'When no known identity policy enforces MFA, a policy whose document is unknown until apply may: it is reported ' +
        'undecided if the stack has IAM users or groups (or attaches policies to them); with none, nobody is locked out.',
    ],
    references: [AWS_DOCS.iamMfaSelfManage],
  },
  check: ({ args, report, undecided }) => {
    const graph = new StackGraph(args.resources);
    const policies = graph.ofType(IDENTITY_POLICY_TYPES);
    const documents = policies.map((holder) => ({ holder, document: rawProps(holder.props)['policy'] }));
    const enforcing = documents.filter(({ document }) => enforcesMfa(document));
    if (enforcing.length === 0) {
      reportUnknownEnforcers(graph, documents, undecided);
      return;
    }
    const known = stackAccount(graph);
    const accounts = known !== undefined ? [known] : candidateAccounts(documents.map(({ document }) => document));
    const parsed = documents.map(({ document }) => graph.parsedPolicy(document));
    const refusedFor = (account: string) => {
      const refused: PolicyRequest[] = [];
      let open = false;
      for (const request of enrolmentRequests(account)) {
        // The user's identity policies are evaluated together: a Deny in any of them wins, an unknown one may decide.
        const verdict = evaluateParsedPolicies(parsed, request);
        if (verdict === UNDECIDED) open = true;
        else if (verdict !== 'allowed') refused.push(request);
      }
      return { refused, open, kind: refused.length > 0 ? 'refused' : open ? 'open' : 'allowed' };
    };
    const verdicts = (accounts ?? []).map(refusedFor);
    // With the account unknown, a verdict stands only when every account the policies could meet gets the same one.
    const accountDecides = accounts === undefined || new Set(verdicts.map((verdict) => verdict.kind)).size > 1;
    const refused = accountDecides ? [] : (verdicts[0]?.refused ?? []);
    const open = verdicts[0]?.open ?? false;
    const forAnyAccount = known === undefined ? ` (for any account: the stack's account is not known, and ${OTHER_ACCOUNT} stands for each)` : '';
    for (const { holder } of enforcing) {
      if (refused.length > 0) {
        report(
          `${holder.name} enforces MFA, but a user signed in without MFA cannot enrol a device: the stack's identity policies refuse ` +
            `${refused.map(describeRequest).join('; ')}${forAnyAccount}. Allow iam:CreateVirtualMFADevice on mfa/* and the user's own MFA actions, as AWS's example does.`,
          holder.urn,
        );
      } else if (accountDecides) {
        undecided('policy', "the stack's account is not known in this mode, and whether enrolment is allowed depends on it (the policies name accounts in their ARNs)", holder.urn);
      } else if (open) undecided('policy', 'an identity policy of the stack is unknown in this mode', holder.urn);
    }
  },
});
