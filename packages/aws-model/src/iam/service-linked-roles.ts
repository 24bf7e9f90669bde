/**
 * IAM service-linked roles as AWS names them. The service, not the caller, chooses the role name
 * (`AWSServiceRoleForAutoScaling`); a `CustomSuffix`, where the service accepts one, is appended after `_`
 * (`AWSServiceRoleForAutoScaling_mysuffix`). The role lives under the path `/aws-service-role/<service principal>/`,
 * so its ARN is `arn:<partition>:iam::<account>:role/aws-service-role/<service principal>/<role name>`.
 * References: https://docs.aws.amazon.com/IAM/latest/UserGuide/using-service-linked-roles.html,
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateServiceLinkedRole.html, and the service page cited
 * for each name below.
 */

/**
 * The role name each service gives its service-linked role, by service principal (`AWSServiceName`), as the
 * service's own documentation names it.
 */
export const SERVICE_LINKED_ROLE_NAMES: Readonly<Record<string, string>> = {
  // https://docs.aws.amazon.com/autoscaling/ec2/userguide/autoscaling-service-linked-role.html
  'autoscaling.amazonaws.com': 'AWSServiceRoleForAutoScaling',
  // https://docs.aws.amazon.com/autoscaling/plans/userguide/aws-auto-scaling-service-linked-roles.html
  'autoscaling-plans.amazonaws.com': 'AWSServiceRoleForAutoScalingPlans_EC2AutoScaling',
  // https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-service-linked-roles.html
  'appstream.application-autoscaling.amazonaws.com': 'AWSServiceRoleForApplicationAutoScaling_AppStreamFleet',
  'dynamodb.application-autoscaling.amazonaws.com': 'AWSServiceRoleForApplicationAutoScaling_DynamoDBTable',
  'ec2.application-autoscaling.amazonaws.com': 'AWSServiceRoleForApplicationAutoScaling_EC2SpotFleetRequest',
  'ecs.application-autoscaling.amazonaws.com': 'AWSServiceRoleForApplicationAutoScaling_ECSService',
  'rds.application-autoscaling.amazonaws.com': 'AWSServiceRoleForApplicationAutoScaling_RDSCluster',
  // https://docs.aws.amazon.com/config/latest/developerguide/using-service-linked-roles.html
  'config.amazonaws.com': 'AWSServiceRoleForConfig',
  // https://docs.aws.amazon.com/guardduty/latest/ug/slr-permissions.html
  'guardduty.amazonaws.com': 'AWSServiceRoleForAmazonGuardDuty',
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-using-service-linked-roles.html
  'access-analyzer.amazonaws.com': 'AWSServiceRoleForAccessAnalyzer',
  // https://docs.aws.amazon.com/securityhub/latest/userguide/using-service-linked-roles.html
  'securityhub.amazonaws.com': 'AWSServiceRoleForSecurityHub',
  // https://docs.aws.amazon.com/organizations/latest/userguide/orgs_integrate_services.html
  'organizations.amazonaws.com': 'AWSServiceRoleForOrganizations',
  // https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/elb-service-linked-roles.html
  'elasticloadbalancing.amazonaws.com': 'AWSServiceRoleForElasticLoadBalancing',
  // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using-service-linked-roles.html
  'ecs.amazonaws.com': 'AWSServiceRoleForECS',
  // https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAM.ServiceLinkedRoles.html
  'rds.amazonaws.com': 'AWSServiceRoleForRDS',
  // https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/using-service-linked-roles.html
  'elasticache.amazonaws.com': 'AWSServiceRoleForElastiCache',
  // https://docs.aws.amazon.com/eks/latest/userguide/using-service-linked-roles.html
  'eks.amazonaws.com': 'AWSServiceRoleForAmazonEKS',
  'eks-nodegroup.amazonaws.com': 'AWSServiceRoleForAmazonEKSNodegroup',
  // https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/using-service-linked-roles.html
  'elasticbeanstalk.amazonaws.com': 'AWSServiceRoleForElasticBeanstalk',
  // https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/service-linked-roles-spot-instance-requests.html
  'spot.amazonaws.com': 'AWSServiceRoleForEC2Spot',
  // The service authorization reference's es_role resource (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonopensearchservice.html)
  'es.amazonaws.com': 'AWSServiceRoleForAmazonOpenSearchService',
  'opensearchservice.amazonaws.com': 'AWSServiceRoleForAmazonOpenSearchService',
};

/**
 * The role name AWS's convention gives a service the table above does not list: `AWSServiceRoleFor` and the
 * service principal's first label in PascalCase (`AWSServiceRoleForBackup` for `backup.amazonaws.com`). Most
 * services follow it; some spell their part otherwise, which is why the table holds the documented names.
 */
function conventionalRoleName(service: string): string {
  const label = service.split('.')[0] ?? service;
  return `AWSServiceRoleFor${label.split('-').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('')}`;
}

/** The name of the service-linked role of `service` (a service principal), with `customSuffix` appended after `_`. */
export function serviceLinkedRoleName(service: string, customSuffix?: string): string {
  const name = SERVICE_LINKED_ROLE_NAMES[service] ?? conventionalRoleName(service);
  return customSuffix ? `${name}_${customSuffix}` : name;
}

/** The IAM path of every service-linked role of `service`: `/aws-service-role/<service principal>/`. */
export function serviceLinkedRolePath(service: string): string {
  return `/aws-service-role/${service}/`;
}

/** The ARN of the service-linked role of `service` in `account` of `partition`. */
export function serviceLinkedRoleArn(partition: string, account: string, service: string, customSuffix?: string): string {
  return `arn:${partition}:iam::${account}:role${serviceLinkedRolePath(service)}${serviceLinkedRoleName(service, customSuffix)}`;
}
