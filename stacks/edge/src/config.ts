import { z } from 'zod';
import {
  type ConfigIssue,
  type LoadedStackConfig,
  listKey,
  loadStackConfig,
  numberKey,
  organizationKey,
  producerProjectKey,
  stringKey,
} from '@bulwark/core';

/** The namespace of this stack's own keys (`edge:rateLimit`), the Pulumi project name. */
export const EDGE_NAMESPACE = 'edge';

/** CloudFront's control plane, WAF web ACLs of CLOUDFRONT scope and their logs live here. */
export const CLOUDFRONT_REGION = 'us-east-1';

const RATE_LIMIT_FORM = 'a whole number of requests per 5 minutes from one client, from 10 to 2000000000 (the pack accepts at most 2000 by default)';
const CERTIFICATE_FORM = 'the ARN of an ACM certificate in us-east-1 (CloudFront only uses certificates there), e.g. "arn:aws:acm:us-east-1:<account>:certificate/<uuid>"';
const ALIASES_FORM = 'a non-empty YAML list of DNS names the certificate covers, e.g. ["www.example.com"]';
const PRICE_CLASS_FORM = 'one of PriceClass_100, PriceClass_200, PriceClass_All';
const ROOT_OBJECT_FORM = 'an object key such as "index.html" (letters, digits, ".", "_", "-", "/"; no leading "/")';

const hostnameSchema = z
  .string({ error: ALIASES_FORM })
  .regex(/^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, { error: 'a lowercase DNS name such as "www.example.com"' });

/** The stack-specific keys, read from the `edge:` namespace. */
export const edgeSettingKeys = {
  organization: organizationKey,
  baselineProject: producerProjectKey('baseline'),
  rateLimit: numberKey(
    z.number({ error: RATE_LIMIT_FORM }).int({ error: RATE_LIMIT_FORM }).min(10, { error: RATE_LIMIT_FORM }).max(2_000_000_000, { error: RATE_LIMIT_FORM }).default(1000),
    RATE_LIMIT_FORM,
  ),
  certificateArn: stringKey(
    z.string({ error: CERTIFICATE_FORM }).regex(/^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]{36}$/, { error: CERTIFICATE_FORM }),
    CERTIFICATE_FORM,
  ),
  aliases: listKey(z.array(hostnameSchema).min(1, { error: ALIASES_FORM }), ALIASES_FORM),
  priceClass: stringKey(z.enum(['PriceClass_100', 'PriceClass_200', 'PriceClass_All'], { error: PRICE_CLASS_FORM }).default('PriceClass_100'), PRICE_CLASS_FORM),
  defaultRootObject: stringKey(
    z.string({ error: ROOT_OBJECT_FORM }).regex(/^[A-Za-z0-9._-][A-Za-z0-9._/-]{0,254}$/, { error: ROOT_OBJECT_FORM }).default('index.html'),
    ROOT_OBJECT_FORM,
  ),
} as const;

/** The edge stack's validated config: the shared keys plus {@link edgeSettingKeys}. */
export type EdgeStackConfig = LoadedStackConfig<typeof edgeSettingKeys>;

/**
 * Reads and validates the stack's config, reporting every bad key at once: the shared `bulwark:` keys (whose
 * `regions` must include us-east-1, where the web ACL lives), this stack's `edge:` keys and unknown `edge:` keys.
 */
export function loadEdgeConfig(): EdgeStackConfig {
  return loadStackConfig({ settings: edgeSettingKeys, settingsNamespace: EDGE_NAMESPACE, contradictions: missingCloudFrontRegion });
}

function missingCloudFrontRegion(config: EdgeStackConfig): ConfigIssue[] {
  if (config.regions.includes(CLOUDFRONT_REGION)) return [];
  return [
    {
      key: 'bulwark:regions',
      value: config.regions,
      expected: `a list that includes ${CLOUDFRONT_REGION}: WAF web ACLs for CloudFront and their logs are created there`,
    },
  ];
}
