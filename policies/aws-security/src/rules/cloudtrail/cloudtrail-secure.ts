/**
 * cloudtrail-secure: every trail is an account-wide, tamper-evident, encrypted audit log. A single-region trail
 * misses activity in the other regions (where an attacker goes first), a trail without log file validation
 * cannot prove its logs were not edited, and a trail without a customer managed key leaves the logs readable by
 * anyone who can read the bucket.
 *
 * `isMultiRegionTrail` and `enableLogFileValidation` default to false, so they must be set true;
 * `includeGlobalServiceEvents` and `enableLogging` default to true, so only an explicit false violates. A stack
 * rule so that an unknown `kmsKeyId` can be traced to the resource it is computed from (see
 * `lib/customer-managed-key.ts`); each trail is still judged, and reported, on its own.
 */
import { boolValue, describeValue, rawProps, resourcesOfType, stackRule, UNDECIDED } from '@bulwark/policy-kit';
import { CUSTOMER_MANAGED_KEY_DECISION, CUSTOMER_MANAGED_KEY_REFERENCES, describeKeyProblem, keyReferenceVerdict } from '../../lib/customer-managed-key';

const TRAIL = 'aws:cloudtrail/trail:Trail';

export const cloudtrailSecure = stackRule({
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
    decisions: [
      '`isMultiRegionTrail` and `enableLogFileValidation` default to false and must be set true; `includeGlobalServiceEvents` ' +
        'and `enableLogging` default to true, so only an explicit false violates.',
      CUSTOMER_MANAGED_KEY_DECISION,
      'Unknown values (first preview): an unknown switch, or a key reference not computed from a KMS key, is reported ' +
        'undecided; a decided problem on the trail is its only verdict.',
    ],
    references: [...CUSTOMER_MANAGED_KEY_REFERENCES, 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html'],
  },
  check: ({ args, report, undecided }) => {
    for (const trail of resourcesOfType(args.resources, [TRAIL])) {
      const props = rawProps(trail.props);
      const problems: string[] = [];
      const parts: string[] = [];
      for (const property of ['isMultiRegionTrail', 'enableLogFileValidation']) {
        const value = boolValue(props[property]);
        if (value === UNDECIDED) parts.push(property);
        else if (value !== true) problems.push(`\`${property}\` is ${describeValue(props[property])}; set it to true`);
      }
      const key = keyReferenceVerdict(trail, 'kmsKeyId', props['kmsKeyId']);
      if (key === 'undecided') parts.push('kmsKeyId');
      else if (key !== 'customer-managed') {
        problems.push(`\`kmsKeyId\` ${describeKeyProblem(props['kmsKeyId'], key)}; set it to the ARN of a customer managed KMS key`);
      }
      const globalEvents = boolValue(props['includeGlobalServiceEvents']);
      if (globalEvents === false) {
        problems.push('`includeGlobalServiceEvents` is false; remove it or set it to true so IAM and STS activity is recorded');
      } else if (globalEvents === UNDECIDED) parts.push('includeGlobalServiceEvents');
      const logging = boolValue(props['enableLogging']);
      if (logging === false) problems.push('`enableLogging` is false; remove it or set it to true so the trail records events');
      else if (logging === UNDECIDED) parts.push('enableLogging');
      if (problems.length > 0) report(problems.join('\n'), trail.urn);
      else for (const part of parts) undecided(part, 'its value decides whether the trail is a complete, tamper-evident, encrypted audit log', trail.urn);
    }
  },
});
