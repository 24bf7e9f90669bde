/**
 * cloudtrail-data-events: trails record every S3 object-level and Lambda invocation data event, reads and
 * writes. Management events alone do not show who read or deleted an object or invoked a function, which is what
 * an incident responder needs after a credential leak; a selector that records only some buckets or some event names
 * leaves the rest unrecorded just as surely.
 *
 * A trail captures a data resource type through basic `eventSelectors` (a `dataResources` entry of that type whose
 * `values` hold the all-resources prefix, `arn:<partition>:s3` or `arn:<partition>:lambda`; reads and/or writes per
 * `readWriteType`, default `All`) or through `advancedEventSelectors` (field selectors `eventCategory` equals `Data`
 * and `resources.type` equals the type, reads and/or writes per an optional `readOnly` selector, and no other field
 * selector narrowing the events, except an exclusion of the trail's own log bucket). Each trail is judged on its own.
 */
import { isUnknown, listValue, rawProps, recordValue, resourceRule, stringValue, UNDECIDED } from '@bulwark/policy-kit';

const TRAIL = 'aws:cloudtrail/trail:Trail';

/** The data resource types this rule requires, by config switch, with the basic-selector value that covers them all. */
const DATA_TYPES = [
  { type: 'AWS::S3::Object', label: 'S3 object', switch: 'requireS3DataEvents', allResources: /^arn:[a-z-]+:s3:{0,3}$/ },
  { type: 'AWS::Lambda::Function', label: 'Lambda function', switch: 'requireLambdaDataEvents', allResources: /^arn:[a-z-]+:lambda:?$/ },
] as const;

type DataType = (typeof DATA_TYPES)[number];
type Access = 'read' | 'write';
const ACCESSES: readonly Access[] = ['read', 'write'];

/** What a trail records of one access (reads or writes) of one data resource type. */
interface AccessCoverage {
  /** A selector records every event of this access. */
  complete: boolean;
  /** Selectors that record some events of this access but narrow them, each described for a message. */
  readonly narrowed: string[];
}

/** What a trail records of one data resource type, and the unknown parts that could record more. */
interface Coverage {
  readonly read: AccessCoverage;
  readonly write: AccessCoverage;
  readonly unknown: string[];
}

function emptyCoverage(): Coverage {
  return { read: { complete: false, narrowed: [] }, write: { complete: false, narrowed: [] }, unknown: [] };
}

/** Records `accesses` in `coverage`: completely, or narrowed as `narrowing` says. */
function record(coverage: Coverage, accesses: readonly Access[], narrowing: string | undefined): void {
  for (const access of accesses) {
    if (narrowing === undefined) coverage[access].complete = true;
    else coverage[access].narrowed.push(narrowing);
  }
}

function accessesOfReadWriteType(value: unknown): readonly Access[] | typeof UNDECIDED {
  const text = stringValue(value);
  if (text === UNDECIDED) return UNDECIDED;
  if (text === undefined || text === 'All') return ['read', 'write'];
  if (text === 'ReadOnly') return ['read'];
  if (text === 'WriteOnly') return ['write'];
  return [];
}

/** The known strings of a list, UNDECIDED when it or an element is unknown. */
function stringList(value: unknown): string[] | typeof UNDECIDED {
  const list = listValue(value);
  if (list === UNDECIDED || list.some(isUnknown)) return UNDECIDED;
  return list.filter((entry): entry is string => typeof entry === 'string');
}

function addBasicSelectors(coverage: Coverage, selectors: unknown, dataType: DataType): void {
  const list = listValue(selectors);
  if (list === UNDECIDED) {
    coverage.unknown.push('eventSelectors');
    return;
  }
  list.forEach((entry, index) => {
    const path = `eventSelectors[${index}]`;
    const selector = recordValue(entry);
    if (selector === UNDECIDED) coverage.unknown.push(path);
    if (!selector || selector === UNDECIDED) return;
    const resources = listValue(selector['dataResources']);
    if (resources === UNDECIDED) {
      coverage.unknown.push(`${path}.dataResources`);
      return;
    }
    resources.forEach((resourceEntry, resourceIndex) => {
      const resourcePath = `${path}.dataResources[${resourceIndex}]`;
      const dataResource = recordValue(resourceEntry);
      if (dataResource === UNDECIDED) coverage.unknown.push(resourcePath);
      if (!dataResource || dataResource === UNDECIDED) return;
      const type = stringValue(dataResource['type']);
      if (type === UNDECIDED) coverage.unknown.push(`${resourcePath}.type`);
      if (type !== dataType.type) return;
      const accesses = accessesOfReadWriteType(selector['readWriteType']);
      const values = stringList(dataResource['values']);
      if (accesses === UNDECIDED) coverage.unknown.push(`${path}.readWriteType`);
      if (values === UNDECIDED) coverage.unknown.push(`${resourcePath}.values`);
      if (accesses === UNDECIDED || values === UNDECIDED) return;
      const all = values.some((value) => dataType.allResources.test(value.trim()));
      record(coverage, accesses, all ? undefined : `\`${resourcePath}.values\` names only ${JSON.stringify(values)}`);
    });
  });
}

