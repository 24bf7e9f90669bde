import { formatArn } from '@bulwark/aws-model';
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { type KeyPolicyContext, type KeyServiceGrant } from './key-service-grants';
import { type PolicyDocument, type PolicyStatementDocument } from './policy-document';

/** What key administrators may do: manage the key's lifecycle and policy, never use it. */
export const KEY_ADMINISTRATION_ACTIONS = [
  'kms:Create*',
  'kms:Describe*',
  'kms:Enable*',
  'kms:List*',
  'kms:Put*',
  'kms:Update*',
  'kms:Revoke*',
  'kms:Disable*',
  'kms:Get*',
  'kms:Delete*',
  'kms:TagResource',
  'kms:UntagResource',
  'kms:ScheduleKeyDeletion',
  'kms:CancelKeyDeletion',
  'kms:RotateKeyOnDemand',
] as const;

/** What key users may do: cryptographic operations only. Grants are left out: CreateGrant is an administration action. */
export const KEY_USAGE_ACTIONS = ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'] as const;

// Every action a service grant may list: usage, never administration.
const SERVICE_USAGE_ACTIONS = new Set([
  ...KEY_USAGE_ACTIONS,
  'kms:ReEncryptFrom',
  'kms:ReEncryptTo',
  'kms:GenerateDataKey',
  'kms:GenerateDataKeyWithoutPlaintext',
  'kms:GenerateDataKeyPair',
  'kms:GenerateDataKeyPairWithoutPlaintext',
]);

// A probe context for checking that service grants carry conditions; never used in a real key policy.
// eslint-disable-next-line @bulwark/no-hardcoded-account-id -- not an account: a placeholder for the probe above
const EXAMPLE_CONTEXT: KeyPolicyContext = { accountId: '000000000000', partition: 'aws', region: 'us-east-1' };

/** Arguments of {@link KmsKey}. */
export interface KmsKeyArgs {
  /** What the key protects, shown in the console and in CloudTrail. */
  readonly description: string;
  /** The alias, `alias/<name>` (see `physicalName(config, 'kms-alias', purpose)`). */
  readonly alias: string;
  /**
   * IAM principal ARNs allowed to administer the key (never to use it).
   * @default [] (administration through the account root's IAM policies only)
   */
  readonly administrators?: readonly pulumi.Input<string>[];
  /**
   * IAM principal ARNs allowed to encrypt and decrypt with the key (never to administer it).
   * @default [] (use through the account root's IAM policies only)
   */
  readonly users?: readonly pulumi.Input<string>[];
  /**
   * AWS services allowed to use the key, each with conditions binding it to this account
   * (`cloudWatchLogsKeyGrant()`, `...cloudTrailKeyGrants({ trailArn })`, `logDeliveryKeyGrant()`,
   * `configDeliveryKeyGrant()`, `cloudFrontOriginKeyGrant()`).
   * @default [] (no service principal in the key policy)
   */
  readonly serviceUsers?: readonly KeyServiceGrant[];
  /**
   * Days KMS waits before deleting the key once deletion is scheduled (7 to 30).
   * @default 30
   */
  readonly deletionWindowInDays?: number;
  /**
   * Days between automatic rotations of the key material (90 to 2560). Rotation itself cannot be turned off.
   * @default 365
   */
  readonly rotationPeriodInDays?: number;
  /**
   * Create a multi-Region primary key.
   * @default false
   */
  readonly multiRegion?: boolean;
}

/**
 * A symmetric customer managed KMS key with rotation on, an alias, and a key policy that separates duties:
 * the account root administers (so the key can never become unmanageable), administrators only manage,
 * users only use, and service principals only use, under conditions that tie them to this account.
 * @example
 * const key = new KmsKey('flow-logs', {
 *   description: `VPC flow logs of ${config.project} ${config.environment}`,
 *   alias: physicalName(config, 'kms-alias', 'flow-logs'),
 *   users: [appRole.arn],
 *   serviceUsers: [cloudWatchLogsKeyGrant()],
 *   deletionWindowInDays: config.kmsKeyDeletionWindowDays,
 * }, { provider });
 */
export class KmsKey extends pulumi.ComponentResource {
  /** The key. */
  readonly key: aws.kms.Key;
  /** The key's alias. */
  readonly alias: aws.kms.Alias;
  /** The key ARN, for `kmsKeyId` / `kmsMasterKeyId` inputs. */
  readonly arn: pulumi.Output<string>;
  /** The key id. */
  readonly keyId: pulumi.Output<string>;

  constructor(name: string, args: KmsKeyArgs, opts?: pulumi.ComponentResourceOptions) {
    // Validate before registering anything, so a bad key policy never leaves a half-built component behind.
    validateKmsKeyArgs(name, args);
    super('bulwark:core:KmsKey', name, {}, opts);

    const identity = aws.getCallerIdentityOutput({}, { parent: this });
    const partition = aws.getPartitionOutput({}, { parent: this });
    const region = aws.getRegionOutput({}, { parent: this });
    const policy = pulumi
      .all([identity.accountId, partition.partition, region.region])
      .apply(([accountId, partitionName, regionName]) =>
        keyPolicyDocument(name, args, { accountId, partition: partitionName, region: regionName }),
      );

    this.key = new aws.kms.Key(
      name,
      {
        description: args.description,
        keyUsage: 'ENCRYPT_DECRYPT',
        customerMasterKeySpec: 'SYMMETRIC_DEFAULT',
        enableKeyRotation: true,
        rotationPeriodInDays: args.rotationPeriodInDays ?? 365,
        deletionWindowInDays: args.deletionWindowInDays ?? 30,
        multiRegion: args.multiRegion ?? false,
        bypassPolicyLockoutSafetyCheck: false,
        policy: pulumi.jsonStringify(policy),
      },
      // What the component depends on, the key does: KMS rejects a key policy naming a principal that does not exist
      // yet (MalformedPolicyDocumentException), so a key naming a role created beside it must wait for the role.
      { parent: this, dependsOn: opts?.dependsOn },
    );
    this.alias = new aws.kms.Alias(name, { name: args.alias, targetKeyId: this.key.keyId }, { parent: this });
    this.arn = this.key.arn;
    this.keyId = this.key.keyId;
    this.registerOutputs({ arn: this.arn, keyId: this.keyId, aliasName: this.alias.name });
  }
}

