/**
 * The AWS provider functions (invokes) the offline engine answers, in one table by token: what the account and
 * region are, what a public parameter or a policy document is, and placeholders for lookups whose real answer a
 * program only passes on (an AMI, a hosted zone, a secret's value). A lookup of infrastructure only the account
 * knows (a VPC other than the default one, a private SSM parameter, a certificate) is refused, naming the token
 * and the fixture that would answer it; the table's own keys make the list of what is answered.
 */
import { dnsSuffixOf, partitionOf, renderGetPolicyDocument } from '@bulwark/aws-model';
import { getAmi, getAmiIds } from './ami';
import { requestedRegion, type AwsEnvironment } from './aws-environment';
import { defaultSubnetLookup, defaultSubnetsLookup, defaultVpcLookup } from './default-vpc';
import { getAuthorizationToken } from './ecr-authorization';
import { getZone } from './hosted-zone';
import { publicParameterValue } from './public-parameters';
import { getSecret, getSecretVersion } from './secret-reads';
import { stableHex } from './stable-ids';

type Json = Record<string, unknown>;

/** Raised for an invoke the engine cannot answer; the message names the token and what to do. */
export class UnsupportedInvokeError extends Error {
  override readonly name = 'UnsupportedInvokeError';
}

export interface InvokeContext extends AwsEnvironment {
  /** SSM parameters the program may read, by name (public `/aws/service/...` parameters are answered anyway). */
  readonly ssmParameters: Readonly<Record<string, string>>;
}

/** Answers one invoke, or says why these arguments ask for something it cannot know. */
type InvokeHandler = (args: Json, context: InvokeContext) => Json | { readonly unanswerable: string };

/** The region a lookup asks about: `getRegion` names it `name`, every other lookup `region`. */
function regionOf(args: Json, context: InvokeContext): string {
  return requestedRegion({ region: args['region'] ?? args['name'] }, context);
}

function availabilityZones(region: string): Json {
  const letters = ['a', 'b', 'c'];
  const regionCode = region.split('-').map((part, index) => (index === 1 ? part.slice(0, 3) : part)).join('');
  return {
    id: region,
    names: letters.map((letter) => `${region}${letter}`),
    zoneIds: letters.map((_letter, index) => `${regionCode.slice(0, 4)}-az${index + 1}`),
    groupNames: [region],
    state: 'available',
    region,
  };
}

function ssmParameter(args: Json, context: InvokeContext): Json | { unanswerable: string } {
  const name = String(args['name'] ?? '');
  const region = requestedRegion(args, context);
  const given = context.ssmParameters[name];
  const value = given ?? publicParameterValue(name, region);
  if (value === undefined) return { unanswerable: `SSM parameter "${name}" holds a value only the account knows` };
  return {
    id: name,
    name,
    type: 'String',
    value,
    insecureValue: value,
    version: 1,
    withDecryption: args['withDecryption'] ?? true,
    arn: `arn:${partitionOf(region)}:ssm:${region}:${name.startsWith('/aws/') ? '' : context.account}:parameter${name.startsWith('/') ? '' : '/'}${name}`,
  };
}

