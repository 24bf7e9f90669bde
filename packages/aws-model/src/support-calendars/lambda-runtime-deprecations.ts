/**
 * Lambda runtime deprecation dates, KEPT BY HAND from AWS's "Lambda runtimes" page
 * (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html), read on 2026-12-07: the one list the
 * deployability pack's `lambda-runtime-supported` (beside the @pulumi/aws enum's own deprecation marks) and the
 * compute stack's `compute:lambdaRuntime` check read. From the deprecation date a runtime gets no security patches;
 * soon after, Lambda blocks creating functions on it, so a new stack using it fails to deploy. Add a runtime, with
 * its date, when AWS releases it.
 */
export const LAMBDA_RUNTIME_DEPRECATIONS: readonly { readonly runtime: string; readonly deprecation: string }[] = [
  { runtime: 'nodejs18.x', deprecation: '2025-09-01' },
  { runtime: 'nodejs20.x', deprecation: '2026-04-30' },
  { runtime: 'nodejs22.x', deprecation: '2027-04-30' },
  { runtime: 'nodejs24.x', deprecation: '2028-04-30' },
  { runtime: 'python3.9', deprecation: '2025-12-15' },
];
