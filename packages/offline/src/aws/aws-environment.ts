/** Where the offline engine pretends to deploy: the account and region every id, ARN and lookup is made for. */
export interface AwsEnvironment {
  readonly account: string;
  readonly region: string;
}

/**
 * The region a lookup or resource asks for: its own `region` argument (which @pulumi/aws v7 takes on every
 * resource and lookup), else the environment's.
 */
export function requestedRegion(args: Readonly<Record<string, unknown>>, environment: AwsEnvironment): string {
  const region = args['region'];
  return typeof region === 'string' && region !== '' ? region : environment.region;
}
