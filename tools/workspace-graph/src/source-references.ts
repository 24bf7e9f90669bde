/**
 * Where a project's sources reach into another workspace project without importing it as a package the usual way:
 * a path built to it (`path.join(workspaceRoot, 'tools', 'cli', 'bin', 'bulwark.js')`, `path.resolve(__dirname,
 * '../../stacks')` joined with a stack name), a module it requires or resolves (`require.resolve('@bulwark/cli/bin/
 * bulwark.js')`, `../../tools/cli/src/main`), or a command it spawns (`bulwark`). Each is a dependency the nx graph
 * must know, or cached results hide what a change to that project breaks.
 *
 * Paths are evaluated, not guessed: string literals, `__dirname`, `__filename`, `path.join`/`resolve`/`dirname`,
 * template strings, constants (also imported from the project's own modules) and `workspaceRootOf(...)` /
 * `findWorkspaceRoot(...)` of `@bulwark/workspace`. A path built on anything else (a parameter, a temporary
 * directory) is not this workspace's and is left alone.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { type GraphProject } from './project-graph';

/** One place a source reaches another project. */
export interface SourceReference {
  /** The project whose source it is. */
  readonly source: string;
  /** The file, relative to the workspace root. */
  readonly file: string;
  readonly line: number;
  /** The project reached. */
  readonly target: string;
  /** How, in words: `path tools/cli/bin/bulwark.js`, `require.resolve('@bulwark/cli/bin/bulwark.js')`. */
  readonly how: string;
  /** The target's package name, when the source names the package (an import): its package.json must declare it. */
  readonly packageName?: string;
}

const SOURCE_EXTENSIONS = new Set(['.ts', '.tsx', '.js', '.cjs', '.mjs']);
// Dependencies, compiler and test output: never a project's own sources.
const SKIPPED_DIRECTORIES = new Set(['node_modules', 'out-tsc', 'dist', 'coverage', '.nx']);
const PATH_FUNCTIONS = new Set(['join', 'resolve']);
const WORKSPACE_ROOT_FUNCTIONS = new Set(['workspaceRootOf', 'findWorkspaceRoot']);
const SPAWN_FUNCTIONS = new Set(['spawn', 'spawnSync', 'execFile', 'execFileSync', 'exec', 'execSync', 'fork']);
const MODULE_FUNCTIONS = new Set(['require', 'require.resolve', 'import', 'jest.mock', 'jest.requireActual']);
const MAX_DEPTH = 8;

type AddReference = (node: ts.Node, target: GraphProject | undefined, how: string, packageName?: string) => void;

/** A path value: absolute, and whether it is whole or only the prefix before a value that cannot be known. */
type PathValue = { readonly kind: 'path'; readonly path: string; readonly complete: boolean };
type Value = PathValue | { readonly kind: 'text'; readonly text: string } | { readonly kind: 'unknown' };
const UNKNOWN: Value = { kind: 'unknown' };

/** The source files of a project: every script under its root but dependencies, compiler and build output. */
export function projectSourceFiles(workspaceRoot: string, project: GraphProject): string[] {
  const outputs = new Set(project.buildOutputs.map((output) => path.join(workspaceRoot, output)));
  const files: string[] = [];
  const visit = (directory: string) => {
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name) && !outputs.has(full)) visit(full);
      } else if (SOURCE_EXTENSIONS.has(path.extname(entry.name)) && !entry.name.endsWith('.d.ts')) {
        files.push(full);
      }
    }
  };
  visit(path.join(workspaceRoot, project.root));
  return files.sort();
}

/** A parsed module: its AST and the names it binds (constants, and imports from the project's own modules). */
interface Module {
  readonly file: string;
  readonly source: ts.SourceFile;
  readonly constants: Map<string, ts.Expression>;
  readonly imports: Map<string, { readonly file: string; readonly name: string }>;
  readonly workspaceRootFunctions: Set<string>;
}

function scriptKind(file: string): ts.ScriptKind {
  return file.endsWith('.ts') ? ts.ScriptKind.TS : file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.JS;
}

function resolveModuleFile(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  return ['', '.ts', '.js', '.cjs', '/index.ts', '/index.js'].map((suffix) => base + suffix).find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile());
}

function callName(expression: ts.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) {
    const owner = callName(expression.expression);
    return owner === undefined ? expression.name.text : `${owner}.${expression.name.text}`;
  }
  return undefined;
}

function lastName(name: string | undefined): string | undefined {
  return name?.split('.').pop();
}

/** Reads the references of every source of every project. */
export class SourceScanner {
  private readonly modules = new Map<string, Module>();
  private readonly byPackage: ReadonlyArray<{ readonly packageName: string; readonly project: GraphProject }>;
  private readonly byBin = new Map<string, GraphProject>();

