import * as pulumi from '@pulumi/pulumi';
import { runProgram } from './run-program';
import { programErrorAdvice } from './program-error-advice';

describe('offline advice for program errors', () => {
  it('turns the SDK’s `pulumi config set` into the --config flag', async () => {
    const error = await runProgram(() => ({ domain: new pulumi.Config().require('targetDomain') }), { project: 'site' }).catch((failure: { failures: string[] }) => failure);
    expect((error as { failures: string[] }).failures).toContain("offline, give it with --config site:targetDomain=VALUE (or set it in the stack's Pulumi.<stack>.yaml)");
  });

  it('names the aws:region config when no region is set, and nothing for other errors', () => {
    expect(programErrorAdvice('No AWS region has been configured')).toMatch(/^offline, give it with --config aws:region=REGION/);
    expect(programErrorAdvice('the VPC CIDR overlaps the peer network')).toBeUndefined();
  });
});
