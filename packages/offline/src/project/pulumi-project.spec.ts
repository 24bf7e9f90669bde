import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isProjectName, ProjectError, readPulumiProject } from './pulumi-project';

describe('readPulumiProject', () => {
  let directory: string;
  beforeEach(() => (directory = fs.mkdtempSync(path.join(os.tmpdir(), 'project-'))));
  afterEach(() => fs.rmSync(directory, { recursive: true, force: true }));

  it('reads the name, runtime and entry', () => {
    fs.writeFileSync(path.join(directory, 'Pulumi.yaml'), 'name: aws-ts-s3-folder\nruntime: nodejs\nmain: src/index.ts\n');
    expect(readPulumiProject(directory)).toMatchObject({ name: 'aws-ts-s3-folder', runtime: 'nodejs', main: 'src/index.ts' });
  });

  it.each(['${PROJECT}', 'my project', 'a'.repeat(101), 'web/app'])('rejects the project name %j, naming Pulumi.yaml', (name) => {
    fs.writeFileSync(path.join(directory, 'Pulumi.yaml'), `name: ${JSON.stringify(name)}\nruntime: nodejs\n`);
    expect(() => readPulumiProject(directory)).toThrow(ProjectError);
    expect(() => readPulumiProject(directory)).toThrow(`${path.join(directory, 'Pulumi.yaml')}: "name" ${JSON.stringify(name)} is not a valid Pulumi project name`);
  });

  it('accepts what the Pulumi CLI accepts', () => {
    for (const name of ['network', 'aws-ts-webserver', 'my_project.v2', 'A1']) expect(isProjectName(name)).toBe(true);
  });
});
