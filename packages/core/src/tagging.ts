import * as aws from '@pulumi/aws';
import type * as pulumi from '@pulumi/pulumi';
import { type StackConfig } from './config/stack-config';

/** The value of the `ManagedBy` tag: tells an operator in the console not to edit the resource by hand. */
export const MANAGED_BY = 'pulumi';

/** The tags every Bulwark resource carries, as `key: value`. */
export interface StandardTags {
  readonly Environment: string;
  readonly Owner: string;
  readonly Project: string;
  readonly ManagedBy: string;
  readonly Stack: string;
}

/** The standard tags for a stack: `Environment`, `Owner`, `Project`, `ManagedBy` and `Stack` (`<project>/<stack>`). */
export function standardTags(config: StackConfig): StandardTags {
  return {
    Environment: config.environment,
    Owner: config.owner,
    Project: config.project,
    ManagedBy: MANAGED_BY,
    Stack: `${config.pulumiProject}/${config.stack}`,
  };
}

/** Where and how {@link createAwsProvider} builds its provider. */
export interface AwsProviderOptions {
  /**
   * The region the provider deploys to; must be one of `bulwark:regions`.
   * @default the stack's primary region (`aws:region`)
   */
  readonly region?: string;
  /**
   * The provider's logical name.
   * @default `aws-<region>`
   */
  readonly name?: string;
  /** Resource options for the provider itself (a parent, for example). */
  readonly opts?: pulumi.CustomResourceOptions;
}

/**
 * The AWS provider every stack deploys through: its `defaultTags` put the standard tags on every taggable
 * resource (the policy pack's required-tags rule counts them), so no resource can be created untagged, and it
 * refuses to deploy outside the accounts `aws:allowedAccountIds` names (an explicit provider does not read
 * stack config, so the key is passed on here).
 */
export function createAwsProvider(config: StackConfig, options: AwsProviderOptions = {}): aws.Provider {
  const region = options.region ?? config.region;
  if (!config.regions.includes(region)) {
    throw new Error(
      `createAwsProvider: region "${region}" is not in bulwark:regions (${config.regions.join(', ')}); add it there first`,
    );
  }
  return new aws.Provider(
    options.name ?? `aws-${region}`,
    {
      region,
      defaultTags: { tags: { ...standardTags(config) } },
      allowedAccountIds: [...config.allowedAccountIds],
    },
    options.opts,
  );
}
