import { parseArn } from '../arn';
import { SERVICE_LINKED_ROLE_NAMES, serviceLinkedRoleArn, serviceLinkedRoleName, serviceLinkedRolePath } from './service-linked-roles';

describe('service-linked roles', () => {
  it('name the role as the service documents it, not after the resource', () => {
    expect(serviceLinkedRoleName('autoscaling.amazonaws.com')).toBe('AWSServiceRoleForAutoScaling');
    expect(serviceLinkedRoleName('config.amazonaws.com')).toBe('AWSServiceRoleForConfig');
    expect(serviceLinkedRoleName('guardduty.amazonaws.com')).toBe('AWSServiceRoleForAmazonGuardDuty');
    expect(serviceLinkedRoleName('dynamodb.application-autoscaling.amazonaws.com')).toBe('AWSServiceRoleForApplicationAutoScaling_DynamoDBTable');
  });

  it('append a custom suffix after an underscore', () => {
    expect(serviceLinkedRoleName('autoscaling.amazonaws.com', 'mysuffix')).toBe('AWSServiceRoleForAutoScaling_mysuffix');
    expect(serviceLinkedRoleName('autoscaling.amazonaws.com', '')).toBe('AWSServiceRoleForAutoScaling');
  });

  it('follow the AWSServiceRoleFor convention for a service the table does not list', () => {
    expect(serviceLinkedRoleName('backup.amazonaws.com')).toBe('AWSServiceRoleForBackup');
    expect(serviceLinkedRoleName('compute-optimizer.amazonaws.com')).toBe('AWSServiceRoleForComputeOptimizer');
  });

  it('live under /aws-service-role/<service>/, which the ARN carries with no region', () => {
    expect(serviceLinkedRolePath('autoscaling.amazonaws.com')).toBe('/aws-service-role/autoscaling.amazonaws.com/');
    const arn = serviceLinkedRoleArn('aws', '111122223333', 'autoscaling.amazonaws.com');
    expect(arn).toBe('arn:aws:iam::111122223333:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling');
    expect(parseArn(serviceLinkedRoleArn('aws-cn', '111122223333', 'config.amazonaws.com', 'audit'))).toEqual({
      partition: 'aws-cn',
      service: 'iam',
      region: '',
      account: '111122223333',
      resource: 'role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig_audit',
    });
  });

  it('list only names AWS accepts for a role (letters, digits and +=,.@_-, at most 64)', () => {
    for (const [service, name] of Object.entries(SERVICE_LINKED_ROLE_NAMES)) {
      expect(service).toMatch(/^[a-z0-9.-]+\.amazonaws\.com$/);
      expect(name).toMatch(/^AWSServiceRoleFor[\w+=,.@-]{1,47}$/);
    }
  });
});
