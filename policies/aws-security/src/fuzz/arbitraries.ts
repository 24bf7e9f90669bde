/**
 * fast-check generators of resource inputs and stacks for the rules' property-based test: realistic shapes
 * for each type (from the `@pulumi/aws` declarations), values that matter to rules (CIDRs, ports, policy
 * documents, ARNs, KMS algorithms...), and everywhere the things a rule must survive: missing properties,
 * wrong types, unknown keys, engine unknown sentinels and secret wrappers at any depth.
 */
import fc from 'fast-check';
import { SECRET_SIG, SECRET_SIG_KEY, type ResourceRecord, type WireValue } from '@bulwark/offline';
import { resource } from '@bulwark/policy-kit/testing';
import { awsInputShape, type InputShape } from './aws-input-shapes';

/** Every unknown sentinel the engine uses (`@pulumi/policy`'s proxy knows each of them). */
export const UNKNOWN_SENTINELS = [
  '1c4a061d-8072-4f0a-a4cb-0ff528b18fe7',
  '3eeb2bf0-c639-47a8-9e75-3b44932eb421',
  '04da6b54-80e4-46f7-96ec-b56ff0331ba9',
  '6a19a0b0-7e62-4c92-b797-7f8e31da9cc2',
  '030794c1-ac77-496b-92df-f27374a8bd58',
  'e48ece36-62e2-4504-bad9-02848725956a',
  'dd056dcd-154b-4c76-9bd3-c8f88648b5ff',
];

const unknown = fc.constantFrom(...UNKNOWN_SENTINELS);

/** Strings that steer rules down their interesting branches. */
const meaningfulString = fc.constantFrom(
  ...['', '*', ' ', 'true', 'false', '22', '3389', '-1', '0', 'all', 'tcp', 'udp', 'icmp', '6', '17'],
  ...['0.0.0.0/0', '::/0', '0.0.0.0/1', '10.0.0.0/8', '192.168.1.10/32', '2001:db8::1/128', '1.2.3.4', 'not-a-cidr', '300.1.1.1/33'],
  ...['ingress', 'egress', 'allow', 'deny', 'Allow', 'Deny', 'ALL', 'ACCEPT', 'REJECT', 'Enabled', 'Suspended', 'Disabled'],
  ...['aws:kms', 'aws:kms:dsse', 'AES256', 'SYMMETRIC_DEFAULT', 'RSA_2048', 'HMAC_256', 'ENCRYPT_DECRYPT', 'SIGN_VERIFY'],
  ...['required', 'optional', 'enabled', 'disabled', 'redirect-to-https', 'https-only', 'allow-all', 'FIFTEEN_MINUTES', 'SIX_HOURS'],
  ...['private', 'public-read', 'public-read-write', 'authenticated-read', 'log-delivery-write', 'BucketOwnerEnforced'],
  ...['123456789012', '210987654321', 'us-east-1', 'eu-west-1', 'lambda.amazonaws.com', 'events.amazonaws.com', 'sts:AssumeRole'],
  ...['arn:aws:s3:::logs', 'arn:aws:s3:::logs/*', 'arn:aws:iam::123456789012:root', 'arn:aws:iam::aws:policy/AdministratorAccess'],
  ...['arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab', 'alias/aws/s3', 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/x/y'],
  ...['AWS::S3::Object', 'AWS::Lambda::Function', 'arn:aws:s3', 'arn:aws:lambda', 'eventCategory', 'resources.type', 'Data', 'Management'],
  ...['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesSQLiRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet', 'AWS', 'IP', 'REGIONAL', 'CLOUDFRONT'],
  ...['Environment', 'Owner', 'Project', 'prod', 's3-origin', 'origin-1', 'sg-0123456789abcdef0', 'vpc-0123', 'subnet-1'],
);

const finiteNumber = fc.double({ noNaN: true, noDefaultInfinity: true });
const meaningfulNumber = fc.constantFrom(0, -1, 1, 6, 7, 14, 17, 21, 22, 23, 24, 35, 80, 89, 90, 91, 365, 443, 1024, 3389, 65535, 65536, 900, 2000);

const jsonLeaf: fc.Arbitrary<WireValue> = fc.oneof(fc.boolean(), fc.integer(), finiteNumber, fc.string(), meaningfulString, fc.constant(null), unknown);
/** Any JSON value, including unknowns at any depth: what a wrong-typed property may hold. */
export const anyValue: fc.Arbitrary<WireValue> = fc.letrec<{ value: WireValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    jsonLeaf,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.oneof(fc.string(), meaningfulString), tie('value'), { maxKeys: 3 }),
  ),
})).value;

