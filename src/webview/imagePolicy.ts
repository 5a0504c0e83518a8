// Where a note's image may come from, decided from its URL alone (no DOM, so unit tests run it in
// Node): relative paths resolve against the note's folder and must stay inside the note folders;
// `https:` loads only when the reader allows remote images; `http:`, protocol-relative and every
// other scheme never load. Webview resource URLs written into a note obey the folder rule too.

/** Where VS Code serves webview resources (local files) from. */
const RESOURCE_DOMAIN = 'vscode-resource.vscode-cdn.net';

export interface ImagePlaces {
  /** Webview URI of the note's folder, ending in `/`. */
  base: string;
  /** Webview URIs of the folders images may come from, each ending in `/`. */
  roots: readonly string[];
  /** `studyNotes.preview.remoteImages`. */
  remote: boolean;
}

export type ImageSource =
  | { load: string }
  /** Not loaded; `reason` says why, for the placeholder's tooltip and for tests. */
  | { blocked: 'insecure' | 'protocolRelative' | 'scheme' | 'outside' | 'remoteOff' };

export function imageSource(src: string, places: ImagePlaces): ImageSource {
  // What a URL parser ignores: surrounding blanks and control characters, tabs and newlines anywhere.
  // eslint-disable-next-line no-control-regex
  const written = src.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  // `//host/x` (or `\\host\x`) would borrow the page's https: and reach any host.
  if (/^[\\/]{2}/.test(written)) return { blocked: 'protocolRelative' };
  let url: URL;
  let base: URL;
  try {
    base = new URL(places.base);
    url = new URL(written, base);
  } catch {
    return { blocked: 'scheme' };
  }
  // Any host of VS Code's webview resource domain reads local files (`file+.…`, `vscode-remote+….…`), whichever the page uses.
  if (url.origin === base.origin || url.hostname === RESOURCE_DOMAIN || url.hostname.endsWith(`.${RESOURCE_DOMAIN}`)) {
    return insideRoots(url, places.roots) ? { load: url.href } : { blocked: 'outside' };
  }
  if (url.protocol === 'https:') return places.remote ? { load: url.href } : { blocked: 'remoteOff' };
  return url.protocol === 'http:' ? { blocked: 'insecure' } : { blocked: 'scheme' };
}

/** Whether a local resource URL names a file inside one of the roots, after decoding its path. */
function insideRoots(url: URL, roots: readonly string[]): boolean {
  const path = decodedPath(url);
  // The parser already removed `.`/`..`; any left after decoding (`%2e%2e%2f`) or a backslash is an escape attempt.
  if (path === undefined || path.includes('\\') || path.split('/').some((segment) => segment === '..' || segment === '.')) return false;
  return roots.some((root) => {
    let rootUrl: URL;
    try {
      rootUrl = new URL(root);
    } catch {
      return false;
    }
    const rootPath = decodedPath(rootUrl);
    return rootUrl.origin === url.origin && rootPath !== undefined && rootPath.endsWith('/') && path.startsWith(rootPath);
  });
}

function decodedPath(url: URL): string | undefined {
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
}
