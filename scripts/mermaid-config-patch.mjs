// A build-time patch of mermaid's getConfig(), applied to the chunks the note panel ships
// (esbuild.mjs). mermaid calls getConfig() for nearly every node, edge and label it draws, and each
// call copies the whole configuration (every diagram type's settings and 275 theme variables, some
// 900 values) with its general-purpose assignWithDepth: profiled in Chromium, that copying was half
// of the time mermaid took to draw the bundled notes' diagrams. The patch makes the very same copy
// with plain loops; in the note panel, mermaid then took about a third less time per diagram. Only
// the speed changes: the unit test compares the copy with mermaid's own on generated
// configurations and on mermaid's real one.

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

/** The name the copy has inside mermaid's chunk: one no minified name can be. */
const PATCHED_NAME = '__studyNotesCopyConfig';

/**
 * mermaid's minified getConfig, named for debugging as every mermaid function is:
 * `Kt=s(()=>j({},Vt),"getConfig")`, where `j` is assignWithDepth (default depth 2) and `Vt` the
 * current configuration.
 */
const GET_CONFIG = /(=[\w$]+\(\(\)=>)[\w$]+\(\{\},([\w$]+)\)(,"getConfig"\))/g;

/**
 * The chunk with mermaid's getConfig made to call `copyConfig`, and how many getConfigs were
 * patched (1 in the chunk that holds it, 0 in every other).
 * @param {string} code
 * @returns {{ code: string, patched: number }}
 */
export function patchGetConfig(code) {
  let patched = 0;
  const result = code.replace(GET_CONFIG, (_, head, config, tail) => {
    patched++;
    return `${head}${PATCHED_NAME}(${config},2)${tail}`;
  });
  if (patched === 0) return { code, patched };
  // A function declaration is hoisted: the chunk's own top-level code may already call getConfig.
  // copyConfig goes in as a named function expression, which calls itself by its own name,
  // whatever name a bundler gives it.
  const declaration = `function ${PATCHED_NAME}(source, depth) {\n  return (${copyConfig.toString()})(source, depth);\n}`;
  return { code: `${result}\n${declaration}\n`, patched };
}