/** Every AWS invoke the engine answers, by token. */
export const AWS_INVOKES: Readonly<Record<string, InvokeHandler>> = {
  'aws:index/getCallerIdentity:getCallerIdentity': (_args, context) => ({
    id: context.account,
    accountId: context.account,
    arn: `arn:${partitionOf(context.region)}:sts::${context.account}:assumed-role/bulwark-offline/offline`,
    userId: `AROA${stableHex(context.account, 17).toUpperCase()}:offline`,
  }),
  'aws:index/getRegion:getRegion': (args, context) => {
    const region = regionOf(args, context);
    return { id: region, name: region, region, description: region, endpoint: `ec2.${region}.${dnsSuffixOf(partitionOf(region))}` };
  },
  'aws:index/getPartition:getPartition': (args, context) => {
    const value = partitionOf(regionOf(args, context));
    const dnsSuffix = dnsSuffixOf(value);
    return { id: value, partition: value, dnsSuffix, reverseDnsPrefix: dnsSuffix.split('.').reverse().join('.') };
  },
  'aws:index/getAvailabilityZones:getAvailabilityZones': (args, context) => availabilityZones(regionOf(args, context)),
  'aws:ssm/getParameter:getParameter': ssmParameter,
  'aws:iam/getPolicyDocument:getPolicyDocument': (args) => renderGetPolicyDocument(args),
  'aws:iam/getPolicy:getPolicy': (args, context) => {
    const name = typeof args['name'] === 'string' ? args['name'] : undefined;
    const arn = typeof args['arn'] === 'string' ? args['arn'] : name ? `arn:${partitionOf(context.region)}:iam::aws:policy/${name}` : undefined;
    if (!arn) return { unanswerable: 'it needs an arn or a name offline' };
    if (!/:iam::aws:policy\//.test(arn)) return { unanswerable: `${arn} is a customer managed policy only the account knows` };
    return { id: arn, arn, name: arn.split('/').pop(), path: '/', policy: '{"Version":"2012-10-17","Statement":[]}' };
  },
  'aws:ec2/getVpc:getVpc': (args, context) =>
    defaultVpcLookup(args, context) ?? { unanswerable: `VPC ${JSON.stringify(args)} is not the account's default VPC` },
  'aws:ec2/getSubnets:getSubnets': (args, context) =>
    defaultSubnetsLookup(args, context) ?? { unanswerable: `only the default VPC's subnets are known (got ${JSON.stringify(args)})` },
  'aws:ec2/getSubnet:getSubnet': (args, context) =>
    defaultSubnetLookup(args, context) ?? { unanswerable: `subnet ${JSON.stringify(args)} was not created by this run nor is a default subnet` },
  'aws:ec2/getAmi:getAmi': getAmi,
  'aws:ec2/getAmiIds:getAmiIds': getAmiIds,
  'aws:route53/getZone:getZone': (args, context) =>
    getZone(args, context) ?? { unanswerable: 'a private hosted zone belongs to a VPC only the account knows' },
  'aws:secretsmanager/getSecret:getSecret': getSecret,
  'aws:secretsmanager/getSecretVersion:getSecretVersion': getSecretVersion,
  'aws:ecr/getAuthorizationToken:getAuthorizationToken': getAuthorizationToken,
};

/** `aws:ec2/getAmi:getAmi` → `aws.ec2.getAmi`, as a program calls it. */
export function functionNameOf(token: string): string {
  const [pkg = '', modulePath = '', name = ''] = token.split(':');
  const module = modulePath.split('/')[0] ?? '';
  return `${pkg}.${module === 'index' ? '' : `${module}.`}${name}`;
}

/** What a fixture's result needs for the functions whose result a program reads one field of. */
const RESULT_SKETCHES: Readonly<Record<string, Json>> = {
  'aws:ssm/getParameter:getParameter': { value: "<the parameter's value>" },
  'aws:ec2/getVpc:getVpc': { id: 'vpc-...', cidrBlock: '10.0.0.0/16' },
};

/** How to answer an invoke the engine cannot: the fixture (`--invoke-fixtures FILE`) that would, for these arguments. */
export function fixtureAdvice(token: string, args: Json): string {
  const result = RESULT_SKETCHES[token] ?? { '...': 'what the provider function returns' };
  const fixture = JSON.stringify({ token, args, result });
  return `answer it with --invoke-fixtures FILE, a JSON list holding ${fixture} (runProgram option: invokeFixtures)`;
}

/** The error for an invoke the engine cannot answer: the token, why, what it does answer, and the fixture that would. */
export function unsupportedInvoke(token: string, args: Json, detail?: string): UnsupportedInvokeError {
  const answered = Object.keys(AWS_INVOKES).map(functionNameOf).join(', ');
  return new UnsupportedInvokeError(
    `the offline engine cannot answer ${functionNameOf(token)} (${token})${detail ? `: ${detail}` : ''}. It answers ${answered}; ` +
      fixtureAdvice(token, args),
  );
}

/** Answers an AWS invoke, or throws {@link UnsupportedInvokeError}. */
export function answerInvoke(token: string, args: Json, context: InvokeContext): Json {
  const handler = AWS_INVOKES[token];
  if (!handler) throw unsupportedInvoke(token, args);
  const answer = handler(args, context);
  if ('unanswerable' in answer && typeof answer['unanswerable'] === 'string' && Object.keys(answer).length === 1) {
    throw unsupportedInvoke(token, args, answer['unanswerable']);
  }
  return answer as Json;
}
