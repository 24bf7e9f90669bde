import * as aws from '@pulumi/aws';
import * as awsx from '@pulumi/awsx';
import * as pulumi from '@pulumi/pulumi';
import { ProgramError, runProgram } from '../engine/run-program';
import { UNKNOWN } from '../types';
import { COMPONENT_MODELS } from './expand-component';
import { childrenOf, PROJECT, recordOf } from './testing/component-records';

/** A multi-language component of a package the offline engine knows nothing about. */
class Widget extends pulumi.ComponentResource {
  constructor(name: string) {
    super('acme:index:Widget', name, { size: 3 }, {}, true);
  }
}

const urnOf = (type: string, name: string) => `urn:pulumi:dev::${PROJECT}::${type}::${name}`;

/**
 * A value only known once a resource exists: unknown in a preview. The awsx SDK types the inputs that decide the
 * children as plain values, but JavaScript (or a cast) can still pass an Output, and then the provider gets one.
 */
const afterCreation = <T>(value: T) => new aws.sns.Topic('signal').arn.apply(() => value) as unknown as T;

describe('remote components', () => {
  it('models every awsx component the brief names', () => {
    expect([...COMPONENT_MODELS.keys()].sort()).toEqual([
      'awsx:cloudtrail:Trail',
      'awsx:ec2:DefaultVpc',
      'awsx:ec2:Vpc',
      'awsx:ecr:Image',
      'awsx:ecr:Repository',
      'awsx:ecs:EC2Service',
      'awsx:ecs:EC2TaskDefinition',
      'awsx:ecs:FargateService',
      'awsx:ecs:FargateTaskDefinition',
      'awsx:lb:ApplicationLoadBalancer',
      'awsx:lb:NetworkLoadBalancer',
    ]);
  });

  describe('an opaque component fails the run: its children were not checked', () => {
    it.each<[string, () => unknown, string, string]>([
      ['a remote component of an unknown package', () => new Widget('gadget'), 'acme:index:Widget', 'gadget'],
      [
        'an awsx component the engine has no model of (a registry image copies an image the engine cannot see)',
        () => new awsx.ecr.RegistryImage('app', { repositoryUrl: '123456789012.dkr.ecr.us-east-1.amazonaws.com/app', sourceImage: 'nginx:1.27' }),
        'awsx:ecr:RegistryImage',
        'app',
      ],
    ])('%s', async (_title, program, type, name) => {
      const run = runProgram(program, { project: PROJECT });
      await expect(run).rejects.toThrow(ProgramError);
      const error = (await run.catch((failure: unknown) => failure)) as ProgramError;
      expect(error.message).toContain(`${type} component ${urnOf(type, name)} is opaque to the offline engine`);
      expect(error.message).toContain('were not checked offline');
      expect(error.message).toContain('--allow-opaque-components (runProgram option: allowOpaqueComponents)');
      expect(error.failures).toHaveLength(1);
    });

    it('an awsx component whose deciding input is unknown, naming the input', async () => {
      const program = () => void new awsx.ec2.Vpc('main', { numberOfAvailabilityZones: afterCreation(2) });
      const run = runProgram(program, { project: PROJECT, mode: 'preview' });
      await expect(run).rejects.toThrow(
        `awsx:ec2:Vpc component ${urnOf('awsx:ec2:Vpc', 'main')} is opaque to the offline engine: its input \`numberOfAvailabilityZones\` is unknown during this run, and it decides which resources the provider builds.`,
      );
      // In an update the same input is known, and the component is expanded.
      const update = await runProgram(program, { project: PROJECT, mode: 'update' });
      expect(update.expandedComponents.map((component) => component.type)).toEqual(['awsx:ec2:Vpc']);
    });

    it.each<[string, () => unknown, string]>([
      ['an unknown switch', () => new awsx.lb.ApplicationLoadBalancer('web', { subnetIds: ['subnet-0a'], defaultSecurityGroup: { skip: afterCreation(true) } }), '`defaultSecurityGroup.skip`'],
      ['an unknown number of listeners', () => new awsx.lb.NetworkLoadBalancer('edge', { subnetIds: ['subnet-0a'], listeners: afterCreation([{ port: 80 }]) }), '`listeners`'],
      ['more zones than the engine emulates', () => new awsx.ec2.Vpc('main', { numberOfAvailabilityZones: 4 }), 'asks for 4 availability zones, more than the 3 the offline engine knows per region'],
      ['a VPC block left to IPAM', () => new awsx.ec2.Vpc('main', { ipv4IpamPoolId: 'ipam-pool-0a', ipv4NetmaskLength: 20, subnetStrategy: 'Auto' }), '`cidrBlock` is left to IPAM'],
    ])('also for %s', async (_title, program, reason) => {
      await expect(runProgram(program, { project: PROJECT })).rejects.toThrow(reason);
    });
  });

  describe('with allowOpaqueComponents', () => {
    it('the run succeeds and lists each opaque component, recorded as a component without children', async () => {
      const result = await runProgram(
        () => {
          new Widget('gadget');
          new awsx.ec2.Vpc('main', { numberOfAvailabilityZones: afterCreation(2) });
          const image = new awsx.ecr.RegistryImage('app', { repositoryUrl: '123456789012.dkr.ecr.us-east-1.amazonaws.com/app', sourceImage: 'nginx:1.27' });
          return { image: image.image.apply((registryImage) => registryImage.name) };
        },
        { project: PROJECT, allowOpaqueComponents: true },
      );
      // In registration order: the VPC waits for its input.
      expect(result.opaqueComponents).toEqual([
        { urn: urnOf('acme:index:Widget', 'gadget'), type: 'acme:index:Widget', reason: 'the offline engine has no model of what the acme provider builds for acme:index:Widget' },
        {
          urn: urnOf('awsx:ecr:RegistryImage', 'app'),
          type: 'awsx:ecr:RegistryImage',
          reason: expect.stringContaining('no model of what the awsx provider builds for awsx:ecr:RegistryImage (modelled awsx components: awsx:ec2:Vpc,'),
        },
        { urn: urnOf('awsx:ec2:Vpc', 'main'), type: 'awsx:ec2:Vpc', reason: expect.stringContaining('its input `numberOfAvailabilityZones` is unknown') },
      ]);
      expect(result.expandedComponents).toEqual([]);
      expect(recordOf(result, 'acme:index:Widget', 'gadget')).toMatchObject({ custom: false, inputs: { size: 3 } });
      expect(childrenOf(result, 'awsx:ec2:Vpc', 'main')).toEqual([]);
      // Nothing answers for an opaque component's outputs: unknown, as for anything not yet created in a preview.
      expect(result.outputs['image']).toBe(UNKNOWN);
    });

    it('is empty when every component was expanded', async () => {
      const result = await runProgram(() => void new awsx.ec2.Vpc('main', { numberOfAvailabilityZones: 2 }), { project: PROJECT, allowOpaqueComponents: true });
      expect(result.opaqueComponents).toEqual([]);
      expect(result.expandedComponents).toEqual([{ urn: urnOf('awsx:ec2:Vpc', 'main'), type: 'awsx:ec2:Vpc', modelVersion: '3.9.0', childCount: 22 }]);
    });
  });
});
