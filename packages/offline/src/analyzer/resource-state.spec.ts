import * as analyzerproto from '@pulumi/pulumi/proto/analyzer_pb';
import { defaultResourceOptions, UNKNOWN, type ResourceRecord } from '../types';
import { analyzeStackRequest } from './analyzer-requests';
import { stateProperties } from './resource-state';

function record(overrides: Partial<ResourceRecord>): ResourceRecord {
  return {
    urn: 'urn:pulumi:dev::proj::aws:ec2/vpc:Vpc::main',
    type: 'aws:ec2/vpc:Vpc',
    name: 'main',
    custom: true,
    dependencies: [],
    propertyDependencies: {},
    inputs: { cidrBlock: '10.0.0.0/16' },
    outputs: { cidrBlock: '10.0.0.0/16', arn: 'arn:aws:ec2:us-east-1:210987654321:vpc/vpc-0a1b2c3d4e5f60718' },
    id: 'vpc-0a1b2c3d4e5f60718',
    options: defaultResourceOptions(),
    ...overrides,
  };
}

describe('the state AnalyzeStack sees', () => {
  it("carries a created AWS resource's id among its outputs, as the AWS provider returns it", () => {
    expect(stateProperties(record({}))).toEqual({
      cidrBlock: '10.0.0.0/16',
      arn: 'arn:aws:ec2:us-east-1:210987654321:vpc/vpc-0a1b2c3d4e5f60718',
      id: 'vpc-0a1b2c3d4e5f60718',
    });
  });

  it.each<[string, Partial<ResourceRecord>]>([
    ['a resource a preview has yet to create', { id: UNKNOWN }],
    ['a component', { custom: false, id: undefined, type: 'awsx:ec2:Vpc' }],
    ['a provider', { type: 'pulumi:providers:aws', id: 'default-aws-provider' }],
    ['a resource of a package the engine does not emulate', { type: 'docker-build:index:Image', id: 'bulwark-offline-id-0f' }],
  ])('adds nothing for %s', (_title, overrides) => {
    const given = record(overrides);
    expect(stateProperties(given)).toBe(given.outputs);
  });
});

describe('AnalyzeStack requests', () => {
  it('send that state for each resource', () => {
    const vpc = record({});
    const request = analyzerproto.AnalyzeStackRequest.deserializeBinary(analyzeStackRequest([vpc], new Map([[vpc.urn, vpc]])));
    expect(request.getResourcesList()[0]?.getProperties()?.toJavaScript()).toMatchObject({ id: 'vpc-0a1b2c3d4e5f60718' });
  });
});