/** The operators of an advanced field selector, as the SDK (plural) and the API (singular) spell them. */
const OPERATORS: readonly (readonly [name: string, spellings: readonly string[]])[] = [
  ['equals', ['equals']],
  ['notEquals', ['notEquals']],
  ['startsWith', ['startsWiths', 'startsWith']],
  ['notStartsWith', ['notStartsWiths', 'notStartsWith']],
  ['endsWith', ['endsWiths', 'endsWith']],
  ['notEndsWith', ['notEndsWiths', 'notEndsWith']],
];

/** One field selector: its field and each operator it sets, with known values or UNDECIDED. */
interface FieldSelector {
  readonly path: string;
  readonly field: string;
  readonly operators: readonly { readonly name: string; readonly property: string; readonly values: string[] | typeof UNDECIDED }[];
}

function fieldSelectorOf(entry: Record<string, unknown>, path: string, field: string): FieldSelector {
  const operators = OPERATORS.flatMap(([name, spellings]): FieldSelector['operators'][number][] => {
    const spelling = spellings.find((candidate) => entry[candidate] !== undefined && entry[candidate] !== null);
    return spelling === undefined ? [] : [{ name, property: `${path}.${spelling}`, values: stringList(entry[spelling]) }];
  });
  return { path, field, operators };
}

/** True when every value a `resources.ARN` exclusion names lies in the trail's own log bucket. */
function excludesOnlyTrailBucket(values: readonly string[], trailBucket: string): boolean {
  return values.length > 0 && values.every((value) => /^arn:[a-z-]+:s3:::/.test(value) && value.replace(/^arn:[a-z-]+:s3:::/, '').split('/')[0] === trailBucket);
}

/**
 * How a field selector (other than eventCategory, resources.type, readOnly) narrows the recorded events: undefined
 * when it does not (an all-resources prefix, or an exclusion of the trail's own log bucket), UNDECIDED when an
 * unknown value decides it, else a description.
 */
function narrowing(selector: FieldSelector, dataType: DataType, trailBucket: string | typeof UNDECIDED | undefined): string | undefined | typeof UNDECIDED {
  const narrowers: string[] = [];
  for (const { name, values } of selector.operators) {
    if (values === UNDECIDED) return UNDECIDED;
    if (values.length === 0) continue;
    if (selector.field === 'resources.ARN' && name === 'startsWith' && values.some((value) => dataType.allResources.test(value.trim()))) continue;
    if (selector.field === 'resources.ARN' && name.startsWith('not') && dataType.type === 'AWS::S3::Object' && trailBucket !== undefined) {
      if (trailBucket === UNDECIDED) return UNDECIDED;
      if (excludesOnlyTrailBucket(values, trailBucket)) continue;
    }
    narrowers.push(`${selector.field} ${name} ${JSON.stringify(values)}`);
  }
  return narrowers.length > 0 ? narrowers.join(' and ') : undefined;
}

