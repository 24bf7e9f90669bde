/**
 * Services that encrypt on behalf of the caller (RDS, DynamoDB, ElastiCache, Lambda environment variables, SNS,
 * SQS) use a customer managed key with the permissions of the principal that creates the resource, through the
 * service (`kms:ViaService`), and most create a grant on the key (`kms:CreateGrant`). So the key policy must let
 * this account's principals use the key: the account root statement that enables IAM policies (AWS's default key
 * policy), or a statement for `*` restricted to the account (`kms:CallerAccount`) and the service
 * (`kms:ViaService`), as each service's key-management page shows. Without it the create call fails
 * (KMSKeyNotAccessibleFault, AccessDeniedException). A key policy that names only specific roles is not judged on
 * who deploys: it is reported undecided, since the deployer may be one of them.
 */
import type { PolicyResource } from '@pulumi/policy';
import { parseArn, statementsOf } from '@bulwark/aws-model';
import { blockValue, rawProps, stackRule, UNDECIDED } from '@bulwark/policy-kit';
import { checkKeyAccess, describeRefusals, type RequiredAccess } from '../../lib/key-access';
import { keyReference, regionForService, type StackKey } from '../../lib/kms-keys';
import { AWS_DOCS } from '../../lib/references';
import { stackAccount } from '../../lib/stack-account';
import { StackGraph } from '../../lib/stack-graph';

/** Where each service takes its key, and what it asks of it. */
const USERS: readonly { type: string; path: readonly string[]; service: string; createGrant: boolean }[] = [
  { type: 'aws:rds/instance:Instance', path: ['kmsKeyId'], service: 'rds', createGrant: true },
  { type: 'aws:rds/cluster:Cluster', path: ['kmsKeyId'], service: 'rds', createGrant: true },
  { type: 'aws:dynamodb/table:Table', path: ['serverSideEncryption', 'kmsKeyArn'], service: 'dynamodb', createGrant: true },
  { type: 'aws:elasticache/replicationGroup:ReplicationGroup', path: ['kmsKeyId'], service: 'elasticache', createGrant: true },
  { type: 'aws:lambda/function:Function', path: ['kmsKeyArn'], service: 'lambda', createGrant: true },
  { type: 'aws:sns/topic:Topic', path: ['kmsMasterKeyId'], service: 'sns', createGrant: false },
  { type: 'aws:sqs/queue:Queue', path: ['kmsMasterKeyId'], service: 'sqs', createGrant: false },
];

function keyInput(resource: PolicyResource, path: readonly string[]): unknown {
  const props = rawProps(resource.props);
  if (path.length === 1) return props[path[0] as string];
  const block = blockValue(props[path[0] as string]);
  return block === UNDECIDED ? UNDECIDED : block?.[path[1] as string];
}

/** True when the key policy names some IAM principal of `account` other than the account root. */
function namesAccountPrincipals(key: StackKey, account: string): boolean {
  return statementsOf(key.parsedPolicy).some((statement) =>
    statement.principal?.aws.known.some((entry) => {
      const arn = parseArn(entry);
      return arn?.account === account && arn.resource !== 'root';
    }),
  );
}

export const kmsKeyAdmitsAccountServices = stackRule({
  metadata: {
    id: 'kms-key-admits-account-services',
    title: 'Keys used by RDS, DynamoDB, ElastiCache, Lambda, SNS and SQS let the account use them through the service',
    description:
      'RDS, DynamoDB, ElastiCache, Lambda (environment variables), SNS and SQS use a customer managed key with the ' +
      'permissions of the principal creating the resource, through the service, and most create a grant. The key policy ' +
      'must enable IAM policies for the account (the root statement) or allow the account\'s principals through the service ' +
      '(kms:CallerAccount and kms:ViaService); otherwise the create call fails.',
    severity: 'high',
    enforcementLevel: 'mandatory',
    service: 'kms',
    controls: {},
    resourceTypes: [...USERS.map((user) => user.type), 'aws:kms/key:Key', 'aws:kms/keyPolicy:KeyPolicy'],
    remediation: 'Keep the account root statement in the key policy (core\'s KmsKey does), or allow "*" the key\'s usage actions and kms:CreateGrant under kms:CallerAccount = <account> and kms:ViaService = <service>.<region>.amazonaws.com.',
    references: [AWS_DOCS.kmsDefaultKeyPolicy, AWS_DOCS.kmsViaService, AWS_DOCS.rdsKeyPolicy, AWS_DOCS.dynamoDbKeyPolicy, AWS_DOCS.elastiCacheKeyPolicy, AWS_DOCS.lambdaEnvironmentEncryption, AWS_DOCS.snsKeyPolicy, AWS_DOCS.sqsKeyPolicy],
  },
  check: ({ args, report, undecided }) => {
    const graph = new StackGraph(args.resources);
    const fallbackAccount = stackAccount(graph);
    for (const user of USERS) {
      for (const resource of graph.ofType([user.type])) {
        const reference = keyReference(graph, resource, user.path[0] as string, keyInput(resource, user.path));
        if (reference.kind === 'unknown') undecided(user.path.join('.'), 'the key decides whether the service may use it', resource.urn);
        if (reference.kind !== 'stack') continue;
        for (const key of reference.keys) {
          const account = key.account ?? fallbackAccount;
          const region = regionForService(resource, key);
          if (account === undefined || typeof region !== 'string') {
            undecided(user.path.join('.'), `the account or region of key ${key.key.name} is not known`, resource.urn);
            continue;
          }
          const principal = { kind: 'iam', account, viaIdentityPolicies: true } as const;
          const context = { 'kms:ViaService': `${user.service}.${region}.amazonaws.com`, 'kms:CallerAccount': account };
          const actions = ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey', 'kms:DescribeKey', ...(user.createGrant ? ['kms:CreateGrant'] : [])];
          const required: RequiredAccess[] = actions.map((action) => ({
            request: { principal, action, context: action === 'kms:CreateGrant' ? { ...context, 'kms:GrantIsForAWSResource': 'true' } : context },
            consequence: `${user.service} cannot use the key for ${resource.name}`,
          }));
          const { refused, undecided: open } = checkKeyAccess(key, required);
          if (refused.length > 0 && namesAccountPrincipals(key, account)) {
            undecided(user.path.join('.'), `key ${key.key.name}'s policy lets only named principals use it; the deployer must be one of them`, resource.urn);
          } else if (refused.length > 0) {
            report(`${resource.type.split(':').pop()} ${resource.name} encrypts with key ${key.key.name}, whose policy refuses ${describeRefusals(refused)}. Keep the account root statement or allow the account through ${user.service}.`, resource.urn);
          } else if (open.length > 0) undecided(user.path.join('.'), `key ${key.key.name}'s policy is not known in this mode`, resource.urn);
        }
      }
    }
  },
});
