/**
 * Lambda writes a function's logs to `/aws/lambda/<function name>` unless the function's `loggingConfig.logGroup`
 * names another group (the Lambda guide's "Working with log groups"). A log group the stack creates for a function
 * under any other name receives nothing: the encrypted, retained group is a dead control, and Lambda creates the real
 * one itself, unencrypted and kept forever. The check ties a `/aws/lambda/...` group, or a group built from a
 * function's name, to the functions of the stack.
 */
import type { PolicyResource } from '@pulumi/policy';
import { blockValue, rawProps, stackRule, stringValue, UNDECIDED } from '@bulwark/policy-kit';
import { AWS_DOCS } from '../../lib/references';
import { StackGraph } from '../../lib/stack-graph';

const FUNCTION = 'aws:lambda/function:Function';
const LOG_GROUP = 'aws:cloudwatch/logGroup:LogGroup';
const PREFIX = '/aws/lambda/';

/** The log group a function writes to: its loggingConfig.logGroup, else `/aws/lambda/<name>`; UNDECIDED when unknown. */
function destinationOf(fn: PolicyResource): string | typeof UNDECIDED | undefined {
  const props = rawProps(fn.props);
  const logging = blockValue(props['loggingConfig']);
  if (logging === UNDECIDED) return UNDECIDED;
  const custom = stringValue(logging?.['logGroup']);
  if (custom !== undefined) return custom;
  const name = stringValue(props['name']);
  return typeof name === 'string' ? `${PREFIX}${name}` : name;
}

export const lambdaLogGroupName = stackRule({
  metadata: {
    id: 'lambda-log-group-name',
    title: "A function's log group is the one Lambda writes to",
    description:
      'Lambda writes to /aws/lambda/<function name> unless loggingConfig.logGroup says otherwise. A log group created for a ' +
      'function (named /aws/lambda/..., or built from the function\'s name) under another name receives no logs, and Lambda ' +
      'creates the real group itself without the key and retention the stack meant to set.',
    severity: 'medium',
    enforcementLevel: 'mandatory',
    service: 'lambda',
    controls: {},
    resourceTypes: [FUNCTION, LOG_GROUP],
    remediation: 'Name the group pulumi.interpolate`/aws/lambda/${fn.name}` (and create it before the function), or set the function\'s loggingConfig.logGroup to the group.',
    decisions: [
      'A log group whose name is unknown until apply is undecided when the stack has functions: built from a function\'s ' +
        'name, it must be that function\'s destination; built from anything else, it may still be named /aws/lambda/....',
    ],
    references: [AWS_DOCS.lambdaLogGroups],
  },
  check: ({ args, report, undecided }) => {
    const graph = new StackGraph(args.resources);
    const functions = graph.ofType([FUNCTION]);
    if (functions.length === 0) return;
    const destinations = functions.map((fn) => ({ fn, destination: destinationOf(fn) }));
    const anyUnknown = destinations.some(({ destination }) => destination === UNDECIDED);
    for (const group of graph.ofType([LOG_GROUP])) {
      const name = stringValue(rawProps(group.props)['name']);
      const owners = (group.propertyDependencies?.['name'] ?? []).map((dependency) => graph.byUrnOf(dependency.urn)).filter((owner): owner is PolicyResource => owner?.type === FUNCTION);
      const meantForFunction = owners.length > 0 || (typeof name === 'string' && name.startsWith(PREFIX));
      if (!meantForFunction && name === UNDECIDED) {
        // Unknown until apply and built from no function of the stack: it may still be named /aws/lambda/<something>.
        undecided('name', 'no function of the stack is among its dependencies, and a group named /aws/lambda/... must be the one a function writes to', group.urn);
        continue;
      }
      if (!meantForFunction) continue;
      if (name === UNDECIDED) {
        undecided('name', 'the name decides whether Lambda writes to this group', group.urn);
        continue;
      }
      if (typeof name !== 'string') continue;
      if (destinations.some(({ destination }) => destination === name)) continue;
      if (anyUnknown) {
        undecided('name', 'a function\'s log destination is unknown in this mode', group.urn);
        continue;
      }
      const expected = owners.map((owner) => destinations.find(({ fn }) => fn === owner)?.destination).filter((value): value is string => typeof value === 'string');
      report(
        `Log group ${group.name} ("${name}") receives no Lambda logs: ${expected.length > 0 ? `function ${owners.map((owner) => owner.name).join(', ')} writes to "${expected.join('", "')}"` : `no function of the stack writes to it (they write to ${destinations.map(({ destination }) => `"${String(destination)}"`).join(', ')})`}. ` +
          'Name it /aws/lambda/<function name> or point the function\'s loggingConfig.logGroup at it.',
        group.urn,
      );
    }
  },
});