function addAdvancedSelectors(coverage: Coverage, selectors: unknown, dataType: DataType, trailBucket: string | typeof UNDECIDED | undefined): void {
  const list = listValue(selectors);
  if (list === UNDECIDED) {
    coverage.unknown.push('advancedEventSelectors');
    return;
  }
  list.forEach((entry, index) => {
    const path = `advancedEventSelectors[${index}]`;
    const selector = recordValue(entry);
    if (selector === UNDECIDED) coverage.unknown.push(path);
    if (!selector || selector === UNDECIDED) return;
    const entries = listValue(selector['fieldSelectors']);
    if (entries === UNDECIDED) {
      coverage.unknown.push(`${path}.fieldSelectors`);
      return;
    }
    const fields: FieldSelector[] = [];
    const unknownHere: string[] = [];
    entries.forEach((fieldEntry, fieldIndex) => {
      const fieldPath = `${path}.fieldSelectors[${fieldIndex}]`;
      const fieldSelector = recordValue(fieldEntry);
      if (fieldSelector === UNDECIDED) unknownHere.push(fieldPath);
      if (!fieldSelector || fieldSelector === UNDECIDED) return;
      const field = stringValue(fieldSelector['field']);
      if (field === UNDECIDED) unknownHere.push(`${fieldPath}.field`);
      else if (typeof field === 'string') fields.push(fieldSelectorOf(fieldSelector, fieldPath, field));
    });
    const equalsOf = (field: string): string[] | typeof UNDECIDED | undefined => {
      const selected = fields.find((candidate) => candidate.field === field);
      const equals = selected?.operators.find((operator) => operator.name === 'equals');
      if (equals?.values === UNDECIDED) unknownHere.push(equals.property);
      return selected ? (equals?.values ?? []) : undefined;
    };
    const category = equalsOf('eventCategory');
    const types = equalsOf('resources.type');
    // A selector decidedly about other events is out of scope, whatever else in it is unknown.
    if ((Array.isArray(category) && !category.includes('Data')) || (Array.isArray(types) && !types.includes(dataType.type))) return;
    // An unknown field name or category/type value could make it record this type, or narrow it: the update decides.
    if (unknownHere.length > 0) {
      coverage.unknown.push(...unknownHere);
      return;
    }
    if (category === undefined || types === undefined || category === UNDECIDED || types === UNDECIDED) return;
    // Which accesses: a readOnly selector's equals / notEquals, or both when there is none.
    const readOnly = fields.find((candidate) => candidate.field === 'readOnly');
    let accesses: Access[] = ['read', 'write'];
    for (const operator of readOnly?.operators ?? []) {
      if (operator.values === UNDECIDED) {
        coverage.unknown.push(operator.property);
        return;
      }
      const keeps = (access: Access) => operator.values !== UNDECIDED && operator.values.includes(access === 'read' ? 'true' : 'false');
      if (operator.name === 'equals') accesses = accesses.filter(keeps);
      else if (operator.name === 'notEquals') accesses = accesses.filter((access) => !keeps(access));
    }
    const narrowings: string[] = [];
    for (const fieldSelector of fields) {
      if (['eventCategory', 'resources.type', 'readOnly'].includes(fieldSelector.field)) continue;
      const narrowed = narrowing(fieldSelector, dataType, trailBucket);
      if (narrowed === UNDECIDED) {
        coverage.unknown.push(...fieldSelector.operators.filter((operator) => operator.values === UNDECIDED).map((operator) => operator.property));
        if (dataType.type === 'AWS::S3::Object' && trailBucket === UNDECIDED) coverage.unknown.push('s3BucketName');
        return;
      }
      if (narrowed !== undefined) narrowings.push(narrowed);
    }
    const name = stringValue(selector['name']);
    const label = typeof name === 'string' ? `\`${path}\` ("${name}")` : `\`${path}\``;
    record(coverage, accesses, narrowings.length > 0 ? `${label} limits them to ${narrowings.join(' and ')}` : undefined);
  });
}

/** What the trail records of one data resource type, across its basic and advanced selectors. */
function coverageOf(props: Record<string, unknown>, dataType: DataType): Coverage {
  const coverage = emptyCoverage();
  const bucket = stringValue(props['s3BucketName']);
  addBasicSelectors(coverage, props['eventSelectors'], dataType);
  addAdvancedSelectors(coverage, props['advancedEventSelectors'], dataType, bucket);
  return coverage;
}

