import { runProgram } from '@bulwark/offline';
import { referenceStack } from './typed-stack-reference';
import { componentTestConfig, onlyResourceOfType } from '../testing';

interface ProducerOutputs {
  readonly vpcId: string;
  readonly subnetIds: string[];
}

const producerOutputs: ProducerOutputs = { vpcId: 'vpc-0a1b2c3d4e5f60718', subnetIds: ['subnet-0a1b2c3d4e5f60718'] };

describe.each(['preview', 'update'] as const)('referenceStack (%s)', (mode) => {
  it('names the producer from its parts, registers one StackReference and reads its outputs by key', async () => {
    const seen: Record<string, unknown> = {};
    const result = await runProgram(
      async () => {
        const producer = referenceStack<ProducerOutputs>('network', { organization: 'platform', project: 'core-network', environment: 'prod' });
        seen.stackName = producer.stackName;
        seen.subnetIds = await producer.value('subnetIds');
        return { vpcId: producer.output('vpcId') };
      },
      { mode, config: componentTestConfig, stackReferences: { 'platform/core-network/prod': { ...producerOutputs } } },
    );
    expect(seen).toEqual({ stackName: 'platform/core-network/prod', subnetIds: producerOutputs.subnetIds });
    expect(onlyResourceOfType(result, 'pulumi:pulumi:StackReference').inputs).toMatchObject({ name: 'platform/core-network/prod' });
    expect(result.outputs).toEqual({ vpcId: producerOutputs.vpcId });
  });

  it("defaults the organization to the consumer's own", async () => {
    let stackName: string | undefined;
    await runProgram(
      () => {
        stackName = referenceStack<ProducerOutputs>('network', { project: 'network', environment: 'dev' }).stackName;
      },
      { mode, config: componentTestConfig, organization: 'acme', stackReferences: { 'acme/network/dev': { ...producerOutputs } } },
    );
    expect(stackName).toBe('acme/network/dev');
  });
});
