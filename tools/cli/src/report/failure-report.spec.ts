import * as fs from 'node:fs';
import * as path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import Ajv from 'ajv';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { renderFailure } from './failure-report';

const failure = {
  message: 'the program failed: it never finished: nothing was left to run while it still waited for 1 resource registration(s)',
  details: ['registration never completed: aws:s3/bucket:Bucket "logs" <&>', 'stack output never resolved: url'],
};
const root = path.resolve(__dirname, '..', '..', '..', '..');

describe('failure reports', () => {
  it('JSON: the report document with an error and no stacks, valid against docs/report-schema.json', () => {
    const document = JSON.parse(renderFailure(failure, 'json', '1.0.0'));
    expect(document.error).toEqual(failure);
    expect(document.stacks).toEqual([]);
    const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(fs.readFileSync(path.join(root, 'docs', 'report-schema.json'), 'utf8')));
    expect(validate(document) ? true : validate.errors).toBe(true);
  });

  it('SARIF: an unsuccessful invocation with the error, valid SARIF 2.1.0', () => {
    const log = JSON.parse(renderFailure(failure, 'sarif', '1.0.0'));
    expect(log.runs[0].invocations[0]).toMatchObject({ executionSuccessful: false, exitCode: 2 });
    expect(log.runs[0].invocations[0].toolExecutionNotifications[0].message.text).toContain('registration never completed: aws:s3/bucket:Bucket "logs"');
    const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'test', 'schemas', 'sarif-schema-2.1.0.json'), 'utf8')));
    expect(validate(log) ? true : validate.errors).toBe(true);
  });

  it('JUnit: a suite with one errored case, well-formed', () => {
    const xml = renderFailure(failure, 'junit', '1.0.0');
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    expect(parsed.testsuites.errors).toBe('1');
    expect(parsed.testsuites.testsuite.testcase.error.message).toBe(failure.message);
  });

  it('Markdown and text: the verdict and every detail', () => {
    expect(renderFailure(failure, 'markdown', '1.0.0')).toContain(':boom: **the check did not finish: nothing was judged**');
    // The comment marker: a CI job that updates its pull-request comment replaces the last report with the failure.
    expect(renderFailure(failure, 'markdown', '1.0.0').startsWith('<!-- bulwark-report -->\n')).toBe(true);
    expect(renderFailure(failure, 'html', '1.0.0')).toContain('The check did not finish: nothing was judged');
    expect(renderFailure(failure, 'text', '1.0.0')).toBe(`error: ${failure.message}\n  ${failure.details[0]}\n  ${failure.details[1]}\n`);
  });
});
