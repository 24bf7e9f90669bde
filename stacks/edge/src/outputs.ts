/** The edge stack's outputs: plain values, as a StackReference returns them. */
export interface EdgeOutputs {
  /** The distribution's id, ARN and CloudFront domain name (point the aliases' DNS records at it). */
  readonly distributionId: string;
  readonly distributionArn: string;
  readonly distributionDomainName: string;
  /** The DNS names the distribution answers for (`edge:aliases`). */
  readonly aliases: string[];
  /** The web ACL (CLOUDFRONT scope, us-east-1) protecting the distribution. */
  readonly webAclArn: string;
  /** The private bucket holding the site; upload the site here. */
  readonly siteBucketName: string;
  /** The log groups (us-east-1) receiving WAF logs and CloudFront access logs. */
  readonly wafLogGroupName: string;
  readonly accessLogGroupName: string;
}
