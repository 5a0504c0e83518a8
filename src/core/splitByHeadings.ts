// Opens one long Markdown file (like the seed: a table of contents, then `##` categories with
// `####` topics) as a list of topics, one note per section.
import path from 'node:path';
import type { Note } from './model';
import { scanBody } from './parseNote';

/**
 * The shallowest heading level below `#` names categories; the next level used under them names
 * topics. Text before the first category (a table of contents, say) is left out. With a single
 * level, its headings are the topics and the file name is the category.
 */
export function splitByHeadings(text: string, source: string): Note[] {
  const lines = text.split(/\r?\n/);
  const headings = scanBody(text).headings.filter((heading) => heading.level >= 2);
  if (headings.length === 0) return [];
  const categoryLevel = Math.min(...headings.map((heading) => heading.level));
  const firstCategory = headings.findIndex((heading) => heading.level === categoryLevel);
  const inBody = headings.slice(firstCategory);
  const deeper = inBody.filter((heading) => heading.level > categoryLevel).map((heading) => heading.level);
  const topicLevel = deeper.length > 0 ? Math.min(...deeper) : categoryLevel;
  const fileTitle = path.basename(source).replace(/\.md$/i, '');

  const notes: Note[] = [];
  let category = fileTitle;
  for (const [i, heading] of inBody.entries()) {
    if (heading.level === categoryLevel && topicLevel !== categoryLevel) {
      category = `${fileTitle} · ${heading.text}`;
      continue;
    }
    if (heading.level !== topicLevel) continue;
    const end = inBody.slice(i + 1).find((next) => next.level <= topicLevel)?.line ?? lines.length;
    const body = lines.slice(heading.line, end).join('\n');
    const scan = scanBody(body, heading.line);
    notes.push({
      source: `${source}#L${heading.line + 1}`,
      meta: { id: `${fileTitle.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${notes.length + 1}`, title: heading.text, order: notes.length + 1 },
      category,
      body,
      bodyLine: heading.line,
      headings: scan.headings,
      diagrams: scan.diagrams,
      problems: [],
      inferred: true,
    });
  }
  return notes;
}
