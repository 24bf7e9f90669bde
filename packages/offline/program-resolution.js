// @ts-check
/**
 * How a Pulumi TypeScript program's imports resolve, as its own TypeScript setup resolves them: a `.js` specifier
 * names the `.ts` source beside it (what `moduleResolution: node16/nodenext/bundler` programs write, and what
 * ts-node resolves), and `paths` / `baseUrl` in the program's tsconfig.json map bare specifiers to its files.
 * Plain JavaScript, shared by the CommonJS resolver (typescript-hook.js) and the ES module hooks (esm-hooks.mjs),
 * which run in their own thread.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

/** The TypeScript sources a JavaScript extension may stand for, in the order TypeScript tries them. */
const SOURCE_EXTENSIONS = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };

/** What an extensionless relative specifier may name, in the order TypeScript tries them. */
const EXTENSIONLESS = ['.ts', '.tsx', '.mts', '.js', '.mjs', `${path.sep}index.ts`, `${path.sep}index.js`];

/**
 * JSON with comments and trailing commas, as tsconfig.json allows: comments and trailing commas outside strings
 * are dropped, then it is parsed as JSON.
 * @param {string} text
 */
function parseJsonc(text) {
  let result = '';
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (character === '"') {
      const start = index;
      for (index++; index < text.length && text[index] !== '"'; index++) if (text[index] === '\\') index++;
      result += text.slice(start, index + 1);
    } else if (character === '/' && text[index + 1] === '/') {
      while (index < text.length && text[index] !== '\n') index++;
      result += '\n';
    } else if (character === '/' && text[index + 1] === '*') {
      const end = text.indexOf('*/', index + 2);
      index = end < 0 ? text.length : end + 1;
    } else {
      result += character;
    }
  }
  return JSON.parse(result.replace(/,(\s*[}\]])/g, '$1'));
}

/**
 * The compiler options of a tsconfig file, following `extends` (a relative file or a package's config). `paths`
 * and `baseUrl` are made absolute against the file that declares them, as TypeScript does.
 * @param {string} file
 * @param {Set<string>} [seen]
 * @returns {{ baseUrl?: string, paths?: Record<string, string[]>, pathsBase?: string }}
 */
function readCompilerOptions(file, seen = new Set()) {
  if (seen.has(file) || !fs.existsSync(file)) return {};
  seen.add(file);
  let document;
  try {
    document = parseJsonc(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not valid JSON: ${/** @type {Error} */ (error).message}`);
  }
  const directory = path.dirname(file);
  /** @type {{ baseUrl?: string, paths?: Record<string, string[]>, pathsBase?: string }} */
  let inherited = {};
  const parents = Array.isArray(document.extends) ? document.extends : document.extends ? [document.extends] : [];
  for (const parent of parents) {
    let parentFile;
    if (parent.startsWith('.') || path.isAbsolute(parent)) {
      parentFile = path.resolve(directory, parent);
      if (!fs.existsSync(parentFile) && fs.existsSync(`${parentFile}.json`)) parentFile = `${parentFile}.json`;
    } else {
      try {
        parentFile = require.resolve(parent, { paths: [directory] });
      } catch {
        continue;
      }
    }
    inherited = { ...inherited, ...readCompilerOptions(parentFile, seen) };
  }
  const options = document.compilerOptions ?? {};
  return {
    ...inherited,
    ...(typeof options.baseUrl === 'string' ? { baseUrl: path.resolve(directory, options.baseUrl) } : {}),
    ...(options.paths && typeof options.paths === 'object' ? { paths: options.paths, pathsBase: directory } : {}),
  };
}

/** @type {Map<string, ReturnType<typeof readCompilerOptions>>} */
const optionsByRoot = new Map();

/**
 * The path mapping of the program rooted at `root`: its tsconfig.json (or the file PULUMI_NODEJS_TSCONFIG_PATH
 * names, as the language host reads it), read once.
 * @param {string} root
 */
function programCompilerOptions(root) {
  let options = optionsByRoot.get(root);
  if (!options) {
    const file = path.resolve(root, process.env['PULUMI_NODEJS_TSCONFIG_PATH'] ?? 'tsconfig.json');
    options = readCompilerOptions(file);
    // `paths` without `baseUrl` resolve against the tsconfig that declares them (TypeScript 4.1 and later).
    if (options.paths && !options.baseUrl) options = { ...options, baseUrl: options.pathsBase };
    optionsByRoot.set(root, options);
  }
  return options;
}

/**
 * The files a specifier may name besides what Node tries itself, in order: for `./x.js`, `./x.ts` and `./x.tsx`;
 * for a bare specifier, its `paths` targets and the file under `baseUrl`, each also with its TypeScript source.
 * @param {string} specifier
 * @param {string} parentDirectory the importing file's directory
 * @param {string} root the program directory
 * @returns {string[]} absolute paths (without an extension when the specifier had none)
 */
function candidateFiles(specifier, parentDirectory, root) {
  /** @param {string} file */
  const withSources = (file) => {
    const extension = path.extname(file);
    const sources = /** @type {Record<string, string[]>} */ (SOURCE_EXTENSIONS)[extension] ?? [];
    return [file, ...sources.map((source) => file.slice(0, -extension.length) + source)];
  };
  if (specifier.startsWith('./') || specifier.startsWith('../') || path.isAbsolute(specifier)) {
    const file = path.resolve(parentDirectory, specifier);
    // An extensionless specifier (TypeScript's `bundler` and `node10` resolution) names a source or an index.
    if (!path.extname(file)) return EXTENSIONLESS.map((suffix) => file + suffix);
    return withSources(file).slice(1);
  }
  const { baseUrl, paths } = programCompilerOptions(root);
  const candidates = [];
  for (const [pattern, targets] of Object.entries(paths ?? {})) {
    const star = pattern.indexOf('*');
    let captured;
    if (star < 0) captured = pattern === specifier ? '' : undefined;
    else if (specifier.startsWith(pattern.slice(0, star)) && specifier.endsWith(pattern.slice(star + 1)) && specifier.length >= pattern.length - 1) {
      captured = specifier.slice(star, specifier.length - (pattern.length - star - 1));
    }
    if (captured === undefined || !Array.isArray(targets)) continue;
    for (const target of targets) candidates.push(...withSources(path.resolve(baseUrl ?? root, target.replace('*', captured))));
  }
  if (baseUrl) candidates.push(...withSources(path.resolve(baseUrl, specifier)));
  return candidates;
}

/** True for a file of the program itself (inside its directory, not a dependency). @param {string} file @param {string} root */
function isProgramFile(file, root) {
  const relative = path.relative(root, file);
  return !!relative && !relative.startsWith('..') && !path.isAbsolute(relative) && !relative.split(path.sep).includes('node_modules');
}

/**
 * Whether Pulumi runs the program as an ES module: an `.mjs`/`.mts` entry, or a `.js`/`.ts` entry whose nearest
 * package.json says `"type": "module"`.
 * @param {string} entry
 */
function isModuleProgram(entry) {
  if (/\.m[jt]s$/.test(entry)) return true;
  if (/\.c[jt]s$/.test(entry)) return false;
  for (let directory = path.dirname(entry); ; directory = path.dirname(directory)) {
    const manifest = path.join(directory, 'package.json');
    if (fs.existsSync(manifest)) {
      try {
        return JSON.parse(fs.readFileSync(manifest, 'utf8')).type === 'module';
      } catch {
        return false;
      }
    }
    if (path.dirname(directory) === directory) return false;
  }
}

module.exports = { candidateFiles, isModuleProgram, isProgramFile, parseJsonc, programCompilerOptions };
