/**
 * `@bulwark/stack-network/testing`: what the network's consumers test against: example outputs that satisfy its
 * contract (checked against the program's real outputs by the network's own spec). Test code, outside nx's
 * `production` input.
 */
export { exampleNetworkOutputs } from './example-outputs';
