import { z } from 'zod';
import { DEFAULT_LAMBDA_NODE_RUNTIME, lambdaRuntimeProblem } from './lambda-node-runtimes';
import { type ConfigIssue, type LoadedStackConfig, loadStackConfig, numberKey, organizationKey, producerProjectKey, stringKey } from '@bulwark/core';

/** The namespace of this stack's own keys (`compute:instanceType`), the Pulumi project name. */
export const COMPUTE_NAMESPACE = 'compute';

const PURPOSE_FORM = 'the purpose of one of the data stack\'s buckets (data:dataBuckets), e.g. "app-data"';
const PREFIX_FORM = 'an S3 key prefix of lowercase path segments ending in "/", e.g. "reports/" or "app/config/"';
const RUNTIME_FORM = 'a Lambda Node.js runtime that is not deprecated, e.g. "nodejs24.x"';
const INSTANCE_TYPE_FORM = 'an x86_64 EC2 instance type such as "t3.small" or "m7i.large" (the AMI is Amazon Linux 2023 x86_64)';

const wholeNumber = (minimum: number, maximum: number, what: string) => {
  const form = `a whole number of ${what} from ${minimum} to ${maximum}`;
  return { schema: z.number({ error: form }).int({ error: form }).min(minimum, { error: form }).max(maximum, { error: form }), form };
};
const instances = wholeNumber(0, 50, 'instances');
const volume = wholeNumber(8, 1024, 'GiB');
const concurrency = wholeNumber(1, 1000, 'concurrent executions');
const concurrencyForm = `${concurrency.form}, set only where the account's Lambda concurrency quota leaves 100 unreserved above it`;
const memory = wholeNumber(128, 10240, 'MB');
const timeout = wholeNumber(1, 900, 'seconds');

/** The stack-specific keys, read from the `compute:` namespace. */
export const computeSettingKeys = {
  organization: organizationKey,
  networkProject: producerProjectKey('network'),
  dataProject: producerProjectKey('data'),
  baselineProject: producerProjectKey('baseline'),
  dataBucket: stringKey(z.string({ error: PURPOSE_FORM }).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: PURPOSE_FORM }).default('app-data'), PURPOSE_FORM),
  dataPrefix: stringKey(z.string({ error: PREFIX_FORM }).regex(/^([a-z0-9][a-z0-9._-]*\/)+$/, { error: PREFIX_FORM }).default('app/'), PREFIX_FORM),
  instanceType: stringKey(
    z
      .string({ error: INSTANCE_TYPE_FORM })
      .regex(/^[a-z][a-z0-9-]*\.[a-z0-9]+$/, { error: INSTANCE_TYPE_FORM })
      // Graviton families (a1, *g, *gd, *gn) cannot boot an x86_64 AMI.
      .refine((type) => !/^(a1|[a-z]+\d+g[a-z]*)\./.test(type), { error: INSTANCE_TYPE_FORM })
      .default('t3.small'),
    INSTANCE_TYPE_FORM,
  ),
  minSize: numberKey(instances.schema.default(1), instances.form),
  maxSize: numberKey(instances.schema.default(2), instances.form),
  desiredCapacity: numberKey(instances.schema.default(1), instances.form),
  rootVolumeSizeGb: numberKey(volume.schema.default(20), volume.form),
  // Opt-in: a reservation must leave 100 of the account's concurrency unreserved, and new accounts have 10.
  lambdaReservedConcurrency: numberKey(concurrency.schema.optional(), concurrencyForm),
  lambdaRuntime: stringKey(
    z
      .string({ error: RUNTIME_FORM })
      .superRefine((runtime, context) => {
        // Checked against today: a runtime is refused from the day Lambda deprecates it.
        const problem = lambdaRuntimeProblem(runtime, new Date().toISOString().slice(0, 10));
        if (problem !== undefined) context.addIssue({ code: 'custom', message: problem });
      })
      .default(DEFAULT_LAMBDA_NODE_RUNTIME),
    RUNTIME_FORM,
  ),
  lambdaMemoryMb: numberKey(memory.schema.default(256), memory.form),
  lambdaTimeoutSeconds: numberKey(timeout.schema.default(30), timeout.form),
} as const;

/** The compute stack's validated config: the shared keys plus {@link computeSettingKeys}. */
export type ComputeStackConfig = LoadedStackConfig<typeof computeSettingKeys>;

/**
 * Reads and validates the stack's config, reporting every bad key at once: the shared `bulwark:` keys, this
 * stack's `compute:` keys, keys in the `compute:` namespace that do not exist, and sizes that contradict each other.
 */
export function loadComputeConfig(): ComputeStackConfig {
  return loadStackConfig({ settings: computeSettingKeys, settingsNamespace: COMPUTE_NAMESPACE, contradictions });
}

function contradictions(config: ComputeStackConfig): ConfigIssue[] {
  const { minSize, maxSize, desiredCapacity } = config.settings;
  const issues: ConfigIssue[] = [];
  if (maxSize < minSize) {
    issues.push({ key: `${COMPUTE_NAMESPACE}:maxSize`, value: maxSize, expected: `at least compute:minSize (${minSize})` });
  }
  if (desiredCapacity < minSize || desiredCapacity > maxSize) {
    issues.push({
      key: `${COMPUTE_NAMESPACE}:desiredCapacity`,
      value: desiredCapacity,
      expected: `a number from compute:minSize (${minSize}) to compute:maxSize (${maxSize})`,
    });
  }
  return issues;
}