  constructor(
    private readonly workspaceRoot: string,
    private readonly projects: readonly GraphProject[],
  ) {
    this.byPackage = projects.flatMap((project) => (project.packageName ? [{ packageName: project.packageName, project }] : []));
    for (const project of projects) for (const bin of project.bins) this.byBin.set(bin, project);
  }

  /** Every reference from `project`'s sources to another workspace project. */
  referencesOf(project: GraphProject): SourceReference[] {
    return projectSourceFiles(this.workspaceRoot, project).flatMap((file) => this.referencesIn(project, file));
  }

  /** The references of one source file of `project`. */
  referencesIn(project: GraphProject, file: string): SourceReference[] {
    const module = this.module(file);
    const found: SourceReference[] = [];
    const add = (node: ts.Node, target: GraphProject | undefined, how: string, packageName?: string) => {
      if (target === undefined || target.name === project.name) return;
      const line = module.source.getLineAndCharacterOfPosition(node.getStart(module.source)).line + 1;
      found.push({ source: project.name, file: path.relative(this.workspaceRoot, file), line, target: target.name, how, ...(packageName ? { packageName } : {}) });
    };
    const visit = (node: ts.Node): void => {
      if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        this.addModule(node, file, node.moduleSpecifier.text, `import '${node.moduleSpecifier.text}'`, add);
      }
      if (ts.isCallExpression(node)) this.visitCall(module, node, add);
      if (ts.isTemplateExpression(node)) this.addPath(module, node, add);
      ts.forEachChild(node, visit);
    };
    visit(module.source);
    // A path can be seen twice (a template inside a join): one reference per place, target and way.
    const seen = new Set<string>();
    return found.filter((reference) => {
      const key = `${reference.line}\0${reference.target}\0${reference.how}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  private visitCall(module: Module, call: ts.CallExpression, add: AddReference): void {
    const name = call.expression.kind === ts.SyntaxKind.ImportKeyword ? 'import' : callName(call.expression);
    const [first] = call.arguments;
    if (name !== undefined && MODULE_FUNCTIONS.has(name) && first && ts.isStringLiteralLike(first)) {
      this.addModule(call, module.file, first.text, `${name}('${first.text}')`, add);
      return;
    }
    if (PATH_FUNCTIONS.has(lastName(name) ?? '')) this.addPath(module, call, add);
    if (SPAWN_FUNCTIONS.has(lastName(name) ?? '')) {
      for (const text of call.arguments.flatMap((argument) => this.literalTexts(argument))) {
        for (const word of text.split(/\s+/)) add(call, this.byBin.get(word), `${lastName(name)} of \`${word}\``);
      }
    }
  }

  /** Records the project a path expression leads into, or the projects under the folder a partial path names. */
  private addPath(module: Module, node: ts.Expression, add: AddReference): void {
    const value = this.evaluate(module, node, 0);
    if (value.kind !== 'path') return;
    const relative = path.relative(this.workspaceRoot, value.path).split(path.sep).join('/');
    if (relative.startsWith('..') || path.isAbsolute(relative)) return;
    const into = this.projectAt(relative);
    if (into) {
      add(node, into, `path ${relative}${value.complete ? '' : '/…'}`);
      return;
    }
    // A folder of projects joined with a value (`stacks/${name}`): it reaches each of them. The workspace root
    // itself is left out: every path in it would otherwise reach every project.
    if (!value.complete && relative !== '') {
      for (const project of this.projects) {
        if (project.root.startsWith(`${relative}/`)) add(node, project, `path ${relative}/… (a folder of projects)`);
      }
    }
  }

  private projectAt(relative: string): GraphProject | undefined {
    return this.projects
      .filter((project) => relative === project.root || relative.startsWith(`${project.root}/`))
      .sort((a, b) => b.root.length - a.root.length)[0];
  }

  /** Records the project a module specifier names: by package name, or by a relative path leading into it. */
  private addModule(node: ts.Node, file: string, specifier: string, how: string, add: AddReference): void {
    if (specifier.startsWith('.')) {
      const relative = path.relative(this.workspaceRoot, path.resolve(path.dirname(file), specifier)).split(path.sep).join('/');
      if (!relative.startsWith('..')) add(node, this.projectAt(relative), how);
      return;
    }
    const match = this.byPackage.find(({ packageName }) => specifier === packageName || specifier.startsWith(`${packageName}/`));
    if (match) add(node, match.project, how, match.packageName);
  }

  private literalTexts(node: ts.Expression): string[] {
    if (ts.isStringLiteralLike(node)) return [node.text];
    if (ts.isArrayLiteralExpression(node)) return node.elements.flatMap((element) => (ts.isExpression(element) ? this.literalTexts(element) : []));
    return [];
  }

  private evaluate(module: Module, node: ts.Expression, depth: number): Value {
    if (depth > MAX_DEPTH) return UNKNOWN;
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node)) return this.evaluate(module, node.expression, depth + 1);
    if (ts.isStringLiteralLike(node)) return { kind: 'text', text: node.text };
    if (ts.isIdentifier(node)) return this.evaluateName(module, node.text, depth);
    if (ts.isTemplateExpression(node)) return this.evaluateTemplate(module, node, depth);
    if (ts.isCallExpression(node)) {
      const name = callName(node.expression);
      const last = lastName(name);
      if (name !== undefined && module.workspaceRootFunctions.has(name)) return { kind: 'path', path: this.workspaceRoot, complete: true };
      if (last === 'dirname' && node.arguments[0]) {
        const inner = this.evaluate(module, node.arguments[0], depth + 1);
        return inner.kind === 'path' && inner.complete ? { kind: 'path', path: path.dirname(inner.path), complete: true } : UNKNOWN;
      }
      if (PATH_FUNCTIONS.has(last ?? '')) return this.evaluateJoin(module, node.arguments, last === 'resolve', depth);
    }
    return UNKNOWN;
  }

  private evaluateName(module: Module, name: string, depth: number): Value {
    if (name === '__dirname') return { kind: 'path', path: path.dirname(module.file), complete: true };
    if (name === '__filename') return { kind: 'path', path: module.file, complete: true };
    const constant = module.constants.get(name);
    if (constant) return this.evaluate(module, constant, depth + 1);
    const imported = module.imports.get(name);
    if (imported) {
      const other = this.module(imported.file);
      const initializer = other.constants.get(imported.name);
      if (initializer) return this.evaluate(other, initializer, depth + 1);
    }
    return UNKNOWN;
  }

  /** `join`/`resolve` of the arguments: a path when the first is one, extended by text until a value is unknown. */
  private evaluateJoin(module: Module, args: ts.NodeArray<ts.Expression>, isResolve: boolean, depth: number): Value {
    let current: PathValue | undefined;
    for (const argument of args) {
      if (ts.isSpreadElement(argument)) return current ? { ...current, complete: false } : UNKNOWN;
      const value = this.evaluate(module, argument, depth + 1);
      if (value.kind === 'path' && (current === undefined || isResolve)) {
        current = value;
        if (!value.complete) return value;
      } else if (value.kind === 'text' && current) {
        current = { kind: 'path', path: isResolve ? path.resolve(current.path, value.text) : path.join(current.path, value.text), complete: true };
      } else {
        return current ? { ...current, complete: false } : UNKNOWN;
      }
    }
    return current ?? UNKNOWN;
  }

  /** `${base}/a/b`: a path when the template starts with a path, extended by its text up to the next value. */
  private evaluateTemplate(module: Module, node: ts.TemplateExpression, depth: number): Value {
    if (node.head.text !== '') return UNKNOWN;
    const [firstSpan, ...rest] = node.templateSpans;
    if (!firstSpan) return UNKNOWN;
    const base = this.evaluate(module, firstSpan.expression, depth + 1);
    if (base.kind !== 'path' || !base.complete) return UNKNOWN;
    return { kind: 'path', path: path.join(base.path, firstSpan.literal.text), complete: rest.length === 0 };
  }

  private module(file: string): Module {
    const cached = this.modules.get(file);
    if (cached) return cached;
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, scriptKind(file));
    const constants = new Map<string, ts.Expression>();
    const imports = new Map<string, { file: string; name: string }>();
    const workspaceRootFunctions = new Set<string>();
    const visit = (node: ts.Node): void => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && !constants.has(node.name.text)) {
        constants.set(node.name.text, node.initializer);
      }
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && node.importClause?.namedBindings && ts.isNamedImports(node.importClause.namedBindings)) {
        const specifier = node.moduleSpecifier.text;
        for (const element of node.importClause.namedBindings.elements) {
          const imported = (element.propertyName ?? element.name).text;
          if (specifier === '@bulwark/workspace' && WORKSPACE_ROOT_FUNCTIONS.has(imported)) workspaceRootFunctions.add(element.name.text);
          if (specifier.startsWith('.')) {
            const target = resolveModuleFile(file, specifier);
            if (target) imports.set(element.name.text, { file: target, name: imported });
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    const module = { file, source, constants, imports, workspaceRootFunctions };
    this.modules.set(file, module);
    return module;
  }
}
