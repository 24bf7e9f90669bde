/**
 * lambda-no-public-invoke: a Lambda permission never lets anyone on the internet invoke the function. A
 * permission whose principal is `*` (or any wildcard, or empty) is public unless it is pinned to a source: a
 * `sourceArn`, a `sourceAccount`, or a `principalOrgId` (AWS treats an organisation condition as non-public,
 * as the S3 and KMS rules here do). A public function URL (`functionUrlAuthType: NONE`) is therefore a finding
 * to waive with a reason, not a silent pass.
 *
 * As AWS Config's lambda-function-public-access-prohibited does, a grant to `s3.amazonaws.com` also needs
 * `sourceAccount`: a bucket ARN holds no account id, so `sourceArn` alone would let a same-named bucket in
 * another account invoke the function after the original is deleted. An unknown principal (preview) is decided
 * in the update; unknown source inputs count as set.
 */
import { describeValue, isStringSet, rawProps, resourceRule, stringValue, UNDECIDED } from '@bulwark/policy-kit';

const PERMISSION = 'aws:lambda/permission:Permission';
const S3_SERVICE_PRINCIPAL = 's3.amazonaws.com';

/** True for a restricting input: set, and not itself a bare wildcard. */
function restricts(value: unknown): boolean {
  return isStringSet(value) && value !== '*';
}

export const lambdaNoPublicInvoke = resourceRule({
  metadata: {
    id: 'lambda-no-public-invoke',
    title: 'Lambda permissions do not allow public invocation',
    description:
      'A Lambda permission with principal `*` must be restricted by `sourceArn`, `sourceAccount` or ' +
      '`principalOrgId`, and a permission for `s3.amazonaws.com` by `sourceAccount`. Otherwise any AWS account or ' +
      'anonymous caller can invoke the function, running code and incurring cost with the function\'s role.',
    severity: 'critical',
    enforcementLevel: 'mandatory',
    service: 'lambda',
    controls: { fsbp: ['Lambda.1'] },
    resourceTypes: [PERMISSION],
    remediation:
      'Grant the permission to a specific principal (an account id, role ARN or service principal), or keep ' +
      '`principal: "*"` only together with `sourceArn` (the API, bucket or rule that calls the function), ' +
      '`sourceAccount` or `principalOrgId`. For `s3.amazonaws.com` set `sourceAccount` to the bucket owner\'s account.',
  },
  check: ({ args, report }) => {
    if (args.type !== PERMISSION) return;
    const props = rawProps(args.props);
    const principal = stringValue(props['principal']);
    // A missing principal is rejected by the provider before anything is deployed; nothing to judge.
    if (principal === UNDECIDED || principal === undefined) return;

    const sourceArn = props['sourceArn'];
    const sourceAccount = props['sourceAccount'];
    if (principal.trim() === '' || principal.includes('*')) {
      if (restricts(sourceArn) || restricts(sourceAccount) || restricts(props['principalOrgId'])) return;
      const urlAuth = stringValue(props['functionUrlAuthType']);
      const publicUrl = urlAuth === 'NONE' ? ' (a public function URL: waive the rule with a reason if that is intended)' : '';
      report(
        `\`principal\` is ${describeValue(props['principal'])} with no \`sourceArn\`, \`sourceAccount\` or \`principalOrgId\`, ` +
          `so anyone can invoke the function${publicUrl}; name a specific principal or add one of those restrictions.`,
      );
      return;
    }
    if (principal.toLowerCase() === S3_SERVICE_PRINCIPAL && !restricts(sourceAccount)) {
      report(
        `\`principal\` is "${S3_SERVICE_PRINCIPAL}" but \`sourceAccount\` is ${describeValue(sourceAccount)}; a bucket ARN ` +
          'holds no account id, so set `sourceAccount` to the bucket owner\'s account as well as `sourceArn`.',
      );
    }
  },
});
