import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expectedProviderValuesSource, guardDutyValues, lambdaRuntimes, PROVIDER_VALUES_FILE } from './generate-provider-values';

const directory = dirname(require.resolve('@pulumi/aws/package.json'));

describe('generate-provider-values', () => {
  it('reads the Lambda runtime enum with its deprecation marks', () => {
    const runtimes = lambdaRuntimes(directory);
    expect(runtimes.all).toEqual(expect.arrayContaining(['nodejs22.x', 'nodejs16.x', 'python3.13']));
    expect(runtimes.deprecated).toEqual(expect.arrayContaining(['nodejs16.x', 'python3.7']));
    expect(runtimes.deprecated).not.toContain('nodejs24.x');
  });

  it('reads the GuardDuty feature and additional configuration names the provider documents', () => {
    const values = guardDutyValues(directory);
    expect(values.features).toEqual(expect.arrayContaining(['S3_DATA_EVENTS', 'RUNTIME_MONITORING']));
    expect(values.additionalConfigurations).toEqual(expect.arrayContaining(['EKS_ADDON_MANAGEMENT']));
  });

  it('the checked-in src/data/provider-values.ts is up to date (regenerate with the script when it is not)', () => {
    expect(readFileSync(PROVIDER_VALUES_FILE, 'utf8')).toBe(expectedProviderValuesSource());
  });
});
