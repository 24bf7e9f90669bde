/**
 * The `aws-deployability` CrossGuard pack's server entry, as the Pulumi CLI loads it (package.json `main`, compiled
 * to `bin/index.js` by the `build` target). Constructing the pack starts its Analyzer gRPC server, so nothing but
 * this file may do it; everything else imports the library (`src/index.ts`). See the aws-security pack's
 * `index.ts` for why `main` and `exports["."]` differ.
 */
import { PolicyPack } from '@pulumi/policy';
import { createPolicies, loadPackWaivers, PACK_NAME } from './src/pack';

new PolicyPack(PACK_NAME, { policies: createPolicies({ waivers: loadPackWaivers() }) });
