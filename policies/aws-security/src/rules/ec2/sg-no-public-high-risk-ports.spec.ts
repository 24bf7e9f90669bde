import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { sgNoPublicHighRiskPorts } from './sg-no-public-high-risk-ports';

const SECURITY_GROUP = 'aws:ec2/securityGroup:SecurityGroup';
const DEFAULT_SECURITY_GROUP = 'aws:ec2/defaultSecurityGroup:DefaultSecurityGroup';
const SECURITY_GROUP_RULE = 'aws:ec2/securityGroupRule:SecurityGroupRule';
const INGRESS_RULE = 'aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule';

async function expectOneViolation(record: ReturnType<typeof resource>, ...fragments: string[]) {
  const findings = await evaluate(sgNoPublicHighRiskPorts, [record]);
  expect(findings).toHaveLength(1);
  expect(findings[0]).toMatchObject({ policy: 'sg-no-public-high-risk-ports', enforcement: 'mandatory', urn: record.urn });
  for (const fragment of fragments) expect(findings[0].message).toContain(fragment);
}

describe('sg-no-public-high-risk-ports', () => {
  it('Compliance: public web ports, databases from private ranges or security groups, SSH left to the admin rule', async () => {
    const findings = await evaluate(sgNoPublicHighRiskPorts, [
      resource(SECURITY_GROUP, {
        ingress: [
          { protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlocks: ['0.0.0.0/0'], ipv6CidrBlocks: ['::/0'] },
          { protocol: 'tcp', fromPort: 80, toPort: 80, cidrBlocks: ['0.0.0.0/0'] },
          { protocol: 'tcp', fromPort: 3306, toPort: 3306, cidrBlocks: ['10.0.0.0/8'] },
          { protocol: 'tcp', fromPort: 5432, toPort: 5432, securityGroups: ['sg-0123456789abcdef0'] },
          { protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: ['0.0.0.0/0'] },
          { protocol: 'icmp', fromPort: -1, toPort: -1, cidrBlocks: ['0.0.0.0/0'] },
          { protocol: 'tcp', fromPort: 9301, toPort: 65535, cidrBlocks: ['0.0.0.0/0'] },
        ],
        egress: [{ protocol: '-1', fromPort: 0, toPort: 0, cidrBlocks: ['0.0.0.0/0'] }],
      }),
      resource(SECURITY_GROUP_RULE, { type: 'egress', protocol: 'tcp', fromPort: 3306, toPort: 3306, cidrBlocks: ['0.0.0.0/0'], securityGroupId: 'sg-1' }),
      resource(INGRESS_RULE, { ipProtocol: 'tcp', fromPort: 1433, toPort: 1433, referencedSecurityGroupId: 'sg-2', securityGroupId: 'sg-1' }),
    ]);
    expect(findings).toEqual([]);
  });

  it('Noncompliance 1: inline ingress opens MySQL 3306 to 0.0.0.0/0', async () => {
    await expectOneViolation(
      resource(SECURITY_GROUP, { ingress: [{ protocol: 'tcp', fromPort: 3306, toPort: 3306, cidrBlocks: ['0.0.0.0/0'] }] }),
      'ingress[0] allows tcp 3306 from ingress[0].cidrBlocks[0] = "0.0.0.0/0"',
      'high-risk port 3306 (MySQL)',
    );
  });

  it('Noncompliance 2: a port range from ::/0 covering several high-risk ports names each', async () => {
    await expectOneViolation(
      resource(SECURITY_GROUP, { ingress: [{ protocol: 'tcp', fromPort: 5400, toPort: 5700, ipv6CidrBlocks: ['::0/0'] }] }),
      'ingress[0].ipv6CidrBlocks[0] = "::0/0"',
      'high-risk ports 5432 (PostgreSQL), 5500 (VNC) and 5601 (Kibana)',
    );
  });

  it('Noncompliance 3: protocol -1 (all traffic) from the world on the default security group', async () => {
    await expectOneViolation(
      resource(DEFAULT_SECURITY_GROUP, { ingress: [{ protocol: '-1', fromPort: 0, toPort: 0, cidrBlocks: ['0.0.0.0/0'] }] }),
      'all traffic',
      '9300 (Elasticsearch transport)',
    );
  });

  it('Noncompliance 4: UDP 1434 (SQL Server browser) from the world', async () => {
    await expectOneViolation(
      resource(SECURITY_GROUP, { ingress: [{ protocol: 'udp', fromPort: 1434, toPort: 1434, cidrBlocks: ['0.0.0.0/0'] }] }),
      'udp 1434',
    );
  });

  it('Noncompliance 5: a SecurityGroupRule of type ingress', async () => {
    await expectOneViolation(
      resource(SECURITY_GROUP_RULE, { type: 'ingress', protocol: 'tcp', fromPort: 445, toPort: 445, cidrBlocks: ['10.0.0.0/8', '0.0.0.0/0'], securityGroupId: 'sg-1' }),
      'the rule allows tcp 445 from cidrBlocks[1] = "0.0.0.0/0"',
      '445 (SMB)',
    );
  });

  it('Noncompliance 6: a vpc.SecurityGroupIngressRule on 9200 from cidrIpv4 0.0.0.0/0', async () => {
    await expectOneViolation(
      resource(INGRESS_RULE, { ipProtocol: 'tcp', fromPort: 9200, toPort: 9200, cidrIpv4: '0.0.0.0/0', securityGroupId: 'sg-1' }),
      'from cidrIpv4 = "0.0.0.0/0"',
    );
  });

  it('Configuration: the port list is configurable (an added port is judged, a removed one is not)', async () => {
    const redis = resource(SECURITY_GROUP, { ingress: [{ protocol: 'tcp', fromPort: 6379, toPort: 6379, cidrBlocks: ['0.0.0.0/0'] }] });
    const mysql = resource(SECURITY_GROUP, { ingress: [{ protocol: 'tcp', fromPort: 3306, toPort: 3306, cidrBlocks: ['0.0.0.0/0'] }] });
    const findings = await evaluate(sgNoPublicHighRiskPorts, [redis, mysql], { config: { 'sg-no-public-high-risk-ports': { ports: [6379] } } });
    expect(findings.map((finding) => finding.urn)).toEqual([redis.urn]);
  });

  it('Preview: unknown CIDRs, ports, blocks and types are undecided, and never hide a known violation', async () => {
    const undecidable = resource(SECURITY_GROUP, {
      ingress: [
        { protocol: 'tcp', fromPort: 3306, toPort: 3306, cidrBlocks: UNKNOWN_VALUE },
        { protocol: 'tcp', fromPort: UNKNOWN_VALUE, toPort: UNKNOWN_VALUE, cidrBlocks: ['0.0.0.0/0'] },
        UNKNOWN_VALUE,
      ],
    });
    const unknownType = resource(SECURITY_GROUP_RULE, { type: UNKNOWN_VALUE, protocol: '-1', fromPort: 0, toPort: 0, cidrBlocks: ['0.0.0.0/0'] });
    const knownBeside = resource(SECURITY_GROUP, {
      ingress: [{ protocol: 'tcp', fromPort: 5432, toPort: 5432, cidrBlocks: [UNKNOWN_VALUE, '0.0.0.0/0'] }],
    });
    const findings = await evaluate(sgNoPublicHighRiskPorts, [undecidable, unknownType, knownBeside]);
    expect(mandatory(findings)).toHaveLength(1);
    expect(mandatory(findings)[0]).toMatchObject({ urn: knownBeside.urn });
    expect(mandatory(findings)[0].message).toContain('ingress[0].cidrBlocks[1] = "0.0.0.0/0"');
    expect(undecided(findings).map((finding) => [finding.urn, finding.property])).toEqual([
      [undecidable.urn, 'ingress[2]'],
      [undecidable.urn, 'ingress[0].cidrBlocks'],
      [undecidable.urn, 'ingress[1].fromPort'],
      [undecidable.urn, 'ingress[1].toPort'],
      [unknownType.urn, 'type'],
    ]);
  });

  describe('split CIDRs (issues 10 and 16)', () => {
    it.each([
      ['halves in one permission', [{ protocol: 'tcp', fromPort: 3306, toPort: 3306, cidrBlocks: ['0.0.0.0/1', '128.0.0.0/1'] }]],
      ['quarters across permissions reaching MySQL', [
        { protocol: 'tcp', fromPort: 3306, toPort: 3306, cidrBlocks: ['0.0.0.0/2', '64.0.0.0/2'] },
        { protocol: 'tcp', fromPort: 3000, toPort: 3999, cidrBlocks: ['128.0.0.0/2'] },
        { protocol: '-1', fromPort: 0, toPort: 0, cidrBlocks: ['192.0.0.0/2'] },
      ]],
      ['IPv6 halves of global unicast', [{ protocol: 'tcp', fromPort: 5432, toPort: 5432, ipv6CidrBlocks: ['2000::/4', '3000::/4'] }]],
    ])('Noncompliance: %s', async (_label, ingress) => {
      await expectOneViolation(resource(SECURITY_GROUP, { ingress }), 'together these blocks hold every public');
    });

    it.each([
      ['a /1 alone', [{ protocol: 'tcp', fromPort: 3306, toPort: 3306, cidrBlocks: ['128.0.0.0/1'] }]],
      ['halves on a high-risk port and a web port', [
        { protocol: 'tcp', fromPort: 3306, toPort: 3306, cidrBlocks: ['0.0.0.0/1'] },
        { protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlocks: ['128.0.0.0/1'] },
      ]],
      ['three quarters', [{ protocol: 'tcp', fromPort: 5432, toPort: 5432, cidrBlocks: ['0.0.0.0/2', '64.0.0.0/2', '128.0.0.0/2'] }]],
    ])('Compliance: %s', async (_label, ingress) => {
      expect(await evaluate(sgNoPublicHighRiskPorts, [resource(SECURITY_GROUP, { ingress })])).toEqual([]);
    });

    it('Noncompliance: standalone rules of a group the stack declares, reported on the group', async () => {
      const group = resource(DEFAULT_SECURITY_GROUP, { vpcId: 'vpc-1', id: 'sg-0def' });
      const findings = await evaluate(sgNoPublicHighRiskPorts, [
        group,
        resource(INGRESS_RULE, { ipProtocol: 'tcp', fromPort: 1433, toPort: 1434, cidrIpv4: '0.0.0.0/1', securityGroupId: 'sg-0def' }),
        resource(INGRESS_RULE, { ipProtocol: 'udp', fromPort: 1434, toPort: 1434, cidrIpv4: '128.0.0.0/1', securityGroupId: 'sg-0def' }),
        resource(INGRESS_RULE, { ipProtocol: 'tcp', fromPort: 1433, toPort: 1433, cidrIpv4: '128.0.0.0/1', securityGroupId: 'sg-0def' }),
      ]);
      // TCP 1433 is open through the union; UDP 1434 only from one half, TCP 1434 only from the other.
      expect(findings.map((finding) => [finding.urn, finding.enforcement])).toEqual([[group.urn, 'mandatory']]);
      expect(findings[0].message).toContain('which covers high-risk port 1433 (SQL Server)');
    });
  });
});
