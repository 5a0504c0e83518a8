// One long Markdown file (an interview README, the seed's notes) opened as topics: its top heading
// level below a single title gives the categories, the next level actually used gives the topics
// — every one of them, empty ones included — and deeper headings stay inside their topic. The
// file's own table of contents is no topic, and `#` lines in code blocks are no headings.
import { format, type Locale } from '../messages';
import type { Heading, NoteSummary } from '../model';
import { plainText, slugify } from '../text';
import { scanBody } from './bodyScan';
import { fileTitle } from './parseNote';
import { toLinkRef } from './noteLinks';
import { pathId } from './noteIds';
import path from 'node:path';

/** Longest line that can be part of a table of contents. */
const MAX_TOC_LINE = 1000;

export interface TopicCategory {
  title: string;
  /** The category heading's line: two categories may share a title. */
  line: number;
}

export interface TopicFile {
  path: string;
  /** The file's single `#` title, else its file name. */
  title: string;
  /** In file order; empty when the file has one level of topics. */
  categories: TopicCategory[];
  /** Topic summaries in file order; `folders` holds the category title, `categoryLine` its line. */
  topics: NoteSummary[];
}

export function splitTopics(text: string, file: string, locale: Locale = 'en'): TopicFile {
  const scan = scanBody(text, { diagramSources: false });
  const lines = text.split('\n');
  const headings = scan.headings.filter((heading, index) => !isTableOfContents(heading, scan.headings[index + 1], lines));
  let title = fileTitle(file);
  let candidates = headings;
  // A title: the first heading, a `#` that is the file's only one or holds no section of its own
  // (the next heading is a `#` too), in a file that has deeper headings.
  const [first, second] = headings;
  const onlyTitle = headings.filter((heading) => heading.level === 1).length === 1;
  if (first?.level === 1 && (onlyTitle || second?.level === 1) && headings.some((heading) => heading.level > 1)) {
    title = plainText(first.text) || title;
    candidates = headings.slice(1);
  }
  const result: TopicFile = { path: file, title, categories: [], topics: [] };
  if (candidates.length === 0) return result;
  const categoryLevel = Math.min(...candidates.map((heading) => heading.level));
  const fromFirstCategory = candidates.slice(candidates.findIndex((heading) => heading.level === categoryLevel));
  const deeper = fromFirstCategory.filter((heading) => heading.level > categoryLevel).map((heading) => heading.level);
  const topicLevel = deeper.length > 0 ? Math.min(...deeper) : categoryLevel;
  const fileId = pathId(path.basename(file));

  let category: TopicCategory | undefined;
  fromFirstCategory.forEach((heading, index) => {
    if (heading.level === categoryLevel && topicLevel !== categoryLevel) {
      category = { title: plainText(heading.text) || format(locale, 'untitledSection'), line: heading.line };
      result.categories.push(category);
      return;
    }
    if (heading.level !== topicLevel) return;
    const next = fromFirstCategory.slice(index + 1).find((other) => other.level <= topicLevel);
    const endLine = next?.line ?? lines.length;
    const topicTitle = plainText(heading.text) || format(locale, 'untitledSection');
    const links = scan.links.filter((link) => link.range.startLine >= heading.line && link.range.startLine < endLine).map(toLinkRef);
    const diagrams = scan.diagramLines.filter((line) => line >= heading.line && line < endLine).length;
    result.topics.push({
      key: `${file}#L${heading.line + 1}`,
      path: file,
      namespace: 'user',
      root: file,
      id: `${fileId}/${slugify(topicTitle)}`,
      declared: false,
      title: topicTitle,
      folders: category ? [category.title] : [],
      ...(category ? { categoryLine: category.line } : {}),
      order: result.topics.length + 1,
      tags: [],
      related: [],
      covers: [],
      examples: [],
      exercises: [],
      quiz: [],
      links,
      bodyLine: heading.line,
      endLine,
      diagrams,
      problemCount: 0,
      broken: false,
      inferred: true,
      bodyScanned: true,
    });
  });
  return result;
}

/**
 * A table of contents: a heading made only of anchor links (`### [Python](#Python)`) or titled
 * 目录/Contents, whose section holds nothing but list items of anchor links.
 */
function isTableOfContents(heading: Heading, next: Heading | undefined, lines: readonly string[]): boolean {
  const title = heading.text.trim();
  if (!onlyAnchorLinks(title) && !/^(目录|contents|table of contents|toc)$/i.test(plainText(title))) return false;
  const section = lines.slice(heading.line + 1, next?.line ?? lines.length);
  return section.every((line) => {
    const item = line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').trim();
    return item === '' || /^<!--.*-->$/.test(item) || onlyAnchorLinks(item);
  });
}

function onlyAnchorLinks(text: string): boolean {
  // A table-of-contents line is short; a long one is prose (and would cost the pattern below dearly).
  if (text.length > MAX_TOC_LINE) return false;
  const rest = text.replace(/\[[^\]]*\]\(#[^)]*\)/g, '');
  return rest !== text && /^[\s,，、|·•*-]*$/.test(rest);
}
