import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { naclNoPublicAdminIngress } from './nacl-no-public-admin-ingress';

const NETWORK_ACL = 'aws:ec2/networkAcl:NetworkAcl';
const DEFAULT_NETWORK_ACL = 'aws:ec2/defaultNetworkAcl:DefaultNetworkAcl';
const NETWORK_ACL_RULE = 'aws:ec2/networkAclRule:NetworkAclRule';

/** Expects exactly one mandatory finding on `record` whose message contains every fragment. */
async function expectOneViolation(record: ReturnType<typeof resource>, fragments: string[]) {
  const findings = await evaluate(naclNoPublicAdminIngress, [record]);
  expect(findings).toHaveLength(1);
  expect(findings[0]).toMatchObject({ policy: 'nacl-no-public-admin-ingress', enforcement: 'mandatory', urn: record.urn });
  for (const fragment of fragments) expect(findings[0].message).toContain(fragment);
}

describe('nacl-no-public-admin-ingress', () => {
  it('Compliance: public HTTPS and ephemeral ports that skip 3389, admin ports from private ranges, denies, egress', async () => {
    const findings = await evaluate(naclNoPublicAdminIngress, [
      resource(NETWORK_ACL, {
        vpcId: 'vpc-1',
        ingress: [
          { ruleNo: 90, action: 'deny', protocol: '-1', fromPort: 0, toPort: 0, cidrBlock: '0.0.0.0/0' },
          { ruleNo: 100, action: 'allow', protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlock: '0.0.0.0/0' },
          { ruleNo: 110, action: 'allow', protocol: 'tcp', fromPort: 1024, toPort: 3388, cidrBlock: '0.0.0.0/0' },
          { ruleNo: 120, action: 'allow', protocol: 'tcp', fromPort: 3390, toPort: 65535, ipv6CidrBlock: '::/0' },
          { ruleNo: 130, action: 'allow', protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlock: '10.0.0.0/16' },
          { ruleNo: 140, action: 'allow', protocol: 'icmp', fromPort: 0, toPort: 0, cidrBlock: '0.0.0.0/0', icmpType: -1, icmpCode: -1 },
        ],
        egress: [{ ruleNo: 100, action: 'allow', protocol: '-1', fromPort: 0, toPort: 0, cidrBlock: '0.0.0.0/0' }],
      }),
      resource(NETWORK_ACL_RULE, { networkAclId: 'acl-1', ruleNumber: 100, egress: true, ruleAction: 'allow', protocol: '-1', cidrBlock: '0.0.0.0/0' }),
      resource(NETWORK_ACL_RULE, { networkAclId: 'acl-1', ruleNumber: 110, ruleAction: 'deny', protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlock: '0.0.0.0/0' }),
    ]);
    expect(findings).toEqual([]);
  });

  it('Noncompliance 1: an inline allow of SSH from 0.0.0.0/0', async () => {
    await expectOneViolation(
      resource(NETWORK_ACL, { vpcId: 'vpc-1', ingress: [{ ruleNo: 100, action: 'allow', protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlock: '0.0.0.0/0' }] }),
      ['ingress[0] allows tcp 22 from ingress[0].cidrBlock = "0.0.0.0/0"', 'port 22 (SSH)'],
    );
  });

  it('Noncompliance 2: the ephemeral range 1024-65535 from the world covers RDP', async () => {
    await expectOneViolation(
      resource(DEFAULT_NETWORK_ACL, {
        defaultNetworkAclId: 'acl-default',
        ingress: [{ ruleNo: 100, action: 'ALLOW', protocol: '6', fromPort: 1024, toPort: 65535, ipv6CidrBlock: '::0/0' }],
      }),
      ['tcp 1024-65535 from ingress[0].ipv6CidrBlock = "::0/0"', 'port 3389 (RDP)'],
    );
  });

  it('Noncompliance 3: an all-traffic NetworkAclRule (egress defaults to false) from 0.0.0.0/00', async () => {
    await expectOneViolation(
      resource(NETWORK_ACL_RULE, { networkAclId: 'acl-1', ruleNumber: 200, ruleAction: 'allow', protocol: '-1', fromPort: 0, toPort: 0, cidrBlock: '0.0.0.0/00' }),
      ['the rule allows all traffic from cidrBlock = "0.0.0.0/00"', 'port 22 (SSH) and 3389 (RDP)'],
    );
  });

  it('Noncompliance 4: a NetworkAclRule with egress false opening UDP 3389 to ::/0', async () => {
    await expectOneViolation(
      resource(NETWORK_ACL_RULE, { networkAclId: 'acl-1', ruleNumber: 210, egress: false, ruleAction: 'allow', protocol: '17', fromPort: 3389, toPort: 3389, ipv6CidrBlock: '::/0' }),
      ['udp 3389 from ipv6CidrBlock = "::/0"'],
    );
  });

  describe('split CIDRs (issues 10 and 16)', () => {
    const entry = (ruleNo: number, cidrBlock: string, fromPort = 22, toPort = 22, protocol = 'tcp') => ({ ruleNo, action: 'allow', protocol, fromPort, toPort, cidrBlock });

    it.each([
      ['two inline halves on SSH', [entry(100, '0.0.0.0/1'), entry(110, '128.0.0.0/1')]],
      ['an ephemeral half and an RDP half', [entry(100, '0.0.0.0/1', 1024, 65535), entry(110, '128.0.0.0/1', 3389, 3389)]],
      ['four quarters, one of them all traffic', [entry(100, '0.0.0.0/2'), entry(110, '64.0.0.0/2'), entry(120, '128.0.0.0/2'), entry(130, '192.0.0.0/2', 0, 0, '-1')]],
    ])('Noncompliance: %s', async (_label, ingress) => {
      await expectOneViolation(resource(NETWORK_ACL, { vpcId: 'vpc-1', ingress }), ['together these blocks hold every public IPv4 address']);
    });

    it.each([
      ['a /1 alone', [entry(100, '0.0.0.0/1')]],
      ['halves on SSH and on HTTPS', [entry(100, '0.0.0.0/1'), entry(110, '128.0.0.0/1', 443, 443)]],
      ['a half allowed and the other half denied', [entry(100, '0.0.0.0/1'), { ...entry(110, '128.0.0.0/1'), action: 'deny' }]],
    ])('Compliance: %s', async (_label, ingress) => {
      expect(await evaluate(naclNoPublicAdminIngress, [resource(NETWORK_ACL, { vpcId: 'vpc-1', ingress })])).toEqual([]);
    });

    it('Noncompliance: standalone NetworkAclRule halves of one ACL (linked by dependency) and its inline entries, reported on the ACL', async () => {
      const acl = resource(NETWORK_ACL, { vpcId: 'vpc-1', ingress: [entry(100, '0.0.0.0/2')] }, { name: 'public' });
      const rule = (name: string, cidrBlock: string) =>
        resource(NETWORK_ACL_RULE, { networkAclId: UNKNOWN_VALUE, ruleNumber: 200, ruleAction: 'allow', protocol: '-1', cidrBlock }, { name, dependsOn: { networkAclId: [acl] } });
      const findings = await evaluate(naclNoPublicAdminIngress, [acl, rule('second-quarter', '64.0.0.0/2'), rule('upper-half', '128.0.0.0/1')]);
      expect(findings.map((finding) => [finding.urn, finding.enforcement])).toEqual([[acl.urn, 'mandatory']]);
      expect(findings[0].message).toContain('NetworkAclRule upper-half allows all traffic from cidrBlock = "128.0.0.0/1"');
    });
  });

  it('Preview: unknown action, direction, ports, CIDR or list are undecided; known entries beside them are the verdict', async () => {
    const undecidable = resource(NETWORK_ACL, {
      vpcId: UNKNOWN_VALUE,
      ingress: [
        { ruleNo: 100, action: UNKNOWN_VALUE, protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlock: '0.0.0.0/0' },
        { ruleNo: 110, action: 'allow', protocol: 'tcp', fromPort: UNKNOWN_VALUE, toPort: 22, cidrBlock: '0.0.0.0/0' },
        { ruleNo: 120, action: 'allow', protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlock: UNKNOWN_VALUE },
        UNKNOWN_VALUE,
      ],
    });
    const unknownList = resource(NETWORK_ACL, { vpcId: 'vpc-1', ingress: UNKNOWN_VALUE });
    const unknownDirection = resource(NETWORK_ACL_RULE, {
      networkAclId: UNKNOWN_VALUE,
      ruleNumber: 100,
      egress: UNKNOWN_VALUE,
      ruleAction: 'allow',
      protocol: '-1',
      cidrBlock: '0.0.0.0/0',
    });
    const knownBeside = resource(NETWORK_ACL, {
      vpcId: UNKNOWN_VALUE,
      ingress: [
        { ruleNo: 100, action: 'allow', protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlock: UNKNOWN_VALUE },
        { ruleNo: 110, action: 'allow', protocol: 'tcp', fromPort: 3389, toPort: 3389, cidrBlock: '0.0.0.0/0' },
      ],
    });
    const findings = await evaluate(naclNoPublicAdminIngress, [undecidable, unknownList, unknownDirection, knownBeside]);
    expect(mandatory(findings)).toHaveLength(1);
    expect(mandatory(findings)[0]).toMatchObject({ policy: 'nacl-no-public-admin-ingress', enforcement: 'mandatory', urn: knownBeside.urn });
    expect(mandatory(findings)[0].message).toContain('ingress[1] allows tcp 3389');
    expect(undecided(findings).map((finding) => [finding.urn, finding.property])).toEqual([
      [undecidable.urn, 'ingress[3]'],
      [undecidable.urn, 'ingress[0].action'],
      [undecidable.urn, 'ingress[1].fromPort'],
      [undecidable.urn, 'ingress[2].cidrBlock'],
      [unknownList.urn, 'ingress'],
      [unknownDirection.urn, 'egress'],
    ]);
  });
});
