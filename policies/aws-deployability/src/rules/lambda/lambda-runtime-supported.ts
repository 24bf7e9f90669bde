/**
 * A Lambda function's runtime must not be deprecated: Lambda stops patching a deprecated runtime and then blocks
 * creating (later updating) functions on it, so a new stack fails to deploy and an existing one cannot change its
 * code. Deprecated runtimes come from the @pulumi/aws `lambda.Runtime` enum (generated, `src/data/provider-values.ts`)
 * and a dated hand list of newer deprecations (`@bulwark/aws-model`'s `support-calendars/lambda-runtime-deprecations.ts`), compared with today.
 * Container image functions (`packageType: "Image"`) have no runtime and are not checked.
 */
import { rawProps, resourceRule, stringValue, UNDECIDED } from '@bulwark/policy-kit';
import { LAMBDA_RUNTIME_DEPRECATIONS } from '@bulwark/aws-model';
import { DEPRECATED_LAMBDA_RUNTIMES } from '../../data/provider-values';
import { AWS_DOCS } from '../../lib/references';

const FUNCTION = 'aws:lambda/function:Function';

/** When `runtime` was (or will be) deprecated: a date, `long ago` for the provider's marks, or undefined. */
export function runtimeDeprecation(runtime: string): string | undefined {
  const dated = LAMBDA_RUNTIME_DEPRECATIONS.find((entry) => entry.runtime === runtime)?.deprecation;
  if (dated) return dated;
  return DEPRECATED_LAMBDA_RUNTIMES.has(runtime) ? 'before @pulumi/aws marked it deprecated' : undefined;
}

export const lambdaRuntimeSupported = resourceRule({
  metadata: {
    id: 'lambda-runtime-supported',
    title: 'Lambda functions use a runtime that is not deprecated',
    description:
      'A function on a deprecated Lambda runtime gets no security patches, and Lambda blocks creating and then updating ' +
      'functions on it: a new deployment fails. Deprecations come from the @pulumi/aws runtime enum and a dated list ' +
      'kept from the Lambda runtimes page.',
    severity: 'high',
    enforcementLevel: 'mandatory',
    service: 'lambda',
    controls: {},
    resourceTypes: [FUNCTION],
    remediation: 'Move the function to a supported runtime of the same language (for Node.js, nodejs24.x) and make the runtime configuration, not code.',
    references: [AWS_DOCS.lambdaRuntimes],
  },
  check: ({ args, report, undecided }) => {
    if (args.type !== FUNCTION) return;
    const props = rawProps(args.props);
    if (stringValue(props['packageType']) === 'Image') return;
    const runtime = stringValue(props['runtime']);
    if (runtime === UNDECIDED) {
      undecided('runtime', 'a deprecated runtime cannot be deployed');
      return;
    }
    if (!runtime) return;
    const deprecation = runtimeDeprecation(runtime);
    const today = new Date().toISOString().slice(0, 10);
    if (deprecation && (!/^\d{4}-/.test(deprecation) || deprecation <= today)) {
      report(`Function ${args.name} uses runtime ${runtime}, deprecated ${/^\d{4}-/.test(deprecation) ? `since ${deprecation}` : deprecation}: Lambda no longer patches it and blocks new functions on it. Use a supported runtime.`);
    }
  },
});
