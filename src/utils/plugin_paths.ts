/**
 * Turns what users type for plugins (`--plugins ./my-strategies`, `--strategy
 * ./vss_777.ts`, `--strategy npm:@acme/vss-777`) into the URLs and specifiers that the
 * parse workers import.
 *
 * Techniques: relative paths resolved against the working directory into `file:` URLs
 * (folders get a trailing slash so relative resolution works); URLs and `npm:`/`jsr:`
 * specifiers pass through unchanged.
 *
 * @example
 * ```ts
 * import { pluginDirUrl } from "./plugin_paths.ts";
 * pluginDirUrl("/srv/strategies"); // "file:///srv/strategies/"
 * ```
 *
 * @module
 */

const SPECIFIER = /^(?:[a-z][a-z0-9+.-]*:)/i;

function absolute(path: string): string {
  return path.startsWith("/") ? path : `${Deno.cwd()}/${path.replace(/^\.\//, "")}`;
}

/** A plugin folder as a `file:` URL ending in `/` (URLs are kept). */
export function pluginDirUrl(dir: string): string {
  if (SPECIFIER.test(dir) && !/^[a-z]:[\\/]/i.test(dir)) return dir.endsWith("/") ? dir : dir + "/";
  const url = new URL(`file://${absolute(dir)}`);
  return url.href.endsWith("/") ? url.href : url.href + "/";
}

/** A strategy module as an importable specifier: a path becomes a `file:` URL. */
export function strategyModuleSpecifier(module: string): string {
  if (SPECIFIER.test(module)) return module;
  return new URL(`file://${absolute(module)}`).href;
}
