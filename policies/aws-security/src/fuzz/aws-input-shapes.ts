/**
 * The input shape of an `@pulumi/aws` resource type, read from the SDK's own declarations (`<Class>Args` and the
 * `inputs.<module>.*` interfaces), so that generated resources have the property names and nesting real
 * programs send, not only random keys. Test-only: used by the rules' property-based test.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** What a property holds, as far as generating values is concerned. */
export type InputShape =
  | { readonly kind: 'boolean' | 'number' | 'string' | 'stringMap' | 'any' }
  | { readonly kind: 'list'; readonly element: InputShape }
  | { readonly kind: 'object'; readonly properties: Readonly<Record<string, InputShape>> };

const PROPERTY_LINE = /^(\s*)(?:readonly )?([A-Za-z_$][\w$]*)\??: (.*)$/;
const MAX_DEPTH = 4;

function awsRoot(): string {
  return dirname(require.resolve('@pulumi/aws/package.json'));
}

/** The lines of an interface body (`interface <name> {` ... matching `}`), or undefined when absent. */
function interfaceBody(lines: readonly string[], name: string, from = 0): string[] | undefined {
  const header = new RegExp(`^(\\s*)(?:export )?interface ${name.replace(/\$/g, '\\$')} \\{$`);
  for (let index = from; index < lines.length; index++) {
    const match = header.exec(lines[index]);
    if (!match) continue;
    const closing = `${match[1]}}`;
    const body: string[] = [];
    for (let line = index + 1; line < lines.length && lines[line] !== closing; line++) body.push(lines[line]);
    return body;
  }
  return undefined;
}

let inputLines: string[] | undefined;
const namespaceStart = new Map<string, number>();

function inputInterface(namespace: string, name: string): string[] | undefined {
  inputLines ??= readFileSync(join(awsRoot(), 'types', 'input.d.ts'), 'utf8').split('\n');
  if (!namespaceStart.has(namespace)) {
    namespaceStart.set(namespace, Math.max(0, inputLines.indexOf(`export declare namespace ${namespace} {`)));
  }
  return interfaceBody(inputLines, name, namespaceStart.get(namespace));
}

function shapeOfType(text: string, depth: number): InputShape {
  const nested = /inputs\.([\w]+)\.([\w]+)/.exec(text);
  const isList = /\]\s*\|?\s*(undefined)?>*;?$/.test(text) || text.includes('>[]');
  let element: InputShape;
  if (nested) {
    const body = depth < MAX_DEPTH ? inputInterface(nested[1], nested[2]) : undefined;
    element = body ? { kind: 'object', properties: propertiesOf(body, depth + 1) } : { kind: 'any' };
  } else if (/\bboolean\b/.test(text)) element = { kind: 'boolean' };
  else if (/\bnumber\b/.test(text)) element = { kind: 'number' };
  else if (/\bstring\b/.test(text)) element = { kind: 'string' };
  else element = { kind: 'any' };
  return isList ? { kind: 'list', element } : element;
}

function propertiesOf(body: readonly string[], depth: number): Record<string, InputShape> {
  const properties: Record<string, InputShape> = {};
  const indent = body.find((line) => PROPERTY_LINE.test(line))?.match(/^\s*/)?.[0] ?? '';
  for (const line of body) {
    const match = PROPERTY_LINE.exec(line);
    if (!match || match[1] !== indent) continue;
    const [, , name, type] = match;
    properties[name] = type.trimEnd().endsWith('{') ? { kind: 'stringMap' } : shapeOfType(type, depth);
  }
  return properties;
}

const cache = new Map<string, InputShape | undefined>();

/**
 * The input shape of a type token such as `aws:ec2/instance:Instance`, or undefined for tokens that are not
 * `@pulumi/aws` resources (or whose declarations cannot be found).
 */
export function awsInputShape(token: string): InputShape | undefined {
  if (cache.has(token)) return cache.get(token);
  const match = /^aws:([\w]+)\/([\w]+):([\w]+)$/.exec(token);
  let shape: InputShape | undefined;
  if (match) {
    const [, module, file, className] = match;
    try {
      const lines = readFileSync(join(awsRoot(), module, `${file}.d.ts`), 'utf8').split('\n');
      const body = interfaceBody(lines, `${className}Args`);
      if (body) shape = { kind: 'object', properties: propertiesOf(body, 0) };
    } catch {
      shape = undefined;
    }
  }
  cache.set(token, shape);
  return shape;
}
