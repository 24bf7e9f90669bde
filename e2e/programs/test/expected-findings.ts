/**
 * What each corpus program must give: its resource count in each mode and every finding, as rows of
 * `[level, rule, resource, modes]` (see testing/finding-table.ts). The rows were read against the program and the
 * rule catalog one by one (README.md says why each program shows what it shows). A finding the packs get wrong
 * today is not silently accepted: a false positive is listed under `knownFalsePositives` (still expected in the
 * output, so the test fails when it is fixed) and a false negative under `knownFalseNegatives` (what the output
 * should hold, missing today), each with why, until the pack is fixed and the row moves into `findings`.
 */
import { type CheckMode } from '../testing/corpus-check';
import { type FindingRow, type KnownError } from '../testing/finding-table';

export interface ProgramExpectation {
  /** The `summary.resources` of the report in each mode. */
  readonly resources: Readonly<Record<CheckMode, number>>;
  /** Every finding the packs should report, and do. */
  readonly findings: readonly FindingRow[];
  /** Findings the packs report but should not. */
  readonly knownFalsePositives?: readonly KnownError[];
  /** Findings the packs should report but do not. */
  readonly knownFalseNegatives?: readonly KnownError[];
}

/** Every program under corpus/, by directory name. */
export const EXPECTED: Readonly<Record<string, ProgramExpectation>> = {
  'audit-trail': {
    resources: { preview: 16, update: 16 },
    findings: [
      ['mandatory', 'cloudtrail-data-events', 'aws:cloudtrail/trail:Trail::audit', 'both'],
      ['mandatory', 'cloudtrail-secure', 'aws:cloudtrail/trail:Trail::audit', 'both'],
      ['undecided', 's3-bucket-no-public-policy', 'aws:s3/bucketPolicy:BucketPolicy::audit-access-logs', 'preview'],
      ['undecided', 's3-bucket-tls-only', 'aws:s3/bucketPolicy:BucketPolicy::audit-access-logs', 'preview'],
      ['undecided', 's3-bucket-no-public-policy', 'aws:s3/bucketPolicy:BucketPolicy::audit-trail', 'preview'],
      ['undecided', 's3-bucket-tls-only', 'aws:s3/bucketPolicy:BucketPolicy::audit-trail', 'preview'],
      // aws-deployability
      ['undecided', 'cloudtrail-bucket-policy', 'aws:cloudtrail/trail:Trail::audit', 'preview'],
    ],
  },
  'aurora-and-mysql': {
    resources: { preview: 19, update: 19 },
    findings: [
      ['mandatory', 'log-group-retention-kms', 'aws:cloudwatch/logGroup:LogGroup::data-flow-logs', 'both'],
      ['mandatory', 'sg-no-public-high-risk-ports', 'aws:ec2/securityGroup:SecurityGroup::legacy-mysql', 'both'],
      ['undecided', 'iam-no-wildcard-action', 'aws:iam/rolePolicy:RolePolicy::data-flow-logs', 'preview'],
      ['undecided', 'iam-no-wildcard-resource', 'aws:iam/rolePolicy:RolePolicy::data-flow-logs', 'preview'],
      ['mandatory', 'rds-backup-retention', 'aws:rds/instance:Instance::legacy', 'both'],
      ['mandatory', 'rds-encryption-kms', 'aws:rds/instance:Instance::legacy', 'both'],
      ['advisory', 'rds-multi-az', 'aws:rds/instance:Instance::legacy', 'both'],
      ['mandatory', 'rds-not-public', 'aws:rds/instance:Instance::legacy', 'both'],
      // aws-deployability
      ['mandatory', 'flow-log-after-permissions', 'aws:ec2/flowLog:FlowLog::data', 'both'],
      ['undecided', 'vpc-flow-log-delivery', 'aws:ec2/flowLog:FlowLog::data', 'preview'],
      ['mandatory', 'rds-engine-version', 'aws:rds/instance:Instance::legacy', 'both'],
      ['undecided', 'kms-key-admits-account-services', 'aws:rds/cluster:Cluster::ledger', 'preview'],
    ],
  },
  'awsx-network': {
    resources: { preview: 36, update: 36 },
    findings: [
      ['mandatory', 'iam-no-wildcard-resource', 'aws:iam/role:Role::shared-flow-logs', 'both'],
      // Not `vpc-flow-logs` on the awsx VPC (a known false positive until fixed): the flow log's `vpcId` is `vpc.vpcId`,
      // whose dependency names the awsx component, and links to the one aws:ec2/vpc:Vpc under it (policy-kit links.ts).
    ],
  },
  'ci-deploy-roles': {
    resources: { preview: 11, update: 11 },
    findings: [
      ['mandatory', 'iam-no-wildcard-action', 'aws:iam/groupPolicy:GroupPolicy::operators-iam', 'both'],
      ['mandatory', 'iam-no-wildcard-resource', 'aws:iam/groupPolicy:GroupPolicy::operators-iam', 'both'],
      ['undecided', 'iam-trust-policy-no-public-principal', 'aws:iam/role:Role::github-deployer', 'preview'],
      ['mandatory', 'iam-trust-policy-no-public-principal', 'aws:iam/role:Role::vendor-monitoring', 'both'],
      ['mandatory', 'iam-mfa-enforced', 'stack', 'both'],
    ],
  },
  'ec2-web-server': {
    resources: { preview: 8, update: 8 },
    findings: [
      ['mandatory', 'ec2-ebs-encryption-kms', 'aws:ec2/instance:Instance::web', 'both'],
      ['mandatory', 'ec2-imdsv2-required', 'aws:ec2/instance:Instance::web', 'both'],
      ['advisory', 'ec2-no-public-ip', 'aws:ec2/instance:Instance::web', 'both'],
      ['mandatory', 'sg-no-public-admin-ingress', 'aws:ec2/securityGroup:SecurityGroup::web', 'both'],
      ['mandatory', 'sg-ssh-single-host', 'aws:ec2/securityGroup:SecurityGroup::web', 'both'],
      ['mandatory', 'vpc-flow-logs', 'aws:ec2/vpc:Vpc::web', 'both'],
    ],
  },
  'ecs-on-ec2': {
    resources: { preview: 23, update: 23 },
    findings: [
      ['advisory', 'ec2-no-public-ip', 'aws:ec2/launchTemplate:LaunchTemplate::catalog', 'both'],
      ['mandatory', 'sg-no-public-high-risk-ports', 'aws:ec2/securityGroup:SecurityGroup::catalog-instances', 'both'],
      // aws-deployability
      ['undecided', 'kms-key-admits-cloudwatch-logs', 'aws:cloudwatch/logGroup:LogGroup::catalog', 'preview'],
      ['mandatory', 'kms-key-admits-cloudwatch-logs', 'aws:cloudwatch/logGroup:LogGroup::catalog', 'update'],
      ['undecided', 'kms-key-admits-autoscaling', 'aws:ec2/launchTemplate:LaunchTemplate::catalog', 'preview'],
      ['mandatory', 'kms-key-admits-autoscaling', 'aws:ec2/launchTemplate:LaunchTemplate::catalog', 'update'],
    ],
    knownFalseNegatives: [
      {
        row: ['mandatory', 'required-tags', 'aws:autoscaling/group:Group::catalog', 'both'],
        why:
          'The Auto Scaling group carries only its AmazonECSManaged tag: the AWS provider does not apply its default tags ' +
          'to autoscaling groups (their tags are a list, set on the group), but the rule counts the provider\'s ' +
          'defaultTags for every taggable type.',
      },
    ],
  },
  'fargate-behind-alb': {
    resources: { preview: 44, update: 45 },
    findings: [
      ['mandatory', 'vpc-flow-logs', 'awsx:ec2:Vpc$aws:ec2/vpc:Vpc::storefront', 'both'],
      ['mandatory', 'log-group-retention-kms', 'awsx:ecs:FargateService$awsx:ecs:FargateTaskDefinition$aws:cloudwatch/logGroup:LogGroup::storefront', 'both'],
      ['mandatory', 'sg-no-public-admin-ingress', 'awsx:lb:ApplicationLoadBalancer$aws:ec2/securityGroup:SecurityGroup::storefront', 'both'],
      ['mandatory', 'sg-no-public-admin-ingress', 'awsx:lb:ApplicationLoadBalancer$aws:ec2/securityGroup:SecurityGroup::storefront', 'both'],
      ['mandatory', 'sg-no-public-high-risk-ports', 'awsx:lb:ApplicationLoadBalancer$aws:ec2/securityGroup:SecurityGroup::storefront', 'both'],
      ['mandatory', 'sg-no-public-high-risk-ports', 'awsx:lb:ApplicationLoadBalancer$aws:ec2/securityGroup:SecurityGroup::storefront', 'both'],
      ['mandatory', 'sg-ssh-single-host', 'awsx:lb:ApplicationLoadBalancer$aws:ec2/securityGroup:SecurityGroup::storefront', 'both'],
      ['mandatory', 'sg-ssh-single-host', 'awsx:lb:ApplicationLoadBalancer$aws:ec2/securityGroup:SecurityGroup::storefront', 'both'],
    ],
  },
  'nightly-report-lambda': {
    resources: { preview: 12, update: 12 },
    findings: [
      ['mandatory', 'required-tags', 'aws:cloudwatch/eventRule:EventRule::nightly-report', 'both'],
      ['mandatory', 'dynamodb-encryption-kms', 'aws:dynamodb/table:Table::sales', 'both'],
      ['mandatory', 'dynamodb-pitr', 'aws:dynamodb/table:Table::sales', 'both'],
      ['undecided', 'iam-no-wildcard-action', 'aws:iam/rolePolicy:RolePolicy::nightly-report', 'preview'],
      ['mandatory', 'iam-no-wildcard-action', 'aws:iam/rolePolicy:RolePolicy::nightly-report', 'update'],
      ['undecided', 'iam-no-wildcard-resource', 'aws:iam/rolePolicy:RolePolicy::nightly-report', 'preview'],
      ['mandatory', 's3-bucket-access-logging', 'aws:s3/bucket:Bucket::reports', 'both'],
      ['mandatory', 's3-bucket-kms-encryption', 'aws:s3/bucket:Bucket::reports', 'both'],
      ['mandatory', 's3-bucket-tls-only', 'aws:s3/bucket:Bucket::reports', 'both'],
      ['mandatory', 's3-bucket-versioning', 'aws:s3/bucket:Bucket::reports', 'both'],
      // aws-deployability
      ['undecided', 'kms-key-admits-cloudwatch-logs', 'aws:cloudwatch/logGroup:LogGroup::nightly-report', 'preview'],
      ['mandatory', 'kms-key-admits-cloudwatch-logs', 'aws:cloudwatch/logGroup:LogGroup::nightly-report', 'update'],
      ['undecided', 'kms-key-admits-account-services', 'aws:lambda/function:Function::nightly-report', 'preview'],
    ],
  },
  'oac-static-site': {
    resources: { preview: 18, update: 18 },
    findings: [
      ['undecided', 'kms-key-policy-no-public-principal', 'aws:kms/keyPolicy:KeyPolicy::content', 'preview'],
      ['undecided', 'kms-key-policy-separation-of-duties', 'aws:kms/keyPolicy:KeyPolicy::content', 'preview'],
      ['undecided', 'kms-service-linked-role-exists', 'aws:kms/keyPolicy:KeyPolicy::content', 'preview'],
      ['undecided', 's3-bucket-no-public-policy', 'aws:s3/bucketPolicy:BucketPolicy::access-logs', 'preview'],
      ['undecided', 's3-bucket-tls-only', 'aws:s3/bucketPolicy:BucketPolicy::access-logs', 'preview'],
      ['undecided', 's3-bucket-no-public-policy', 'aws:s3/bucketPolicy:BucketPolicy::content', 'preview'],
      ['undecided', 's3-bucket-tls-only', 'aws:s3/bucketPolicy:BucketPolicy::content', 'preview'],
      // aws-deployability
      ['undecided', 'cloudfront-web-acl-arn', 'aws:cloudfront/distribution:Distribution::site', 'preview'],
    ],
  },
  'public-website-cdn': {
    resources: { preview: 8, update: 8 },
    findings: [
      ['mandatory', 'cloudfront-https-only', 'aws:cloudfront/distribution:Distribution::cdn', 'both'],
      ['mandatory', 'cloudfront-waf', 'aws:cloudfront/distribution:Distribution::cdn', 'both'],
      ['mandatory', 'required-tags', 'aws:cloudfront/distribution:Distribution::cdn', 'both'],
      ['mandatory', 'required-tags', 'aws:s3/bucket:Bucket::site', 'both'],
      ['mandatory', 's3-bucket-access-logging', 'aws:s3/bucket:Bucket::site', 'both'],
      ['mandatory', 's3-bucket-kms-encryption', 'aws:s3/bucket:Bucket::site', 'both'],
      ['mandatory', 's3-bucket-tls-only', 'aws:s3/bucket:Bucket::site', 'update'],
      ['mandatory', 's3-bucket-versioning', 'aws:s3/bucket:Bucket::site', 'both'],
      ['mandatory', 'required-tags', 'aws:s3/bucketObjectv2:BucketObjectv2::404.html', 'both'],
      ['mandatory', 'required-tags', 'aws:s3/bucketObjectv2:BucketObjectv2::index.html', 'both'],
      ['undecided', 's3-bucket-no-public-policy', 'aws:s3/bucketPolicy:BucketPolicy::public-read', 'preview'],
      ['mandatory', 's3-bucket-no-public-policy', 'aws:s3/bucketPolicy:BucketPolicy::public-read', 'update'],
      ['undecided', 's3-bucket-tls-only', 'aws:s3/bucketPolicy:BucketPolicy::public-read', 'preview'],
      ['mandatory', 's3-bucket-public-access-block', 'aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock::site', 'both'],
    ],
  },
  'rest-api-lambda': {
    resources: { preview: 16, update: 16 },
    findings: [
      ['mandatory', 'log-group-retention-kms', 'aws:cloudwatch/logGroup:LogGroup::orders-handler', 'both'],
      ['undecided', 'iam-no-wildcard-action', 'aws:iam/rolePolicy:RolePolicy::orders-handler-table', 'preview'],
      ['undecided', 'iam-no-wildcard-resource', 'aws:iam/rolePolicy:RolePolicy::orders-handler-table', 'preview'],
      ['mandatory', 'lambda-environment-kms', 'aws:lambda/function:Function::orders-handler', 'both'],
      // aws-deployability
      ['undecided', 'kms-key-admits-account-services', 'aws:dynamodb/table:Table::orders', 'preview'],
    ],
  },
  'sns-sqs-fanout': {
    resources: { preview: 13, update: 13 },
    findings: [
      ['mandatory', 'kms-key-policy-no-public-principal', 'aws:kms/key:Key::order-archive', 'both'],
      ['mandatory', 'kms-key-rotation', 'aws:kms/key:Key::order-archive', 'both'],
      ['undecided', 'kms-key-policy-no-public-principal', 'aws:kms/keyPolicy:KeyPolicy::order-events', 'preview'],
      ['undecided', 'kms-key-policy-separation-of-duties', 'aws:kms/keyPolicy:KeyPolicy::order-events', 'preview'],
      ['undecided', 'kms-service-linked-role-exists', 'aws:kms/keyPolicy:KeyPolicy::order-events', 'preview'],
      // aws-deployability
      ['undecided', 'kms-key-admits-account-services', 'aws:sns/topic:Topic::order-events', 'preview'],
      ['undecided', 'kms-key-admits-account-services', 'aws:sqs/queue:Queue::billing', 'preview'],
      ['undecided', 'kms-key-admits-account-services', 'aws:sqs/queue:Queue::billing-dead-letters', 'preview'],
      ['undecided', 'kms-key-admits-account-services', 'aws:sqs/queue:Queue::shipping', 'preview'],
      ['undecided', 'kms-key-admits-account-services', 'aws:sqs/queue:Queue::shipping-dead-letters', 'preview'],
    ],
  },
};