const principal = fc.oneof(
  fc.constantFrom<WireValue>('*', { AWS: '*' }, { AWS: ['*'] }, { AWS: 'arn:aws:iam::123456789012:root' }, { Service: 'lambda.amazonaws.com' }),
  fc.record({ AWS: fc.oneof(meaningfulString, fc.array(meaningfulString, { maxLength: 3 }), unknown) }),
  anyValue,
);
const stringOrList = fc.oneof(meaningfulString, fc.array(fc.oneof(meaningfulString, unknown), { maxLength: 4 }), unknown, anyValue);
const actionLike = fc.oneof(
  fc.constantFrom<WireValue>('*', 's3:*', 'kms:*', 'iam:*', 's3:GetObject', 'ec2:DescribeInstances', 'xray:PutTraceSegments', 'kms:Decrypt', 'kms:Create*'),
  fc.array(fc.constantFrom('kms:Encrypt', 'kms:PutKeyPolicy', 'kms:ScheduleKeyDeletion', 'iam:*', 's3:PutObject', 'sts:AssumeRole'), { maxLength: 4 }),
  stringOrList,
);
const conditionKey = fc.constantFrom(
  'aws:SecureTransport',
  'aws:SourceArn',
  'aws:SourceAccount',
  'aws:PrincipalOrgID',
  'aws:PrincipalAccount',
  'kms:CallerAccount',
  'aws:MultiFactorAuthPresent',
);
const condition = fc.oneof(
  fc.dictionary(
    fc.constantFrom('Bool', 'BoolIfExists', 'StringEquals', 'StringLike', 'ArnLike', 'ArnEquals', 'Null'),
    fc.dictionary(conditionKey, fc.oneof(fc.boolean(), stringOrList), { maxKeys: 2 }),
    { maxKeys: 2 },
  ),
  anyValue,
);
const statement = fc.record(
  {
    Sid: fc.string(),
    Effect: fc.oneof(fc.constantFrom<WireValue>('Allow', 'Deny'), anyValue),
    Principal: principal,
    NotPrincipal: principal,
    Action: actionLike,
    NotAction: actionLike,
    Resource: stringOrList,
    NotResource: stringOrList,
    Condition: condition,
  },
  { requiredKeys: [] },
);
const policyDocument = fc.record(
  { Version: fc.oneof(fc.constant<WireValue>('2012-10-17'), anyValue), Statement: fc.oneof(statement, fc.array(statement, { maxLength: 4 }), anyValue) },
  { requiredKeys: [] },
);
/** A policy document as programs send it: a JSON string (sometimes broken) or an object. */
export const policyValue: fc.Arbitrary<WireValue> = fc.oneof(
  policyDocument.map((document) => JSON.stringify(document)),
  policyDocument as fc.Arbitrary<WireValue>,
  fc.constantFrom('{', '{"Statement":', 'null', '[]', '"text"'),
);

function secret(value: fc.Arbitrary<WireValue>): fc.Arbitrary<WireValue> {
  return value.map((inner) => ({ [SECRET_SIG_KEY]: SECRET_SIG, value: inner }));
}

const shapeArbitraries = new WeakMap<InputShape, fc.Arbitrary<WireValue>>();

/** Values for a property of this shape, perturbed: unknowns, wrong types, nulls and secrets mixed in. */
export function valueFor(shape: InputShape): fc.Arbitrary<WireValue> {
  const cached = shapeArbitraries.get(shape);
  if (cached) return cached;
  const typed = typedValue(shape);
  const arbitrary = fc.oneof(
    { weight: 12, arbitrary: typed },
    { weight: 1, arbitrary: unknown },
    { weight: 1, arbitrary: anyValue },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: secret(typed) },
  );
  shapeArbitraries.set(shape, arbitrary);
  return arbitrary;
}

function typedValue(shape: InputShape): fc.Arbitrary<WireValue> {
  switch (shape.kind) {
    case 'boolean':
      return fc.oneof({ weight: 6, arbitrary: fc.boolean() }, { weight: 1, arbitrary: fc.constantFrom('true', 'false') });
    case 'number':
      return fc.oneof({ weight: 4, arbitrary: meaningfulNumber }, fc.integer(), finiteNumber, fc.constantFrom('22', '90', ''));
    case 'string':
      return fc.oneof({ weight: 6, arbitrary: meaningfulString }, fc.string(), policyValue);
    case 'stringMap':
      return fc.dictionary(fc.oneof(meaningfulString, fc.string()), fc.oneof(meaningfulString, unknown, anyValue), { maxKeys: 4 });
    case 'list':
      return fc.array(valueFor(shape.element), { maxLength: 3 });
    case 'object':
      return objectValue(shape.properties);
    case 'any':
      return fc.oneof(anyValue, policyValue);
  }
}

