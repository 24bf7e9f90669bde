import { runNetwork } from '../testing/stack-run';

/** Runs the dev stack with one key changed and returns the error message it fails with. */
async function failureWith(overrides: Record<string, unknown>): Promise<string> {
  try {
    await runNetwork('dev', 'preview', overrides);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`the program accepted ${JSON.stringify(overrides)}`);
}

describe('network stack config errors name the key, the value and the expected form', () => {
  it.each([
    ['a public VPC range', { 'network:vpcCidr': '8.8.0.0/16' }, 'network:vpcCidr = "8.8.0.0/16": expected an IPv4 network in CIDR form from /16 to /24'],
    ['a VPC CIDR with host bits', { 'network:vpcCidr': '10.0.0.1/16' }, 'network:vpcCidr = "10.0.0.1/16": expected an IPv4 network'],
    ['a VPC too large', { 'network:vpcCidr': '10.0.0.0/8' }, 'network:vpcCidr = "10.0.0.0/8": expected'],
    ['no availability zones key', { 'network:availabilityZones': undefined }, 'network:availabilityZones = (not set): expected'],
    ['an empty zone list', { 'network:availabilityZones': [] }, 'network:availabilityZones = []: expected a list of 1 to 6 availability zone names'],
    ['a zone of another region', { 'network:availabilityZones': ['eu-west-1a', 'us-east-1a'] }, 'network:availabilityZones[1] = "us-east-1a": expected an availability zone of aws:region "eu-west-1"'],
    ['a zone listed twice', { 'network:availabilityZones': ['eu-west-1a', 'eu-west-1a'] }, 'network:availabilityZones[1] = "eu-west-1a": expected each zone listed once'],
    ['a malformed zone', { 'network:availabilityZones': ['eu-west-1'] }, 'network:availabilityZones[0] = "eu-west-1": expected an availability zone name'],
    ['zones not a list', { 'network:availabilityZones': 'eu-west-1a' }, 'network:availabilityZones = "eu-west-1a": expected a list of 1 to 6'],
    ['subnets that do not fit', { 'network:vpcCidr': '10.0.0.0/24', 'network:subnetPrefixLength': '25' }, 'network:subnetPrefixLength = 25: expected a prefix length that fits 4 subnets'],
    ['a subnet prefix out of range', { 'network:subnetPrefixLength': '30' }, 'network:subnetPrefixLength = 30: expected a whole number from 17 to 28'],
    ['a subnet prefix that is not a number', { 'network:subnetPrefixLength': 'big' }, 'network:subnetPrefixLength = "big": expected a whole number from 17 to 28'],
    ['an unknown NAT mode', { 'network:natGateways': 'two' }, 'network:natGateways = "two": expected one of none, single, perAz'],
    ['NAT without an internet gateway', { 'network:internetGateway': 'false' }, 'network:natGateways = "single": expected "none" while network:internetGateway is false'],
    ['a non-boolean internet gateway', { 'network:internetGateway': 'yes' }, 'network:internetGateway = "yes": expected `true` or `false`'],
    ['SSH as an app port', { 'network:appPorts': [443, 22] }, 'network:appPorts[1] = 22: expected a TCP port other than 22 and 3389'],
    ['an app port out of range', { 'network:appPorts': [70000] }, 'network:appPorts[0] = 70000: expected a YAML list of 1 to 10 TCP ports'],
    ['an SSH network instead of a host', { 'network:sshAllowedCidrs': ['203.0.113.0/24'] }, 'network:sshAllowedCidrs[0] = "203.0.113.0/24": expected a single host'],
    ['the whole internet for SSH', { 'network:sshAllowedCidrs': ['0.0.0.0/0'] }, 'network:sshAllowedCidrs[0] = "0.0.0.0/0": expected a single host'],
    [
      'more SSH hosts than the NACL holds',
      { 'network:sshAllowedCidrs': Array.from({ length: 11 }, (_, index) => `203.0.113.${index + 1}/32`) },
      'network:sshAllowedCidrs = ["203.0.113.1/32"',
    ],
    ['a shared key it does not know', { 'bulwark:logRetention': '90' }, 'bulwark:logRetention = (value not shown): expected no such key'],
    ['a network key it does not know', { 'network:vpcCIDR': '10.0.0.0/16' }, 'network:vpcCIDR = (value not shown): expected no such key; the network namespace holds vpcCidr'],
    ['a retention under 90 days', { 'bulwark:logRetentionDays': '30' }, 'bulwark:logRetentionDays = 30: expected a whole number of days CloudWatch Logs accepts, at least 90'],
  ])('%s', async (_label, overrides, message) => {
    const failure = await failureWith(overrides);
    expect(failure).toContain('Invalid stack config');
    expect(failure).toContain(message);
  });

  it('lists every bad key at once', async () => {
    const failure = await failureWith({ 'network:vpcCidr': 'nope', 'network:natGateways': 'many' });
    expect(failure).toContain('(2 values)');
    expect(failure).toContain('network:vpcCidr = "nope"');
    expect(failure).toContain('network:natGateways = "many"');
  });
});
