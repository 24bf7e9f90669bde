/**
 * lambda-environment-kms: Lambda functions with environment variables encrypt them with a customer managed
 * KMS key. Environment variables routinely carry connection strings and API tokens; with the default AWS
 * managed key anyone allowed `lambda:GetFunctionConfiguration` reads them in clear, while a customer managed key
 * adds a key policy that must also allow decryption, and CloudTrail records each use.
 *
 * A function without variables (or with an empty map) is not in scope. Unknown variables (preview) cannot
 * show whether the map is empty, so the update decides; an unknown key ARN counts as set.
 */
import { blockValue, describeValue, isStringSet, rawProps, recordValue, resourceRule, UNDECIDED } from '@bulwark/policy-kit';

const FUNCTION = 'aws:lambda/function:Function';

export const lambdaEnvironmentKms = resourceRule({
  metadata: {
    id: 'lambda-environment-kms',
    title: 'Lambda environment variables are encrypted with a customer managed KMS key',
    description:
      'A Lambda function that sets `environment.variables` must set `kmsKeyArn`. Environment variables often hold ' +
      'secrets; with the default AWS managed key they are shown in clear to anyone who can read the function ' +
      'configuration, while a customer managed key puts them behind a key policy and an audit trail.',
    severity: 'medium',
    enforcementLevel: 'mandatory',
    service: 'lambda',
    controls: {},
    resourceTypes: [FUNCTION],
    remediation:
      'Create an `aws.kms.Key`, set `kmsKeyArn: key.arn` on the `aws.lambda.Function`, and allow the function\'s ' +
      'execution role `kms:Decrypt` on it. Better still, keep secrets in Secrets Manager or SSM Parameter Store and ' +
      'pass only their names in the environment.',
  },
  check: ({ args, report }) => {
    if (args.type !== FUNCTION) return;
    const props = rawProps(args.props);
    const environment = blockValue(props['environment']);
    if (environment === undefined || environment === UNDECIDED) return;
    const variables = recordValue(environment['variables']);
    if (variables === undefined || variables === UNDECIDED) return;
    const names = Object.keys(variables);
    if (names.length === 0 || isStringSet(props['kmsKeyArn'])) return;
    const shown = names.slice(0, 5).join(', ') + (names.length > 5 ? `, and ${names.length - 5} more` : '');
    report(
      `\`environment.variables\` holds ${names.length} variable${names.length === 1 ? '' : 's'} (${shown}) but ` +
        `\`kmsKeyArn\` is ${describeValue(props['kmsKeyArn'])}; set \`kmsKeyArn\` to a customer managed KMS key ARN.`,
    );
  },
});
