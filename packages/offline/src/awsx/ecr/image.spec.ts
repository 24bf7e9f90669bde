import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as aws from '@pulumi/aws';
import * as awsx from '@pulumi/awsx';
import { runProgram } from '../../engine/run-program';
import { SECRET_SIG, SECRET_SIG_KEY, UNKNOWN } from '../../types';
import { DOCKER_BUILD_SDK } from './image';
import { childrenOf, PROJECT, recordOf, runBothModes, typesAndNames } from '../testing/component-records';

const IMAGE = 'awsx:ecr:Image';
const DOCKER_BUILD_PROVIDER = `urn:pulumi:dev::${PROJECT}::pulumi:providers:docker-build::default_0_0_14`;
const REPOSITORY_URL = '210987654321.dkr.ecr.eu-west-1.amazonaws.com/shop';

/** The provider's name for an image given no name or tag: the first 8 hex digits of a SHA-1 of its build inputs. */
const hashedName = (signature: string) => `${createHash('sha1').update(signature).digest('hex').slice(0, 8)}-container`;

describe('awsx:ecr:Image', () => {
  const fromOwnRepository = () => {
    const repository = new awsx.ecr.Repository('app', { forceDelete: true });
    const image = new awsx.ecr.Image('app', { repositoryUrl: repository.url, context: './app', platform: 'linux/amd64' });
    const cluster = new aws.ecs.Cluster('cluster');
    new awsx.ecs.FargateService('app', {
      cluster: cluster.arn,
      assignPublicIp: true,
      taskDefinitionArgs: { container: { name: 'app', image: image.imageUri, cpu: 256, memory: 512, essential: true } },
    });
    return { imageUri: image.imageUri };
  };

  it('builds nothing in a preview while the repository URL is unknown, and its image URI is unknown', async () => {
    const preview = await runProgram(fromOwnRepository, { project: PROJECT, mode: 'preview' });
    expect(childrenOf(preview, IMAGE, 'app')).toEqual([]);
    expect(preview.expandedComponents.find((component) => component.type === IMAGE)).toMatchObject({ childCount: 0 });
    expect(preview.outputs['imageUri']).toBe(UNKNOWN);
    expect(preview.invokes.map((invoke) => invoke.token)).not.toContain('aws:ecr/getAuthorizationToken:getAuthorizationToken');
  });

  it('in an update: the registry lookup, one docker-build image pushed to the repository, the URI by digest downstream', async () => {
    const update = await runProgram(fromOwnRepository, { project: PROJECT, mode: 'update' });
    const url = String(recordOf(update, 'aws:ecr/repository:Repository', 'app').outputs['repositoryUrl']);
    const name = hashedName('./appdev');
    expect(typesAndNames(childrenOf(update, IMAGE, 'app'))).toEqual([['docker-build:index:Image', name]]);
    const image = recordOf(update, 'docker-build:index:Image', name);
    expect(image.urn).toBe(`urn:pulumi:dev::${PROJECT}::awsx:ecr:Image$docker-build:index:Image::${name}`);
    expect(image.provider).toBe(`${DOCKER_BUILD_PROVIDER}::docker-build-default-provider`);
    expect(recordOf(update, 'pulumi:providers:docker-build', 'default_0_0_14').defaultProvider).toBe(true);
    const lookup = update.invokes.find((invoke) => invoke.token === 'aws:ecr/getAuthorizationToken:getAuthorizationToken');
    expect(lookup?.args).toEqual({ registryId: update.placeholderAccount });
    expect(image.inputs).toEqual({
      buildOnPreview: true,
      cacheFrom: [{ registry: { ref: `${url}:${name}` } }],
      cacheTo: [{ inline: {} }],
      context: { location: './app' },
      dockerfile: {},
      network: 'default',
      platforms: ['linux/amd64'],
      push: true,
      registries: [
        {
          [SECRET_SIG_KEY]: SECRET_SIG,
          value: { address: `https://${String(update.placeholderAccount)}.dkr.ecr.us-east-1.amazonaws.com`, password: expect.stringMatching(/^bulwark-offline-placeholder-/), username: 'AWS' },
        },
      ],
      tags: [`${url}:${name}`],
    });
    // Built inside the provider's apply, from plain values: no input depends on a resource.
    expect(Object.values(image.propertyDependencies).flat()).toEqual([]);
    const imageUri = String(update.outputs['imageUri']);
    expect(imageUri).toMatch(new RegExp(`^${url.replace(/\./g, '\\.')}@sha256:[0-9a-f]{64}$`));
    expect(image.outputs['digest']).toBe(imageUri.split('@')[1]);
    const task = recordOf(update, 'aws:ecs/taskDefinition:TaskDefinition', 'app');
    expect(JSON.parse(String(task.inputs['containerDefinitions']))[0].image).toBe(imageUri);
  });

  it.each<[string, awsx.ecr.ImageArgs, string, Record<string, unknown>]>([
    [
      'a tag names the image; the build inputs pass through',
      { repositoryUrl: REPOSITORY_URL, imageTag: 'v1.2', context: '.', dockerfile: 'docker/Dockerfile', args: { NODE_ENV: 'production' }, target: 'runtime' },
      'v1.2',
      { buildArgs: { NODE_ENV: 'production' }, context: { location: '.' }, dockerfile: { location: 'docker/Dockerfile' }, platforms: [], target: 'runtime', tags: [`${REPOSITORY_URL}:v1.2`] },
    ],
    [
      'a name wins over a tag; cache sources replace the inline cache',
      { repositoryUrl: REPOSITORY_URL, imageName: 'shop-web', imageTag: 'ignored', cacheFrom: [`${REPOSITORY_URL}:cache`] },
      'shop-web',
      { cacheFrom: [{ registry: { ref: `${REPOSITORY_URL}:cache` } }], context: { location: '.' }, tags: [`${REPOSITORY_URL}:shop-web`] },
    ],
    [
      'no name or tag: a hash of the context, Dockerfile, build arguments and stack',
      { repositoryUrl: REPOSITORY_URL, context: 'web', dockerfile: 'web/Dockerfile.prod', args: { A: '1', B: '2' } },
      hashedName('web;dockerfile=web/Dockerfile.prod;arg[A]=1;arg[B]=2dev'),
      { buildArgs: { A: '1', B: '2' }, context: { location: 'web' } },
    ],
  ])('%s (known in both modes: the image is registered in a preview too)', async (_title, args, name, inputs) => {
    const { preview, update } = await runBothModes(() => ({ imageUri: new awsx.ecr.Image('web', args).imageUri }), { config: { 'aws:region': 'eu-west-1' } });
    for (const result of [preview, update]) {
      expect(typesAndNames(childrenOf(result, IMAGE, 'web'))).toEqual([['docker-build:index:Image', name]]);
      expect(recordOf(result, 'docker-build:index:Image', name).inputs).toMatchObject({ push: true, ...inputs });
      const lookup = result.invokes.find((invoke) => invoke.token === 'aws:ecr/getAuthorizationToken:getAuthorizationToken');
      expect(lookup?.args).toEqual({ registryId: '210987654321' });
    }
    // The digest comes from the build: unknown until the image exists.
    expect(preview.outputs['imageUri']).toBe(UNKNOWN);
    expect(update.outputs['imageUri']).toMatch(new RegExp(`^${REPOSITORY_URL.replace(/\./g, '\\.')}@sha256:[0-9a-f]{64}$`));
  });

  it('looks up the registry it is given rather than the one in the URL', async () => {
    const result = await runProgram(() => void new awsx.ecr.Image('web', { repositoryUrl: REPOSITORY_URL, registryId: '123456789012', imageTag: 'v1' }), { project: PROJECT });
    expect(result.invokes.find((invoke) => invoke.token === 'aws:ecr/getAuthorizationToken:getAuthorizationToken')?.args).toEqual({ registryId: '123456789012' });
  });

  it('fails as the provider does for a repository URL that is not a URL', async () => {
    await expect(runProgram(() => void new awsx.ecr.Image('web', { repositoryUrl: 'not a url' }), { project: PROJECT })).rejects.toThrow(
      'awsx:ecr:Image component urn:pulumi:dev::proj::awsx:ecr:Image::web: the awsx provider would reject its arguments: repositoryUrl: Repository URL is not a valid URL.',
    );
  });
});

describe('the docker-build SDK the model builds with', () => {
  it('is the version awsx pins, declaring the inputs and defaults of the installed SDK', () => {
    const manifest = JSON.parse(readFileSync(require.resolve('@pulumi/docker-build/package.json'), 'utf8')) as { version: string };
    expect(manifest.version).toBe(DOCKER_BUILD_SDK.version);
    const source = readFileSync(require.resolve('@pulumi/docker-build/image.js'), 'utf8');
    expect(source).toContain("__pulumiType = 'docker-build:index:Image'");
    const keys = [...source.matchAll(/resourceInputs\["(\w+)"\] = \(?args\?\.\w+/g)].map((match) => match[1]);
    expect([...DOCKER_BUILD_SDK.keys].sort()).toEqual([...new Set(keys)].sort());
    const defaults = Object.fromEntries(
      [...source.matchAll(/resourceInputs\["(\w+)"\] = \(args\?\.\w+\) \?\? ("[^"]*"|true|false)/g)].map((match) => [match[1], JSON.parse(match[2] as string)]),
    );
    expect(DOCKER_BUILD_SDK.defaults).toEqual(defaults);
  });
});
