// An API Gateway REST API whose one route proxies to a Lambda function reading a DynamoDB table, modelled on the
// API Gateway + Lambda examples. Secure choices: the permission lets only this API's execution ARN invoke the
// function, the table is encrypted with a customer managed key and has point-in-time recovery, the function's role
// may only read that table. Insecure ones: the function's environment holds configuration without a KMS key of its
// own, and its log group keeps logs for two weeks, unencrypted.
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

const config = new pulumi.Config();
const stageName = config.require('stage');

const dataKey = new aws.kms.Key('orders', { description: 'Encrypts the orders table', enableKeyRotation: true });

const orders = new aws.dynamodb.Table('orders', {
  attributes: [{ name: 'orderId', type: 'S' }],
  hashKey: 'orderId',
  billingMode: 'PAY_PER_REQUEST',
  serverSideEncryption: { enabled: true, kmsKeyArn: dataKey.arn },
  pointInTimeRecovery: { enabled: true },
});

const role = new aws.iam.Role('orders-handler', {
  assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: 'lambda.amazonaws.com' }),
});
new aws.iam.RolePolicyAttachment('orders-handler-logs', { role: role.name, policyArn: aws.iam.ManagedPolicy.AWSLambdaBasicExecutionRole });
new aws.iam.RolePolicy('orders-handler-table', {
  role: role.id,
  policy: pulumi.jsonStringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:Query'], Resource: orders.arn },
      { Effect: 'Allow', Action: ['kms:Decrypt'], Resource: dataKey.arn },
    ],
  }),
});

const logGroup = new aws.cloudwatch.LogGroup('orders-handler', { name: '/aws/lambda/orders-handler', retentionInDays: 14 });

const handler = new aws.lambda.Function(
  'orders-handler',
  {
    name: 'orders-handler',
    runtime: aws.lambda.Runtime.NodeJS22dX,
    handler: 'index.handler',
    role: role.arn,
    timeout: 10,
    code: new pulumi.asset.AssetArchive({
      'index.mjs': new pulumi.asset.StringAsset(
        [
          "import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';",
          'const client = new DynamoDBClient({});',
          'export const handler = async (event) => {',
          '  const id = event.pathParameters?.orderId;',
          '  const item = await client.send(new GetItemCommand({ TableName: process.env.TABLE_NAME, Key: { orderId: { S: id } } }));',
          '  return { statusCode: item.Item ? 200 : 404, body: JSON.stringify(item.Item ?? {}) };',
          '};',
        ].join('\n'),
      ),
    }),
    environment: { variables: { TABLE_NAME: orders.name, LOG_LEVEL: 'info' } },
  },
  { dependsOn: [logGroup] },
);

const api = new aws.apigateway.RestApi('orders', { description: 'Orders API', endpointConfiguration: { types: 'REGIONAL' } });
const ordersResource = new aws.apigateway.Resource('orders', { restApi: api.id, parentId: api.rootResourceId, pathPart: 'orders' });
const orderResource = new aws.apigateway.Resource('order', { restApi: api.id, parentId: ordersResource.id, pathPart: '{orderId}' });
const getOrder = new aws.apigateway.Method('get-order', { restApi: api.id, resourceId: orderResource.id, httpMethod: 'GET', authorization: 'AWS_IAM' });
const integration = new aws.apigateway.Integration('get-order', {
  restApi: api.id,
  resourceId: orderResource.id,
  httpMethod: getOrder.httpMethod,
  integrationHttpMethod: 'POST',
  type: 'AWS_PROXY',
  uri: handler.invokeArn,
});

new aws.lambda.Permission('api-invokes-handler', {
  action: 'lambda:InvokeFunction',
  function: handler.name,
  principal: 'apigateway.amazonaws.com',
  sourceArn: pulumi.interpolate`${api.executionArn}/*/GET/orders/*`,
});

const deployment = new aws.apigateway.Deployment('orders', { restApi: api.id, triggers: { redeploy: integration.id } }, { dependsOn: [integration] });
const stage = new aws.apigateway.Stage('orders', { restApi: api.id, deployment: deployment.id, stageName });

export const endpoint = pulumi.interpolate`${stage.invokeUrl}/orders`;
