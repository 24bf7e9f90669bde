import { createHash } from 'node:crypto';
import * as awsx from '@pulumi/awsx';
import { UNKNOWN } from '../../types';
import { childrenOf, recordOf, runBothModes, typesAndNames } from '../testing/component-records';

const TASK = 'awsx:ecs:FargateTaskDefinition';
const TRUST = '{"Version":"2012-10-17","Statement":[{"Action":"sts:AssumeRole","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Effect":"Allow","Sid":""}]}';
const EXECUTION_POLICY = 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy';
const sha1 = (text: string) => createHash('sha1').update(text).digest('hex').slice(0, 8);

describe('awsx:ecs:FargateTaskDefinition', () => {
  const program = () => {
    const task = new awsx.ecs.FargateTaskDefinition('api', {
      container: { name: 'api', image: 'nginx:1.27', cpu: 256, memory: 512, essential: true, portMappings: [{ containerPort: 8080 }] },
    });
    return { family: task.taskDefinition.family, roleArn: task.executionRole.apply((role) => role?.arn) };
  };

  it('builds a log group, a task role, an execution role with its policy attachment, and the task definition', async () => {
    const { preview, update } = await runBothModes(program);
    for (const result of [preview, update]) {
      expect(typesAndNames(childrenOf(result, TASK, 'api'))).toEqual([
        ['aws:cloudwatch/logGroup:LogGroup', 'api'],
        ['aws:iam/role:Role', 'api-task'],
        ['aws:iam/role:Role', 'api-execution'],
        ['aws:iam/rolePolicyAttachment:RolePolicyAttachment', `api-execution-${sha1(EXECUTION_POLICY)}`],
        ['aws:ecs/taskDefinition:TaskDefinition', 'api'],
      ]);
      // awsx sets no retention on the log group.
      expect(Object.keys(recordOf(result, 'aws:cloudwatch/logGroup:LogGroup', 'api').inputs)).toEqual(['name']);
      expect(recordOf(result, 'aws:iam/role:Role', 'api-task').inputs['assumeRolePolicy']).toBe(TRUST);
      const attachment = recordOf(result, 'aws:iam/rolePolicyAttachment:RolePolicyAttachment', `api-execution-${sha1(EXECUTION_POLICY)}`);
      expect(attachment.inputs).toEqual({ policyArn: EXECUTION_POLICY, role: recordOf(result, 'aws:iam/role:Role', 'api-execution').inputs['name'] });
      expect(attachment.propertyDependencies['role']).toEqual([recordOf(result, 'aws:iam/role:Role', 'api-execution').urn]);
    }
  });

  it('writes the container definitions JSON as the provider does, known in a preview too, and names the family after its hash', async () => {
    const { preview, update } = await runBothModes(program);
    const logGroupName = String(recordOf(preview, 'aws:cloudwatch/logGroup:LogGroup', 'api').inputs['name']);
    const json = JSON.stringify([
      {
        cpu: 256,
        essential: true,
        image: 'nginx:1.27',
        memory: 512,
        name: 'api',
        portMappings: [{ containerPort: 8080, hostPort: 8080 }],
        logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': logGroupName, 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'api' } },
      },
    ]);
    for (const result of [preview, update]) {
      const task = recordOf(result, 'aws:ecs/taskDefinition:TaskDefinition', 'api');
      expect(task.inputs).toMatchObject({
        containerDefinitions: json,
        cpu: '256',
        memory: '512',
        family: `api-${sha1(`dev${json}`)}`,
        networkMode: 'awsvpc',
        requiresCompatibilities: ['FARGATE'],
      });
      expect(task.propertyDependencies['containerDefinitions']).toEqual([recordOf(result, 'aws:cloudwatch/logGroup:LogGroup', 'api').urn]);
      expect(task.propertyDependencies['taskRoleArn']).toEqual([recordOf(result, 'aws:iam/role:Role', 'api-task').urn]);
    }
    expect(recordOf(preview, 'aws:ecs/taskDefinition:TaskDefinition', 'api').inputs['executionRoleArn']).toBe(UNKNOWN);
    expect(recordOf(update, 'aws:ecs/taskDefinition:TaskDefinition', 'api').inputs['executionRoleArn']).toBe(recordOf(update, 'aws:iam/role:Role', 'api-execution').outputs['arn']);
    expect(update.outputs).toEqual({ family: preview.outputs['family'], roleArn: recordOf(update, 'aws:iam/role:Role', 'api-execution').outputs['arn'] });
  });

  it('skips the log group and roles, or uses existing ones, as asked', async () => {
    const { update } = await runBothModes(
      () =>
        void new awsx.ecs.FargateTaskDefinition('api', {
          containers: { web: { name: 'ignored', image: 'nginx', essential: true }, sidecar: { name: 'ignored', image: 'envoy', essential: false } },
          logGroup: { skip: true },
          taskRole: { skip: true },
          executionRole: { roleArn: 'arn:aws:iam::111122223333:role/exec' },
          cpu: '1024',
          memory: '2048',
        }),
    );
    expect(typesAndNames(childrenOf(update, TASK, 'api'))).toEqual([['aws:ecs/taskDefinition:TaskDefinition', 'api']]);
    const task = recordOf(update, 'aws:ecs/taskDefinition:TaskDefinition', 'api');
    expect(task.inputs).toMatchObject({ cpu: '1024', memory: '2048', executionRoleArn: 'arn:aws:iam::111122223333:role/exec' });
    expect(task.inputs['taskRoleArn']).toBeUndefined();
    // Containers sorted by their key, which names them; no log configuration without a log group.
    expect(JSON.parse(String(task.inputs['containerDefinitions']))).toEqual([
      { essential: false, image: 'envoy', name: 'sidecar' },
      { essential: true, image: 'nginx', name: 'web' },
    ]);
  });

  it('leaves the container definitions unknown in a preview when a container value is unknown', async () => {
    const { preview } = await runBothModes(() => {
      const repository = new awsx.ecr.Repository('api', {});
      new awsx.ecs.FargateTaskDefinition('api', { container: { name: 'api', image: repository.url, essential: true } });
    });
    const task = recordOf(preview, 'aws:ecs/taskDefinition:TaskDefinition', 'api');
    expect(task.inputs).toMatchObject({ containerDefinitions: UNKNOWN, family: UNKNOWN, cpu: UNKNOWN, memory: UNKNOWN });
    expect(task.propertyDependencies['containerDefinitions']).toEqual([recordOf(preview, 'awsx:ecr:Repository', 'api').urn]);
  });
});
