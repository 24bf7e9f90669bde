import * as pulumi from '@pulumi/pulumi';
import * as aws from '@pulumi/aws';

class WebServer extends pulumi.ComponentResource {
  readonly ip: pulumi.Output<string>;
  constructor(name: string) {
    super('example:web:Server', name);
    const instance = aws.ec2.getInstanceOutput({ instanceTags: { Name: name } }, { parent: this });
    const address = new aws.ec2.Eip(name, { instance: instance.id.apply((id) => id.toUpperCase()) }, { parent: this });
    this.ip = address.publicIp;
    this.registerOutputs({ ip: this.ip });
  }
}

export const ip = new WebServer('web').ip;
