/**
 * `aws.ec2.getAmi` and `getAmiIds` offline: which image a filter finds depends on what the owner has published
 * today, which cannot be known offline. The answer is a placeholder image, derived from the region and the query
 * so every run gets the same id, and labelled as a placeholder in its name and description: enough for a program
 * to launch an instance from it and for policies to judge the instance, never a real image.
 */
import { partitionOf } from '@bulwark/aws-model';
import { stableHex } from './stable-ids';
import { requestedRegion, type AwsEnvironment } from './aws-environment';

type Json = Record<string, unknown>;

/** What a query asks for, in a stable order: the seed of its placeholder and the words of its label. */
function querySummary(args: Json): string {
  const filters = Array.isArray(args['filters']) ? (args['filters'] as Json[]) : [];
  const parts = [
    ...filters.map((filter) => `${String(filter['name'])}=${JSON.stringify(filter['values'])}`),
    ...(Array.isArray(args['owners']) ? [`owners=${JSON.stringify(args['owners'])}`] : []),
    ...(typeof args['nameRegex'] === 'string' ? [`nameRegex=${args['nameRegex']}`] : []),
  ];
  return parts.join(' ') || 'any image';
}

/** The placeholder image id a query gets in a region. */
export function placeholderAmiId(args: Json, region: string): string {
  return `ami-${stableHex(`ami:${region}:${querySummary(args)}`, 17)}`;
}

/** `aws:ec2/getAmi:getAmi`. */
export function getAmi(args: Json, environment: AwsEnvironment): Json {
  const region = requestedRegion(args, environment);
  const id = placeholderAmiId(args, region);
  const owners = Array.isArray(args['owners']) ? (args['owners'] as unknown[]).map(String) : [];
  const ownerId = owners.find((owner) => /^\d{12}$/.test(owner)) ?? '137112412989';
  const architecture = JSON.stringify(args['filters'] ?? '').includes('arm64') ? 'arm64' : 'x86_64';
  return {
    id,
    imageId: id,
    arn: `arn:${partitionOf(region)}:ec2:${region}::image/${id}`,
    name: `bulwark-offline-placeholder-${id}`,
    description: `offline placeholder for the image aws.ec2.getAmi would find (${querySummary(args)}); give the real one with --invoke-fixtures`,
    architecture,
    blockDeviceMappings: [{ deviceName: '/dev/xvda', ebs: { encrypted: 'false', volume_size: '8', volume_type: 'gp3' }, noDevice: '', virtualName: '' }],
    bootMode: 'uefi-preferred',
    creationDate: '2000-01-01T00:00:00.000Z',
    deprecationTime: '',
    enaSupport: true,
    filters: args['filters'] ?? [],
    hypervisor: 'xen',
    imageLocation: `${ownerId}/bulwark-offline-placeholder`,
    imageOwnerAlias: owners.includes('amazon') || ownerId === '137112412989' ? 'amazon' : '',
    imageType: 'machine',
    imdsSupport: 'v2.0',
    mostRecent: args['mostRecent'] ?? false,
    ownerId,
    owners,
    platformDetails: 'Linux/UNIX',
    public: true,
    region,
    rootDeviceName: '/dev/xvda',
    rootDeviceType: 'ebs',
    rootSnapshotId: `snap-${stableHex(`snap:${id}`, 17)}`,
    sriovNetSupport: 'simple',
    state: 'available',
    tags: {},
    usageOperation: 'RunInstances',
    virtualizationType: 'hvm',
  };
}

/** `aws:ec2/getAmiIds:getAmiIds`: the one placeholder image the same query would find. */
export function getAmiIds(args: Json, environment: AwsEnvironment): Json {
  const region = requestedRegion(args, environment);
  return { id: region, ids: [placeholderAmiId(args, region)], filters: args['filters'] ?? [], owners: args['owners'] ?? [], region };
}
