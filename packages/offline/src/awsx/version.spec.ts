import { readFileSync } from 'node:fs';
import { AWSX_PROVIDER_AWS_VERSION, AWSX_VERSION } from './version';

function installedManifest(name: string): { version: string; dependencies?: Record<string, string> } {
  return JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8'));
}

describe('the awsx version the models follow', () => {
  it('is the installed @pulumi/awsx, pinned exactly in package.json', () => {
    expect(installedManifest('@pulumi/awsx').version).toBe(AWSX_VERSION);
    const own = JSON.parse(readFileSync(require.resolve('../../package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(own.devDependencies['@pulumi/awsx']).toBe(AWSX_VERSION);
  });

  it('registers children with the @pulumi/aws version that awsx release is built with', () => {
    expect(installedManifest('@pulumi/awsx').dependencies?.['@pulumi/aws']).toBe(`^${AWSX_PROVIDER_AWS_VERSION}`);
  });
});
