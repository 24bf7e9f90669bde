/**
 * Two modules @pulumi/pulumi loads when it is loaded and uses only to serialize a function into a Lambda's code
 * (`pulumi.runtime.serializeFunction`, behind `aws.lambda.CallbackFunction` and the `on...` event handlers):
 * TypeScript (through its `typescript-shim.js`) and @npmcli/arborist (through `runtime/closure/codePaths.js`).
 * Together they are about two thirds of the SDK's load time (measured in bench/RESULTS.md), paid by every
 * `bulwark` run whose program never serializes a function. In the bulwark process they are loaded on first use
 * instead: the SDK gets a stand-in that loads the real module the first time anything on it is read, so a program
 * that serializes a function gets exactly the module it would have had. Policy pack processes are not touched:
 * they start as the Pulumi CLI starts them.
 */
import * as path from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
import Module = require('node:module');

/** A module the SDK loads early and uses late: what requires it, and how. */
interface DeferredModule {
  /** The requiring file, relative to the @pulumi/pulumi package directory; any file of the SDK when absent. */
  readonly requiredFrom?: string;
  /** The request as the requiring files write it, without its directory (`typescript-shim` for `../../typescript-shim`). */
  readonly request: string;
  /**
   * Whether the requiring file imports it with TypeScript's `__importStar`, which asks for `__esModule` and, when
   * it is not set, copies every property (loading the module): the stand-in then says it is an ES module, so that
   * `__importStar` hands it over as it is.
   */
  readonly importStar: boolean;
}

export const DEFERRED_SDK_MODULES: readonly DeferredModule[] = [
  { request: 'typescript-shim', importStar: false },
  { requiredFrom: path.join('runtime', 'closure', 'codePaths.js'), request: '@npmcli/arborist', importStar: true },
];

/**
 * A stand-in for a module: an object that loads the module the first time a property is read, asked for,
 * listed or set, and from then on behaves as the module does.
 */
export function deferredModule(load: () => object, importStar: boolean): object {
  let loaded: object | undefined;
  const real = (): object => (loaded ??= load());
  return new Proxy(
    {},
    {
      get: (_, key) => (importStar && key === '__esModule' && loaded === undefined ? true : Reflect.get(real(), key)),
      has: (_, key) => Reflect.has(real(), key),
      set: (_, key, value) => Reflect.set(real(), key, value),
      ownKeys: () => Reflect.ownKeys(real()),
      getOwnPropertyDescriptor: (_, key) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(real(), key);
        // A proxy may only report a property non-configurable if its own target has it so: its target is empty.
        return descriptor ? { ...descriptor, configurable: true } : undefined;
      },
    },
  );
}

const SDK_DIRECTORY = `${path.sep}node_modules${path.sep}@pulumi${path.sep}pulumi${path.sep}`;

type Load = (request: string, parent: { filename?: string } | undefined, isMain: boolean) => unknown;

/** Makes every @pulumi/pulumi this process loads from now on defer {@link DEFERRED_SDK_MODULES}. Idempotent. */
export function deferSdkModules(): void {
  const loader = Module as unknown as { _load: Load; __bulwarkDeferred?: boolean };
  if (loader.__bulwarkDeferred) return;
  const load = loader._load;
  loader._load = function (this: unknown, request, parent, isMain) {
    const filename = parent?.filename;
    const sdk = filename ? filename.lastIndexOf(SDK_DIRECTORY) : -1;
    if (filename && sdk >= 0) {
      const relative = filename.slice(sdk + SDK_DIRECTORY.length);
      const name = request.startsWith('.') ? path.posix.basename(request) : request;
      const deferred = DEFERRED_SDK_MODULES.find(
        (candidate) => candidate.request === name && (candidate.requiredFrom === undefined || candidate.requiredFrom === relative),
      );
      if (deferred) return deferredModule(() => load.call(this, request, parent, isMain) as object, deferred.importStar);
    }
    return load.call(this, request, parent, isMain);
  };
  loader.__bulwarkDeferred = true;
}
