import * as aws from '@pulumi/aws';
import * as awsx from '@pulumi/awsx';
import { ProgramError, runProgram } from '../../engine/run-program';
import { UNKNOWN } from '../../types';
import { childrenOf, PROJECT, recordOf, runBothModes, typesAndNames } from '../testing/component-records';

const SERVICE = 'awsx:ecs:FargateService';

describe('awsx:ecs:FargateService', () => {
  const behindLoadBalancer = () => {
    const vpc = new awsx.ec2.Vpc('main', { numberOfAvailabilityZones: 2 });
    const cluster = new aws.ecs.Cluster('cluster');
    const alb = new awsx.lb.ApplicationLoadBalancer('web', { subnetIds: vpc.publicSubnetIds });
    const service = new awsx.ecs.FargateService('app', {
      cluster: cluster.arn,
      networkConfiguration: { subnets: vpc.privateSubnetIds, securityGroups: [] },
      taskDefinitionArgs: {
        container: { name: 'app', image: 'nginx:latest', cpu: 128, memory: 512, essential: true, portMappings: [{ containerPort: 80, targetGroup: alb.defaultTargetGroup }] },
      },
    });
    return { url: alb.loadBalancer.dnsName, serviceName: service.service.name, family: service.taskDefinition.apply((task) => task?.family) };
  };

  it('behind an ALB: a nested task definition component and the service, wired to the target group', async () => {
    const { preview, update } = await runBothModes(behindLoadBalancer);
    for (const result of [preview, update]) {
      expect(typesAndNames(childrenOf(result, SERVICE, 'app'))).toEqual([
        ['awsx:ecs:FargateTaskDefinition', 'app'],
        ['aws:cloudwatch/logGroup:LogGroup', 'app'],
        ['aws:iam/role:Role', 'app-task'],
        ['aws:iam/role:Role', 'app-execution'],
        ['aws:iam/rolePolicyAttachment:RolePolicyAttachment', 'app-execution-9a42f520'],
        ['aws:ecs/taskDefinition:TaskDefinition', 'app'],
        ['aws:ecs/service:Service', 'app'],
      ]);
      const task = recordOf(result, 'aws:ecs/taskDefinition:TaskDefinition', 'app');
      expect(task.urn).toBe(`urn:pulumi:dev::${PROJECT}::awsx:ecs:FargateService$awsx:ecs:FargateTaskDefinition$aws:ecs/taskDefinition:TaskDefinition::app`);
      expect(recordOf(result, 'awsx:ecs:FargateTaskDefinition', 'app').custom).toBe(false);
      const service = recordOf(result, 'aws:ecs/service:Service', 'app');
      expect(service.inputs).toMatchObject({ desiredCount: 1, launchType: 'FARGATE', waitForSteadyState: true, networkConfiguration: { securityGroups: [] } });
      expect(service.propertyDependencies).toMatchObject({
        cluster: [recordOf(result, 'aws:ecs/cluster:Cluster', 'cluster').urn],
        networkConfiguration: [recordOf(result, 'awsx:ec2:Vpc', 'main').urn],
        taskDefinition: [task.urn],
      });
      expect(service.propertyDependencies['loadBalancers']).toContain(recordOf(result, 'aws:lb/targetGroup:TargetGroup', 'web').urn);
      expect(JSON.parse(String(task.inputs['containerDefinitions']))[0].portMappings).toEqual([{ containerPort: 80, hostPort: 80 }]);
    }
    // The load balancer wiring needs the target group's ARN: unknown in a preview.
    expect(recordOf(preview, 'aws:ecs/service:Service', 'app').inputs['loadBalancers']).toBe(UNKNOWN);
    const targetGroup = recordOf(update, 'aws:lb/targetGroup:TargetGroup', 'web');
    const service = recordOf(update, 'aws:ecs/service:Service', 'app');
    expect(service.inputs['loadBalancers']).toEqual([{ containerName: 'app', containerPort: 80, targetGroupArn: targetGroup.id }]);
    expect(service.inputs['taskDefinition']).toBe(recordOf(update, 'aws:ecs/taskDefinition:TaskDefinition', 'app').outputs['arn']);
    expect(update.outputs).toEqual({
      url: expect.stringMatching(/\.elb\.amazonaws\.com$/),
      serviceName: service.inputs['name'],
      family: recordOf(update, 'aws:ecs/taskDefinition:TaskDefinition', 'app').inputs['family'],
    });
    expect(preview.outputs).toMatchObject({ url: UNKNOWN, serviceName: service.inputs['name'], family: update.outputs['family'] });
  });

  it('without a network configuration: a security group open to everything in the default VPC, on its public subnets with assignPublicIp', async () => {
    const { preview, update } = await runBothModes(
      () => void new awsx.ecs.FargateService('app', { assignPublicIp: true, taskDefinitionArgs: { container: { name: 'app', image: 'nginx', essential: true } } }),
    );
    for (const result of [preview, update]) {
      const names = typesAndNames(childrenOf(result, SERVICE, 'app'));
      expect(names.slice(-2)).toEqual([
        ['aws:ec2/securityGroup:SecurityGroup', 'app-sg'],
        ['aws:ecs/service:Service', 'app'],
      ]);
      expect(recordOf(result, 'aws:ec2/securityGroup:SecurityGroup', 'app-sg').inputs['ingress']).toEqual([
        { cidrBlocks: ['0.0.0.0/0'], fromPort: 0, ipv6CidrBlocks: ['::/0'], protocol: '-1', toPort: 0 },
      ]);
      expect(recordOf(result, 'aws:ecs/service:Service', 'app').inputs['networkConfiguration']).toEqual({
        assignPublicIp: true,
        securityGroups: [result.mode === 'preview' ? UNKNOWN : recordOf(result, 'aws:ec2/securityGroup:SecurityGroup', 'app-sg').id],
        subnets: [expect.stringMatching(/^subnet-/), expect.stringMatching(/^subnet-/), expect.stringMatching(/^subnet-/)],
      });
    }
  });

  it('fails as the provider does without a network configuration or public IPs: a default VPC has no private subnets', async () => {
    const run = runProgram(() => void new awsx.ecs.FargateService('app', { taskDefinitionArgs: { container: { name: 'app', image: 'nginx' } } }));
    await expect(run).rejects.toThrow(ProgramError);
    await expect(run).rejects.toThrow('The default VPC does not have any private subnets.');
  });

  it('runs a given task definition with a capacity provider strategy: no launch type, no task definition built', async () => {
    const { update } = await runBothModes(
      () =>
        void new awsx.ecs.FargateService('app', {
          taskDefinition: 'arn:aws:ecs:us-east-1:111122223333:task-definition/app:3',
          networkConfiguration: { subnets: ['subnet-0a'] },
          capacityProviderStrategies: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }],
          desiredCount: 3,
          continueBeforeSteadyState: true,
        }),
    );
    expect(typesAndNames(childrenOf(update, SERVICE, 'app'))).toEqual([['aws:ecs/service:Service', 'app']]);
    const service = recordOf(update, 'aws:ecs/service:Service', 'app');
    expect(service.inputs).toMatchObject({ desiredCount: 3, waitForSteadyState: false, taskDefinition: 'arn:aws:ecs:us-east-1:111122223333:task-definition/app:3' });
    expect(service.inputs['launchType']).toBeUndefined();
    expect(service.inputs['loadBalancers']).toBeUndefined();
  });
});
