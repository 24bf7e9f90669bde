/**
 * lambda-environment-kms: Lambda functions with environment variables encrypt them with a customer managed
 * KMS key. Environment variables routinely carry connection strings and API tokens; with the default AWS
 * managed key anyone allowed `lambda:GetFunctionConfiguration` reads them in clear, while a customer managed key
 * adds a key policy that must also allow decryption, and CloudTrail records each use.
 *
 * A function without variables (or with an empty map) is not in scope. A stack rule so that an unknown
 * `kmsKeyArn` can be traced to the resource it is computed from (see `lib/customer-managed-key.ts`); each function
 * is still judged, and reported, on its own.
 */
import { blockValue, rawProps, recordValue, resourcesOfType, stackRule, UNDECIDED } from '@bulwark/policy-kit';
import { CUSTOMER_MANAGED_KEY_DECISION, CUSTOMER_MANAGED_KEY_REFERENCES, describeKeyProblem, keyReferenceVerdict } from '../../lib/customer-managed-key';

const FUNCTION = 'aws:lambda/function:Function';

export const lambdaEnvironmentKms = stackRule({
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
    decisions: [
      'A function without `environment.variables`, or with an empty map, is out of scope; variables whose values are ' +
        'unknown still count (their names are known).',
      CUSTOMER_MANAGED_KEY_DECISION,
      'Unknown values (first preview): an unknown `environment` or `variables` map (it may be empty) is reported ' +
        'undecided when the key does not settle the question, and so is a key reference not computed from a KMS key ' +
        'when the function has variables.',
    ],
    references: [...CUSTOMER_MANAGED_KEY_REFERENCES, 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars-encryption.html'],
  },
  check: ({ args, report, undecided }) => {
    for (const fn of resourcesOfType(args.resources, [FUNCTION])) {
      const props = rawProps(fn.props);
      const key = keyReferenceVerdict(fn, 'kmsKeyArn', props['kmsKeyArn']);
      if (key === 'customer-managed') continue;
      const environment = blockValue(props['environment']);
      if (environment === undefined) continue;
      const variables = environment === UNDECIDED ? UNDECIDED : recordValue(environment['variables']);
      if (variables === undefined) continue;
      if (variables === UNDECIDED) {
        const path = environment === UNDECIDED ? 'environment' : 'environment.variables';
        undecided(path, 'its value decides whether the function has variables to encrypt with a customer managed key', fn.urn);
        if (key === 'undecided') undecided('kmsKeyArn', 'its value decides whether the variables are encrypted with a customer managed key', fn.urn);
        continue;
      }
      const names = Object.keys(variables);
      if (names.length === 0) continue;
      if (key === 'undecided') {
        undecided('kmsKeyArn', 'its value decides whether the variables are encrypted with a customer managed key', fn.urn);
        continue;
      }
      const shown = names.slice(0, 5).join(', ') + (names.length > 5 ? `, and ${names.length - 5} more` : '');
      report(
        `\`environment.variables\` holds ${names.length} variable${names.length === 1 ? '' : 's'} (${shown}) but ` +
          `\`kmsKeyArn\` ${describeKeyProblem(props['kmsKeyArn'], key)}; set \`kmsKeyArn\` to a customer managed KMS key ARN.`,
        fn.urn,
      );
    }
  },
});
