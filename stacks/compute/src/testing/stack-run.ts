import * as fs from 'node:fs';
import * as path from 'node:path';
import * as yaml from 'js-yaml';
import { evaluateInProcess, type Finding, type ProgramResult, runProgram, type RunMode } from '@bulwark/offline';
import { toPolicy } from '@bulwark/aws-security/src/rule';
import { allRules } from '@bulwark/aws-security/src/rules';
import type { DataOutputs } from '@bulwark/stack-data/src/outputs';
import type { NetworkOutputs } from '@bulwark/stack-network/src/outputs';
import { program } from '../program';

const STACK_DIRECTORY = path.resolve(__dirname, '../..');

/** The `config:` of `Pulumi.<stack>.yaml`, as the Pulumi CLI passes it to the program. */
export function stackConfigFile(stack: string): Record<string, unknown> {
  const document = yaml.load(fs.readFileSync(path.join(STACK_DIRECTORY, `Pulumi.${stack}.yaml`), 'utf8')) as { config: Record<string, unknown> };
  return document.config;
}

/** Network outputs that satisfy the network stack's contract, as its StackReference returns them. */
export const networkOutputs: NetworkOutputs = {
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

/** Data outputs that satisfy the data stack's contract for an environment (it has app-data and exports buckets). */
export function dataOutputs(environment: string): DataOutputs {
  const bucket = (purpose: string) => ({ name: `bulwark-${environment}-${purpose}-k3x9q2`, arn: `arn:aws:s3:::bulwark-${environment}-${purpose}-k3x9q2` });
  return {
    kmsKeyArn: `arn:aws:kms:eu-west-1:${deploymentAccount(environment)}:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0`,
    logsBucketName: `bulwark-${environment}-access-logs-k3x9q2`,
    logsBucketArn: `arn:aws:s3:::bulwark-${environment}-access-logs-k3x9q2`,
    dataBuckets: { 'app-data': bucket('app-data'), exports: bucket('exports') },
    tableName: `bulwark-${environment}-app`,
    tableArn: `arn:aws:dynamodb:eu-west-1:${deploymentAccount(environment)}:table/bulwark-${environment}-app`,
    databaseIdentifier: `bulwark-${environment}-postgres`,
    databaseAddress: `bulwark-${environment}-postgres.c0ffee123456.eu-west-1.rds.amazonaws.com`,
    databasePort: 5432,
    databaseName: 'app',
    databaseResourceId: 'db-ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    databaseSecurityGroupId: 'sg-0e1f2a3b4c5d6e7f8',
    cacheEnabled: false,
    cacheReplicationGroupId: null,
    cacheSecurityGroupId: null,
  };
}

/** Runs the compute program with a stack's config file (overridden key by key) and its producers' outputs. */
export function runComputeStack(stack: string, mode: RunMode, overrides: Record<string, unknown> = {}): Promise<ProgramResult> {
  const config = { ...stackConfigFile(stack), ...overrides };
  const environment = String(config['bulwark:environment']);
  return runProgram(program, {
    project: 'compute',
    stack,
    mode,
    config,
    stackReferences: {
      [`organization/network/${environment}`]: { ...networkOutputs },
      [`organization/data/${environment}`]: { ...dataOutputs(environment) },
    },
  });
}

/** Every finding of the whole workspace pack on a run, with the stack's own pack config. */
export function packFindings(result: ProgramResult): Promise<Finding[]> {
  const policyConfig = JSON.parse(fs.readFileSync(path.join(STACK_DIRECTORY, 'policy-config.json'), 'utf8')) as Record<string, unknown>;
  return evaluateInProcess({ name: 'aws-security', version: '0.1.0', policies: allRules.map((rule) => toPolicy(rule)) }, result, policyConfig);
}

/** The account the stack deploys into: the first of `aws:allowedAccountIds` in its config file. */
export function deploymentAccount(stack: string): string {
  const accounts = stackConfigFile(stack)['aws:allowedAccountIds'];
  if (!Array.isArray(accounts) || typeof accounts[0] !== 'string') throw new Error(`Pulumi.${stack}.yaml sets no aws:allowedAccountIds`);
  return accounts[0];
}
