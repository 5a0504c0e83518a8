// Build-time patches of mermaid, applied to the files the note panel ships (esbuild.mjs). Both take
// away work mermaid repeats, and neither changes what it draws. In Chromium, drawing the bundled
// notes' 111 diagrams, a flowchart's median went from 84–95 ms unpatched to 30–38 ms.
// - getConfig(): mermaid calls it for nearly every node, edge and label it draws, and each call
//   copied the whole configuration (every diagram type's settings and 275 theme variables, some 900
//   values) with its general-purpose assignWithDepth. The patch makes the same copy with plain loops,
//   and copies each diagram type's settings only when the caller reads them.
// - mermaid's last step sanitized its SVG with DOMPurify. The page sanitizes that same string again
//   at once, with a stricter profile (sanitizeDiagramSvg in src/webview/sanitize.ts: SVG only, no
//   images, foreignObject or use, https: links, cleaned styles), and nothing else reads mermaid's
//   output, so mermaid's own pass was a second parse and serialization for nothing.
// The unit test compares the copies with mermaid's own, and checks that each patch applies once.

/**
 * What mermaid's `assignWithDepth({}, source, { depth })` returns, made faster: objects are copied
 * `depth` levels down and shallowly below that (`Object.assign`), `null` values are dropped at the
 * copied levels, arrays at any copied level become new arrays without repeated items, and
 * everything deeper is shared with `source`, exactly as mermaid's copy shares it.
 * @param {object} source
 * @param {number} depth
 * @returns {object}
 */
export function copyConfig(source, depth) {
  if (Array.isArray(source)) {
    const items = [];
    source.forEach((item) => {
      if (!items.includes(item)) items.push(item);
    });
    return items;
  }
  if (depth <= 0) return Object.assign({}, source);
  const copy = {};
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (value === null) continue;
    const isObject = typeof value === 'object';
    if (key === '__proto__') {
      // As in mermaid's copy: an object under `__proto__` becomes an own property, never the
      // prototype, and anything else there is dropped.
      if (isObject) Object.defineProperty(copy, key, { value: copyConfig(value, depth - 1), writable: true, enumerable: true, configurable: true });
      continue;
    }
    copy[key] = isObject ? copyConfig(value, depth - 1) : value;
  }
  return copy;
}

/**
 * The copy `copyConfig(source, depth)` makes of a configuration object, but each object at its top
 * level (a diagram type's settings, the theme variables) is copied with `copyNested` when first
 * read: a caller of getConfig() reads one or two of some thirty. Copying later gives the same copy
 * because mermaid never writes into its current configuration: each change builds a new one
 * (updateCurrentConfig in mermaid's config.ts) from copies, and callers only ever get copies of
 * its top two levels. Once read, written or deleted, a property is an ordinary one of the caller's
 * copy; keys, their order and what is shared with `source` are those of the eager copy.
 * @param {object} source
 * @param {number} depth at least 1
 * @param {(value: object, depth: number) => object} copyNested `copyConfig`, passed in so that this
 *   function's text works on its own inside mermaid's chunk
 * @returns {object}
 */
export function copyConfigLazily(source, depth, copyNested) {
  const copy = {};
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (value === null) continue;
    if (typeof value !== 'object') {
      // A non-object under `__proto__` is dropped, as in the eager copy.
      if (key !== '__proto__') copy[key] = value;
      continue;
    }
    let made;
    const settle = (settled) => {
      made = settled;
      // Fails only on a frozen copy, which then keeps returning the one object made.
      Reflect.defineProperty(copy, key, { value: settled, writable: true, enumerable: true, configurable: true });
      return settled;
    };
    Object.defineProperty(copy, key, {
      get: () => made ?? settle(copyNested(value, depth - 1)),
      set: settle,
      enumerable: true,
      configurable: true,
    });
  }
  return copy;
}

/** The name the copy has inside mermaid's chunk: one no minified name can be. */
const PATCHED_NAME = '__studyNotesCopyConfig';

/**
 * mermaid's minified getConfig, named for debugging as every mermaid function is:
 * `Kt=s(()=>j({},Vt),"getConfig")`, where `j` is assignWithDepth (default depth 2) and `Vt` the
 * current configuration.
 */
const GET_CONFIG = /(=[\w$]+\(\(\)=>)[\w$]+\(\{\},([\w$]+)\)(,"getConfig"\))/g;

/**
 * mermaid's sanitizing of its serialized SVG, in render() when the security level is not "loose":
 * `x=Ft.sanitize(x,{ADD_TAGS:To,ADD_ATTR:jo,HTML_INTEGRATION_POINTS:{foreignobject:!0}})`.
 */
const SANITIZE_SVG = /([\w$]+)=[\w$]+\.sanitize\(\1,\{ADD_TAGS:[\w$]+,ADD_ATTR:[\w$]+,HTML_INTEGRATION_POINTS:\{foreignobject:!0\}\}\)/g;

/**
 * A file of mermaid's ES module build with both patches applied where it holds their code, and how
 * many times each applied (once each across the build: getConfig in one chunk, the sanitizing in
 * the entry module).
 * @param {string} code
 * @returns {{ code: string, patched: { getConfig: number, sanitizeSvg: number } }}
 */
export function patchMermaid(code) {
  const patched = { getConfig: 0, sanitizeSvg: 0 };
  let result = code.replace(GET_CONFIG, (_, head, config, tail) => {
    patched.getConfig++;
    return `${head}${PATCHED_NAME}(${config},2)${tail}`;
  });
  result = result.replace(SANITIZE_SVG, (_, svg) => {
    patched.sanitizeSvg++;
    return `${svg}=${svg}`;
  });
  if (patched.getConfig === 0) return { code: result, patched };
  // A function declaration is hoisted: the chunk's own top-level code may already call getConfig.
  // The copy functions go in as function expressions (copyConfig calls itself by its own name,
  // whatever name a bundler gives it).
  const declaration = `function ${PATCHED_NAME}(source, depth) {\n  return (${copyConfigLazily.toString()})(source, depth, ${copyConfig.toString()});\n}`;
  return { code: `${result}\n${declaration}\n`, patched };
}
