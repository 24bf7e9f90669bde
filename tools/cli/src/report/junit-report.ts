/**
 * JUnit XML for CI test tabs: a suite per stack, a case per evaluated policy and resource (resource policies:
 * one per resource the policy applies to; stack policies: one for the stack), a failure per blocking violation
 * (advisory and waived findings are recorded in the case's output, not as failures). Cases do not depend on the
 * mode: a stack evaluated in both modes has one case per policy and resource, and each finding says which modes
 * found it.
 */
import { isBlocking, type Report, type ReportViolation, type StackReport } from './report-model';

/** True for a character XML 1.0 allows (tab, newline, carriage return and the printable ranges). */
function allowedInXml(character: string): boolean {
  const code = character.codePointAt(0) as number;
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || code >= 0x10000;
}

/** Text escaped for an XML attribute or element, characters XML 1.0 forbids dropped. */
export function xml(text: string): string {
  return [...text]
    .filter(allowedInXml)
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

interface TestCase {
  readonly name: string;
  readonly classname: string;
  readonly violations: ReportViolation[];
}

function casesOf(stack: StackReport): TestCase[] {
  const cases: TestCase[] = [];
  const suite = `${stack.project}/${stack.stack}`;
  for (const policy of stack.policies) {
    const own = stack.violations.filter((violation) => violation.pack === policy.pack && violation.policy === policy.policy);
    if (policy.kind === 'stack') {
      cases.push({ name: `${policy.policy} (stack)`, classname: `${suite}.${policy.pack}`, violations: own });
      continue;
    }
    const skipped = new Set(policy.notApplicable);
    for (const resource of stack.resources) {
      if (skipped.has(resource.urn)) continue;
      cases.push({
        name: `${policy.policy} ${resource.type} ${resource.name}`,
        classname: `${suite}.${policy.pack}`,
        violations: own.filter((violation) => violation.urn === resource.urn),
      });
    }
    // Findings a resource policy reported about other resources or the stack still need a home.
    const placed = new Set(stack.resources.map((resource) => resource.urn));
    const elsewhere = own.filter((violation) => !violation.urn || !placed.has(violation.urn));
    if (elsewhere.length > 0) cases.push({ name: `${policy.policy} (stack)`, classname: `${suite}.${policy.pack}`, violations: elsewhere });
  }
  return cases;
}

/** Which modes found a violation (` (found in preview, update)`), for the text of a failure or note. */
function foundIn(violation: ReportViolation): string {
  return violation.modes && violation.modes.length > 0 ? ` (found in ${violation.modes.join(', ')})` : '';
}

function renderCase(testCase: TestCase): string {
  const failures = testCase.violations.filter(isBlocking);
  const notes = testCase.violations.filter((violation) => !isBlocking(violation));
  const open = `    <testcase name="${xml(testCase.name)}" classname="${xml(testCase.classname)}" time="0">`;
  if (failures.length === 0 && notes.length === 0) return `${open.slice(0, -1)}/>`;
  const body = [
    ...failures.map(
      (violation) =>
        `      <failure type="${xml(violation.policy)}" message="${xml(violation.message.split('\n').pop() ?? '')}">${xml(
          `${violation.message}\n${violation.urn ?? '(stack)'}${foundIn(violation)}`,
        )}</failure>`,
    ),
    ...(notes.length > 0
      ? [
          `      <system-out>${xml(
            notes
              .map(
                (violation) =>
                  `${violation.waived ? 'waived' : violation.enforcement}${foundIn(violation)}: ${violation.message}${violation.waiver ? `\nwaived: ${violation.waiver}` : ''}`,
              )
              .join('\n'),
          )}</system-out>`,
        ]
      : []),
  ];
  return [open, ...body, '    </testcase>'].join('\n');
}

/** Renders the report as JUnit XML. */
export function renderJunit(report: Report): string {
  let tests = 0;
  let failures = 0;
  const suites = report.stacks.map((stack) => {
    const cases = casesOf(stack);
    const failed = cases.filter((testCase) => testCase.violations.some(isBlocking)).length;
    tests += cases.length;
    failures += failed;
    const seconds = (stack.durationMs / 1000).toFixed(3);
    return [
      `  <testsuite name="${xml(`${stack.project}/${stack.stack}`)}" tests="${cases.length}" failures="${failed}" errors="0" skipped="0" time="${seconds}">`,
      ...cases.map(renderCase),
      '  </testsuite>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="bulwark" tests="${tests}" failures="${failures}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
