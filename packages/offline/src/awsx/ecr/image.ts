/**
 * `awsx:ecr:Image`: builds a Docker image and pushes it to an ECR repository. The provider computes everything
 * inside one `apply` over all its arguments, so when any of them is unknown (in a preview, the URL of a repository
 * the same run creates) it registers nothing and `imageUri` is unknown, as a real first preview shows. Otherwise it
 * looks up the registry's credentials (`aws.ecr.getAuthorizationToken`, registry id from `registryId` or from the
 * URL's host) and registers one `docker-build:index:Image` named after the image (`imageName`, else `imageTag`,
 * else a hash of the build context, Dockerfile, build arguments and stack), tagged `<repositoryUrl>:<name>`, cached
 * from that tag unless `cacheFrom` says otherwise, and pushed with those credentials. `imageUri` is
 * `<repositoryUrl>@<digest>`.
 *
 * The build does not happen offline: the digest is a placeholder, stable per image, known in an update and unknown
 * in a preview, as any computed output. The component builds no AWS resource, so modelling it hides nothing an AWS
 * rule could judge, while treating it as opaque would make every containerised program need
 * `--allow-opaque-components`, which also lets through components nobody models.
 */
import { createHash } from 'node:crypto';
import { type WireValue } from '../../types';
import { type ComponentBuilder, type PackageSdk } from '../component-builder';
import { type ComponentInputs } from '../component-inputs';
import { type ComponentModel, type ComponentOutputs } from '../component-model';
import { ComponentArgumentError } from '../model-errors';
import { sha1Prefix } from '../role-with-policies';
import { derive, TracedValue } from '../traced-value';

/**
 * `@pulumi/docker-build` as the awsx provider builds with it (0.0.14, pinned by awsx 3.9.0): what
 * `new dockerbuild.Image(name, args)` copies from `args`, and the defaults it fills in.
 */
export const DOCKER_BUILD_SDK: PackageSdk = {
  package: 'docker-build',
  version: '0.0.14',
  keys: [
    'addHosts', 'buildArgs', 'buildOnPreview', 'builder', 'cacheFrom', 'cacheTo', 'context', 'dockerfile', 'exec',
    'exports', 'labels', 'load', 'network', 'noCache', 'platforms', 'pull', 'push', 'registries', 'secrets', 'ssh',
    'tags', 'target',
  ],
  defaults: { buildOnPreview: true, network: 'default' },
};

type Plain = { readonly [key: string]: WireValue | undefined };

/** The provider's image name when none is given: a hash of what the build depends on, and the stack. */
function uniqueImageName(args: Plain, stack: string): string {
  let signature = String(args['context'] ?? '.');
  if (args['dockerfile']) signature += `;dockerfile=${String(args['dockerfile'])}`;
  const buildArgs = (args['args'] ?? undefined) as Plain | undefined;
  if (buildArgs) for (const key of Object.keys(buildArgs)) signature += `;arg[${key}]=${String(buildArgs[key])}`;
  return `${sha1Prefix(signature + stack)}-container`;
}

/** The registry id: given, else the account id the repository URL's host starts with (`<account>.dkr.ecr...`). */
function registryIdOf(repositoryUrl: string, given: WireValue | undefined): string {
  if (typeof given === 'string' && given !== '') return given;
  let host: string;
  try {
    host = new URL(repositoryUrl.startsWith('https://') ? repositoryUrl : `https://${repositoryUrl}`).hostname;
  } catch {
    throw new ComponentArgumentError(`repositoryUrl: Repository URL is not a valid URL.`);
  }
  return host.split('.')[0] as string;
}

function expandImage(build: ComponentBuilder, inputs: ComponentInputs): ComponentOutputs {
  const all = inputs.values();
  const everything = derive(Object.values(all), () => null);
  if (!everything.known) return { imageUri: new TracedValue(everything.value, everything.dependencies) };

  const args = Object.fromEntries(Object.keys(all).map((key) => [key, inputs.decide(key)])) as Plain;
  const repositoryUrl = args['repositoryUrl'];
  if (typeof repositoryUrl !== 'string') throw new ComponentArgumentError('repositoryUrl: the repository URL is required');
  const imageName = String(args['imageName'] || args['imageTag'] || uniqueImageName(args, build.stack));
  const canonicalImageName = `${repositoryUrl}:${imageName}`;

  const credentials = build.invoke('aws:ecr/getAuthorizationToken:getAuthorizationToken', {
    registryId: registryIdOf(repositoryUrl, args['registryId']),
  });
  if (!credentials['userName'] || !credentials['password']) throw new ComponentArgumentError('Invalid credentials');
  const registry = { address: credentials['proxyEndpoint'] ?? null, username: credentials['userName'], password: credentials['password'] };

  // The provider registers the image inside its apply, from plain values: no input carries a dependency, and only
  // the credentials (secret outputs of the lookup) are secret.
  const cacheFrom = Array.isArray(args['cacheFrom']) ? args['cacheFrom'].map((ref) => ({ registry: { ref } })) : [];
  if (cacheFrom.length === 0) cacheFrom.push({ registry: { ref: canonicalImageName } });
  const digest = `sha256:${createHash('sha256').update(`bulwark-offline-image:${canonicalImageName}`).digest('hex')}`;
  const image = build.packageChild(
    DOCKER_BUILD_SDK,
    'docker-build:index:Image',
    imageName,
    {
      tags: [canonicalImageName],
      buildArgs: args['args'],
      cacheFrom,
      cacheTo: [{ inline: {} }],
      context: { location: String(args['context'] ?? '.') },
      dockerfile: args['dockerfile'] === undefined ? {} : { location: args['dockerfile'] },
      platforms: args['platform'] ? [args['platform']] : [],
      target: args['target'],
      push: true,
      registries: [new TracedValue(registry, [], true)],
    },
    { computed: { digest, ref: `${canonicalImageName}@${digest}` } },
  );
  return { imageUri: derive([image.output('digest')], (value) => `${repositoryUrl}@${String(value)}`) };
}

export const ecrImageModel: ComponentModel = { type: 'awsx:ecr:Image', expand: expandImage };
