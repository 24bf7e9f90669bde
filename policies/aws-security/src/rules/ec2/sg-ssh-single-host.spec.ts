import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { sgSshSingleHost } from './sg-ssh-single-host';

const SECURITY_GROUP = 'aws:ec2/securityGroup:SecurityGroup';
const SECURITY_GROUP_RULE = 'aws:ec2/securityGroupRule:SecurityGroupRule';
const INGRESS_RULE = 'aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule';

async function expectViolations(record: ReturnType<typeof resource>, fragments: string[]) {
  const findings = await evaluate(sgSshSingleHost, [record]);
  expect(findings).toHaveLength(fragments.length);
  fragments.forEach((fragment, index) => {
    expect(findings[index]).toMatchObject({ policy: 'sg-ssh-single-host', enforcement: 'mandatory', urn: record.urn });
    expect(findings[index].message).toContain(fragment);
  });
}

describe('sg-ssh-single-host', () => {
  it('Compliance: SSH only from /32, /128, security groups or self; wide ranges on other ports', async () => {
    const findings = await evaluate(sgSshSingleHost, [
      resource(SECURITY_GROUP, {
        ingress: [
          { protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: ['203.0.113.10/32'], ipv6CidrBlocks: ['2001:db8::10/128'] },
          { protocol: 'tcp', fromPort: 22, toPort: 22, securityGroups: ['sg-0bastion'] },
          { protocol: '-1', fromPort: 0, toPort: 0, self: true },
          { protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlocks: ['0.0.0.0/0'] },
          { protocol: 'udp', fromPort: 0, toPort: 65535, cidrBlocks: ['10.0.0.0/8'] },
          { protocol: 'icmp', fromPort: -1, toPort: -1, cidrBlocks: ['10.0.0.0/8'] },
        ],
      }),
      resource(SECURITY_GROUP_RULE, { type: 'ingress', protocol: 'tcp', fromPort: 22, toPort: 22, sourceSecurityGroupId: 'sg-0bastion', securityGroupId: 'sg-1' }),
      resource(SECURITY_GROUP_RULE, { type: 'egress', protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: ['10.0.0.0/8'], securityGroupId: 'sg-1' }),
      resource(INGRESS_RULE, { ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: '198.51.100.7/32', securityGroupId: 'sg-1' }),
      resource(INGRESS_RULE, { ipProtocol: '-1', referencedSecurityGroupId: 'sg-0bastion', securityGroupId: 'sg-1' }),
    ]);
    expect(findings).toEqual([]);
  });

  it('Noncompliance 1: SSH from a private /8 in an inline ingress block', async () => {
    await expectViolations(
      resource(SECURITY_GROUP, { ingress: [{ protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: ['10.0.0.0/8'] }] }),
      ['ingress[0] (tcp 22) covers SSH port 22 but ingress[0].cidrBlocks[0] = "10.0.0.0/8" admits more than one host'],
    );
  });

  it('Noncompliance 2: a port range covering 22 from a /31 and an IPv6 /64', async () => {
    await expectViolations(
      resource(SECURITY_GROUP, {
        ingress: [{ protocol: '6', fromPort: 0, toPort: 1024, cidrBlocks: ['203.0.113.10/31'], ipv6CidrBlocks: ['2001:db8::/64'] }],
      }),
      ['ingress[0].cidrBlocks[0] = "203.0.113.10/31"', 'ingress[0].ipv6CidrBlocks[0] = "2001:db8::/64"'],
    );
  });

  it('Noncompliance 3: all-traffic SecurityGroupRule from a /24', async () => {
    await expectViolations(
      resource(SECURITY_GROUP_RULE, { type: 'ingress', protocol: '-1', fromPort: 0, toPort: 0, cidrBlocks: ['192.168.1.0/24'], securityGroupId: 'sg-1' }),
      ['the rule (all traffic) covers SSH port 22 but cidrBlocks[0] = "192.168.1.0/24" admits more than one host'],
    );
  });

  it('Noncompliance 4: vpc.SecurityGroupIngressRule from a managed prefix list', async () => {
    await expectViolations(
      resource(INGRESS_RULE, { ipProtocol: 'tcp', fromPort: 22, toPort: 22, prefixListId: 'pl-0123', securityGroupId: 'sg-1' }),
      ['prefixListId is a managed prefix list'],
    );
  });

  it('Noncompliance 5: a CIDR that is not valid cannot be a single host', async () => {
    await expectViolations(
      resource(INGRESS_RULE, { ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: '203.0.113.10', securityGroupId: 'sg-1' }),
      ['cidrIpv4 = "203.0.113.10" is not a valid CIDR block'],
    );
  });

  it('Preview: unknown sources, ports, types or lists are undecided, and known wide sources are the verdict', async () => {
    const undecidable = resource(SECURITY_GROUP, {
      ingress: [
        { protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: [UNKNOWN_VALUE] },
        { protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: UNKNOWN_VALUE },
        { protocol: 'tcp', fromPort: UNKNOWN_VALUE, toPort: 22, cidrBlocks: ['10.0.0.0/8'] },
        { protocol: UNKNOWN_VALUE, fromPort: 22, toPort: 22, cidrBlocks: ['10.0.0.0/8'] },
        { protocol: 'tcp', fromPort: 22, toPort: 22, securityGroups: UNKNOWN_VALUE, self: UNKNOWN_VALUE },
      ],
    });
    const ruleWithUnknownGroup = resource(INGRESS_RULE, {
      ipProtocol: 'tcp',
      fromPort: 22,
      toPort: 22,
      referencedSecurityGroupId: UNKNOWN_VALUE,
      securityGroupId: UNKNOWN_VALUE,
    });
    const knownWide = resource(SECURITY_GROUP, {
      ingress: [{ protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: [UNKNOWN_VALUE, '10.0.0.0/16'] }],
    });
    const unknownType = resource('aws:ec2/securityGroupRule:SecurityGroupRule', { type: UNKNOWN_VALUE, protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: ['0.0.0.0/0'] });
    const findings = await evaluate(sgSshSingleHost, [undecidable, ruleWithUnknownGroup, knownWide, unknownType]);
    expect(mandatory(findings)).toHaveLength(1);
    expect(mandatory(findings)[0]).toMatchObject({ policy: 'sg-ssh-single-host', enforcement: 'mandatory', urn: knownWide.urn });
    expect(mandatory(findings)[0].message).toContain('ingress[0].cidrBlocks[1] = "10.0.0.0/16"');
    // A computed security group id is a security group; unknown blocks and the ports of a wide source are open.
    expect(undecided(findings).map((finding) => [finding.urn, finding.property])).toEqual([
      [undecidable.urn, 'ingress[0].cidrBlocks[0]'],
      [undecidable.urn, 'ingress[1].cidrBlocks'],
      [undecidable.urn, 'ingress[2].fromPort'],
      [undecidable.urn, 'ingress[3].protocol'],
      [unknownType.urn, 'type'],
    ]);
  });
});
