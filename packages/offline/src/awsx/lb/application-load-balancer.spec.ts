import * as aws from '@pulumi/aws';
import * as awsx from '@pulumi/awsx';
import { UNKNOWN } from '../../types';
import { childrenOf, recordOf, runBothModes, typesAndNames } from '../testing/component-records';

const ALB = 'awsx:lb:ApplicationLoadBalancer';

/** What the provider's default security group admits: every protocol and port, from anywhere. */
const OPEN_INGRESS = [{ cidrBlocks: ['0.0.0.0/0'], fromPort: 0, ipv6CidrBlocks: ['::/0'], protocol: '-1', toPort: 0 }];

describe('awsx:lb:ApplicationLoadBalancer', () => {
  it('with defaults: an open security group in the default VPC, the load balancer on its public subnets, a target group and an HTTP listener on 80', async () => {
    const results = await runBothModes(() => {
      const alb = new awsx.lb.ApplicationLoadBalancer('web', {});
      return { dnsName: alb.loadBalancer.dnsName, vpcId: alb.vpcId, listenerPort: alb.listeners.apply((listeners) => listeners?.[0]?.port) };
    });
    for (const result of [results.preview, results.update]) {
      expect(typesAndNames(childrenOf(result, ALB, 'web'))).toEqual([
        ['aws:ec2/securityGroup:SecurityGroup', 'web'],
        ['aws:lb/loadBalancer:LoadBalancer', 'web'],
        ['aws:lb/targetGroup:TargetGroup', 'web'],
        ['aws:lb/listener:Listener', 'web-0'],
      ]);
      const group = recordOf(result, 'aws:ec2/securityGroup:SecurityGroup', 'web');
      expect(group.parent).toBe(recordOf(result, ALB, 'web').urn);
      // Port 80 (and everything else) is open to the internet, as the provider's own TODO warns.
      expect(group.inputs).toMatchObject({
        description: 'Managed by Pulumi',
        ingress: OPEN_INGRESS,
        egress: [{ cidrBlocks: ['0.0.0.0/0'], fromPort: 0, ipv6CidrBlocks: ['::/0'], protocol: 'tcp', toPort: 65535 }],
        vpcId: result.outputs['vpcId'],
      });
      expect(recordOf(result, 'aws:lb/loadBalancer:LoadBalancer', 'web').inputs).toMatchObject({
        loadBalancerType: 'application',
        subnets: [expect.stringMatching(/^subnet-/), expect.stringMatching(/^subnet-/), expect.stringMatching(/^subnet-/)],
        securityGroups: [result.mode === 'preview' ? UNKNOWN : group.id],
      });
      expect(recordOf(result, 'aws:lb/targetGroup:TargetGroup', 'web').inputs).toMatchObject({ port: 80, protocol: 'HTTP', targetType: 'ip', vpcId: result.outputs['vpcId'] });
      const listener = recordOf(result, 'aws:lb/listener:Listener', 'web-0');
      expect(listener.inputs).toMatchObject({ port: 80, protocol: 'HTTP', defaultActions: [{ type: 'forward', targetGroupArn: expect.any(String) }] });
      expect(listener.propertyDependencies['loadBalancerArn']).toEqual([recordOf(result, 'aws:lb/loadBalancer:LoadBalancer', 'web').urn]);
      expect(result.outputs['listenerPort']).toBe(80);
    }
    expect(results.preview.outputs['dnsName']).toBe(UNKNOWN);
    expect(results.update.outputs['dnsName']).toMatch(/^web-[0-9a-f]{7}-\d+\.us-east-1\.elb\.amazonaws\.com$/);
  });

  it('in an awsx VPC’s public subnets: the VPC found from the first subnet, dependencies kept', async () => {
    const { preview, update } = await runBothModes(() => {
      const vpc = new awsx.ec2.Vpc('main', { numberOfAvailabilityZones: 2 });
      new awsx.lb.ApplicationLoadBalancer('web', { subnetIds: vpc.publicSubnetIds, listener: { port: 443, certificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/abc' } });
    });
    const vpc = recordOf(update, 'aws:ec2/vpc:Vpc', 'main');
    expect(recordOf(update, 'aws:ec2/securityGroup:SecurityGroup', 'web').inputs['vpcId']).toBe(vpc.id);
    expect(recordOf(preview, 'aws:ec2/securityGroup:SecurityGroup', 'web').inputs['vpcId']).toBe(UNKNOWN);
    for (const result of [preview, update]) {
      const component = recordOf(result, 'awsx:ec2:Vpc', 'main').urn;
      expect(recordOf(result, 'aws:lb/loadBalancer:LoadBalancer', 'web').propertyDependencies['subnets']).toEqual([component]);
      expect(recordOf(result, 'aws:lb/targetGroup:TargetGroup', 'web').propertyDependencies['vpcId']).toEqual([component]);
      // A listener on 443 is HTTPS, and so is the default target group.
      expect(recordOf(result, 'aws:lb/listener:Listener', 'web-0').inputs).toMatchObject({ port: 443, protocol: 'HTTPS', certificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/abc' });
      expect(recordOf(result, 'aws:lb/targetGroup:TargetGroup', 'web').inputs).toMatchObject({ port: 443, protocol: 'HTTPS' });
    }
  });

  it.each<[string, awsx.lb.ApplicationLoadBalancerArgs, string[]]>([
    ['given security groups: none created', { subnetIds: ['subnet-0a'], securityGroups: ['sg-0a'] }, ['LoadBalancer web', 'TargetGroup web', 'Listener web-0']],
    ['the default security group skipped', { subnetIds: ['subnet-0a'], defaultSecurityGroup: { skip: true } }, ['LoadBalancer web', 'TargetGroup web', 'Listener web-0']],
    ['an existing default security group', { subnetIds: ['subnet-0a'], defaultSecurityGroup: { securityGroupId: 'sg-0b' } }, ['LoadBalancer web', 'TargetGroup web', 'Listener web-0']],
    ['two listeners', { subnetIds: ['subnet-0a'], listeners: [{ port: 80 }, { port: 443, protocol: 'HTTPS' }] }, ['SecurityGroup web', 'LoadBalancer web', 'TargetGroup web', 'Listener web-0', 'Listener web-1']],
  ])('with %s', async (_title, args, expected) => {
    const { preview, update } = await runBothModes(() => void new awsx.lb.ApplicationLoadBalancer('web', args));
    for (const result of [preview, update]) {
      expect(typesAndNames(childrenOf(result, ALB, 'web')).map(([type, name]) => `${type.split(':').pop()} ${name}`)).toEqual(expected);
    }
    if (args.defaultSecurityGroup?.securityGroupId) {
      expect(recordOf(update, 'aws:lb/loadBalancer:LoadBalancer', 'web').inputs['securityGroups']).toEqual(['sg-0b']);
    }
    if (args.listeners) {
      expect(recordOf(update, 'aws:lb/listener:Listener', 'web-1').inputs).toMatchObject({ port: 443, protocol: 'HTTPS' });
      // With more than one listener the default target group takes the first one's port and protocol.
      expect(recordOf(update, 'aws:lb/targetGroup:TargetGroup', 'web').inputs).toMatchObject({ port: 80, protocol: 'HTTP' });
    }
  });

  it('with exactly one of `listeners`, gives the target group no port or protocol (the provider’s inverted test)', async () => {
    const { update } = await runBothModes(() => void new awsx.lb.ApplicationLoadBalancer('web', { subnetIds: ['subnet-0a'], listeners: [{ port: 8080 }] }));
    const targetGroup = recordOf(update, 'aws:lb/targetGroup:TargetGroup', 'web');
    expect(targetGroup.inputs['port']).toBeUndefined();
    expect(targetGroup.inputs['protocol']).toBeUndefined();
    expect(recordOf(update, 'aws:lb/listener:Listener', 'web-0').inputs).toMatchObject({ port: 8080, protocol: 'HTTP' });
  });

  it('leaves the VPC unknown, in both modes, for subnets the run did not create', async () => {
    const { update } = await runBothModes(() => void new awsx.lb.ApplicationLoadBalancer('web', { subnetIds: ['subnet-0a'] }));
    expect(recordOf(update, 'aws:ec2/securityGroup:SecurityGroup', 'web').inputs['vpcId']).toBe(UNKNOWN);
  });

  it('passes load balancer arguments on and outputs resources downstream resources can use', async () => {
    const { preview, update } = await runBothModes(() => {
      const alb = new awsx.lb.ApplicationLoadBalancer('web', { subnetIds: ['subnet-0a'], internal: true, accessLogs: { bucket: 'logs', enabled: true } });
      new aws.lb.ListenerRule('api', {
        listenerArn: alb.listeners.apply((listeners) => listeners![0]!.arn),
        actions: [{ type: 'forward', targetGroupArn: alb.defaultTargetGroup.arn }],
        conditions: [{ pathPattern: { values: ['/api/*'] } }],
      });
    });
    expect(recordOf(update, 'aws:lb/loadBalancer:LoadBalancer', 'web').inputs).toMatchObject({ internal: true, accessLogs: { bucket: 'logs', enabled: true } });
    const rule = recordOf(update, 'aws:lb/listenerRule:ListenerRule', 'api');
    expect(rule.inputs['listenerArn']).toBe(recordOf(update, 'aws:lb/listener:Listener', 'web-0').id);
    expect(recordOf(preview, 'aws:lb/listenerRule:ListenerRule', 'api').inputs['listenerArn']).toBe(UNKNOWN);
  });
});
