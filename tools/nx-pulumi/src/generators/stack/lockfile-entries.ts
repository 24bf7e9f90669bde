/**
 * The package-lock.json entries of a new workspace package, as `npm install` writes them: the package itself (name,
 * version, license, dependencies) and the node_modules link to it. With them `npm ci` accepts the lockfile right
 * after the generator ran, and links the new stack.
 */

/** The part of a package.json the lockfile records. */
export interface LockedManifest {
  readonly name: string;
  readonly version: string;
  readonly license?: string;
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
}

/** `lockfile` (package-lock.json as parsed) with the entries of the workspace package at `directory` added, sorted as npm sorts them. */
export function withWorkspacePackage(lockfile: { packages: Record<string, unknown> }, directory: string, manifest: LockedManifest): { packages: Record<string, unknown> } {
  const packages: Record<string, unknown> = {
    ...lockfile.packages,
    [`node_modules/${manifest.name}`]: { resolved: directory, link: true },
    [directory]: {
      name: manifest.name,
      version: manifest.version,
      ...(manifest.license ? { license: manifest.license } : {}),
      ...(manifest.dependencies ? { dependencies: manifest.dependencies } : {}),
      ...(manifest.devDependencies ? { devDependencies: manifest.devDependencies } : {}),
    },
  };
  const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)));
  return { ...lockfile, packages: sorted };
}
