import { parseImageReference } from './imageReference';

// Which language runtime a base image carries, at which release, so that a development image can be
// compared with the production one. A release is what changes behaviour: the first number for
// runtimes that bump it (Node 20, Java 21, .NET 8), the first two for those whose first number
// stays for a decade (Python 3.12, Go 1.22, Ruby 3.3, PHP 8.3).

/** A base image's runtime and release. */
export interface RuntimeRelease {
  /** `node`, `python`, `go`, `java`, `ruby`, `php`, `dotnet`, `rust`, `elixir`. */
  runtime: string;
  /** `20`, `3.12`. */
  release: string;
}

const IMAGE_RUNTIMES: Record<string, string> = {
  node: 'node', python: 'python', golang: 'go', ruby: 'ruby', php: 'php', rust: 'rust', elixir: 'elixir',
  openjdk: 'java', 'eclipse-temurin': 'java', amazoncorretto: 'java', 'ibm-semeru-runtimes': 'java', sapmachine: 'java',
  sdk: 'dotnet', aspnet: 'dotnet', runtime: 'dotnet',
};

/** Runtimes whose release is named by the first two numbers. */
const TWO_PART = new Set(['python', 'go', 'ruby', 'php', 'elixir']);

/**
 * The runtime and release a base image carries (`node:20-alpine` → node 20, `python:3.12-slim` →
 * python 3.12, `maven:3.9-eclipse-temurin-17` → java 17, `gcr.io/distroless/nodejs20-debian12` →
 * node 20), or undefined when the image or its release is not known (`node:lts`, `${BASE}`).
 */
export function runtimeRelease(image: string): RuntimeRelease | undefined {
  if (image.includes('$')) return undefined;
  const reference = parseImageReference(image);
  const segments = reference.name.toLowerCase().split('/');
  const last = segments[segments.length - 1];
  const tag = reference.tag ?? '';
  const distroless = /^(nodejs|java|python)(\d+)(-|$)/.exec(last);
  if (segments.includes('distroless') && distroless) {
    return distroless[1] === 'python' ? undefined : { runtime: distroless[1] === 'nodejs' ? 'node' : 'java', release: distroless[2] };
  }
  if (last === 'maven' || last === 'gradle') {
    const jdk = /(?:jdk|temurin|openjdk|corretto|semeru)-?(\d+)/.exec(tag);
    return jdk ? { runtime: 'java', release: jdk[1] } : undefined;
  }
  const runtime = IMAGE_RUNTIMES[last];
  if (!runtime || (runtime === 'dotnet' && !segments.includes('dotnet'))) return undefined;
  const version = /^(\d+)(?:\.(\d+))?/.exec(tag);
  if (!version) return undefined;
  if (TWO_PART.has(runtime)) return version[2] === undefined ? undefined : { runtime, release: `${version[1]}.${version[2]}` };
  return { runtime, release: version[1] };
}
