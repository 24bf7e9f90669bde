/**
 * @bulwark/offline/testing: what only tests use. `evaluateInProcess` evaluates a pack's policies in the test's own
 * process with the policy SDK's semantics (rule specs, and conformance tests that compare it with the gRPC path);
 * production code always talks to packs the way the Pulumi CLI does, over the Analyzer protocol.
 */
export { evaluateInProcess, type InProcessPack } from '../policy/in-process';
