/**
 * The `aws-security` CrossGuard pack's server entry, as the Pulumi CLI loads it. Constructing the pack starts its
 * Analyzer gRPC server, so nothing but this file may do it; everything else imports the library (`src/index.ts`).
 *
 * Why package.json `main` points here (compiled to `bin/index.js` by the `build` target) while `exports["."]` is
 * the library: the CLI runs `node <@pulumi/pulumi>/cmd/run-policy-pack <engine> <pack-dir>`, whose `run.js`
 * (`@pulumi/pulumi/cmd/run-policy-pack/run.js`, 3.248) does `require(program)` with `program` the pack directory's
 * absolute path. Requiring a directory by path makes Node read that directory's package.json `main` (its
 * LOAD_AS_DIRECTORY step); `exports` applies only to bare package specifiers (`@bulwark/aws-security`), so it can
 * point elsewhere without changing what the CLI starts.
 */
import { PolicyPack } from '@pulumi/policy';
import { createPolicies, loadPackWaivers, PACK_NAME } from './src/pack';

new PolicyPack(PACK_NAME, { policies: createPolicies({ waivers: loadPackWaivers() }) });
