import * as awsx from '@pulumi/awsx';
import * as pulumi from '@pulumi/pulumi';
import { ProgramError, runProgram } from '../engine/run-program';
import { UNKNOWN } from '../types';
import { childrenOf, PROJECT, recordOf } from './testing/component-records';

/** A multi-language component of a package the offline engine knows nothing about. */
class Widget extends pulumi.ComponentResource {
  constructor(name: string) {
    super('acme:index:Widget', name, { size: 3 }, {}, true);
  }
}

const urnOf = (type: string, name: string) => `urn:pulumi:dev::${PROJECT}::${type}::${name}`;

describe('remote components', () => {
  describe('an opaque component fails the run: its children were not checked', () => {
    it.each<[string, () => unknown, string, string]>([
      ['a remote component of an unknown package', () => new Widget('gadget'), 'acme:index:Widget', 'gadget'],
      ['an awsx component the engine has no model of (an image needs a Docker build)', () => new awsx.ecr.Image('app', { repositoryUrl: 'example.com/app', context: '.' }), 'awsx:ecr:Image', 'app'],
    ])('%s', async (_title, program, type, name) => {
      const run = runProgram(program, { project: PROJECT });
      await expect(run).rejects.toThrow(ProgramError);
      const error = (await run.catch((failure: unknown) => failure)) as ProgramError;
      expect(error.message).toContain(`${type} component ${urnOf(type, name)} is opaque to the offline engine`);
      expect(error.message).toContain('were not checked offline');
      expect(error.message).toContain('allowOpaqueComponents (CLI: --allow-opaque-components)');
      expect(error.failures).toHaveLength(1);
    });
  });

  describe('with allowOpaqueComponents', () => {
    it('the run succeeds and lists each opaque component, recorded as a component without children', async () => {
      const result = await runProgram(
        () => {
          new Widget('gadget');
          const image = new awsx.ecr.Image('app', { repositoryUrl: 'example.com/app', context: '.' });
          return { imageUri: image.imageUri };
        },
        { project: PROJECT, allowOpaqueComponents: true },
      );
      expect(result.opaqueComponents).toEqual([
        { urn: urnOf('acme:index:Widget', 'gadget'), type: 'acme:index:Widget', reason: 'the offline engine has no model of what the acme provider builds for acme:index:Widget' },
        { urn: urnOf('awsx:ecr:Image', 'app'), type: 'awsx:ecr:Image', reason: expect.stringContaining('no model of what the awsx provider builds for awsx:ecr:Image') },
      ]);
      expect(result.expandedComponents).toEqual([]);
      expect(recordOf(result, 'acme:index:Widget', 'gadget')).toMatchObject({ custom: false, inputs: { size: 3 } });
      expect(childrenOf(result, 'awsx:ecr:Image', 'app')).toEqual([]);
      // Nothing answers for an opaque component's outputs: unknown, as for anything not yet created in a preview.
      expect(result.outputs['imageUri']).toBe(UNKNOWN);
    });
  });
});
