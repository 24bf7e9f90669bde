import * as aws from '@pulumi/aws';
import type * as pulumi from '@pulumi/pulumi';
import { physicalName } from '@bulwark/core';
import { type EdgeStackConfig } from './config';

/** AWS's managed "CachingOptimized" cache policy: the same id in every account. */
export const CACHING_OPTIMIZED_POLICY_ID = '658327ea-f89d-4fab-a63d-7e88639e58f6';

/** What the distribution is built from. */
export interface DistributionArgs {
  readonly config: EdgeStackConfig;
  /** The site bucket's regional domain name (an S3 REST endpoint, as origin access control requires). */
  readonly originDomainName: pulumi.Input<string>;
  readonly webAclArn: pulumi.Input<string>;
}

/** The distribution and the pieces it uses. */
export interface SiteDistribution {
  readonly distribution: aws.cloudfront.Distribution;
  readonly originAccessControl: aws.cloudfront.OriginAccessControl;
  readonly securityHeaders: aws.cloudfront.ResponseHeadersPolicy;
}

/**
 * The CloudFront distribution of the site: HTTPS only (HTTP redirects), TLSv1.2_2021 at least with the
 * configured certificate, the S3 origin reached only through origin access control (SigV4 on every request),
 * security headers on every response, and the web ACL attached.
 */
export function createDistribution(args: DistributionArgs, opts: pulumi.CustomResourceOptions): SiteDistribution {
  const { config } = args;
  const { settings } = config;
  const originAccessControl = new aws.cloudfront.OriginAccessControl(
    'site',
    {
      name: physicalName(config, 'cloudfront-origin-access-control', 'site'),
      description: 'signs every origin request to the site bucket',
      originAccessControlOriginType: 's3',
      signingBehavior: 'always',
      signingProtocol: 'sigv4',
    },
    opts,
  );
  const securityHeaders = new aws.cloudfront.ResponseHeadersPolicy(
    'security-headers',
    {
      name: physicalName(config, 'cloudfront-response-headers-policy', 'security-headers'),
      comment: 'HSTS, no sniffing, no framing, strict referrer, same-origin content',
      securityHeadersConfig: {
        strictTransportSecurity: { accessControlMaxAgeSec: 63072000, includeSubdomains: true, preload: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: 'DENY', override: true },
        referrerPolicy: { referrerPolicy: 'strict-origin-when-cross-origin', override: true },
        xssProtection: { protection: true, modeBlock: true, override: true },
        contentSecurityPolicy: { contentSecurityPolicy: "default-src 'self'; frame-ancestors 'none'; object-src 'none'", override: true },
      },
    },
    opts,
  );
  const originId = 'site-bucket';
  const distribution = new aws.cloudfront.Distribution(
    'site',
    {
      comment: `${config.project} ${config.environment} static site`,
      enabled: true,
      isIpv6Enabled: true,
      httpVersion: 'http2and3',
      priceClass: settings.priceClass,
      aliases: settings.aliases,
      defaultRootObject: settings.defaultRootObject,
      origins: [{ originId, domainName: args.originDomainName, originAccessControlId: originAccessControl.id }],
      defaultCacheBehavior: {
        targetOriginId: originId,
        viewerProtocolPolicy: 'redirect-to-https',
        allowedMethods: ['GET', 'HEAD'],
        cachedMethods: ['GET', 'HEAD'],
        compress: true,
        cachePolicyId: CACHING_OPTIMIZED_POLICY_ID,
        responseHeadersPolicyId: securityHeaders.id,
      },
      restrictions: { geoRestriction: { restrictionType: 'none' } },
      viewerCertificate: { acmCertificateArn: settings.certificateArn, sslSupportMethod: 'sni-only', minimumProtocolVersion: 'TLSv1.2_2021' },
      webAclId: args.webAclArn,
    },
    opts,
  );
  return { distribution, originAccessControl, securityHeaders };
}
