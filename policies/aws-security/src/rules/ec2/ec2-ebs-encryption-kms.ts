/**
 * Every EBS volume a program declares is encrypted with a customer managed KMS key: `encrypted` true and
 * `kmsKeyId` set, on an instance's root and EBS block devices, a launch template's EBS mappings and standalone
 * `ebs.Volume`s. Without a key of our own, data at rest is readable by anyone with the AWS managed key's grants
 * and cannot be revoked or audited per workload. An instance without `rootBlockDevice` takes the AMI's settings,
 * so it violates too; a launch template's undeclared root is left to `ec2-ebs-default-encryption`.
 */
import { blockValue, boolValue, describeValue, isStringSet, listValue, rawProps, recordValue, resourceRule, UNDECIDED } from '@bulwark/policy-kit';

const INSTANCE = 'aws:ec2/instance:Instance';
const LAUNCH_TEMPLATE = 'aws:ec2/launchTemplate:LaunchTemplate';
const VOLUME = 'aws:ebs/volume:Volume';

/** An EBS device description and the property path that leads to it (`rootBlockDevice.`, or empty). */
interface Device {
  readonly path: string;
  readonly settings: Record<string, unknown>;
}

function devicesOf(type: string, props: Record<string, unknown>, report: (message: string) => void): Device[] {
  if (type === VOLUME) return [{ path: '', settings: props }];
  if (type === INSTANCE) {
    const devices: Device[] = [];
    const root = blockValue(props['rootBlockDevice']);
    if (root === undefined) {
      report(
        'rootBlockDevice is not set, so the root volume takes the AMI\'s encryption settings. Set ' +
          'rootBlockDevice: { encrypted: true, kmsKeyId: <customer managed key ARN> }.',
      );
    } else if (root !== UNDECIDED) {
      devices.push({ path: 'rootBlockDevice.', settings: root });
    }
    const ebs = listValue(props['ebsBlockDevices']);
    if (ebs !== UNDECIDED) {
      ebs.forEach((entry, index) => {
        const settings = recordValue(entry);
        if (settings && settings !== UNDECIDED) devices.push({ path: `ebsBlockDevices[${index}].`, settings });
      });
    }
    return devices;
  }
  if (type === LAUNCH_TEMPLATE) {
    const mappings = listValue(props['blockDeviceMappings']);
    if (mappings === UNDECIDED) return [];
    return mappings.flatMap((mapping, index) => {
      const record = recordValue(mapping);
      if (!record || record === UNDECIDED) return [];
      // mappings without `ebs` describe instance-store or suppressed devices, which have no EBS encryption
      const ebs = blockValue(record['ebs']);
      return ebs && ebs !== UNDECIDED ? [{ path: `blockDeviceMappings[${index}].ebs.`, settings: ebs }] : [];
    });
  }
  return [];
}

/** What is wrong with one device's encryption settings, judged only on known values. */
function deviceProblems(device: Device): string[] {
  const problems: string[] = [];
  const encrypted = boolValue(device.settings['encrypted']);
  if (encrypted !== true && encrypted !== UNDECIDED) {
    problems.push(`${device.path}encrypted is ${describeValue(device.settings['encrypted'])} (set it to true)`);
  }
  if (!isStringSet(device.settings['kmsKeyId'])) {
    problems.push(`${device.path}kmsKeyId is not set (set it to a customer managed KMS key ARN)`);
  }
  return problems;
}

export const ec2EbsEncryptionKms = resourceRule({
  metadata: {
    id: 'ec2-ebs-encryption-kms',
    title: 'EBS volumes are encrypted with a customer managed KMS key',
    description:
      'Instance root and EBS block devices, launch template EBS mappings and EBS volumes must set `encrypted` ' +
      'true and a `kmsKeyId`. Encrypting with a customer managed key keeps data at rest unreadable without a ' +
      'key whose policy, rotation and use the account controls and audits.',
    severity: 'high',
    enforcementLevel: 'mandatory',
    service: 'ec2',
    controls: { fsbp: ['EC2.3'] },
    resourceTypes: [INSTANCE, LAUNCH_TEMPLATE, VOLUME],
    remediation:
      'Create (or reuse) a customer managed `aws.kms.Key` with rotation on, and set `encrypted: true` and ' +
      '`kmsKeyId: key.arn` on `rootBlockDevice` and every `ebsBlockDevices` entry of an instance, on every ' +
      '`blockDeviceMappings[].ebs` of a launch template (as the string "true" or a boolean), and on `ebs.Volume`s.',
  },
  check: ({ args, report }) => {
    for (const device of devicesOf(args.type, rawProps(args.props), report)) {
      const problems = deviceProblems(device);
      if (problems.length > 0) report(`${problems.join('; ')}.`);
    }
  },
});
