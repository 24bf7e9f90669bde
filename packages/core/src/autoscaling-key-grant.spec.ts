import { runProgram } from '@bulwark/offline';
import { AUTO_SCALING_KEY_GRANT_OPERATIONS, autoScalingKeyGrant } from './autoscaling-key-grant';
import { componentTestConfig, onlyResourceOfType } from '../testing';

const KEY_ARN = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const ROLE_ARN = 'arn:aws:iam::123456789012:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling';

describe('autoScalingKeyGrant', () => {
  it("lets Auto Scaling's service-linked role use the key and create grants on it for EC2", async () => {
    const result = await runProgram(
      () => {
        autoScalingKeyGrant('ebs-autoscaling', { keyArn: KEY_ARN, serviceLinkedRoleArn: ROLE_ARN }, {});
      },
      { mode: 'preview', config: componentTestConfig },
    );
    expect(onlyResourceOfType(result, 'aws:kms/grant:Grant').inputs).toMatchObject({
      keyId: KEY_ARN,
      granteePrincipal: ROLE_ARN,
      operations: [...AUTO_SCALING_KEY_GRANT_OPERATIONS],
    });
    expect(AUTO_SCALING_KEY_GRANT_OPERATIONS).toEqual(expect.arrayContaining(['Encrypt', 'Decrypt', 'GenerateDataKeyWithoutPlaintext', 'CreateGrant']));
  });
});
