/**
 * The HTML report in a real browser: Debian's Chromium, headless, driven by playwright-core (which brings no
 * browser of its own). The page is opened from disk, as a CI artifact is; the test reads its rows and works its
 * filters through their labels, and checks that it loaded nothing and ran nothing but its own script.
 *
 * Chromium must be installed (`.ci/run` installs it: `apt-get install -y chromium`); without it this test fails,
 * saying so, rather than skipping. `CHROMIUM_PATH` names another Chromium or Chrome binary.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { renderHtml } from './html-report';
import { filterableReport, HOSTILE_MESSAGE } from './testing/filterable-report';

const CHROMIUM = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let directory: string;
let context: BrowserContext;
let page: Page;
const requests: string[] = [];
const problems: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: the HTML report is tested in headless Chromium. ` +
        'Install it with `apt-get install -y chromium` (.ci/run does), or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
  }
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-html-'));
  const file = path.join(directory, 'report.html');
  fs.writeFileSync(file, renderHtml(filterableReport()));
  context = await chromium.launchPersistentContext(path.join(directory, 'profile'), { executablePath: CHROMIUM, headless: true, args: ARGS });
  page = await context.newPage();
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  await page.goto(pathToFileURL(file).href);
}, 60_000);

afterAll(async () => {
  await context?.close();
  if (directory) fs.rmSync(directory, { recursive: true, force: true });
});

/** A filter, found by the accessible name its label gives it. */
function filter(label: string) {
  return page.getByRole('combobox', { name: label, exact: true });
}

/** The visible rows, as `stack rule level`. */
async function visibleRows(): Promise<string[]> {
  return page.locator('#findings tbody tr:visible').evaluateAll((rows) =>
    rows.map((row) => `${row.getAttribute('data-stack')} ${row.getAttribute('data-rule')} ${row.getAttribute('data-level')}`),
  );
}

const ALL = [
  'data/dev s3-bucket-versioning mandatory',
  'data/dev s3-bucket-logging waived',
  'data/dev s3-bucket-no-public-policy undecided',
  'edge/dev stack-tags mandatory',
  'edge/dev no-script advisory',
];

describe('the HTML report in headless Chromium', () => {
  it('shows every finding as a row, with the filters the script enabled', async () => {
    expect(await visibleRows()).toEqual(ALL);
    await expect(page.locator('#filters').isVisible()).resolves.toBe(true);
    await expect(page.locator('#shown-count').textContent()).resolves.toBe('Showing all 5 findings');
    const cells = await page.locator('#findings tbody tr').first().locator('td').allInnerTexts();
    expect(cells.slice(0, 5)).toEqual(['mandatory', 'data/dev', 'aws:s3/bucket:Bucket "logs"\nurn:pulumi:dev::data::aws:s3/bucket:Bucket::logs', 's3-bucket-versioning\naws-security', 'high']);
  });

  it('filters by stack, rule, severity, level and mode, hiding the other rows and showing them again', async () => {
    await filter('Stack').selectOption('edge/dev');
    expect(await visibleRows()).toEqual(['edge/dev stack-tags mandatory', 'edge/dev no-script advisory']);
    await expect(page.locator('#shown-count').textContent()).resolves.toBe('Showing 2 of 5 findings');

    await filter('Severity').selectOption('high');
    expect(await visibleRows()).toEqual([]);
    await expect(page.locator('#no-match').isVisible()).resolves.toBe(true);

    await filter('Stack').selectOption('');
    expect(await visibleRows()).toEqual(['data/dev s3-bucket-versioning mandatory']);
    await expect(page.locator('#no-match').isVisible()).resolves.toBe(false);

    await page.getByRole('button', { name: 'Show all' }).click();
    // A locator wait (Playwright's own isolated script): a string predicate would be evaluated in the page, whose
    // Content Security Policy forbids eval, and fails whenever it has to poll.
    await page.locator('#shown-count').filter({ hasText: /^Showing all 5 findings$/ }).waitFor();
    expect(await visibleRows()).toEqual(ALL);

    await filter('Rule').selectOption('s3-bucket-no-public-policy');
    expect(await visibleRows()).toEqual(['data/dev s3-bucket-no-public-policy undecided']);
    await filter('Rule').selectOption('');

    await filter('Level').selectOption('waived');
    expect(await visibleRows()).toEqual(['data/dev s3-bucket-logging waived']);
    await filter('Level').selectOption('mandatory');
    expect(await visibleRows()).toEqual(['data/dev s3-bucket-versioning mandatory', 'edge/dev stack-tags mandatory']);
    await filter('Level').selectOption('');

    await filter('Found in').selectOption('update');
    expect(await visibleRows()).toEqual(['data/dev s3-bucket-versioning mandatory', 'data/dev s3-bucket-logging waived', 'edge/dev stack-tags mandatory']);
    await filter('Found in').selectOption('');
    expect(await visibleRows()).toEqual(ALL);
  });

  it('shows markup from a pack as text and runs none of it', async () => {
    const message = await page.locator('tr[data-rule="no-script"] .message').textContent();
    expect(message).toBe(HOSTILE_MESSAGE);
    await expect(page.evaluate('typeof window.injected')).resolves.toBe('undefined');
    await expect(page.locator('#findings img, #findings b, #findings script').count()).resolves.toBe(0);
  });

  it('loaded nothing but the page itself, and logged no error (its style and script passed the CSP)', () => {
    expect(requests.every((url) => url.startsWith('file://'))).toBe(true);
    expect(requests).toHaveLength(1);
    expect(problems).toEqual([]);
  });
});