function objectValue(properties: Readonly<Record<string, InputShape>>): fc.Arbitrary<WireValue> {
  const known = fc.record(
    Object.fromEntries(Object.entries(properties).map(([name, shape]) => [name, valueFor(shape)])),
    { requiredKeys: [] },
  );
  const extra = fc.dictionary(fc.string({ maxLength: 8 }), anyValue, { maxKeys: 2 });
  return fc.tuple(known, extra).map(([values, unknownKeys]) => ({ ...unknownKeys, ...values }) as WireValue);
}

const GENERIC_SHAPE: InputShape = {
  kind: 'object',
  properties: {
    tags: { kind: 'stringMap' },
    policy: { kind: 'string' },
    name: { kind: 'string' },
    arn: { kind: 'string' },
    accountId: { kind: 'string' },
    bucket: { kind: 'string' },
    kmsKeyId: { kind: 'string' },
  },
};

/** Inputs for a resource of `type`: realistic for `@pulumi/aws` types, sometimes entirely random or empty. */
export function propsFor(type: string): fc.Arbitrary<Record<string, WireValue>> {
  const shape = awsInputShape(type) ?? GENERIC_SHAPE;
  return fc.oneof(
    { weight: 8, arbitrary: valueFor(shape) },
    { weight: 1, arbitrary: fc.dictionary(fc.string(), anyValue, { maxKeys: 5 }) },
    { weight: 1, arbitrary: fc.constant({}) },
  ).map((value) => (value && typeof value === 'object' && !Array.isArray(value) ? value : { value }) as Record<string, WireValue>);
}

/** One resource to generate: its type, inputs, and links to other resources of the same stack. */
interface ResourceDraft {
  readonly type: string;
  readonly props: Record<string, WireValue>;
  /** [other resource index, property name index, how the value refers to it]. */
  readonly links: ReadonlyArray<readonly [number, number, 'dependency-only' | 'name' | 'arn' | 'unknown']>;
}

function draft(types: readonly string[]): fc.Arbitrary<ResourceDraft> {
  return fc.constantFrom(...types).chain((type) =>
    fc.record({
      type: fc.constant(type),
      props: propsFor(type),
      links: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('dependency-only' as const, 'name' as const, 'arn' as const, 'unknown' as const)), {
        maxLength: 3,
      }),
    }),
  );
}

function shortName(type: string): string {
  return (type.split(':').pop() ?? 'resource').toLowerCase();
}

/**
 * A stack of `min`..`max` resources of the given types, linked the ways stack rules follow: a property
 * depending on another resource (`propertyDependencies`), carrying its name or ARN, or unknown (preview).
 * Resources may use an explicit AWS provider with random `defaultTags`.
 */
export function stackOf(types: readonly string[], min: number, max: number): fc.Arbitrary<ResourceRecord[]> {
  return fc
    .tuple(fc.array(draft(types), { minLength: min, maxLength: max }), fc.option(valueFor({ kind: 'object', properties: { defaultTags: { kind: 'object', properties: { tags: { kind: 'stringMap' } } }, region: { kind: 'string' } } }), { nil: undefined }))
    .map(([drafts, providerProps]) => {
      // The engine always sends an object of inputs, whatever its values hold.
      const providerInputs = providerProps && typeof providerProps === 'object' && !Array.isArray(providerProps) ? providerProps : {};
      const provider = providerProps === undefined ? undefined : resource('pulumi:providers:aws', providerInputs, { name: 'aws-provider' });
      const placeholders = drafts.map((item, index) => resource(item.type, {}, { name: `${shortName(item.type)}-${index}` }));
      const records = drafts.map((item, index) => {
        const props: Record<string, WireValue> = { ...item.props };
        const dependsOn: Record<string, ResourceRecord[]> = {};
        const shape = awsInputShape(item.type);
        const propertyNames = shape?.kind === 'object' ? Object.keys(shape.properties) : Object.keys(GENERIC_SHAPE.kind === 'object' ? GENERIC_SHAPE.properties : {});
        for (const [target, property, style] of item.links) {
          if (propertyNames.length === 0) break;
          const other = placeholders[target % placeholders.length];
          const name = propertyNames[property % propertyNames.length];
          (dependsOn[name] ??= []).push(other);
          if (style === 'name') props[name] = other.name;
          if (style === 'arn') props[name] = `arn:aws:${other.type.split(/[:/]/)[1]}:us-east-1:123456789012:${other.name}`;
          if (style === 'unknown') props[name] = UNKNOWN_SENTINELS[2];
        }
        return resource(item.type, props, { name: placeholders[index].name, dependsOn, provider });
      });
      return provider ? [provider, ...records] : records;
    });
}
