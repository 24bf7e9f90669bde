import { type RuleDefinition } from '@bulwark/policy-kit';
import { cloudfrontWebAclArn } from './cloudfront-web-acl-arn';
import { cloudfrontCertificateUsEast1 } from './cloudfront-certificate-us-east-1';

/** The CloudFront region and scope rules. */
export const cloudfrontRules: readonly RuleDefinition[] = [cloudfrontWebAclArn, cloudfrontCertificateUsEast1];
