/**
 * cloudtrail-secure: every trail is an account-wide, tamper-evident, encrypted audit log. A single-region trail
 * misses activity in the other regions (where an attacker goes first), a trail without log file validation
 * cannot prove its logs were not edited, and a trail without a customer managed key leaves the logs readable by
 * anyone who can read the bucket.
 *
 * `isMultiRegionTrail` and `enableLogFileValidation` default to false, so they must be set true;
 * `includeGlobalServiceEvents` and `enableLogging` default to true, so only an explicit false violates. An
 * unknown value (preview) is decided in the update, when it is known; a `kmsKeyId` that is unknown is the ARN of
 * a key created in the same program, which counts as set.
 */
import { boolValue, describeValue, isStringSet, rawProps, resourceRule, UNDECIDED } from '@bulwark/policy-kit';

const TRAIL = 'aws:cloudtrail/trail:Trail';

export const cloudtrailSecure = resourceRule({
  metadata: {
    id: 'cloudtrail-secure',
    title: 'CloudTrail trails are multi-region, validated, encrypted and logging',
    description:
      'Every CloudTrail trail must record all regions (`isMultiRegionTrail: true`), validate its log files ' +
      '(`enableLogFileValidation: true`), encrypt its logs with a customer managed KMS key (`kmsKeyId`), and must ' +
      'not turn off global service events (`includeGlobalServiceEvents`) or logging (`enableLogging`). Without these ' +
      'the audit log misses regions or IAM activity, can be altered undetected, or is readable by anyone with ' +
      'access to the log bucket.',
    severity: 'high',
    enforcementLevel: 'mandatory',
    service: 'cloudtrail',
    controls: { fsbp: ['CloudTrail.1', 'CloudTrail.2', 'CloudTrail.4'], cis: ['3.1', '3.2', '3.5'] },
    resourceTypes: [TRAIL],
    remediation:
      'On the `aws.cloudtrail.Trail` set `isMultiRegionTrail: true`, `enableLogFileValidation: true` and ' +
      '`kmsKeyId` to the ARN of a customer managed `aws.kms.Key` whose key policy lets cloudtrail.amazonaws.com ' +
      'encrypt; remove `includeGlobalServiceEvents: false` and `enableLogging: false` (both default to true).',
  },
  check: ({ args, report }) => {
    if (args.type !== TRAIL) return;
    const props = rawProps(args.props);
    const problems: string[] = [];

    const multiRegion = boolValue(props['isMultiRegionTrail']);
    if (multiRegion !== true && multiRegion !== UNDECIDED) {
      problems.push(`\`isMultiRegionTrail\` is ${describeValue(props['isMultiRegionTrail'])}; set it to true`);
    }
    const validation = boolValue(props['enableLogFileValidation']);
    if (validation !== true && validation !== UNDECIDED) {
      problems.push(`\`enableLogFileValidation\` is ${describeValue(props['enableLogFileValidation'])}; set it to true`);
    }
    if (!isStringSet(props['kmsKeyId'])) {
      problems.push(`\`kmsKeyId\` is ${describeValue(props['kmsKeyId'])}; set it to the ARN of a customer managed KMS key`);
    }
    if (boolValue(props['includeGlobalServiceEvents']) === false) {
      problems.push('`includeGlobalServiceEvents` is false; remove it or set it to true so IAM and STS activity is recorded');
    }
    if (boolValue(props['enableLogging']) === false) {
      problems.push('`enableLogging` is false; remove it or set it to true so the trail records events');
    }
    if (problems.length > 0) report(problems.join('\n'));
  },
});
