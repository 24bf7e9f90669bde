/**
 * `aws.ecr.getAuthorizationToken` offline: a registry's credentials are a temporary token only AWS can issue, and a
 * program (or the awsx provider, building an `awsx.ecr.Image`) reads them only to hand them to `docker login`. The
 * answer has the shape ECR gives (the token is base64 of `AWS:<password>`, the endpoint is the registry's HTTPS
 * address: https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_GetAuthorizationToken.html), with a
 * password labelled as a placeholder, never a credential.
 */
import { dnsSuffixOf, partitionOf } from '@bulwark/aws-model';
import { requestedRegion, type AwsEnvironment } from './aws-environment';
import { stableHex } from './stable-ids';

type Json = Record<string, unknown>;

/** `aws:ecr/getAuthorizationToken:getAuthorizationToken`: the credentials of a registry (the account's by default). */
export function getAuthorizationToken(args: Json, environment: AwsEnvironment): Json {
  const registryId = typeof args['registryId'] === 'string' && args['registryId'] !== '' ? args['registryId'] : environment.account;
  const region = requestedRegion(args, environment);
  const password = `bulwark-offline-placeholder-${stableHex(`ecr-token:${registryId}:${region}`, 16)}`;
  return {
    id: region,
    ...(args['registryId'] !== undefined ? { registryId } : {}),
    region,
    userName: 'AWS',
    password,
    authorizationToken: Buffer.from(`AWS:${password}`).toString('base64'),
    proxyEndpoint: `https://${registryId}.dkr.ecr.${region}.${dnsSuffixOf(partitionOf(region))}`,
    expiresAt: '2000-01-01T12:00:00Z',
  };
}
