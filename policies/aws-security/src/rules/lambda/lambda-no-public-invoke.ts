/**
 * lambda-no-public-invoke: a Lambda permission never lets anyone on the internet invoke the function. A
 * permission whose principal is `*` (or any wildcard, or empty) is public unless it is pinned to a source: a
 * `sourceArn`, a `sourceAccount`, or a `principalOrgId` (AWS treats an organisation condition as non-public,
 * as the S3 and KMS rules here do). A public function URL (`functionUrlAuthType: NONE`) is therefore a finding
 * to waive with a reason, not a silent pass.
 *
 * As AWS Config's lambda-function-public-access-prohibited does, a grant to `s3.amazonaws.com` also needs
 * `sourceAccount`: a bucket ARN holds no account id, so `sourceArn` alone would let a same-named bucket in
 * another account invoke the function after the original is deleted.
 *
 * Lambda turns `sourceArn` into an `ArnLike aws:SourceArn` condition, `sourceAccount` into `StringEquals
 * aws:SourceAccount` and `principalOrgId` into `StringEquals aws:PrincipalOrgID`, so each is judged by the one
 * condition evaluator of `@bulwark/aws-model` (a wildcard account in the ARN, `*`, an empty value restrict
 * nothing; a value unknown in preview is computed from another resource and restricts). An unknown principal is
 * undecided unless `sourceAccount` restricts, which settles every kind of principal.
 */
import { judgeCondition, permissionCondition, type ConditionVerdict } from '@bulwark/aws-model';
import { describeValue, rawProps, resourceRule, stringValue, UNDECIDED } from '@bulwark/policy-kit';
import { PUBLIC_PRINCIPAL_REFERENCES } from '../../lib/public-statements';

const PERMISSION = 'aws:lambda/permission:Permission';
const S3_SERVICE_PRINCIPAL = 's3.amazonaws.com';

/** The restricting inputs of a permission, as the conditions Lambda writes for them. */
function restrictions(props: Record<string, unknown>): { readonly input: string; readonly verdict: ConditionVerdict }[] {
  const inputs = [
    ['sourceArn', 'ArnLike', 'aws:SourceArn'],
    ['sourceAccount', 'StringEquals', 'aws:SourceAccount'],
    ['principalOrgId', 'StringEquals', 'aws:PrincipalOrgID'],
  ] as const;
  return inputs
    .filter(([input]) => props[input] !== undefined && props[input] !== null)
    .map(([input, operator, key]) => ({ input, verdict: judgeCondition(permissionCondition(operator, key, props[input])) }));
}

function whyNot(entries: ReturnType<typeof restrictions>): string {
  const reasons = entries.flatMap(({ input, verdict }) => (verdict.restricts ? [] : [`\`${input}\`: ${verdict.why}`]));
  return reasons.length > 0 ? ` (${reasons.join('; ')})` : '';
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
    decisions: [
      'A principal is public when it is empty or holds a wildcard (`*`, `arn:aws:iam::*:root`).',
      '`sourceArn`, `sourceAccount` and `principalOrgId` are judged as the conditions Lambda writes for them (ArnLike ' +
        'aws:SourceArn, StringEquals aws:SourceAccount, StringEquals aws:PrincipalOrgID) by the one evaluator the policy ' +
        'rules use: a value restricts when it names a known identifier, with no wildcard in the ARN\'s account (or, for an ' +
        'S3 bucket ARN, the bucket name) or in the account or organisation id. `*`, `arn:aws:s3:::*` or an empty value ' +
        'restrict nothing.',
      'Unknown values (first preview): a restricting input computed from another resource (a rule\'s or API\'s ARN) is ' +
        'never a wildcard once known and restricts; an unknown `principal` is reported undecided unless `sourceAccount` ' +
        'restricts, which settles both a public and an S3 principal.',
    ],
    references: [...PUBLIC_PRINCIPAL_REFERENCES, 'https://docs.aws.amazon.com/lambda/latest/api/API_AddPermission.html'],
  },
  check: ({ args, report, undecided }) => {
    if (args.type !== PERMISSION) return;
    const props = rawProps(args.props);
    const principal = stringValue(props['principal']);
    const sourceAccount = props['sourceAccount'];
    const checks = restrictions(props);
    const accountRestricts = checks.some(({ input, verdict }) => input === 'sourceAccount' && verdict.restricts);
    if (principal === UNDECIDED) {
      if (!accountRestricts) undecided('principal', 'its value decides whether anyone can invoke the function');
      return;
    }
    // A missing principal is rejected by the provider before anything is deployed; nothing to judge.
    if (principal === undefined) return;

    if (principal.trim() === '' || principal.includes('*')) {
      if (checks.some(({ verdict }) => verdict.restricts)) return;
      const urlAuth = stringValue(props['functionUrlAuthType']);
      const publicUrl = urlAuth === 'NONE' ? ' (a public function URL: waive the rule with a reason if that is intended)' : '';
      const noun = checks.length === 0 ? 'no' : 'no restricting';
      report(
        `\`principal\` is ${describeValue(props['principal'])} with ${noun} \`sourceArn\`, \`sourceAccount\` or \`principalOrgId\`${whyNot(checks)}, ` +
          `so anyone can invoke the function${publicUrl}; name a specific principal or add one of those restrictions.`,
      );
      return;
    }
    if (principal.toLowerCase() === S3_SERVICE_PRINCIPAL && !accountRestricts) {
      report(
        `\`principal\` is "${S3_SERVICE_PRINCIPAL}" but \`sourceAccount\` is ${describeValue(sourceAccount)}` +
          `${whyNot(checks.filter(({ input }) => input === 'sourceAccount'))}; a bucket ARN ` +
          'holds no account id, so set `sourceAccount` to the bucket owner\'s account as well as `sourceArn`.',
      );
    }
  },
});
