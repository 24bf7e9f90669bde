/** `@bulwark/cli/testing`: the `bulwark` command run as a process, for end-to-end tests. */
export { BULWARK_BIN, runBulwark, type BulwarkRun, type BulwarkRunOptions } from './run-bulwark';
