import * as aws from '@pulumi/aws';
import * as awsx from '@pulumi/awsx';
import { childrenOf, recordOf, runBothModes } from '../testing/component-records';

describe('awsx:ec2:DefaultVpc', () => {
  it('registers nothing and answers with the default VPC’s ids, its subnets all public, in both modes', async () => {
    const results = await runBothModes(() => {
      const vpc = new awsx.ec2.DefaultVpc('default');
      const group = new aws.ec2.SecurityGroup('app', { vpcId: vpc.vpcId });
      return { vpcId: vpc.vpcId, publicSubnetIds: vpc.publicSubnetIds, privateSubnetIds: vpc.privateSubnetIds, groupVpcId: group.vpcId };
    }, { config: { 'aws:region': 'eu-central-1' } });
    for (const result of [results.preview, results.update]) {
      expect(childrenOf(result, 'awsx:ec2:DefaultVpc', 'default')).toEqual([]);
      expect(result.outputs).toEqual({
        vpcId: expect.stringMatching(/^vpc-[0-9a-f]{17}$/),
        publicSubnetIds: [expect.stringMatching(/^subnet-/), expect.stringMatching(/^subnet-/), expect.stringMatching(/^subnet-/)],
        privateSubnetIds: [],
        groupVpcId: result.outputs['vpcId'],
      });
      expect(recordOf(result, 'awsx:ec2:DefaultVpc', 'default').outputs['vpcId']).toBe(result.outputs['vpcId']);
      expect(result.invokes.map((invoke) => invoke.token)).toEqual([
        'aws:ec2/getVpc:getVpc',
        'aws:ec2/getSubnets:getSubnets',
        'aws:ec2/getSubnet:getSubnet',
        'aws:ec2/getSubnet:getSubnet',
        'aws:ec2/getSubnet:getSubnet',
      ]);
    }
    expect(results.update.outputs).toEqual(results.preview.outputs);
    // The lookups run on the provider awsx's children would use, which the engine makes for them.
    const provider = recordOf(results.preview, 'pulumi:providers:aws', 'default_7_43_0');
    expect(results.preview.invokes.every((invoke) => invoke.provider === `${provider.urn}::${provider.id}`)).toBe(true);
  });
});
