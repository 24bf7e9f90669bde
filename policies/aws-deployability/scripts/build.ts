/**
 * Compiles the pack's server entry (`index.ts`) into `bin/index.js`, the file package.json `main` names and the
 * Pulumi CLI starts: workspace packages inlined, npm dependencies required at run time (see
 * `@bulwark/policy-kit/build`). Run it with `npm run build` here or `npx nx run aws-deployability:build`.
 */
import { relative } from 'node:path';
import { bundlePolicyPack } from '@bulwark/policy-kit/build';
import { PACK_ROOT } from '../src/pack';

bundlePolicyPack(PACK_ROOT).then(
  (outfile) => console.log(`wrote ${relative(process.cwd(), outfile)}`),
  (error: Error) => {
    console.error(`building the aws-deployability pack failed: ${error.message}`);
    process.exitCode = 1;
  },
);
