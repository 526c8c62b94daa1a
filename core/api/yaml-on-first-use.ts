/**
 * The `yaml` package as serve's bundle sees it (vite.server.config.ts aliases `yaml` here): loaded on
 * its first use, not with the modules that import it. @fastify/swagger and @fastify/swagger-ui
 * `require` it at their top for one thing, the API document as YAML (`GET /docs/yaml`), which a
 * server may never be asked for; it was bundled into @fastify/swagger's chunk and loaded again by
 * swagger-ui (72 modules), both kept for the server's life: idle 79.3–79.6 → 78.4–78.8 MB PSS
 * (docs/benchmarks.md §4, twenty-seventh pass). Found from @fastify/swagger-ui, as its own `require`
 * would find it. The desk's host.cjs is bundled the same way (vite.electron.config.ts); the sources under tsx load `yaml` itself.
 */
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

let yaml: typeof Yaml | undefined;

function load(): typeof Yaml {
  if (!yaml) {
    const fromSwaggerUi = createRequire(createRequire(import.meta.url).resolve('@fastify/swagger-ui'));
    yaml = fromSwaggerUi('yaml') as typeof Yaml;
  }
  return yaml;
}

export const stringify = ((...args: Parameters<typeof Yaml.stringify>) => load().stringify(...args)) as typeof Yaml.stringify;
export const parse = ((...args: Parameters<typeof Yaml.parse>) => load().parse(...args)) as typeof Yaml.parse;
