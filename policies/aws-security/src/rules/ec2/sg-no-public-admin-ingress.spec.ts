import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { sgNoPublicAdminIngress } from './sg-no-public-admin-ingress';

const SECURITY_GROUP = 'aws:ec2/securityGroup:SecurityGroup';
const DEFAULT_SECURITY_GROUP = 'aws:ec2/defaultSecurityGroup:DefaultSecurityGroup';
const SECURITY_GROUP_RULE = 'aws:ec2/securityGroupRule:SecurityGroupRule';
const INGRESS_RULE = 'aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule';

async function expectOneViolation(record: ReturnType<typeof resource>, ...fragments: string[]) {
  const findings = await evaluate(sgNoPublicAdminIngress, [record]);
  expect(findings).toHaveLength(1);
  expect(findings[0]).toMatchObject({ policy: 'sg-no-public-admin-ingress', enforcement: 'mandatory', urn: record.urn });
  for (const fragment of fragments) expect(findings[0].message).toContain(fragment);
}

describe('sg-no-public-admin-ingress', () => {
  it('Compliance: public HTTPS, admin ports from private ranges or security groups, public non-admin ranges', async () => {
    const findings = await evaluate(sgNoPublicAdminIngress, [
      resource(SECURITY_GROUP, {
        ingress: [
          { protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlocks: ['0.0.0.0/0'], ipv6CidrBlocks: ['::/0'] },
          { protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: ['10.0.0.0/8'] },
          { protocol: '-1', fromPort: 0, toPort: 0, securityGroups: ['sg-0123456789abcdef0'] },
          { protocol: '-1', fromPort: 0, toPort: 0, self: true },
          { protocol: 'tcp', fromPort: 3390, toPort: 65535, cidrBlocks: ['0.0.0.0/0'] },
          { protocol: 'icmp', fromPort: -1, toPort: -1, cidrBlocks: ['0.0.0.0/0'] },
        ],
        egress: [{ protocol: '-1', fromPort: 0, toPort: 0, cidrBlocks: ['0.0.0.0/0'] }],
      }),
      resource(SECURITY_GROUP_RULE, { type: 'egress', protocol: '-1', fromPort: 0, toPort: 0, cidrBlocks: ['0.0.0.0/0'], securityGroupId: 'sg-1' }),
      resource(INGRESS_RULE, { ipProtocol: 'tcp', fromPort: 22, toPort: 22, referencedSecurityGroupId: 'sg-2', securityGroupId: 'sg-1' }),
      resource(INGRESS_RULE, { ipProtocol: 'tcp', fromPort: 80, toPort: 80, cidrIpv4: '0.0.0.0/0', securityGroupId: 'sg-1' }),
    ]);
    expect(findings).toEqual([]);
  });

  it('Noncompliance 1: inline ingress opens SSH to 0.0.0.0/0', async () => {
    await expectOneViolation(
      resource(SECURITY_GROUP, { ingress: [{ protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: ['0.0.0.0/0'] }] }),
      'ingress[0] allows tcp 22 from ingress[0].cidrBlocks[0] = "0.0.0.0/0"',
      'port 22 (SSH)',
    );
  });

  it('Noncompliance 2: a port range covering RDP from ::/0 written non-canonically', async () => {
    await expectOneViolation(
      resource(SECURITY_GROUP, { ingress: [{ protocol: '6', fromPort: 3000, toPort: 4000, ipv6CidrBlocks: ['::0/0'] }] }),
      'ingress[0].ipv6CidrBlocks[0] = "::0/0"',
      'port 3389 (RDP)',
    );
  });

  it('Noncompliance 3: protocol -1 (all traffic) from the world covers both ports', async () => {
    await expectOneViolation(
      resource(DEFAULT_SECURITY_GROUP, { ingress: [{ protocol: '-1', fromPort: 0, toPort: 0, cidrBlocks: ['0.0.0.0/00'] }] }),
      'all traffic',
      'port 22 (SSH) and 3389 (RDP)',
    );
  });

  it('Noncompliance 4: UDP 3389 from the world (RDP over UDP)', async () => {
    await expectOneViolation(
      resource(SECURITY_GROUP, { ingress: [{ protocol: 'udp', fromPort: 3389, toPort: 3389, cidrBlocks: ['0.0.0.0/0'] }] }),
      'udp 3389',
    );
  });

  it('Noncompliance 5: a SecurityGroupRule of type ingress', async () => {
    await expectOneViolation(
      resource(SECURITY_GROUP_RULE, {
        type: 'ingress',
        protocol: 'tcp',
        fromPort: 0,
        toPort: 65535,
        cidrBlocks: ['10.0.0.0/8', '0.0.0.0/0'],
        securityGroupId: 'sg-1',
      }),
      'the rule allows tcp 0-65535 from cidrBlocks[1] = "0.0.0.0/0"',
    );
  });

  it('Noncompliance 6: a vpc.SecurityGroupIngressRule with ipProtocol -1 and cidrIpv6 ::/0', async () => {
    await expectOneViolation(
      resource(INGRESS_RULE, { ipProtocol: '-1', cidrIpv6: '::/0', securityGroupId: 'sg-1' }),
      'from cidrIpv6 = "::/0"',
    );
  });

  it('Noncompliance 7: every world source of a permission is reported, IPv4 and IPv6', async () => {
    const group = resource(SECURITY_GROUP, {
      ingress: [{ protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: ['0.0.0.0/0'], ipv6CidrBlocks: ['::/0'] }],
    });
    const findings = mandatory(await evaluate(sgNoPublicAdminIngress, [group]));
    expect(findings.map((finding) => finding.message.split('\n')[1].split(' = ')[0])).toEqual([
      'ingress[0] allows tcp 22 from ingress[0].cidrBlocks[0]',
      'ingress[0] allows tcp 22 from ingress[0].ipv6CidrBlocks[0]',
    ]);
  });

  it('Preview: unknown CIDRs, ports or lists are not judged, are reported undecided, and never hide a known violation', async () => {
    const undecidable = resource(SECURITY_GROUP, {
      ingress: [
        { protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: UNKNOWN_VALUE },
        { protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: [UNKNOWN_VALUE] },
        { protocol: 'tcp', fromPort: UNKNOWN_VALUE, toPort: UNKNOWN_VALUE, cidrBlocks: ['0.0.0.0/0'] },
        UNKNOWN_VALUE,
      ],
    });
    const unknownList = resource(SECURITY_GROUP, { ingress: UNKNOWN_VALUE });
    const unknownType = resource(SECURITY_GROUP_RULE, { type: UNKNOWN_VALUE, protocol: '-1', fromPort: 0, toPort: 0, cidrBlocks: ['0.0.0.0/0'] });
    const knownBeside = resource(SECURITY_GROUP, {
      ingress: [
        { protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: [UNKNOWN_VALUE, '0.0.0.0/0'], securityGroups: [UNKNOWN_VALUE] },
      ],
    });
    const findings = await evaluate(sgNoPublicAdminIngress, [undecidable, unknownList, unknownType, knownBeside]);
    expect(mandatory(findings)).toHaveLength(1);
    expect(mandatory(findings)[0]).toMatchObject({ policy: 'sg-no-public-admin-ingress', enforcement: 'mandatory', urn: knownBeside.urn });
    expect(mandatory(findings)[0].message).toContain('ingress[0].cidrBlocks[1] = "0.0.0.0/0"');
    // The known violation is knownBeside's verdict: its unknown sources add nothing.
    expect(undecided(findings).map((finding) => [finding.urn, finding.property, finding.enforcement])).toEqual([
      [undecidable.urn, 'ingress[3]', 'advisory'],
      [undecidable.urn, 'ingress[0].cidrBlocks', 'advisory'],
      [undecidable.urn, 'ingress[1].cidrBlocks[0]', 'advisory'],
      [undecidable.urn, 'ingress[2].fromPort', 'advisory'],
      [undecidable.urn, 'ingress[2].toPort', 'advisory'],
      [unknownList.urn, 'ingress', 'advisory'],
      [unknownType.urn, 'type', 'advisory'],
    ]);
    expect(findings).toHaveLength(8);
  });

  it('Preview: an unknown source is undecided only where the ports could be 22 or 3389', async () => {
    const rule = resource(INGRESS_RULE, { ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: UNKNOWN_VALUE });
    const https = resource(INGRESS_RULE, { ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIpv4: UNKNOWN_VALUE });
    const unknownProtocol = resource(INGRESS_RULE, { ipProtocol: UNKNOWN_VALUE, fromPort: 22, toPort: 22, cidrIpv6: '::/0' });
    const findings = await evaluate(sgNoPublicAdminIngress, [rule, https, unknownProtocol]);
    expect(undecided(findings).map((finding) => [finding.urn, finding.property])).toEqual([
      [rule.urn, 'cidrIpv4'],
      [unknownProtocol.urn, 'ipProtocol'],
    ]);
    expect(findings[0].message).toContain('sg-no-public-admin-ingress cannot decide in this mode: `cidrIpv4` is unknown until apply');
    // In the update, the same rule with its CIDR known is decided: a violation from the world, nothing from a /32.
    const world = resource(INGRESS_RULE, { ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: '0.0.0.0/0' });
    const host = resource(INGRESS_RULE, { ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: '203.0.113.7/32' });
    const update = await evaluate(sgNoPublicAdminIngress, [world, host]);
    expect(update.map((finding) => [finding.urn, finding.enforcement])).toEqual([[world.urn, 'mandatory']]);
  });

  it('never throws on wrong-typed properties', async () => {
    const findings = await evaluate(sgNoPublicAdminIngress, [
      resource(SECURITY_GROUP, { ingress: 'all' }),
      resource(SECURITY_GROUP, { ingress: [null, 5, { protocol: {}, cidrBlocks: 'x', fromPort: [], toPort: null }] }),
      resource(INGRESS_RULE, { ipProtocol: 6, cidrIpv4: 17, fromPort: '22', toPort: '22' }),
    ]);
    expect(findings).toEqual([]);
  });
});
