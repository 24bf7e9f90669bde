import * as awsx from '@pulumi/awsx';
import { childrenOf, recordOf, runBothModes, typesAndNames } from '../testing/component-records';

describe('awsx:ecs:EC2TaskDefinition', () => {
  it('builds the same log group and roles, an EC2 task definition with no task size, and keeps a given network mode', async () => {
    const { preview, update } = await runBothModes(
      () => void new awsx.ecs.EC2TaskDefinition('worker', { container: { name: 'worker', image: 'busybox', memory: 128, essential: true }, networkMode: 'bridge' }),
    );
    for (const result of [preview, update]) {
      expect(typesAndNames(childrenOf(result, 'awsx:ecs:EC2TaskDefinition', 'worker')).map(([type]) => type)).toEqual([
        'aws:cloudwatch/logGroup:LogGroup',
        'aws:iam/role:Role',
        'aws:iam/role:Role',
        'aws:iam/rolePolicyAttachment:RolePolicyAttachment',
        'aws:ecs/taskDefinition:TaskDefinition',
      ]);
      const task = recordOf(result, 'aws:ecs/taskDefinition:TaskDefinition', 'worker');
      expect(task.inputs).toMatchObject({ networkMode: 'bridge', requiresCompatibilities: ['EC2'] });
      expect(task.inputs['cpu']).toBeUndefined();
    }
  });
});
