/**
 * The nx-pulumi plugin: register it in nx.json as `{ "plugin": "./tools/nx-pulumi", "options": { ... } }`.
 * It infers preview / deploy / refresh / drift / check for every Pulumi project and adds the edges that put
 * producers before consumers.
 */
import { createStackDependencies } from './create-stack-dependencies';
import { createStackNodes } from './create-stack-nodes';

export type { NxPulumiOptions } from './plugin-options';

/** Plugin name shown by nx in errors and `nx show project`. */
export const name = '@bulwark/nx-pulumi';

/** nx 23 reads `createNodes`, with the all-files-at-once (v2) signature. */
export const createNodes = createStackNodes;

/** The same inference under the name earlier nx majors look for (and the issue names), kept for both. */
export const createNodesV2 = createStackNodes;

/** Producer/consumer, pack and foundation edges. */
export const createDependencies = createStackDependencies;
