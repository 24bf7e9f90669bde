import { type ProgramResult, type ResourceRecord, UNKNOWN } from '@bulwark/offline';
import { onlyResourceOfType, policyDocumentOf, providerOf, resourceNamed, resourcesOfType, statementWithSid } from '@bulwark/core/testing';
import { CACHING_OPTIMIZED_POLICY_ID } from './distribution';
import { type EdgeOutputs } from './outputs';
import { CLOUDFRONT_READ_STATEMENT_SID } from './site-origin';
import { baselineOutputs, deploymentAccount, packFindings, runEdgeStack } from '../testing/stack-run';
import { MANAGED_RULE_GROUPS } from './web-acl';

const STACKS = [
  { stack: 'dev', rateLimit: 1000, aliases: ['dev.www.example.com'], priceClass: 'PriceClass_100', logDays: 90 },
  { stack: 'prod', rateLimit: 2000, aliases: ['www.example.com', 'example.com'], priceClass: 'PriceClass_All', logDays: 365 },
] as const;

describe.each(STACKS)('edge stack $stack', (expected) => {
  describe.each(['preview', 'update'] as const)('%s', (mode) => {
    let result: ProgramResult;
    const known = (resource: ResourceRecord, output: string) => (mode === 'preview' ? UNKNOWN : (resource.outputs[output] as string));
    beforeAll(async () => {
      result = await runEdgeStack(expected.stack, mode);
    });

    it('has a primary and a us-east-1 provider with the same default tags, and reads the baseline stack of its environment', () => {
      const providers = resourcesOfType(result, 'pulumi:providers:aws');
      expect(providers.map((provider) => provider.inputs.region)).toEqual(['eu-west-1', 'us-east-1']);
      const [primaryTags, usEastTags] = providers.map((provider) => JSON.parse(provider.inputs.defaultTags as string));
      expect(usEastTags).toEqual(primaryTags);
      expect(primaryTags.tags).toMatchObject({ Environment: expected.stack, Owner: 'web-team', Project: 'bulwark', Stack: `edge/${expected.stack}` });
      expect(onlyResourceOfType(result, 'pulumi:pulumi:StackReference').inputs.name).toBe(`organization/baseline/${expected.stack}`);
    });

    it('creates the web ACL in us-east-1 with CLOUDFRONT scope, the rate limit and the managed groups, all visible', () => {
      const acl = onlyResourceOfType(result, 'aws:wafv2/webAcl:WebAcl');
      expect(providerOf(result, acl).inputs.region).toBe('us-east-1');
      expect(acl.inputs.scope).toBe('CLOUDFRONT');
      expect(acl.inputs.visibilityConfig).toMatchObject({ cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true });
      interface AclRule {
        priority: number;
        statement: { managedRuleGroupStatement?: unknown };
        overrideAction?: unknown;
        visibilityConfig: unknown;
      }
      const rules = acl.inputs.rules as unknown as AclRule[];
      expect(rules[0]).toMatchObject({
        action: { block: {} },
        statement: { rateBasedStatement: { limit: expected.rateLimit, aggregateKeyType: 'IP' } },
      });
      expect(rules.slice(1).map((rule) => rule.statement.managedRuleGroupStatement)).toEqual(
        MANAGED_RULE_GROUPS.map((name) => ({ vendorName: 'AWS', name })),
      );
      expect(MANAGED_RULE_GROUPS).toEqual(
        expect.arrayContaining(['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesSQLiRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet']),
      );
      for (const rule of rules.slice(1)) expect(rule.overrideAction).toEqual({ none: {} });
      for (const rule of rules) expect(rule.visibilityConfig).toMatchObject({ cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true });
      expect(rules.map((rule) => rule.priority)).toEqual([0, 1, 2, 3]);
    });

    it('logs the web ACL to an encrypted aws-waf-logs- log group in us-east-1', () => {
      const logging = onlyResourceOfType(result, 'aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration');
      expect(providerOf(result, logging).inputs.region).toBe('us-east-1');
      const wafGroup = resourceNamed(result, 'aws:cloudwatch/logGroup:LogGroup', 'waf');
      expect(wafGroup.inputs).toMatchObject({ name: `aws-waf-logs-bulwark-${expected.stack}-edge`, retentionInDays: expected.logDays });
      expect(providerOf(result, wafGroup).inputs.region).toBe('us-east-1');
      expect(logging.propertyDependencies.logDestinationConfigs).toEqual([wafGroup.urn]);
      expect(logging.propertyDependencies.resourceArn).toEqual([onlyResourceOfType(result, 'aws:wafv2/webAcl:WebAcl').urn]);
    });

    it('encrypts both log groups with a us-east-1 key, and lets only this account\'s log delivery write', () => {
      const key = resourceNamed(result, 'aws:kms/key:Key', 'edge-logs');
      expect(providerOf(result, key).inputs.region).toBe('us-east-1');
      for (const name of ['waf', 'cloudfront-access']) expect(resourceNamed(result, 'aws:cloudwatch/logGroup:LogGroup', name).inputs.kmsKeyId).toBe(known(key, 'arn'));
      const policy = onlyResourceOfType(result, 'aws:cloudwatch/logResourcePolicy:LogResourcePolicy');
      if (mode === 'update') {
        const statement = policyDocumentOf(policy.inputs.policyDocument).Statement[0];
        expect(statement).toMatchObject({
          Principal: { Service: 'delivery.logs.amazonaws.com' },
          Condition: { StringEquals: { 'aws:SourceAccount': deploymentAccount(expected.stack) } },
        });
      }
    });

    it('keeps the site bucket private, readable only by the distribution through origin access control', () => {
      const site = resourceNamed(result, 'bulwark:core:SecureBucket', 'site');
      const bucket = resourcesOfType(result, 'aws:s3/bucket:Bucket').find((candidate) => candidate.parent === site.urn) as ResourceRecord;
      expect(bucket.inputs.bucket).toBe(`bulwark-${expected.stack}-site-k3x9q2`);
      const block = resourcesOfType(result, 'aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock').find((candidate) => candidate.parent === site.urn) as ResourceRecord;
      expect(block.inputs).toMatchObject({ blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
      const oac = onlyResourceOfType(result, 'aws:cloudfront/originAccessControl:OriginAccessControl');
      expect(oac.inputs).toMatchObject({ originAccessControlOriginType: 's3', signingBehavior: 'always', signingProtocol: 'sigv4' });
      if (mode === 'update') {
        const distribution = onlyResourceOfType(result, 'aws:cloudfront/distribution:Distribution');
        const policy = resourcesOfType(result, 'aws:s3/bucketPolicy:BucketPolicy').find((candidate) => candidate.parent === site.urn) as ResourceRecord;
        expect(statementWithSid(policyDocumentOf(policy.inputs.policy), CLOUDFRONT_READ_STATEMENT_SID)).toEqual({
          Sid: CLOUDFRONT_READ_STATEMENT_SID,
          Effect: 'Allow',
          Principal: { Service: 'cloudfront.amazonaws.com' },
          Action: 's3:GetObject',
          Resource: `${bucket.outputs.arn as string}/*`,
          Condition: { StringEquals: { 'AWS:SourceArn': distribution.outputs.arn } },
        });
        const key = resourceNamed(result, 'aws:kms/key:Key', 'site');
        expect(statementWithSid(policyDocumentOf(key.inputs.policy), 'AllowCloudFrontOriginDecrypt')).toMatchObject({
          Principal: { Service: 'cloudfront.amazonaws.com' },
          Action: ['kms:Decrypt'],
          Condition: { StringEquals: { 'aws:SourceAccount': deploymentAccount(expected.stack) }, ArnLike: { 'aws:SourceArn': `arn:aws:cloudfront::${deploymentAccount(expected.stack)}:distribution/*` } },
        });
      }
    });

    it("sends the site bucket's server access logs to the baseline's central bucket, from the primary region, and builds no log bucket of its own", () => {
      expect(resourcesOfType(result, 'bulwark:core:LogsBucket')).toEqual([]);
      expect(resourcesOfType(result, 'aws:s3/bucket:Bucket').map((bucket) => bucket.inputs.bucket)).toEqual([`bulwark-${expected.stack}-site-k3x9q2`]);
      const logging = onlyResourceOfType(result, 'aws:s3/bucketLogging:BucketLogging');
      expect(logging.inputs).toMatchObject({ targetBucket: baselineOutputs(expected.stack).accessLogsBucketName, targetPrefix: 'site/' });
      // The site bucket, and so its logging, is in the primary region, the baseline's: S3 delivers only there.
      expect(providerOf(result, logging).inputs.region).toBe(baselineOutputs(expected.stack).region);
    });

    it('serves over HTTPS only with TLSv1.2_2021, security headers and the web ACL', () => {
      const distribution = onlyResourceOfType(result, 'aws:cloudfront/distribution:Distribution');
      const acl = onlyResourceOfType(result, 'aws:wafv2/webAcl:WebAcl');
      const headers = onlyResourceOfType(result, 'aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy');
      const oac = onlyResourceOfType(result, 'aws:cloudfront/originAccessControl:OriginAccessControl');
      const siteBucket = resourcesOfType(result, 'aws:s3/bucket:Bucket').find((candidate) => candidate.name === 'site') as ResourceRecord;
      expect(distribution.inputs).toMatchObject({
        enabled: true,
        aliases: [...expected.aliases],
        priceClass: expected.priceClass,
        defaultRootObject: 'index.html',
        webAclId: known(acl, 'arn'),
        viewerCertificate: { sslSupportMethod: 'sni-only', minimumProtocolVersion: 'TLSv1.2_2021' },
        defaultCacheBehavior: {
          viewerProtocolPolicy: 'redirect-to-https',
          allowedMethods: ['GET', 'HEAD'],
          cachePolicyId: CACHING_OPTIMIZED_POLICY_ID,
          responseHeadersPolicyId: mode === 'preview' ? UNKNOWN : headers.id,
        },
      });
      expect((distribution.inputs.viewerCertificate as Record<string, unknown>).cloudfrontDefaultCertificate).toBeUndefined();
      expect(distribution.inputs.origins).toEqual([
        { originId: 'site-bucket', domainName: known(siteBucket, 'bucketRegionalDomainName'), originAccessControlId: mode === 'preview' ? UNKNOWN : oac.id },
      ]);
      expect(headers.inputs.securityHeadersConfig).toMatchObject({
        strictTransportSecurity: { accessControlMaxAgeSec: 63072000, includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: 'DENY', override: true },
      });
    });

    it('delivers CloudFront access logs to the encrypted log group from us-east-1', () => {
      const distribution = onlyResourceOfType(result, 'aws:cloudfront/distribution:Distribution');
      const source = onlyResourceOfType(result, 'aws:cloudwatch/logDeliverySource:LogDeliverySource');
      expect(source.inputs.logType).toBe('ACCESS_LOGS');
      expect(source.propertyDependencies.resourceArn).toEqual([distribution.urn]);
      const destination = onlyResourceOfType(result, 'aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination');
      expect(destination.propertyDependencies.deliveryDestinationConfiguration).toEqual([resourceNamed(result, 'aws:cloudwatch/logGroup:LogGroup', 'cloudfront-access').urn]);
      const delivery = onlyResourceOfType(result, 'aws:cloudwatch/logDelivery:LogDelivery');
      for (const resource of [source, destination, delivery]) expect(providerOf(result, resource).inputs.region).toBe('us-east-1');
    });

    it('exports the outputs of its contract', () => {
      const outputs = result.outputs as unknown as EdgeOutputs;
      expect(Object.keys(outputs).sort()).toEqual(
        ['distributionId', 'distributionArn', 'distributionDomainName', 'aliases', 'webAclArn', 'siteBucketName', 'wafLogGroupName', 'accessLogGroupName'].sort(),
      );
      expect(outputs.aliases).toEqual([...expected.aliases]);
      expect(outputs.wafLogGroupName).toBe(`aws-waf-logs-bulwark-${expected.stack}-edge`);
      expect(outputs.accessLogGroupName).toBe(`/bulwark/${expected.stack}/cloudfront-access`);
      if (mode === 'update') {
        expect(outputs.distributionDomainName).toMatch(/\.cloudfront\.net$/);
        expect(outputs.webAclArn).toMatch(/:global\/webacl\//);
        expect(outputs.siteBucketName).toBe(`bulwark-${expected.stack}-site-k3x9q2`);
      }
    });

    it('passes the whole policy pack with zero mandatory violations', async () => {
      const findings = await packFindings(result);
      const mandatory = findings.filter((finding) => finding.enforcement === 'mandatory');
      expect({ mandatory }).toEqual({ mandatory: [] });
    });
  });
});

describe("edge stack and the baseline's access-logs bucket", () => {
  it('builds the baseline reference from edge:organization and edge:baselineProject', async () => {
    const result = await runEdgeStack('dev', 'preview', { 'edge:organization': 'acme', 'edge:baselineProject': 'account-baseline' }, {
      'acme/account-baseline/dev': { ...baselineOutputs('dev') },
    });
    expect(onlyResourceOfType(result, 'pulumi:pulumi:StackReference').inputs.name).toBe('acme/account-baseline/dev');
  });

  // S3 delivers server access logs only between buckets of one account and region:
  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html
  it("refuses a primary region other than the baseline's, before creating anything", async () => {
    const run = runEdgeStack('dev', 'preview', {}, { 'organization/baseline/dev': { ...baselineOutputs('dev'), region: 'us-east-1' } });
    await expect(run).rejects.toThrow(/aws:region = "eu-west-1": expected the region of the baseline stack organization\/baseline\/dev \("us-east-1"\)/);
  });
});

describe('edge stack config', () => {
  const configError = async (overrides: Record<string, unknown>): Promise<string> => {
    try {
      await runEdgeStack('dev', 'preview', overrides);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error(`expected the config ${JSON.stringify(overrides)} to be rejected`);
  };

  it.each([
    ['edge:rateLimit', { 'edge:rateLimit': 5 }, /edge:rateLimit = 5: expected a whole number of requests per 5 minutes/],
    ['edge:rateLimit (not a number)', { 'edge:rateLimit': 'lots' }, /edge:rateLimit = "lots": expected a whole number of requests/],
    ['edge:certificateArn (missing)', { 'edge:certificateArn': undefined }, /edge:certificateArn = \(not set\): expected the ARN of an ACM certificate in us-east-1/],
    ['edge:certificateArn (wrong region)', { 'edge:certificateArn': 'arn:aws:acm:eu-west-1:111122223333:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789' }, /edge:certificateArn = "arn:aws:acm:eu-west-1:.*": expected the ARN of an ACM certificate in us-east-1/],
    ['edge:aliases (empty)', { 'edge:aliases': [] }, /edge:aliases = \[\]: expected a non-empty YAML list of DNS names/],
    ['edge:aliases[0]', { 'edge:aliases': ['WWW.Example.com'] }, /edge:aliases\[0\] = "WWW.Example.com": expected a lowercase DNS name/],
    ['edge:priceClass', { 'edge:priceClass': 'PriceClass_50' }, /edge:priceClass = "PriceClass_50": expected one of PriceClass_100, PriceClass_200, PriceClass_All/],
    ['edge:defaultRootObject', { 'edge:defaultRootObject': '/index.html' }, /edge:defaultRootObject = "\/index.html": expected an object key/],
    ['a misspelt edge key', { 'edge:ratelimit': 100 }, /edge:ratelimit = \(value not shown\): expected no such key; the edge namespace holds organization, baselineProject, rateLimit/],
    ['bulwark:regions without us-east-1', { 'bulwark:regions': ['eu-west-1'] }, /bulwark:regions = \["eu-west-1"\]: expected a list that includes us-east-1/],
    ['edge:organization', { 'edge:organization': 'acme corp' }, /edge:organization = "acme corp": expected a Pulumi organization name/],
    ['edge:baselineProject', { 'edge:baselineProject': 'base/line' }, /edge:baselineProject = "base\/line": expected a Pulumi project name/],
  ])('rejects %s with an error naming the key', async (_label, overrides, message) => {
    expect(await configError(overrides)).toMatch(message);
  });
});
