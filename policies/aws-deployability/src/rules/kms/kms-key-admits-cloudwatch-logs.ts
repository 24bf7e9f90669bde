/**
 * A log group encrypted with a customer managed key of the stack: the key policy must let the regional CloudWatch
 * Logs principal (`logs.<region>.amazonaws.com`) encrypt, decrypt and generate data keys with the log group's ARN as
 * encryption context (`kms:EncryptionContext:aws:logs:arn`), as the CloudWatch Logs guide's key-policy page shows.
 * Otherwise CreateLogGroup (or AssociateKmsKey) fails: "The specified KMS key does not exist or is not allowed to be
 * used".
 */
import { rawProps, stackRule, stringValue } from '@bulwark/policy-kit';
import { partitionOfRegion } from '../../lib/aws-location';
import { checkKeyAccess, describeRefusals, type RequiredAccess } from '../../lib/key-access';
import { keyReference, regionForService } from '../../lib/kms-keys';
import { AWS_DOCS } from '../../lib/references';
import { stackAccount } from '../../lib/stack-account';
import { StackGraph } from '../../lib/stack-graph';

const LOG_GROUP = 'aws:cloudwatch/logGroup:LogGroup';

export const kmsKeyAdmitsCloudwatchLogs = stackRule({
  metadata: {
    id: 'kms-key-admits-cloudwatch-logs',
    title: "A log group's KMS key lets CloudWatch Logs use it for that log group",
    description:
      'A log group whose kmsKeyId is a key of the same stack needs that key policy to allow logs.<region>.amazonaws.com ' +
      'kms:Encrypt, kms:Decrypt and kms:GenerateDataKey with the log group ARN as encryption context ' +
      '(kms:EncryptionContext:aws:logs:arn). Otherwise the log group cannot be created with the key.',
    severity: 'high',
    enforcementLevel: 'mandatory',
    service: 'kms',
    controls: {},
    resourceTypes: [LOG_GROUP, 'aws:kms/key:Key', 'aws:kms/keyPolicy:KeyPolicy'],
    remediation: 'Add the CloudWatch Logs statement of the guide to the key policy, for principal logs.<region>.amazonaws.com with an ArnLike condition on kms:EncryptionContext:aws:logs:arn (core\'s cloudWatchLogsKeyGrant), in the key\'s region.',
    references: [AWS_DOCS.logsKeyPolicy],
  },
  check: ({ args, report, undecided }) => {
    const graph = new StackGraph(args.resources);
    const fallbackAccount = stackAccount(graph);
    for (const logGroup of graph.ofType([LOG_GROUP])) {
      const reference = keyReference(graph, logGroup, 'kmsKeyId');
      if (reference.kind === 'unknown') undecided('kmsKeyId', 'the key decides whether CloudWatch Logs may use it', logGroup.urn);
      if (reference.kind !== 'stack') continue;
      const name = stringValue(rawProps(logGroup.props)['name']);
      for (const key of reference.keys) {
        const region = regionForService(logGroup, key);
        const account = key.account ?? fallbackAccount;
        if (typeof name !== 'string' || typeof region !== 'string' || account === undefined) {
          undecided('kmsKeyId', "the log group's name, region or account is not known", logGroup.urn);
          continue;
        }
        const logGroupArn = `arn:${partitionOfRegion(region)}:logs:${region}:${account}:log-group:${name}`;
        const principal = { kind: 'service', service: `logs.${region}.amazonaws.com` } as const;
        const context = { 'kms:EncryptionContext:aws:logs:arn': logGroupArn, 'aws:SourceAccount': account, 'aws:SourceArn': logGroupArn };
        const required: RequiredAccess[] = ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey'].map((action) => ({
          request: { principal, action, context },
          consequence: 'CloudWatch Logs cannot use the key for this log group',
        }));
        const { refused, undecided: open } = checkKeyAccess(key, required);
        if (refused.length > 0) {
          report(`Log group ${logGroup.name} encrypts with key ${key.key.name}, whose policy refuses ${describeRefusals(refused)}. Add the CloudWatch Logs statement of the guide.`, logGroup.urn);
        } else if (open.length > 0) undecided('kmsKeyId', `key ${key.key.name}'s policy is not known in this mode`, logGroup.urn);
      }
    }
  },
});
