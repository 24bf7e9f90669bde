/** Where the offline engine pretends to deploy: the account and region every id, ARN and lookup is made for. */
export interface AwsEnvironment {
  readonly account: string;
  readonly region: string;
}
