import * as fs from 'node:fs';
import * as path from 'node:path';

/** Every component class in the package's sources, with the doc comment right above it. */
function componentDocs(): { file: string; name: string; doc: string }[] {
  const sources = fs.readdirSync(__dirname).filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'));
  return sources.flatMap((file) => {
    const text = fs.readFileSync(path.join(__dirname, file), 'utf8');
    const classes = [...text.matchAll(/(\/\*\*(?:(?!\*\/)[\s\S])*\*\/)\s*export (?:abstract )?class (\w+) extends (?:pulumi\.ComponentResource|BaselineBucket)\b/g)];
    const undocumented = [...text.matchAll(/export (?:abstract )?class (\w+) extends (?:pulumi\.ComponentResource|BaselineBucket)\b/g)].filter(
      (match) => !classes.some((documented) => documented[2] === match[1]),
    );
    return [
      ...classes.map((match) => ({ file, name: match[2] as string, doc: match[1] as string })),
      ...undocumented.map((match) => ({ file, name: match[1] as string, doc: '' })),
    ];
  });
}

describe('core components document themselves', () => {
  const components = componentDocs();

  it('finds the components', () => {
    expect(components.map((component) => component.name).sort()).toEqual(
      ['BaselineBucket', 'EncryptedLogGroup', 'KmsKey', 'LeastPrivilegeRole', 'LogsBucket', 'SecureBucket'].sort(),
    );
  });

  it.each(components.map((component) => [component.name, component] as const))('%s has a doc comment with an @example', (_name, component) => {
    expect({ component: component.name, file: component.file, hasExample: /\n\s*\* @example\n/.test(component.doc) }).toEqual({
      component: component.name,
      file: component.file,
      hasExample: true,
    });
  });
});