function validateKmsKeyArgs(name: string, args: KmsKeyArgs): void {
  const fail = (problem: string): never => {
    throw new Error(`KmsKey "${name}": ${problem}`);
  };
  if (!/^alias\/[a-zA-Z0-9/_-]{1,250}$/.test(args.alias) || args.alias.startsWith('alias/aws/')) {
    fail(`alias "${args.alias}" must be "alias/<name>" (letters, digits, / _ -), not under the reserved alias/aws/`);
  }
  const rotation = args.rotationPeriodInDays ?? 365;
  if (!Number.isInteger(rotation) || rotation < 90 || rotation > 2560) {
    fail(`rotationPeriodInDays ${rotation} must be a whole number of days from 90 to 2560`);
  }
  const deletionWindow = args.deletionWindowInDays ?? 30;
  if (!Number.isInteger(deletionWindow) || deletionWindow < 7 || deletionWindow > 30) {
    fail(`deletionWindowInDays ${deletionWindow} must be a whole number of days from 7 to 30`);
  }
  for (const principal of [...(args.administrators ?? []), ...(args.users ?? [])]) {
    if (principal === '*') fail('"*" cannot be a key administrator or user: name the IAM principals');
  }
  assertSeparateDuties(name, args.administrators ?? [], args.users ?? []);
  for (const grant of args.serviceUsers ?? []) {
    if (!/^[A-Za-z0-9]+$/.test(grant.sid)) fail(`service grant sid "${grant.sid}" must be letters and digits`);
    const administrative = grant.actions.filter((action) => !SERVICE_USAGE_ACTIONS.has(action));
    if (administrative.length > 0) {
      fail(`service grant ${grant.sid} lists ${administrative.join(', ')}; service principals may only use the key (${[...SERVICE_USAGE_ACTIONS].join(', ')})`);
    }
    // Conditions are a pure function of the account context, so an example context shows whether there are any.
    if (Object.keys(grant.conditions(EXAMPLE_CONTEXT)).length === 0) {
      fail(`service grant ${grant.sid} needs conditions binding the service to this account (aws:SourceAccount, an encryption context...)`);
    }
  }
}

// Principals known now are checked at construction; outputs are checked again once their values resolve.
function assertSeparateDuties(name: string, administrators: readonly unknown[], users: readonly unknown[]): void {
  const userSet = new Set(users.filter((user) => typeof user === 'string'));
  const both = administrators.filter((administrator) => typeof administrator === 'string' && userSet.has(administrator));
  if (both.length > 0) {
    throw new Error(
      `KmsKey "${name}": ${both.join(', ')} is both an administrator and a user; separation of duties needs two different principals`,
    );
  }
}

function keyPolicyDocument(name: string, args: KmsKeyArgs, context: KeyPolicyContext): pulumi.Output<PolicyDocument> {
  const statements: pulumi.Input<PolicyStatementDocument>[] = [
    {
      Sid: 'EnableAccountRootAdministration',
      Effect: 'Allow',
      Principal: { AWS: formatArn({ partition: context.partition, service: 'iam', account: context.accountId, resource: 'root' }) },
      Action: 'kms:*',
      Resource: '*',
    },
  ];
  const administrators = pulumi.output(args.administrators ?? []);
  const users = pulumi.output(args.users ?? []);
  const checked = pulumi.all([administrators, users]).apply(([resolvedAdministrators, resolvedUsers]) => {
    assertSeparateDuties(name, resolvedAdministrators, resolvedUsers);
    return { administrators: resolvedAdministrators, users: resolvedUsers };
  });
  return checked.apply((principals) => {
    if (principals.administrators.length > 0) {
      statements.push({
        Sid: 'AllowKeyAdministration',
        Effect: 'Allow',
        Principal: { AWS: principals.administrators },
        Action: [...KEY_ADMINISTRATION_ACTIONS],
        Resource: '*',
      });
    }
    if (principals.users.length > 0) {
      statements.push({
        Sid: 'AllowKeyUsage',
        Effect: 'Allow',
        Principal: { AWS: principals.users },
        Action: [...KEY_USAGE_ACTIONS],
        Resource: '*',
      });
    }
    for (const grant of args.serviceUsers ?? []) {
      const principal = typeof grant.servicePrincipal === 'string' ? grant.servicePrincipal : grant.servicePrincipal(context);
      const conditions = grant.conditions(context);
      statements.push({
        Sid: grant.sid,
        Effect: 'Allow',
        Principal: { Service: principal },
        Action: [...grant.actions],
        Resource: '*',
        Condition: conditions,
      });
    }
    return pulumi.output({ Version: '2012-10-17' as const, Statement: statements });
  });
}