/** What is missing from a coverage, for a message, or undefined when both reads and writes are complete. */
function missingText(coverage: Coverage, dataType: DataType): string | undefined {
  const missing = ACCESSES.filter((access) => !coverage[access].complete);
  if (missing.length === 0) return undefined;
  const nothing = missing.length === 2 && coverage.read.narrowed.length === 0 && coverage.write.narrowed.length === 0;
  if (nothing) {
    return (
      `no \`eventSelectors\` or \`advancedEventSelectors\` entry records ${dataType.label} data events ` +
      `(\`${dataType.type}\`); add a data event selector for \`${dataType.type}\` covering reads and writes`
    );
  }
  const parts = missing.map((access) => {
    const narrowed = [...new Set(coverage[access].narrowed)];
    return narrowed.length > 0 ? `${access}s only where ${narrowed.join('; ')}` : `no ${access}s`;
  });
  const recorded = ACCESSES.filter((access) => coverage[access].complete);
  if (recorded.length === 1 && missing.every((access) => coverage[access].narrowed.length === 0)) {
    const [only] = recorded;
    return (
      `the selectors for \`${dataType.type}\` record only ${only}s (\`readWriteType\` / \`readOnly\`); ` +
      `record ${missing[0]}s too (\`readWriteType: "All"\`, or no \`readOnly\` field selector)`
    );
  }
  return (
    `the selectors for \`${dataType.type}\` record ${parts.join(', and ')}: every ${missing.join(' and ')} event of every ` +
    `${dataType.label.split(' ')[1] ?? 'resource'} must be recorded (all-resources \`values\`, no narrowing field selector)`
  );
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
      'Every CloudTrail trail must record all S3 object-level (`AWS::S3::Object`) and Lambda invocation ' +
      '(`AWS::Lambda::Function`) data events, reads and writes, through basic `eventSelectors` or ' +
      '`advancedEventSelectors`. Management events do not show who read, wrote or deleted an object or invoked a ' +
      'function, the evidence needed to scope a data breach. Each requirement can be switched off in config.',
    decisions: [
      'Complete means every read and every write event of every resource of the type. A basic selector counts when a ' +
        '`dataResources` entry of the type lists the all-resources prefix (`arn:<partition>:s3`, `arn:<partition>:lambda`); ' +
        'one naming buckets or functions records only those. An advanced selector counts when it selects `eventCategory` ' +
        'Data and the `resources.type`, with `readOnly` (equals or notEquals) choosing reads and/or writes, and no other ' +
        'field selector narrowing the events (`eventName`, `eventSource`, `userIdentity.arn`, `resources.ARN`... with any ' +
        'operator).',
      'Two narrowings are not narrowings: a `resources.ARN` startsWith of the all-resources prefix, and a `resources.ARN` ' +
        'exclusion (notStartsWith/notEquals/notEndsWith) naming only the trail\'s own log bucket (`s3BucketName`), since ' +
        'recording the trail\'s own deliveries records each delivery, without end.',
      'Selectors add up: reads recorded by one selector and writes by another are complete. A selector that narrows ' +
        'records only part of its accesses, and the finding names what is missing (reads, writes) and which selector ' +
        'narrows what. A union of narrowed selectors (say every write event name listed) is not taken as complete.',
      'Unknown values (first preview): when the known selectors do not record everything, every unknown that could ' +
        'complete them (a selector list, selector, data resource, readWriteType, field or value, or the trail bucket an ' +
        'exclusion names) is reported undecided. A decided gap is the trail\'s only verdict.',
    ],
    severity: 'medium',
    enforcementLevel: 'mandatory',
    service: 'cloudtrail',
    controls: { fsbp: ['S3.22', 'S3.23'], cis: ['3.8', '3.9'] },
    resourceTypes: [TRAIL],
    remediation:
      'Add to the `aws.cloudtrail.Trail` an `advancedEventSelectors` entry per data type with field selectors ' +
      '`{ field: "eventCategory", equals: ["Data"] }` and `{ field: "resources.type", equals: ["AWS::S3::Object"] }` ' +
      '(and one with `AWS::Lambda::Function`) and no `readOnly` or other narrowing selector (excluding the trail\'s own ' +
      'bucket with `resources.ARN` notStartsWiths is fine), or a basic `eventSelectors` entry with ' +
      '`readWriteType: "All"` and `dataResources: [{ type: "AWS::S3::Object", values: ["arn:aws:s3"] }, ' +
      '{ type: "AWS::Lambda::Function", values: ["arn:aws:lambda"] }]`.',
    references: [
      'https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_DataResource.html',
      'https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_AdvancedFieldSelector.html',
      'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html',
    ],
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
  check: ({ args, config, report, undecided }) => {
    if (args.type !== TRAIL) return;
    const props = rawProps(args.props);
    const problems: string[] = [];
    const unknown: string[] = [];
    for (const dataType of DATA_TYPES) {
      if (config[dataType.switch] === false) continue;
      const coverage = coverageOf(props, dataType);
      const missing = missingText(coverage, dataType);
      if (missing === undefined) continue;
      // Unknown parts could record what is missing: the update decides.
      if (coverage.unknown.length > 0) unknown.push(...coverage.unknown);
      else problems.push(missing);
    }
    if (problems.length > 0) report(problems.join('\n'));
    else for (const part of new Set(unknown)) undecided(part, 'its value decides whether the trail records every S3 object and Lambda data event');
  },
});
