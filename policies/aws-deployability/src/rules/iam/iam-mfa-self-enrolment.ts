/**
 * A policy that denies everything but MFA self-service until the user signs in with MFA must let that user enrol a
 * virtual MFA device without MFA. The console lets the user name the device freely, so `iam:CreateVirtualMFADevice`
 * must be allowed on `arn:aws:iam::*:mfa/*`, as AWS's current "self-manage an MFA device" example does, not only on
 * `mfa/${aws:username}`; and the deny must leave out CreateVirtualMFADevice, EnableMFADevice and ListMFADevices.
 * Otherwise enrolment is denied and a new user is locked out: the MFA control deploys and cannot be satisfied.
 *
 * The check signs a user in without MFA (`aws:MultiFactorAuthPresent` absent, `aws:username` alice) and evaluates the
 * enrolment requests against every identity policy of the stack together.
 */
import { parsePolicyDocument, statementsOf } from '@bulwark/aws-model';
import { isUnknown, rawProps, stackRule, UNDECIDED } from '@bulwark/policy-kit';
import { describeRequest, evaluatePolicy, type PolicyRequest } from '../../lib/policy-evaluation';
import { AWS_DOCS } from '../../lib/references';
import { stackAccount } from '../../lib/stack-account';
import { StackGraph } from '../../lib/stack-graph';

const IDENTITY_POLICY_TYPES = ['aws:iam/policy:Policy', 'aws:iam/groupPolicy:GroupPolicy', 'aws:iam/userPolicy:UserPolicy'];
const USER = 'alice';
// The console suggests no name; a user picks one such as this, which is not their user name.
const DEVICE = 'alice-phone';
// An example account for the request ARNs when the stack does not tell its own.
const EXAMPLE_ACCOUNT = '123456789012';

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

/** True when the document holds a Deny that applies while `aws:MultiFactorAuthPresent` is false or absent. */
function enforcesMfa(document: unknown): boolean {
  return statementsOf(parsePolicyDocument(document)).some(
    (statement) =>
      statement.effect === 'Deny' &&
      statement.conditions.some(
        (condition) => condition.key === 'aws:multifactorauthpresent' && condition.baseOperator === 'bool' && condition.values.known.some((value) => value.toLowerCase() === 'false'),
      ),
  );
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
    references: [AWS_DOCS.iamMfaSelfManage],
  },
  check: ({ args, report, undecided }) => {
    const graph = new StackGraph(args.resources);
    const policies = graph.ofType(IDENTITY_POLICY_TYPES);
    const documents = policies.map((holder) => ({ holder, document: rawProps(holder.props)['policy'] }));
    const enforcing = documents.filter(({ document }) => enforcesMfa(document));
    if (enforcing.length === 0) return;
    const unknown = documents.filter(({ document }) => isUnknown(document));
    const combined = {
      Version: '2012-10-17',
      Statement: documents.flatMap(({ document }) => {
        const parsed = typeof document === 'string' ? (() => { try { return JSON.parse(document) as { Statement?: unknown }; } catch { return undefined; } })() : (document as { Statement?: unknown } | undefined);
        const statements = parsed?.Statement;
        return Array.isArray(statements) ? statements : statements ? [statements] : [];
      }),
    };
    const refused: PolicyRequest[] = [];
    let open = unknown.length > 0;
    for (const request of enrolmentRequests(stackAccount(graph) ?? EXAMPLE_ACCOUNT)) {
      const verdict = evaluatePolicy(combined, request);
      if (verdict === UNDECIDED) open = true;
      else if (verdict !== 'allowed') refused.push(request);
    }
    for (const { holder } of enforcing) {
      if (refused.length > 0) {
        report(
          `${holder.name} enforces MFA, but a user signed in without MFA cannot enrol a device: the stack's identity policies refuse ` +
            `${refused.map(describeRequest).join('; ')}. Allow iam:CreateVirtualMFADevice on mfa/* and the user's own MFA actions, as AWS's example does.`,
          holder.urn,
        );
      } else if (open) undecided('policy', 'an identity policy of the stack is unknown in this mode', holder.urn);
    }
  },
});
