/**
 * `@bulwark/stack-data/testing`: what the data stack's consumers test against: example outputs that satisfy its
 * contract (checked against the program's real outputs by the data stack's own spec). Test code, outside nx's
 * `production` input.
 */
export { exampleDataOutputs } from './example-outputs';
