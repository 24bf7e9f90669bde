// Identity for automation, modelled on the OIDC-provider and assume-role examples: GitHub Actions deploys through
// an OIDC provider, trusted only for one repository's main branch; an inventory role may describe EC2 and read
// tags (actions that take no resource but "*"); a deploy policy is scoped to the stack's own buckets and functions.
// The slips: the vendor's monitoring role trusts any principal (a missing account id became "*", with no external
// id), and an operator policy grants iam:* on everything.
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

const config = new pulumi.Config();
const repository = config.require('repository');
const vendorAccountId = config.require('vendorAccountId');
const account = aws.getCallerIdentityOutput().accountId;
const partition = aws.getPartitionOutput().partition;

const github = new aws.iam.OpenIdConnectProvider('github', {
  url: 'https://token.actions.githubusercontent.com',
  clientIdLists: ['sts.amazonaws.com'],
});

const deployer = new aws.iam.Role('github-deployer', {
  description: `Deploys ${repository} from its main branch`,
  maxSessionDuration: 3600,
  assumeRolePolicy: pulumi.jsonStringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: github.arn },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com', 'token.actions.githubusercontent.com:sub': `repo:${repository}:ref:refs/heads/main` },
        },
      },
    ],
  }),
});

const deployPolicy = new aws.iam.Policy('storefront-deploy', {
  description: 'What the storefront pipeline changes',
  policy: pulumi.jsonStringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'Artifacts',
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:PutObject', 's3:ListBucket'],
        Resource: [pulumi.interpolate`arn:${partition}:s3:::storefront-artifacts-${account}`, pulumi.interpolate`arn:${partition}:s3:::storefront-artifacts-${account}/*`],
      },
      {
        Sid: 'Functions',
        Effect: 'Allow',
        Action: ['lambda:UpdateFunctionCode', 'lambda:PublishVersion', 'lambda:UpdateAlias'],
        Resource: pulumi.interpolate`arn:${partition}:lambda:*:${account}:function:storefront-*`,
      },
    ],
  }),
});
new aws.iam.RolePolicyAttachment('github-deployer', { role: deployer.name, policyArn: deployPolicy.arn });

const inventory = new aws.iam.Role('inventory-reader', {
  assumeRolePolicy: pulumi.jsonStringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: pulumi.interpolate`arn:${partition}:iam::${account}:root` }, Action: 'sts:AssumeRole' }],
  }),
});
new aws.iam.RolePolicy('inventory-reader', {
  role: inventory.id,
  policy: JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Sid: 'Describe', Effect: 'Allow', Action: ['ec2:Describe*', 'tag:GetResources'], Resource: '*' }],
  }),
});

// The vendor's role: the trust policy was meant to name the vendor's account and require an external id.
const vendor = new aws.iam.Role('vendor-monitoring', {
  description: `Monitoring by the vendor (account ${vendorAccountId})`,
  assumeRolePolicy: JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }],
  }),
});
new aws.iam.RolePolicyAttachment('vendor-monitoring', { role: vendor.name, policyArn: pulumi.interpolate`arn:${partition}:iam::aws:policy/ReadOnlyAccess` });

const operators = new aws.iam.Group('operators', { path: '/people/' });
new aws.iam.GroupPolicy('operators-iam', {
  group: operators.name,
  policy: JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Sid: 'ManageIdentity', Effect: 'Allow', Action: 'iam:*', Resource: '*' }],
  }),
});

export const deployerRoleArn = deployer.arn;
