/**
 * `@bulwark/core/testing`: what tests of programs built from core share (resource lookups in a run, policy
 * documents, a complete component test config). Test code: nx's `production` input leaves it out, so it never
 * invalidates a build, and `^testHelpers` makes the tests that use it rerun when it changes.
 */
export * from './program-records';
