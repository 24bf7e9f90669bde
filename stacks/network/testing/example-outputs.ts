import { type NetworkOutputs } from '../src/outputs';

/**
 * Network outputs that satisfy the network stack's contract, as a consumer's StackReference returns them in the
 * consumers' tests. The network's own spec checks they have the keys and value shapes the program exports.
 */
export const exampleNetworkOutputs: NetworkOutputs = {
  region: 'eu-west-1',
  vpcId: 'vpc-0a1b2c3d4e5f60718',
  vpcCidr: '10.20.0.0/16',
  availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
  publicSubnetIds: ['subnet-0a00000000000000a', 'subnet-0a00000000000000b', 'subnet-0a00000000000000c'],
  privateSubnetIds: ['subnet-0b00000000000000a', 'subnet-0b00000000000000b', 'subnet-0b00000000000000c'],
  appSecurityGroupId: 'sg-0c1d2e3f405060708',
  bastionSecurityGroupId: 'sg-0d1e2f30415263748',
  privateRouteTableIds: ['rtb-0e00000000000000a', 'rtb-0e00000000000000b', 'rtb-0e00000000000000c'],
  s3GatewayEndpointId: 'vpce-0f1e2d3c4b5a69788',
  dynamodbGatewayEndpointId: 'vpce-0a9b8c7d6e5f43210',
  flowLogGroupName: '/bulwark/dev/flow-logs',
};
