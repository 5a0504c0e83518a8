// Which concept a word in Python code belongs to: the dotted name under the cursor, with the file's
// imports applied (`from functools import partial` makes `partial` mean `functools.partial`), is
// looked up in the notes' `covers` lists.

export interface DottedName {
  /** The name as written, up to and including the segment under the cursor: `functools.partial`. */
  text: string;
  start: number;
  end: number;
}

const NAME_CHARACTER = /[\p{L}\p{N}_]/u;

/** The dotted name in `line` that ends with the identifier at `character`, if any. */
export function dottedNameAt(line: string, character: number): DottedName | undefined {
  const isName = (index: number): boolean => index >= 0 && index < line.length && NAME_CHARACTER.test(line[index]);
  let end = character;
  if (!isName(end)) {
    if (!isName(end - 1)) return undefined;
    end--;
  }
  while (isName(end)) end++;
  let start = end;
  while (isName(start - 1) || (line[start - 1] === '.' && isName(start - 2))) start--;
  const text = line.slice(start, end);
  return /^[\p{L}_]/u.test(text) ? { text, start, end } : undefined;
}

/** Local names bound by `import` and `from … import` statements, mapped to what they import. */
export function pythonImports(source: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const match of source.matchAll(/^[ \t]*import[ \t]+([^\n#;]+)/gm)) {
    for (const part of match[1].split(',')) {
      const [module, alias] = part.trim().split(/\s+as\s+/);
      if (!module) continue;
      if (alias) names.set(alias.trim(), module);
      else names.set(module.split('.')[0], module.split('.')[0]);
    }
  }
  for (const match of source.matchAll(/^[ \t]*from[ \t]+([\w.]+)[ \t]+import[ \t]+(\([^)]*\)|[^\n#;]+)/gm)) {
    for (const part of match[2].replace(/[()\\]/g, ' ').split(',')) {
      const [name, alias] = part.trim().split(/\s+as\s+/);
      if (name && name !== '*') names.set((alias ?? name).trim(), `${match[1]}.${name}`);
    }
  }
  return names;
}

/** Names to look up for a dotted name, most specific first: with imports applied, then as written. */
export function coveredCandidates(name: string, imports: Map<string, string>): string[] {
  const [head, ...rest] = name.split('.');
  const imported = imports.get(head);
  const candidates = imported ? [[imported, ...rest].join('.'), name] : [name];
  return [...new Set(candidates)];
}
