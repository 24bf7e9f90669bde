import * as awsx from '@pulumi/awsx';
import { childrenOf, recordOf, runBothModes, typesAndNames } from '../testing/component-records';

describe('awsx:ecs:EC2Service', () => {
  it('builds a nested EC2 task definition and the service with launch type EC2 and no default desired count', async () => {
    const { preview, update } = await runBothModes(
      () =>
        void new awsx.ecs.EC2Service('worker', {
          cluster: 'arn:aws:ecs:us-east-1:111122223333:cluster/main',
          taskDefinitionArgs: { container: { name: 'worker', image: 'busybox', memory: 128, essential: true } },
        }),
    );
    for (const result of [preview, update]) {
      expect(typesAndNames(childrenOf(result, 'awsx:ecs:EC2Service', 'worker')).map(([type]) => type)).toEqual([
        'awsx:ecs:EC2TaskDefinition',
        'aws:cloudwatch/logGroup:LogGroup',
        'aws:iam/role:Role',
        'aws:iam/role:Role',
        'aws:iam/rolePolicyAttachment:RolePolicyAttachment',
        'aws:ecs/taskDefinition:TaskDefinition',
        'aws:ecs/service:Service',
      ]);
      const service = recordOf(result, 'aws:ecs/service:Service', 'worker');
      expect(service.inputs).toMatchObject({ launchType: 'EC2', waitForSteadyState: true, cluster: 'arn:aws:ecs:us-east-1:111122223333:cluster/main', loadBalancers: [] });
      expect(service.inputs['desiredCount']).toBeUndefined();
    }
  });
});
