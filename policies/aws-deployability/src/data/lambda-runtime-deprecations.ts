/**
 * Lambda runtime deprecation dates the @pulumi/aws enum does not mark yet, KEPT BY HAND from AWS's "Lambda
 * runtimes" page (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html), read on 2026-12-07. From the
 * deprecation date a runtime gets no security patches; soon after, Lambda blocks creating functions on it, so a
 * new stack using it fails to deploy. Add a runtime when AWS announces its date; the generated
 * `DEPRECATED_LAMBDA_RUNTIMES` (from @pulumi/aws) covers the ones the provider already marks.
 */
export const LAMBDA_RUNTIME_DEPRECATIONS: readonly { readonly runtime: string; readonly deprecation: string }[] = [
  { runtime: 'nodejs18.x', deprecation: '2025-09-01' },
  { runtime: 'nodejs20.x', deprecation: '2026-04-30' },
  { runtime: 'nodejs22.x', deprecation: '2027-04-30' },
  { runtime: 'python3.9', deprecation: '2025-12-15' },
];
