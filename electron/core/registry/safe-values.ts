/**
 * Checks on what a registry entry puts on a command line or into a path. Commands run with
 * `shell: false`, so shell syntax is inert, but a registry is outside our control: names must
 * not become path segments (`..`), package specs must not become options (`-e …`) or version
 * ranges (an install must be pinned), and values must not carry control characters. Each check
 * returns why a value is refused, or null when it is fine.
 */

/** Any control character (NUL, line breaks, escapes): never part of an argument we pass on. */
export const hasControl = (value: string): boolean =>
  [...value].some((c) => c.charCodeAt(0) < 0x20 || c === '\u007f');

/** A registry name (`io.github.owner/server`) whose parts are not `.` or `..`. */
export function unsafeRegistryName(name: string): string | null {
  if (!/^[a-zA-Z0-9.-]+\/[a-zA-Z0-9._-]+$/.test(name)) return 'not of the form namespace/name';
  if (name.split('/').some((part) => /^\.+$/.test(part))) return 'a part of the name is only dots';
  return null;
}

/** An exact version: no range (`^1`, `1.x`, `>=2`), no `latest`, nothing a shell or path would read. */
export function unsafeVersion(version: string): string | null {
  if (!/^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$/.test(version))
    return `"${version.slice(0, 60)}" is not an exact version`;
  if (version.toLowerCase() === 'latest') return '"latest" is not a pinned version';
  if (version.split('.').some((part) => /^[xX*]$/.test(part))) return `"${version}" is a version range`;
  return null;
}

const PATTERNS: Record<string, RegExp> = {
  // npm's rules for names (scoped or not); no uppercase, no leading dot or dash.
  npm: /^(@[a-z0-9~][a-z0-9._~-]*\/)?[a-z0-9~][a-z0-9._~-]*$/,
  // PEP 508 names.
  pypi: /^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$/,
  // An image reference: registry/path[:tag][@sha256:digest].
  oci: /^[a-z0-9][a-z0-9._-]*(:[0-9]+)?(\/[a-z0-9][a-z0-9._-]*)*(:[A-Za-z0-9_][A-Za-z0-9._-]{0,127})?(@sha256:[a-f0-9]{64})?$/,
  nuget: /^[A-Za-z0-9_][A-Za-z0-9._-]*$/,
};

/** A package identifier of its registry type. `mcpb` identifiers are https URLs. */
export function unsafeIdentifier(type: string, identifier: string): string | null {
  if (type === 'mcpb') {
    let url: URL;
    try {
      url = new URL(identifier);
    } catch {
      return 'the bundle address is not a URL';
    }
    // Plain http only from this computer (a mirror, the tests): elsewhere anyone on the way could swap it.
    const loopback = url.hostname === 'localhost' || /^127(\.\d{1,3}){3}$/.test(url.hostname);
    return url.protocol === 'https:' || (url.protocol === 'http:' && loopback)
      ? null
      : 'a bundle is only downloaded over https';
  }
  const pattern = PATTERNS[type];
  if (!pattern) return `${type} packages are not supported`;
  return pattern.test(identifier) ? null : `"${identifier.slice(0, 80)}" is not a valid ${type} package name`;
}

/** A flag name from the entry (`--port`, `-e`). */
export function unsafeFlag(name: string): string | null {
  return /^--?[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) ? null : `"${name.slice(0, 60)}" is not an option name`;
}

/** An environment variable name. */
export function unsafeEnvName(name: string): string | null {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? null : `"${name.slice(0, 60)}" is not a variable name`;
}

/** An HTTP header name (RFC 9110 token). */
export function unsafeHeaderName(name: string): string | null {
  return /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) ? null : `"${name.slice(0, 60)}" is not a header name`;
}

/**
 * A value for the command line or environment. A positional value may not start with `-`: the
 * program would read it as an option the entry never declared.
 */
export function unsafeValue(value: string, positional: boolean): string | null {
  if (hasControl(value)) return 'it contains control characters';
  if (positional && value.startsWith('-'))
    return 'it starts with "-", which the program would read as an option';
  return null;
}
