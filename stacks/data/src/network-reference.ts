import * as pulumi from '@pulumi/pulumi';
import { stackReferenceName } from '@bulwark/core';
import type { NetworkOutputs } from '@bulwark/stack-network/src/outputs';
import { type DataStackConfig } from './config';

/** The network stack's outputs, read through a StackReference and typed by the network's output contract. */
export interface NetworkReference {
  /** The referenced stack, `<organization>/<project>/<environment>`. */
  readonly stackName: string;
  /** One output of the network stack; the deployment fails if the network does not export it. */
  output<K extends keyof NetworkOutputs>(key: K): pulumi.Output<NetworkOutputs[K]>;
}

/**
 * The name of the network stack of this environment: `data:organization` (default: this stack's own
 * organization), `data:networkProject` and `bulwark:environment`, so one program serves every environment.
 */
export function networkStackName(config: DataStackConfig): string {
  return stackReferenceName({ organization: config.settings.organization, project: config.settings.networkProject, environment: config.environment });
}

/** References the network stack of this environment. */
export function referenceNetwork(config: DataStackConfig): NetworkReference {
  const stackName = networkStackName(config);
  const reference = new pulumi.StackReference('network', { name: stackName });
  return {
    stackName,
    output: <K extends keyof NetworkOutputs>(key: K) => reference.requireOutput(key) as pulumi.Output<NetworkOutputs[K]>,
  };
}
