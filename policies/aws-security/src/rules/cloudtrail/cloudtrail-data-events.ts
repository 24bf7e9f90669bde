/**
 * cloudtrail-data-events: trails record S3 object-level and Lambda invocation data events, both reads and
 * writes. Management events alone do not show who read or deleted an object or invoked a function, which is what
 * an incident responder needs after a credential leak.
 *
 * A trail captures a data resource type through basic `eventSelectors` (a `dataResources` entry of that type,
 * reads and/or writes per `readWriteType`, default `All`) or through `advancedEventSelectors` (field selectors
 * `eventCategory` equals `Data` and `resources.type` equals the type, reads and/or writes per an optional
 * `readOnly` selector). Each trail is judged on its own: a trail that records only management events violates
 * even when another trail records the data events (waive it, with that reason, if that is the design). Unknown
 * selectors (preview) are decided in the update, when they are known.
 */
import { isUnknown, listValue, rawProps, recordValue, resourceRule, stringValue, UNDECIDED } from '@bulwark/policy-kit';

const TRAIL = 'aws:cloudtrail/trail:Trail';

/** The data resource types this rule requires, by config switch. */
const DATA_TYPES = [
  { type: 'AWS::S3::Object', label: 'S3 object', switch: 'requireS3DataEvents' },
  { type: 'AWS::Lambda::Function', label: 'Lambda function', switch: 'requireLambdaDataEvents' },
] as const;

type Access = 'read' | 'write';

/** Which accesses of one data resource type a trail records; `unknown` when an unknown part could add more. */
interface Coverage {
  readonly accesses: Set<Access>;
  unknown: boolean;
}

function accessesOfReadWriteType(value: unknown): readonly Access[] | typeof UNDECIDED {
  const text = stringValue(value);
  if (text === UNDECIDED) return UNDECIDED;
  if (text === undefined || text === 'All') return ['read', 'write'];
  if (text === 'ReadOnly') return ['read'];
  if (text === 'WriteOnly') return ['write'];
  return [];
}

/**
 * Calls `visit` with each selector of a selector list that is known, with its known `listField` list; a part
 * that is unknown (preview) marks the coverage unknown instead, since it could record more.
 */
function forEachKnownSelector(
  coverage: Coverage,
  selectors: unknown,
  listField: string,
  visit: (selector: Record<string, unknown>, entries: readonly unknown[]) => void,
): void {
  const list = listValue(selectors);
  if (list === UNDECIDED) {
    coverage.unknown = true;
    return;
  }
  for (const entry of list) {
    const selector = recordValue(entry);
    if (selector === UNDECIDED) {
      coverage.unknown = true;
      continue;
    }
    if (!selector) continue;
    const entries = listValue(selector[listField]);
    if (entries === UNDECIDED) {
      coverage.unknown = true;
      continue;
    }
    visit(selector, entries);
  }
}

function addBasicSelectors(coverage: Coverage, selectors: unknown, dataType: string): void {
  forEachKnownSelector(coverage, selectors, 'dataResources', (selector, resources) => {
    let matches = false;
    for (const resourceEntry of resources) {
      const dataResource = recordValue(resourceEntry);
      if (dataResource === UNDECIDED) coverage.unknown = true;
      else if (dataResource) {
        const type = stringValue(dataResource['type']);
        if (type === UNDECIDED) coverage.unknown = true;
        else if (type === dataType) matches = true;
      }
    }
    if (!matches) return;
    const accesses = accessesOfReadWriteType(selector['readWriteType']);
    if (accesses === UNDECIDED) coverage.unknown = true;
    else accesses.forEach((access) => coverage.accesses.add(access));
  });
}

/** The `equals` values of the field selector for `field`, UNDECIDED, or undefined when the field is not selected. */
function fieldEquals(fieldSelectors: readonly unknown[], field: string): string[] | typeof UNDECIDED | undefined {
  for (const entry of fieldSelectors) {
    const selector = recordValue(entry);
    if (selector === UNDECIDED) return UNDECIDED;
    if (!selector) continue;
    const name = stringValue(selector['field']);
    if (name === UNDECIDED) return UNDECIDED;
    if (name !== field) continue;
    const equals = listValue(selector['equals']);
    if (equals === UNDECIDED || equals.some(isUnknown)) return UNDECIDED;
    return equals.filter((value): value is string => typeof value === 'string');
  }
  return undefined;
}

