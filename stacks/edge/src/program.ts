import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { centralAccessLogs, createAwsProvider, referenceStack } from '@bulwark/core';
import type { BaselineOutputs } from '@bulwark/stack-baseline/outputs';
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
 * WAFv2 web ACL and logging to encrypted log groups in us-east-1. The site bucket's S3 server access logs go to the
 * baseline stack's central access-logs bucket; its origin key and log destinations are its own, because the key's
 * policy must trust CloudFront and CloudFront log delivery needs policies of its own.
 */
export async function program(): Promise<EdgeStackOutputs> {
  const config = loadEdgeConfig();
  const primary: pulumi.CustomResourceOptions = { provider: createAwsProvider(config) };
  // Same default tags, other region: WAF for CloudFront, its logs and CloudFront's log delivery live in us-east-1.
  const cloudFrontRegion: pulumi.CustomResourceOptions = { provider: createAwsProvider(config, { region: CLOUDFRONT_REGION }) };

  // The baseline of this environment (`edge:organization`, `edge:baselineProject`) receives the site bucket's server
  // access logs, which S3 delivers only within one account and region: the site bucket is in the primary region,
  // so that must be the baseline's, in the baseline's account. Checked before anything is created.
  const baseline = referenceStack<BaselineOutputs>('baseline', {
    organization: config.settings.organization,
    project: config.settings.baselineProject,
    environment: config.environment,
  });
  const accessLogs = await centralAccessLogs(baseline, { config, opts: primary });

  const logs = createEdgeLogs(config, cloudFrontRegion);
  const webAcl = createWebAcl(config, cloudFrontRegion);
  const wafLogging = new aws.wafv2.WebAclLoggingConfiguration(
    'edge',
    { resourceArn: webAcl.arn, logDestinationConfigs: [logs.wafLogGroup.arn] },
    { ...cloudFrontRegion, dependsOn: [logs.deliveryPolicy] },
  );

  // The bucket policy names the distribution, which needs the bucket first: the ARN is filled in once it exists.
  const [distributionArn, resolveDistributionArn] = pulumi.deferredOutput<string>();
  const origin = createSiteOrigin(config, distributionArn, accessLogs, primary);
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
