import { physicalName } from '@bulwark/core';
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { type BaselineConfig } from './config';
import { type DeploymentTarget } from './deployment-target';

/** What a user without MFA may still do: see the password policy, set up their own MFA device, change password. */
export const MFA_SELF_SERVICE_ACTIONS = [
  'iam:ChangePassword',
  'iam:CreateVirtualMFADevice',
  'iam:EnableMFADevice',
  'iam:GetAccountPasswordPolicy',
  'iam:GetUser',
  'iam:ListMFADevices',
  'iam:ListVirtualMFADevices',
  'iam:ResyncMFADevice',
  'sts:GetSessionToken',
] as const;

/** One statement of the MFA policy; core's statement type has no `NotAction`, which this policy is built on. */
export interface MfaPolicyStatement {
  readonly Sid: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Action?: readonly string[];
  readonly NotAction?: readonly string[];
  readonly Resource: string | readonly string[];
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** The MFA policy document. */
export interface MfaPolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly MfaPolicyStatement[];
}

// IAM policy variable, resolved per request to the caller's user name: kept out of template literals on purpose.
const CALLER_USER_NAME = '${aws:username}';

/**
 * The MFA policy document, after AWS's "IAM: Allows IAM users to self-manage an MFA device" example
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_iam_mfa-selfmanage.html): users may
 * create a virtual MFA device under any name (`mfa/*`: the console lets them name it, so a policy that expected
 * `mfa/<user name>` would deny enrolment and lock them out), and manage their own password and MFA device on their
 * own user ARN only. Everything outside that self-service is denied while the request carries no MFA.
 * `BoolIfExists` also catches long-term access keys, whose requests carry no `aws:MultiFactorAuthPresent` key at all.
 */
export function mfaEnforcementDocument(partition: string, accountId: string): MfaPolicyDocument {
  const iamArn = `arn:${partition}:iam::${accountId}`;
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AllowViewAccountPasswordPolicyAndDevices',
        Effect: 'Allow',
        Action: ['iam:GetAccountPasswordPolicy', 'iam:ListVirtualMFADevices'],
        Resource: '*',
      },
      {
        Sid: 'AllowCreateVirtualMfaDevice',
        Effect: 'Allow',
        Action: ['iam:CreateVirtualMFADevice'],
        Resource: `${iamArn}:mfa/*`,
      },
      {
        Sid: 'AllowManageOwnPasswordAndMfa',
        Effect: 'Allow',
        Action: ['iam:ChangePassword', 'iam:GetUser', 'iam:EnableMFADevice', 'iam:GetMFADevice', 'iam:ListMFADevices', 'iam:ResyncMFADevice'],
        Resource: `${iamArn}:user/${CALLER_USER_NAME}`,
      },
      {
        Sid: 'DenyAllExceptMfaSelfServiceWithoutMfa',
        Effect: 'Deny',
        NotAction: [...MFA_SELF_SERVICE_ACTIONS],
        Resource: '*',
        Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
      },
    ],
  };
}

/** The human users' group, the MFA policy and its attachment. */
export interface MfaEnforcement {
  readonly group: aws.iam.Group;
  readonly policy: aws.iam.Policy;
  readonly attachment: aws.iam.GroupPolicyAttachment;
}

/**
 * The group every human IAM user joins, with a managed policy that denies everything but MFA self-service
 * until the user signs in with MFA. Users are added to the group elsewhere (identity is not this stack's job).
 */
export function createMfaEnforcement(config: BaselineConfig, target: DeploymentTarget, provider: aws.Provider): MfaEnforcement {
  const opts = { provider };
  const group = new aws.iam.Group('human-users', { name: config.settings.humanUsersGroupName, path: '/' }, opts);
  const policy = new aws.iam.Policy(
    'require-mfa',
    {
      name: physicalName(config, 'iam-policy', 'require-mfa'),
      description: 'Denies everything but MFA self-service to requests made without MFA',
      policy: pulumi.jsonStringify(pulumi.all([target.partition, target.accountId]).apply(([name, account]) => mfaEnforcementDocument(name, account))),
    },
    opts,
  );
  const attachment = new aws.iam.GroupPolicyAttachment('human-users-require-mfa', { group: group.name, policyArn: policy.arn }, opts);
  return { group, policy, attachment };
}
