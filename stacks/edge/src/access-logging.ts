import * as aws from '@pulumi/aws';
import type * as pulumi from '@pulumi/pulumi';
import { physicalName } from '@bulwark/core';
import { type EdgeStackConfig } from './config';

/** The resources that deliver a distribution's access logs to a log group (CloudFront standard logging v2). */
export interface AccessLogging {
  readonly source: aws.cloudwatch.LogDeliverySource;
  readonly destination: aws.cloudwatch.LogDeliveryDestination;
  readonly delivery: aws.cloudwatch.LogDelivery;
}

/**
 * Sends the distribution's access logs to a CloudWatch log group. Standard logging v2 is used because legacy
 * CloudFront logging writes through S3 ACLs, which every Bulwark bucket disables. Created through the us-east-1
 * provider, where CloudFront's delivery sources live.
 */
export function createAccessLogging(
  config: EdgeStackConfig,
  distributionArn: pulumi.Input<string>,
  logGroupArn: pulumi.Input<string>,
  opts: pulumi.CustomResourceOptions,
): AccessLogging {
  const source = new aws.cloudwatch.LogDeliverySource(
    'cloudfront-access',
    { name: physicalName(config, 'log-delivery-source', 'cloudfront-access'), logType: 'ACCESS_LOGS', resourceArn: distributionArn },
    opts,
  );
  const destination = new aws.cloudwatch.LogDeliveryDestination(
    'cloudfront-access',
    { name: physicalName(config, 'log-delivery-destination', 'cloudfront-access'), outputFormat: 'json', deliveryDestinationConfiguration: { destinationResourceArn: logGroupArn } },
    opts,
  );
  const delivery = new aws.cloudwatch.LogDelivery(
    'cloudfront-access',
    { deliverySourceName: source.name, deliveryDestinationArn: destination.arn },
    opts,
  );
  return { source, destination, delivery };
}
