/**
 * The `aws-security` CrossGuard pack, as the Pulumi CLI loads it (compiled to `bin/index.js`, package.json
 * `main`). Constructing the pack starts its Analyzer gRPC server, so nothing but this file may do it.
 */
import { PolicyPack } from '@pulumi/policy';
import { createPolicies, loadPackWaivers, PACK_NAME } from './src/pack';

new PolicyPack(PACK_NAME, { policies: createPolicies({ waivers: loadPackWaivers() }) });
