import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { createAwsProvider } from '@bulwark/core';
import { createAccessLogging } from './access-logging';
import { CLOUDFRONT_REGION, loadEdgeConfig } from './config';
import { createDistribution } from './distribution';
import { createEdgeLogs } from './edge-logs';
import { type EdgeOutputs } from './outputs';
import { createSiteOrigin } from './site-origin';
import { createWebAcl } from './web-acl';

/** The stack outputs as the program returns them: each contract value, possibly still an output. */
export type EdgeStackOutputs = { readonly [K in keyof EdgeOutputs]: pulumi.Input<EdgeOutputs[K]> };

/**
 * The edge stack: a CloudFront distribution in front of a private site bucket (primary region), protected by a
 * WAFv2 web ACL and logging to encrypted log groups in us-east-1. It reads no other stack: its buckets, keys and
 * log destinations are its own, because the origin key's policy must trust CloudFront and log delivery needs
 * policies the data stack's shared resources do not (and should not) carry.
 */
export function program(): EdgeStackOutputs {
  const config = loadEdgeConfig();
  const primary: pulumi.CustomResourceOptions = { provider: createAwsProvider(config) };
  // Same default tags, other region: WAF for CloudFront, its logs and CloudFront's log delivery live in us-east-1.
  const cloudFrontRegion: pulumi.CustomResourceOptions = { provider: createAwsProvider(config, { region: CLOUDFRONT_REGION }) };

  const logs = createEdgeLogs(config, cloudFrontRegion);
  const webAcl = createWebAcl(config, cloudFrontRegion);
  const wafLogging = new aws.wafv2.WebAclLoggingConfiguration(
    'edge',
    { resourceArn: webAcl.arn, logDestinationConfigs: [logs.wafLogGroup.arn] },
    { ...cloudFrontRegion, dependsOn: [logs.deliveryPolicy] },
  );

  // The bucket policy names the distribution, which needs the bucket first: the ARN is filled in once it exists.
  const [distributionArn, resolveDistributionArn] = pulumi.deferredOutput<string>();
  const origin = createSiteOrigin(config, distributionArn, primary);
  const site = createDistribution(
    { config, originDomainName: origin.siteBucket.bucket.bucketRegionalDomainName, webAclArn: webAcl.arn },
    { ...primary, dependsOn: [wafLogging] },
  );
  resolveDistributionArn(site.distribution.arn);
  createAccessLogging(config, site.distribution.arn, logs.accessLogGroup.arn, { ...cloudFrontRegion, dependsOn: [logs.deliveryPolicy] });

  return {
    distributionId: site.distribution.id,
    distributionArn: site.distribution.arn,
    distributionDomainName: site.distribution.domainName,
    aliases: [...config.settings.aliases],
    webAclArn: webAcl.arn,
    siteBucketName: origin.siteBucket.bucketName,
    wafLogGroupName: logs.wafLogGroup.logGroupName,
    accessLogGroupName: logs.accessLogGroup.logGroupName,
  };
}
