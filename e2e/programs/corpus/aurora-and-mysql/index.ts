// Two databases, modelled on the RDS/Aurora examples. The Aurora PostgreSQL cluster is done right: private subnets
// of a VPC with flow logs (kept a year, though in a log group without a customer managed key), storage encrypted with a customer managed key, a week of backups, the master password
// managed by Secrets Manager, and a security group admitting 5432 only from inside the VPC. Beside it, a legacy
// MySQL instance is publicly accessible, unencrypted, on MySQL 8.0 (out of standard support), backed up for one
// day, single-AZ, behind a security group that admits 3306 from anywhere, with its password from (secret) config.
// And the flow log does not wait for its role's policy, so it may be created before it can deliver.
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

const config = new pulumi.Config();
const legacyPassword = config.requireSecret('legacyPassword');

const vpc = new aws.ec2.Vpc('data', { cidrBlock: '10.30.0.0/16', enableDnsHostnames: true, enableDnsSupport: true });

const flowLogGroup = new aws.cloudwatch.LogGroup('data-flow-logs', { retentionInDays: 365 });
const flowLogRole = new aws.iam.Role('data-flow-logs', {
  assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: 'vpc-flow-logs.amazonaws.com' }),
});
new aws.iam.RolePolicy('data-flow-logs', {
  role: flowLogRole.id,
  policy: pulumi.jsonStringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
        Resource: [flowLogGroup.arn, pulumi.interpolate`${flowLogGroup.arn}:*`],
      },
    ],
  }),
});
new aws.ec2.FlowLog('data', { vpcId: vpc.id, trafficType: 'ALL', logDestination: flowLogGroup.arn, iamRoleArn: flowLogRole.arn });

const zones = ['eu-central-1a', 'eu-central-1b'];
const privateSubnets = zones.map((zone, index) => new aws.ec2.Subnet(`data-private-${index + 1}`, { vpcId: vpc.id, availabilityZone: zone, cidrBlock: `10.30.${index + 1}.0/24` }));
const subnetGroup = new aws.rds.SubnetGroup('data-private', { subnetIds: privateSubnets.map((subnet) => subnet.id) });

const databaseKey = new aws.kms.Key('ledger', { description: 'Encrypts the ledger database', enableKeyRotation: true });
const postgres = new aws.ec2.SecurityGroup('ledger', {
  vpcId: vpc.id,
  description: 'PostgreSQL from inside the VPC',
  ingress: [{ protocol: 'tcp', fromPort: 5432, toPort: 5432, cidrBlocks: ['10.30.0.0/16'] }],
});

const ledger = new aws.rds.Cluster('ledger', {
  engine: aws.rds.EngineType.AuroraPostgresql,
  engineVersion: '16.4',
  databaseName: 'ledger',
  masterUsername: 'ledger_admin',
  manageMasterUserPassword: true,
  dbSubnetGroupName: subnetGroup.name,
  vpcSecurityGroupIds: [postgres.id],
  storageEncrypted: true,
  kmsKeyId: databaseKey.arn,
  backupRetentionPeriod: 7,
  deletionProtection: true,
  skipFinalSnapshot: false,
  finalSnapshotIdentifier: 'ledger-final',
});
zones.forEach((_zone, index) =>
  new aws.rds.ClusterInstance(`ledger-${index + 1}`, { clusterIdentifier: ledger.id, instanceClass: 'db.r6g.large', engine: aws.rds.EngineType.AuroraPostgresql, engineVersion: ledger.engineVersion }),
);

// The legacy database, as it was clicked together years ago and then imported into code.
const publicSubnets = zones.map((zone, index) => new aws.ec2.Subnet(`legacy-public-${index + 1}`, { vpcId: vpc.id, availabilityZone: zone, cidrBlock: `10.30.10${index}.0/24`, mapPublicIpOnLaunch: true }));
const legacySubnets = new aws.rds.SubnetGroup('legacy-public', { subnetIds: publicSubnets.map((subnet) => subnet.id) });
const mysqlFromAnywhere = new aws.ec2.SecurityGroup('legacy-mysql', {
  vpcId: vpc.id,
  description: 'MySQL from the office and everywhere else',
  ingress: [{ protocol: 'tcp', fromPort: 3306, toPort: 3306, cidrBlocks: ['0.0.0.0/0'] }],
});
const legacy = new aws.rds.Instance('legacy', {
  engine: 'mysql',
  engineVersion: '8.0',
  instanceClass: 'db.t3.micro',
  allocatedStorage: 20,
  dbName: 'legacy',
  username: 'admin',
  password: legacyPassword,
  dbSubnetGroupName: legacySubnets.name,
  vpcSecurityGroupIds: [mysqlFromAnywhere.id],
  publiclyAccessible: true,
  backupRetentionPeriod: 1,
  skipFinalSnapshot: true,
});

export const ledgerEndpoint = ledger.endpoint;
export const legacyEndpoint = legacy.endpoint;
