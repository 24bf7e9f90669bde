/**
 * Adds one item to a list key of a Pulumi stack config file, as a person would: the file's text changes by the lines
 * that say so (comments, order, quoting and the other keys stay as they are). The generator uses it to name a new
 * stack's data bucket in the baseline's `baseline:dataEventBucketPurposes`, the list of the other stacks' buckets its
 * `cloudtrail-s3-dataevents-enabled` Config rule evaluates.
 */

/** What to add, and where, for error messages. */
export interface ConfigListItem {
  /** The config file, as messages name it (`stacks/baseline/Pulumi.dev.yaml`). */
  readonly file: string;
  /** The namespaced key (`baseline:dataEventBucketPurposes`). */
  readonly key: string;
  /** The key's value as the file has it (parsed), undefined when the file does not set it. */
  readonly current: unknown;
  /** The item to add; a plain YAML scalar (lowercase words and hyphens, not a number or boolean). */
  readonly item: string;
}

const PLAIN_ITEM = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const indentationOf = (line: string) => /^\s*/.exec(line)?.[0] ?? '';
const isBlankOrComment = (line: string) => /^\s*(#.*)?$/.test(line);

/**
 * `text` (a stack config file) with `item` added to the list at `key`, creating the key at the end of the `config:`
 * block when the file does not set it. Throws naming the file and the key when the value is not a list of strings,
 * already holds the item, or is written in a form this edit does not recognise (edit it by hand then).
 */
export function withConfigListItem(text: string, { file, key, current, item }: ConfigListItem): string {
  if (!PLAIN_ITEM.test(item)) throw new Error(`${file}: cannot add "${item}" to ${key} as a plain YAML scalar`);
  if (current !== undefined && (!Array.isArray(current) || current.some((entry) => typeof entry !== 'string'))) {
    throw new Error(`${file}: ${key} is ${JSON.stringify(current)}, not a YAML list of strings; make it one, then generate again`);
  }
  const items = (current ?? []) as string[];
  if (items.includes(item)) throw new Error(`${file}: ${key} already lists "${item}"`);

  const lines = text.split('\n');
  const keyLine = new RegExp(`^(\\s+)${escaped(key)}\\s*:\\s*(.*?)\\s*$`);
  const index = lines.findIndex((line) => keyLine.test(line));
  if (index === -1) {
    if (current !== undefined) throw new Error(`${file}: sets ${key} in a form this generator does not edit; add "${item}" to it by hand`);
    return withNewKey(lines, file, key, item).join('\n');
  }
  const [, keyIndentation, inline] = keyLine.exec(lines[index] as string) as RegExpExecArray;
  if (inline !== '' && !inline.startsWith('#')) {
    // A flow list (`[]`, `[a, b]`): rewritten as the block list the stacks' files use.
    lines.splice(index, 1, `${keyIndentation}${key}:`, ...[...items, item].map((entry) => `${keyIndentation}  - ${entry}`));
    return lines.join('\n');
  }
  // A block list: the new item goes after the last one, indented like them.
  let last = index;
  let itemIndentation: string | undefined;
  for (let next = index + 1; next < lines.length; next += 1) {
    const line = lines[next] as string;
    if (isBlankOrComment(line)) continue;
    const found = /^(\s*)- /.exec(line);
    if (found === null || (found[1] as string).length < (keyIndentation as string).length) break;
    itemIndentation ??= found[1];
    if (found[1] !== itemIndentation) break;
    last = next;
  }
  if (last === index && items.length > 0) throw new Error(`${file}: sets ${key} in a form this generator does not edit; add "${item}" to it by hand`);
  lines.splice(last + 1, 0, `${itemIndentation ?? `${keyIndentation}  `}- ${item}`);
  return lines.join('\n');
}

/** `lines` with `key: [item]` as the last entry of the `config:` block, indented like its other keys. */
function withNewKey(lines: string[], file: string, key: string, item: string): string[] {
  const start = lines.findIndex((line) => /^config:\s*(#.*)?$/.test(line));
  if (start === -1) throw new Error(`${file}: has no "config:" block to add ${key} to; add ${key}: ["${item}"] by hand`);
  let last = start;
  for (let next = start + 1; next < lines.length; next += 1) {
    const line = lines[next] as string;
    if (isBlankOrComment(line)) continue;
    if (indentationOf(line) === '') break;
    last = next;
  }
  const indentation = last === start ? '  ' : indentationOf(lines.slice(start + 1).find((line) => !isBlankOrComment(line)) as string);
  const added = [`${indentation}${key}:`, `${indentation}  - ${item}`];
  return [...lines.slice(0, last + 1), ...added, ...lines.slice(last + 1)];
}
