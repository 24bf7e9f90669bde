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

  describe('split CIDRs: the union of the blocks reaching a port (issues 10 and 16)', () => {
    const ALL_BUT_PRIVATE = [
      '0.0.0.0/5', '8.0.0.0/7', '11.0.0.0/8', '12.0.0.0/6', '16.0.0.0/4', '32.0.0.0/3', '64.0.0.0/2', '128.0.0.0/3', '160.0.0.0/5',
      '168.0.0.0/6', '172.0.0.0/12', '172.32.0.0/11', '172.64.0.0/10', '172.128.0.0/9', '173.0.0.0/8', '174.0.0.0/7', '176.0.0.0/4',
      '192.0.0.0/9', '192.128.0.0/11', '192.160.0.0/13', '192.169.0.0/16', '192.170.0.0/15', '192.172.0.0/14', '192.176.0.0/12',
      '192.192.0.0/10', '193.0.0.0/8', '194.0.0.0/7', '196.0.0.0/6', '200.0.0.0/5', '208.0.0.0/4',
    ];

    it('Noncompliance: two halves in one permission (RDP)', async () => {
      const group = resource(SECURITY_GROUP, { ingress: [{ protocol: 'tcp', fromPort: 3389, toPort: 3389, cidrBlocks: ['0.0.0.0/1', '128.0.0.0/1'] }] });
      await expectOneViolation(
        group,
        'ingress[0] allows tcp 3389 from ingress[0].cidrBlocks[0] = "0.0.0.0/1", ingress[0].cidrBlocks[1] = "128.0.0.0/1": together these blocks hold every public IPv4 address',
        'port 3389 (RDP)',
      );
    });

    it('Noncompliance: two permissions of a group reaching the same port, one a wider range', async () => {
      const group = resource(SECURITY_GROUP, {
        ingress: [
          { protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: ['0.0.0.0/1'] },
          { protocol: '-1', fromPort: 0, toPort: 0, cidrBlocks: ['128.0.0.0/1'] },
        ],
      });
      await expectOneViolation(group, 'ingress[1] allows all traffic from ingress[1].cidrBlocks[0] = "128.0.0.0/1"', 'port 22 (SSH)');
    });

    it('Noncompliance: standalone rules of one group, linked by dependency in a first preview, reported on the group', async () => {
      const group = resource(SECURITY_GROUP, { vpcId: 'vpc-1' }, { name: 'web' });
      const lower = resource(INGRESS_RULE, { ipProtocol: 'tcp', fromPort: 3389, toPort: 3389, cidrIpv4: '0.0.0.0/1', securityGroupId: UNKNOWN_VALUE }, { name: 'lower', dependsOn: { securityGroupId: [group] } });
      const upper = resource(SECURITY_GROUP_RULE, { type: 'ingress', protocol: 'tcp', fromPort: 3000, toPort: 4000, cidrBlocks: ['128.0.0.0/1'], securityGroupId: UNKNOWN_VALUE }, { name: 'upper', dependsOn: { securityGroupId: [group] } });
      const findings = await evaluate(sgNoPublicAdminIngress, [group, lower, upper]);
      expect(findings.map((finding) => [finding.urn, finding.enforcement])).toEqual([[group.urn, 'mandatory']]);
      expect(findings[0].message).toContain('SecurityGroupIngressRule lower allows tcp 3389 from cidrIpv4 = "0.0.0.0/1" and SecurityGroupRule upper allows tcp 3000-4000 from cidrBlocks[0] = "128.0.0.0/1"');
    });

    it('Noncompliance: rules naming the same known group the stack does not declare, reported on the first', async () => {
      const first = resource(INGRESS_RULE, { ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: '0.0.0.0/2', securityGroupId: 'sg-0abc' });
      const second = resource(INGRESS_RULE, { ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: '64.0.0.0/2', securityGroupId: 'sg-0abc' });
      const third = resource(INGRESS_RULE, { ipProtocol: 'tcp', fromPort: 0, toPort: 65535, cidrIpv4: '128.0.0.0/1', securityGroupId: 'sg-0abc' });
      const findings = await evaluate(sgNoPublicAdminIngress, [first, second, third]);
      expect(findings.map((finding) => finding.urn)).toEqual([first.urn]);
    });

    it('Noncompliance: every public address but the private ranges, and IPv6 global unicast 2000::/3 alone', async () => {
      await expectOneViolation(
        resource(SECURITY_GROUP, { ingress: [{ protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: ALL_BUT_PRIVATE }] }),
        'ingress[0].cidrBlocks[3] = "12.0.0.0/6", and 26 more blocks: together these blocks hold every public IPv4 address',
      );
      await expectOneViolation(
        resource(INGRESS_RULE, { ipProtocol: 'tcp', fromPort: 3389, toPort: 3389, cidrIpv6: '2000::/3' }),
        'from cidrIpv6 = "2000::/3" (every public IPv6 address: the whole internet)',
      );
    });

    it.each([
      ['a /1 alone (half the internet is not the internet)', [{ protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: ['0.0.0.0/1'] }]],
      ['halves over different transports', [{ protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: ['0.0.0.0/1'] }, { protocol: 'udp', fromPort: 22, toPort: 22, cidrBlocks: ['128.0.0.0/1'] }]],
      ['halves on different ports', [{ protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: ['0.0.0.0/1'] }, { protocol: 'tcp', fromPort: 23, toPort: 3388, cidrBlocks: ['128.0.0.0/1'] }]],
      ['the private ranges together', [{ protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'], ipv6CidrBlocks: ['fc00::/7'] }]],
      ['an IPv4 half and an IPv6 half (families do not combine)', [{ protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: ['0.0.0.0/1'], ipv6CidrBlocks: ['2000::/4'] }]],
    ])('Compliance: %s', async (_label, ingress) => {
      expect(await evaluate(sgNoPublicAdminIngress, [resource(SECURITY_GROUP, { ingress })])).toEqual([]);
    });

    it('Compliance: halves in two different groups', async () => {
      const a = resource(SECURITY_GROUP, {});
      const b = resource(SECURITY_GROUP, {});
      const findings = await evaluate(sgNoPublicAdminIngress, [
        a,
        b,
        resource(INGRESS_RULE, { ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: '0.0.0.0/1', securityGroupId: UNKNOWN_VALUE }, { dependsOn: { securityGroupId: [a] } }),
        resource(INGRESS_RULE, { ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: '128.0.0.0/1', securityGroupId: UNKNOWN_VALUE }, { dependsOn: { securityGroupId: [b] } }),
      ]);
      expect(findings).toEqual([]);
    });

    it('Preview: rules whose group is unknown and untied are undecided on securityGroupId; known, they are one exposure', async () => {
      const halves = (securityGroupId: string) => [
        resource(INGRESS_RULE, { ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: '0.0.0.0/1', securityGroupId }, { name: 'lower' }),
        resource(INGRESS_RULE, { ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: '128.0.0.0/1', securityGroupId }, { name: 'upper' }),
      ];
      const preview = await evaluate(sgNoPublicAdminIngress, halves(UNKNOWN_VALUE));
      expect(mandatory(preview)).toEqual([]);
      expect(undecided(preview).map((finding) => [finding.urn?.split('::').pop(), finding.property])).toEqual([
        ['lower', 'securityGroupId'],
        ['upper', 'securityGroupId'],
      ]);
      const update = await evaluate(sgNoPublicAdminIngress, halves('sg-0abc'));
      expect(mandatory(update).map((finding) => finding.urn?.split('::').pop())).toEqual(['lower']);
    });

    it('Preview: unknown ports are undecided only where the blocks would complete the internet', async () => {
      const group = resource(SECURITY_GROUP, {
        ingress: [
          { protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: ['0.0.0.0/1'] },
          { protocol: 'tcp', fromPort: UNKNOWN_VALUE, toPort: UNKNOWN_VALUE, cidrBlocks: ['128.0.0.0/1'] },
          { protocol: 'tcp', fromPort: UNKNOWN_VALUE, toPort: UNKNOWN_VALUE, cidrBlocks: ['10.0.0.0/8'] },
        ],
      });
      const findings = await evaluate(sgNoPublicAdminIngress, [group]);
      expect(undecided(findings).map((finding) => finding.property)).toEqual(['ingress[1].fromPort', 'ingress[1].toPort']);
    });
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
