/**
 * Every EBS volume a program declares is encrypted with a customer managed KMS key: `encrypted` true and
 * `kmsKeyId` a customer managed key, on an instance's root and EBS block devices, a launch template's EBS mappings
 * and standalone `ebs.Volume`s. Without a key of our own, data at rest is readable by anyone with the AWS managed
 * key's grants and cannot be revoked or audited per workload. An instance without `rootBlockDevice` takes the AMI's
 * settings, so it violates too; a launch template's undeclared root is left to `ec2-ebs-default-encryption`.
 *
 * A stack rule so that an unknown `kmsKeyId` can be traced to the resource it is computed from (see
 * `lib/customer-managed-key.ts`); each resource is still judged, and reported, on its own.
 */
import type { PolicyResource } from '@pulumi/policy';
import { blockValue, boolValue, describeValue, listValue, rawProps, recordValue, resourcesOfType, stackRule, UNDECIDED } from '@bulwark/policy-kit';
import { CUSTOMER_MANAGED_KEY_DECISION, CUSTOMER_MANAGED_KEY_REFERENCES, describeKeyProblem, keyReferenceVerdict } from '../../lib/customer-managed-key';

const INSTANCE = 'aws:ec2/instance:Instance';
const LAUNCH_TEMPLATE = 'aws:ec2/launchTemplate:LaunchTemplate';
const VOLUME = 'aws:ebs/volume:Volume';

/** An EBS device description, the property path that leads to it (`rootBlockDevice.`, or empty) and its top-level property. */
interface Device {
  readonly path: string;
  readonly property: string;
  readonly settings: Record<string, unknown>;
}

/** The devices of a resource, the problems decidable without them, and the unknown parts hiding devices. */
interface DeviceScan {
  readonly devices: Device[];
  readonly problems: string[];
  readonly undecided: string[];
}

function scanDevices(type: string, props: Record<string, unknown>): DeviceScan {
  const scan: DeviceScan = { devices: [], problems: [], undecided: [] };
  if (type === VOLUME) {
    scan.devices.push({ path: '', property: 'kmsKeyId', settings: props });
    return scan;
  }
  if (type === INSTANCE) {
    const root = blockValue(props['rootBlockDevice']);
    if (root === undefined) {
      scan.problems.push(
        'rootBlockDevice is not set, so the root volume takes the AMI\'s encryption settings. Set ' +
          'rootBlockDevice: { encrypted: true, kmsKeyId: <customer managed key ARN> }',
      );
    } else if (root === UNDECIDED) scan.undecided.push('rootBlockDevice');
    else scan.devices.push({ path: 'rootBlockDevice.', property: 'rootBlockDevice', settings: root });
    const ebs = listValue(props['ebsBlockDevices']);
    if (ebs === UNDECIDED) scan.undecided.push('ebsBlockDevices');
    else {
      ebs.forEach((entry, index) => {
        const settings = recordValue(entry);
        if (settings === UNDECIDED) scan.undecided.push(`ebsBlockDevices[${index}]`);
        else if (settings) scan.devices.push({ path: `ebsBlockDevices[${index}].`, property: 'ebsBlockDevices', settings });
      });
    }
    return scan;
  }
  if (type === LAUNCH_TEMPLATE) {
    const mappings = listValue(props['blockDeviceMappings']);
    if (mappings === UNDECIDED) {
      scan.undecided.push('blockDeviceMappings');
      return scan;
    }
    mappings.forEach((mapping, index) => {
      const record = recordValue(mapping);
      if (record === UNDECIDED) scan.undecided.push(`blockDeviceMappings[${index}]`);
      if (!record || record === UNDECIDED) return;
      // mappings without `ebs` describe instance-store or suppressed devices, which have no EBS encryption
      const ebs = blockValue(record['ebs']);
      if (ebs === UNDECIDED) scan.undecided.push(`blockDeviceMappings[${index}].ebs`);
      else if (ebs) scan.devices.push({ path: `blockDeviceMappings[${index}].ebs.`, property: 'blockDeviceMappings', settings: ebs });
    });
  }
  return scan;
}

/** Judges one device: its problems (known values only) and its unknown settings that could hide one. */
function judgeDevice(resource: PolicyResource, device: Device, scan: DeviceScan): void {
  const problems: string[] = [];
  const encrypted = boolValue(device.settings['encrypted']);
  if (encrypted === UNDECIDED) scan.undecided.push(`${device.path}encrypted`);
  else if (encrypted !== true) problems.push(`${device.path}encrypted is ${describeValue(device.settings['encrypted'])} (set it to true)`);
  const keyPath = `${device.path}kmsKeyId`;
  const key = keyReferenceVerdict(resource, device.property, device.settings['kmsKeyId']);
  if (key === 'undecided') scan.undecided.push(keyPath);
  else if (key !== 'customer-managed') {
    problems.push(`${keyPath} ${describeKeyProblem(device.settings['kmsKeyId'], key)} (set it to a customer managed KMS key ARN)`);
  }
  if (problems.length > 0) scan.problems.push(problems.join('; '));
}

export const ec2EbsEncryptionKms = stackRule({
  metadata: {
    id: 'ec2-ebs-encryption-kms',
    title: 'EBS volumes are encrypted with a customer managed KMS key',
    description:
      'Instance root and EBS block devices, launch template EBS mappings and EBS volumes must set `encrypted` ' +
      'true and a `kmsKeyId` naming a customer managed key. Encrypting with a customer managed key keeps data at rest ' +
      'unreadable without a key whose policy, rotation and use the account controls and audits.',
    decisions: [
      CUSTOMER_MANAGED_KEY_DECISION,
      'An instance without `rootBlockDevice` takes the AMI\'s settings and violates; a launch template\'s mappings ' +
        'without `ebs` (instance store) are out of scope, and its undeclared root is left to ec2-ebs-default-encryption.',
      'Unknown values (first preview): an unknown device block or list, `encrypted`, or key reference not computed from a ' +
        'KMS key is reported undecided with its path; a decided problem on the resource is its only verdict.',
    ],
    severity: 'high',
    enforcementLevel: 'mandatory',
    service: 'ec2',
    controls: { fsbp: ['EC2.3'] },
    resourceTypes: [INSTANCE, LAUNCH_TEMPLATE, VOLUME],
    remediation:
      'Create (or reuse) a customer managed `aws.kms.Key` with rotation on, and set `encrypted: true` and ' +
      '`kmsKeyId: key.arn` on `rootBlockDevice` and every `ebsBlockDevices` entry of an instance, on every ' +
      '`blockDeviceMappings[].ebs` of a launch template (as the string "true" or a boolean), and on `ebs.Volume`s.',
    references: [...CUSTOMER_MANAGED_KEY_REFERENCES, 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html'],
  },
  check: ({ args, report, undecided }) => {
    for (const resource of resourcesOfType(args.resources, [INSTANCE, LAUNCH_TEMPLATE, VOLUME])) {
      const scan = scanDevices(resource.type, rawProps(resource.props));
      for (const device of scan.devices) judgeDevice(resource, device, scan);
      for (const problem of scan.problems) report(`${problem}.`, resource.urn);
      // A decided problem is the resource's verdict; otherwise every unknown that could hide one is named.
      if (scan.problems.length > 0) continue;
      for (const part of new Set(scan.undecided)) undecided(part, 'its value decides whether the volume is encrypted with a customer managed key', resource.urn);
    }
  },
});
