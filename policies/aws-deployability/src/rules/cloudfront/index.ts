import { type RuleDefinition } from '@bulwark/policy-kit';
import { cloudfrontLogBucketAcl } from './cloudfront-log-bucket-acl';
import { cloudfrontWebAclArn } from './cloudfront-web-acl-arn';
import { cloudfrontCertificateUsEast1 } from './cloudfront-certificate-us-east-1';

/** The CloudFront delivery, region and scope rules. */
export const cloudfrontRules: readonly RuleDefinition[] = [cloudfrontLogBucketAcl, cloudfrontWebAclArn, cloudfrontCertificateUsEast1];
