import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { CLOUDWATCH_RETENTION_DAYS, MINIMUM_LOG_RETENTION_DAYS } from './config/retention';

/** Arguments of {@link EncryptedLogGroup}. */
export interface EncryptedLogGroupArgs {
  /**
   * ARN of the KMS key that encrypts the log data. Its key policy must let CloudWatch Logs use it: give the
   * `KmsKey` a `cloudWatchLogsKeyGrant()`.
   */
  readonly kmsKeyArn: pulumi.Input<string>;
  /**
   * Days to keep log events: a CloudWatch retention value of at least 90 (pass `config.logRetentionDays`).
   * @default 365
   */
  readonly retentionInDays?: number;
  /**
   * The log group name (see `physicalName(config, 'log-group', purpose)`).
   * @default a Pulumi auto-name
   */
  readonly logGroupName?: pulumi.Input<string>;
}

/**
 * A CloudWatch log group that is KMS-encrypted with a customer managed key and keeps events for a bounded time.
 * @example
 * new EncryptedLogGroup('flow-logs', {
 *   kmsKeyArn: key.arn, // a KmsKey with cloudWatchLogsKeyGrant()
 *   retentionInDays: config.logRetentionDays,
 *   logGroupName: physicalName(config, 'log-group', 'flow-logs'),
 * }, { provider });
 */
export class EncryptedLogGroup extends pulumi.ComponentResource {
  readonly logGroup: aws.cloudwatch.LogGroup;
  /** The log group ARN. */
  readonly arn: pulumi.Output<string>;
  /** The log group name. */
  readonly logGroupName: pulumi.Output<string>;

  constructor(name: string, args: EncryptedLogGroupArgs, opts?: pulumi.ComponentResourceOptions) {
    const retention = args.retentionInDays ?? 365;
    if (retention < MINIMUM_LOG_RETENTION_DAYS || !(CLOUDWATCH_RETENTION_DAYS as readonly number[]).includes(retention)) {
      const allowed = CLOUDWATCH_RETENTION_DAYS.filter((days) => days >= MINIMUM_LOG_RETENTION_DAYS).join(', ');
      throw new Error(`EncryptedLogGroup "${name}": retentionInDays ${retention} must be a CloudWatch retention of at least ${MINIMUM_LOG_RETENTION_DAYS} days: one of ${allowed}`);
    }
    super('bulwark:core:EncryptedLogGroup', name, {}, opts);
    this.logGroup = new aws.cloudwatch.LogGroup(
      name,
      { name: args.logGroupName, kmsKeyId: args.kmsKeyArn, retentionInDays: retention },
      { parent: this },
    );
    this.arn = this.logGroup.arn;
    this.logGroupName = this.logGroup.name;
    this.registerOutputs({ arn: this.arn, logGroupName: this.logGroupName });
  }
}
