// fast-check generators of hostile and malformed notes (issue 15), shared by the in-process fuzz
// and the stdio server test: front matter valid, wrong-typed or garbage, body lines of prose,
// headings, fences, link look-alikes, long runs of backticks, spaces and brackets, deep nesting.
import fc from 'fast-check';

const CHARS = [...'abcxyz019 -_:#`[]()<>!*.~/\\\'"{}|&%@,?=+\t', '中', '文', '笔', '记', '（', '）', '：', '、', '\u00a0', '\u200b', '\r'];
const YAML_CHARS = [...'ab1 :-[]{},&*!|>\'"%@`#?\n\t.', '中', '\u0000'];
const text = (maxLength: number) => fc.string({ unit: fc.constantFrom(...CHARS), maxLength });
const repeat = (unit: string, max: number) => fc.integer({ min: 1, max }).map((n) => unit.repeat(n));
const scalar = fc.oneof(text(20), fc.integer().map(String), fc.constantFrom('true', 'null', '~', '[]', '{}', '[1, 2]', '{a: 1}', '"quoted: x"', '|', '>-', '&a x', '*a', '!!binary x'));

/** A front matter field line: right or wrong types for every key the schema knows, or an unknown key. */
const field = fc.oneof(
  fc.constantFrom('id: fuzz-note', 'id: Fuzz Note', 'id: 笔记', 'title: 标题', 'titleEn: Title', 'category: python', 'category: my-own', 'order: 3',
    'summary: 一句话', 'tags: [a, b, a]', 'related: [closure, nowhere, closure]', 'covers: [yield, functools.partial]', 'quiz: []',
    'quiz:\n  - {id: q-1, type: single, question: q, choices: [a, b], answer: 5, explanation: e, ref: 没有}',
    'quiz:\n  - {id: q-2, type: multiple, question: q, choices: [a, " "], answer: [], explanation: e}\n  - {id: q-2, type: output, question: q, answer: ""}',
    'examples:\n  - {file: ex.py, title: 例子}\n  - {file: 5}', 'exercises:\n  - {id: e, title: t, ref: 没有, starter: s, tests: t, solution: s}',
    'titleEn: 5', 'category: [1, 2]', 'related: decorator', 'tags: {a: 1}', 'summary: 12', 'order: -1', 'title: ""', 'quiz: "x"', 'quiz: [1, null, {type: single}]',
    '[a, b]: mapping key', '? {a: 1}\n: complex key', 'a: &x [1, 2]\nb: *x', 'tags: &t [x]\nrelated: *t'),
  fc.tuple(fc.constantFrom('id', 'title', 'titleEn', 'category', 'order', 'summary', 'tags', 'related', 'covers', 'quiz', 'examples', 'exercises', 'x'), scalar).map(([key, value]) => `${key}: ${value}`),
);

export const frontMatter = fc.oneof(
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 6, arbitrary: fc.array(field, { maxLength: 8 }).map((fields) => `---\n${fields.join('\n')}\n---\n`) },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(...YAML_CHARS), maxLength: 300 }).map((yaml) => `---\n${yaml}\n---\n`) },
  { weight: 1, arbitrary: fc.array(field, { maxLength: 4 }).map((fields) => `---\n${fields.join('\n')}\n`) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 3000 }).map((n) => `---\nid: deep\ntitle: t\ntags: ${'['.repeat(n)}${']'.repeat(n)}\n---\n`) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 300 }).map((n) => `---\nid: deep\ntitle: t\ntags:\n${Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- `).join('\n')}x\n---\n`) },
  { weight: 1, arbitrary: fc.constant('---\na: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c]\n---\n') },
  { weight: 1, arbitrary: fc.constantFrom('\uFEFF---\r\nid: bom\r\ntitle: t\r\n---\r\n', '---\nid: dots\ntitle: t\n...\n', '--- \nid: x\n---') },
);

/** One body line: prose, headings, fences, links and their look-alikes, or a hostile run. */
export const line = fc.oneof(
  { weight: 4, arbitrary: text(80) },
  { weight: 3, arbitrary: fc.tuple(repeat('#', 8), fc.constantFrom(' ', '', '\t'), text(40), fc.constantFrom('', ' ##', '   ', '#')).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('# ', '## ', '### ', '## 目录\n'), fc.constantFrom('[', '](', '[a](#', '`', ' ', '*', '_', '<', '\\'), fc.integer({ min: 1, max: 20_000 })).map(([head, unit, n]) => head + unit.repeat(n)) },
  { weight: 1, arbitrary: fc.constantFrom('===', '---', '- - -', '***', '   ---   ') },
  { weight: 2, arbitrary: fc.constantFrom('```', '```mermaid', '~~~', '~~~ mermaid', '````md', '```python', '``` `x`', '    ```', '```{mermaid}') },
  { weight: 1, arbitrary: fc.constantFrom('flowchart LR', '  a --> b', 'sequenceDiagram', '%%{init: {"htmlLabels": true}}%%', 'click a call alert()') },
  { weight: 3, arbitrary: fc.array(fc.constantFrom('](', 'note:', '.md', '<note:', '>', '[x]', '(', ')', '[r]: ', '`', '``', ' ', 'closure', '../a/b.md', '#x', '%E4%B8', '\\'), { maxLength: 30 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('x.md ', '[x](note:y) ', '## a', '[a](', '<note:', ''), repeat('`', 30_000)).map(([prefix, run]) => prefix + run) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('## a', '[x](note:', 'x.md', ''), repeat(' ', 200_000), fc.constantFrom('b', '', '#', '`')).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('](note:', '.md ', '`', '[', '<note:a', '](../', 'note:'), fc.integer({ min: 1, max: 20_000 })).map(([unit, n]) => unit.repeat(n)) },
  { weight: 1, arbitrary: fc.constantFrom('>', '- ', '  ', '1. ', '* > ').chain((unit) => repeat(unit, 2000)).map((run) => `${run}x`) },
  { weight: 1, arbitrary: fc.constantFrom('<div>', '</div>', '<!-- GFM-TOC -->', '<img src=x onerror=alert(1)>', '| a | b |', '|---|---|') },
);

/** A generated note; a failing one is printed shortened (a counterexample can be megabytes long). */
const shown = (body: string) => Object.assign(new String(body), { [fc.toStringMethod]: () => JSON.stringify(body.length > 300 ? `${body.slice(0, 200)}…(${body.length} characters)…${body.slice(-60)}` : body) });
export const note = fc.tuple(frontMatter, fc.array(line, { maxLength: 40 }), fc.constantFrom('\n', '\r\n')).map(([head, lines, eol]) => shown(head + lines.join(eol)));

