// A scheduled function, modelled on the scheduled-function examples: an EventBridge rule fires a Lambda function
// every night; the function reads a DynamoDB table and writes a report into an S3 bucket. Secure choices: the
// function's environment is encrypted with its own key, its log group is kept 90 days under that key, and only this
// rule may invoke it. Shortcuts: the role may do anything in S3 (s3:*) and describe anything in EC2 on "*" (the
// second is fine: those actions only take "*"), the table uses the AWS owned key and no point-in-time recovery,
// the reports bucket only has the public access block, the team's tags are on some resources only, and the
// function key keeps its default policy, which CloudWatch Logs cannot use for the log group.
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

const config = new pulumi.Config();
const schedule = config.require('schedule');
const tags = { Environment: pulumi.getStack(), Owner: 'finance-team', Project: 'nightly-report' };

const functionKey = new aws.kms.Key('nightly-report', { description: 'Encrypts the report function environment and logs', enableKeyRotation: true, tags });

const sales = new aws.dynamodb.Table('sales', {
  attributes: [
    { name: 'day', type: 'S' },
    { name: 'saleId', type: 'S' },
  ],
  hashKey: 'day',
  rangeKey: 'saleId',
  billingMode: 'PAY_PER_REQUEST',
  tags,
});

const reports = new aws.s3.Bucket('reports', { tags });
new aws.s3.BucketPublicAccessBlock('reports', { bucket: reports.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });

const role = new aws.iam.Role('nightly-report', {
  assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: 'lambda.amazonaws.com' }),
  managedPolicyArns: [aws.iam.ManagedPolicy.AWSLambdaBasicExecutionRole],
  tags,
});
new aws.iam.RolePolicy('nightly-report', {
  role: role.id,
  policy: pulumi.jsonStringify({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'ReadSales', Effect: 'Allow', Action: ['dynamodb:Query', 'dynamodb:Scan'], Resource: sales.arn },
      { Sid: 'WriteReports', Effect: 'Allow', Action: 's3:*', Resource: [reports.arn, pulumi.interpolate`${reports.arn}/*`] },
      { Sid: 'InventoryContext', Effect: 'Allow', Action: ['ec2:DescribeInstances', 'ec2:DescribeRegions'], Resource: '*' },
      { Sid: 'UseItsKey', Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: functionKey.arn },
    ],
  }),
});

const logGroup = new aws.cloudwatch.LogGroup('nightly-report', { name: '/aws/lambda/nightly-report', retentionInDays: 90, kmsKeyId: functionKey.arn, tags });

const report = new aws.lambda.Function(
  'nightly-report',
  {
    name: 'nightly-report',
    runtime: aws.lambda.Runtime.Python3d12,
    handler: 'report.handler',
    role: role.arn,
    timeout: 300,
    memorySize: 512,
    kmsKeyArn: functionKey.arn,
    environment: { variables: { TABLE: sales.name, BUCKET: reports.bucket } },
    code: new pulumi.asset.AssetArchive({
      'report.py': new pulumi.asset.StringAsset(
        ['import os', '', 'def handler(event, context):', "    return {'table': os.environ['TABLE'], 'bucket': os.environ['BUCKET']}"].join('\n'),
      ),
    }),
    tags,
  },
  { dependsOn: [logGroup] },
);

const nightly = new aws.cloudwatch.EventRule('nightly-report', { scheduleExpression: schedule, description: 'Runs the nightly sales report' });
new aws.cloudwatch.EventTarget('nightly-report', { rule: nightly.name, arn: report.arn });
new aws.lambda.Permission('nightly-report', { action: 'lambda:InvokeFunction', function: report.name, principal: 'events.amazonaws.com', sourceArn: nightly.arn });

export const functionName = report.name;