function addAdvancedSelectors(coverage: Coverage, selectors: unknown, dataType: string): void {
  forEachKnownSelector(coverage, selectors, 'fieldSelectors', (_selector, fieldSelectors) => {
    const category = fieldEquals(fieldSelectors, 'eventCategory');
    const types = fieldEquals(fieldSelectors, 'resources.type');
    if (category === UNDECIDED || types === UNDECIDED) {
      coverage.unknown = true;
      return;
    }
    if (!category?.includes('Data') || !types?.includes(dataType)) return;
    const readOnly = fieldEquals(fieldSelectors, 'readOnly');
    if (readOnly === UNDECIDED) coverage.unknown = true;
    else if (readOnly === undefined) ['read', 'write'].forEach((access) => coverage.accesses.add(access as Access));
    else {
      if (readOnly.includes('true')) coverage.accesses.add('read');
      if (readOnly.includes('false')) coverage.accesses.add('write');
    }
  });
}

/** What the trail records of one data resource type, across its basic and advanced selectors. */
function coverageOf(props: Record<string, unknown>, dataType: string): Coverage {
  const coverage: Coverage = { accesses: new Set(), unknown: false };
  addBasicSelectors(coverage, props['eventSelectors'], dataType);
  addAdvancedSelectors(coverage, props['advancedEventSelectors'], dataType);
  return coverage;
}

export interface CloudtrailDataEventsConfig {
  readonly requireS3DataEvents: boolean;
  readonly requireLambdaDataEvents: boolean;
}

export const cloudtrailDataEvents = resourceRule<CloudtrailDataEventsConfig>({
  metadata: {
    id: 'cloudtrail-data-events',
    title: 'CloudTrail trails record S3 object and Lambda data events',
    description:
      'Every CloudTrail trail must record S3 object-level (`AWS::S3::Object`) and Lambda invocation ' +
      '(`AWS::Lambda::Function`) data events, reads and writes, through basic `eventSelectors` or ' +
      '`advancedEventSelectors`. Management events do not show who read, wrote or deleted an object or invoked a ' +
      'function, the evidence needed to scope a data breach. Each requirement can be switched off in config.',
    severity: 'medium',
    enforcementLevel: 'mandatory',
    service: 'cloudtrail',
    controls: { fsbp: ['S3.22', 'S3.23'], cis: ['3.8', '3.9'] },
    resourceTypes: [TRAIL],
    remediation:
      'Add to the `aws.cloudtrail.Trail` an `advancedEventSelectors` entry per data type with field selectors ' +
      '`{ field: "eventCategory", equals: ["Data"] }` and `{ field: "resources.type", equals: ["AWS::S3::Object"] }` ' +
      '(and one with `AWS::Lambda::Function`) and no `readOnly` selector, or a basic `eventSelectors` entry with ' +
      '`readWriteType: "All"` and `dataResources: [{ type: "AWS::S3::Object", values: ["arn:aws:s3"] }, ' +
      '{ type: "AWS::Lambda::Function", values: ["arn:aws:lambda"] }]`.',
  },
  configSchema: {
    properties: {
      requireS3DataEvents: {
        type: 'boolean',
        description: 'Require trails to record S3 object-level data events (reads and writes).',
        default: true,
      },
      requireLambdaDataEvents: {
        type: 'boolean',
        description: 'Require trails to record Lambda function invocation data events.',
        default: true,
      },
    },
  },
  check: ({ args, config, report }) => {
    if (args.type !== TRAIL) return;
    const props = rawProps(args.props);
    const problems: string[] = [];
    for (const dataType of DATA_TYPES) {
      if (config[dataType.switch] === false) continue;
      const coverage = coverageOf(props, dataType.type);
      if (coverage.accesses.size === 2 || coverage.unknown) continue;
      if (coverage.accesses.size === 0) {
        problems.push(
          `no \`eventSelectors\` or \`advancedEventSelectors\` entry records ${dataType.label} data events ` +
            `(\`${dataType.type}\`); add a data event selector for \`${dataType.type}\` covering reads and writes`,
        );
      } else {
        const [only] = [...coverage.accesses];
        const missing = only === 'read' ? 'writes' : 'reads';
        problems.push(
          `the selectors for \`${dataType.type}\` record only ${only}s (\`readWriteType\` / \`readOnly\`); ` +
            `record ${missing} too (\`readWriteType: "All"\`, or no \`readOnly\` field selector)`,
        );
      }
    }
    if (problems.length > 0) report(problems.join('\n'));
  },
});
