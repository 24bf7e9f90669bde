import * as pulumi from '@pulumi/pulumi';

/** What an SDK generated for a multi-language component looks like: one registration with remote: true. */
class StaticSite extends pulumi.ComponentResource {
  constructor(name: string, args: { domain: string }) {
    super('acme-web:index:StaticSite', name, args, {}, true);
  }
}

export const site = new StaticSite('docs', { domain: 'docs.example.com' }).urn;
