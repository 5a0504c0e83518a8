// What a note's HTML and a diagram's SVG may contain once they reach the panel, with DOMPurify (the
// page's instance, or jsdom's in unit tests). Notes keep layout and text elements, tables, images,
// details/summary, kbd, sub/sup and br; scripts, event handlers, styles, forms, frames, base and meta
// go. Ids get GitHub's `user-content-` prefix and `name` goes, so a note cannot clobber the page's globals.
import type { Config, DOMPurify } from 'dompurify';
import { NOTE_HTML_TAGS } from '../core/containHtml';
import { imageSource, type ImagePlaces } from './imagePolicy';

export const NOTE_ATTRIBUTES = [
  'abbr', 'align', 'alt', 'class', 'colspan', 'datetime', 'dir', 'headers', 'height', 'href', 'id', 'lang', 'open',
  'reversed', 'rowspan', 'scope', 'span', 'src', 'start', 'title', 'type', 'valign', 'width',
  // The renderer's line map and placeholders (see core/render.ts); the page checks `data-sn` against its hook.
  'data-line', 'data-sn',
];

/** Links and images: the web, mail, note links, anchors and relative paths. No other scheme. */
const NOTE_URI = /^(?:(?:https?|mailto|note):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

const NOTE_CONFIG: Config = {
  ALLOWED_TAGS: [...NOTE_HTML_TAGS],
  ALLOWED_ATTR: NOTE_ATTRIBUTES,
  ALLOW_DATA_ATTR: false,
  ALLOWED_URI_REGEXP: NOTE_URI,
  SANITIZE_NAMED_PROPS: true,
};

/** The note's HTML, sanitized, as a fragment not yet in the document (images do not load yet). */
export function sanitizeNoteHtml(purify: DOMPurify, html: string): DocumentFragment {
  return purify.sanitize(html, { ...NOTE_CONFIG, RETURN_DOM_FRAGMENT: true });
}

/**
 * mermaid's drawing with the SVG profile: shapes, text, markers and mermaid's own `<style>` stay;
 * `<image>` (which could load anything) and HTML inside `foreignObject` go. Links keep only https:
 * targets, and styles (a node's `style`, a `classDef`) lose what could pin a node over the page or
 * load something: positioning, `url()` other than `#fragment`, `@import`, escapes.
 */
export function sanitizeDiagramSvg(purify: DOMPurify, svg: string): string {
  const fragment = purify.sanitize(svg, { USE_PROFILES: { svg: true, svgFilters: true }, FORBID_TAGS: ['image', 'foreignObject', 'use'], RETURN_DOM_FRAGMENT: true });
  for (const link of fragment.querySelectorAll('a')) {
    for (const attribute of [...link.attributes]) {
      if (attribute.localName === 'href' && !/^https:/i.test(attribute.value.trim())) link.removeAttributeNode(attribute);
    }
  }
  for (const styled of fragment.querySelectorAll<SVGElement>('[style]')) {
    cleanDeclarations(styled.style);
    if (styled.style.length === 0) styled.removeAttribute('style');
  }
  for (const style of fragment.querySelectorAll('style')) style.textContent = cleanStyleSheet(style.textContent ?? '', fragment.ownerDocument);
  const holder = fragment.ownerDocument.createElement('div');
  holder.append(fragment);
  return holder.innerHTML;
}

const RISKY_PROPERTY = /^(position|inset|top|right|bottom|left|z-index|behavior|-moz-binding)$/i;
const RISKY_VALUE = /url\(\s*['"]?\s*(?!#)|expression\s*\(|@import|\\/i;

function cleanDeclarations(style: CSSStyleDeclaration): void {
  for (const name of [...style]) {
    if (RISKY_PROPERTY.test(name) || RISKY_VALUE.test(style.getPropertyValue(name))) style.removeProperty(name);
  }
}

/** mermaid's stylesheet, rule by rule through the CSSOM; without a CSSOM (jsdom), a risky sheet is dropped whole. */
function cleanStyleSheet(text: string, document: Document): string {
  const view = document.defaultView ?? (globalThis as { window?: Window & typeof globalThis }).window;
  let sheet: CSSStyleSheet;
  try {
    sheet = new view!.CSSStyleSheet();
    sheet.replaceSync(text);
  } catch {
    return RISKY_VALUE.test(text) || /(^|[;{\s])(position|inset|z-index)\s*:/i.test(text) ? '' : text;
  }
  const rules: string[] = [];
  for (const rule of sheet.cssRules) {
    // Style rules and keyframes only (mermaid writes nothing else); told apart by shape, whichever window made them.
    const isStyleRule = 'selectorText' in rule;
    if (!isStyleRule && !('name' in rule && 'cssRules' in rule)) continue;
    if (isStyleRule) cleanDeclarations((rule as CSSStyleRule).style);
    if (!RISKY_VALUE.test(rule.cssText)) rules.push(rule.cssText);
  }
  return rules.join('\n');
}

export interface ImageLabels {
  /** Shown before the address of an image that is not loaded. */
  blocked: string;
  /** Shown for an image that could not be loaded and has no alt text. */
  missing: string;
}

/**
 * Applies the image rules to a sanitized fragment: allowed images get their resolved URL (and show
 * their alt text if they fail to load); others become a placeholder naming their address.
 */
export function placeImages(fragment: DocumentFragment, places: ImagePlaces, labels: ImageLabels): void {
  const document = fragment.ownerDocument;
  for (const image of fragment.querySelectorAll('img')) {
    const written = image.getAttribute('src') ?? '';
    const source = imageSource(written, places);
    if ('load' in source) {
      image.setAttribute('src', source.load);
      // The element stays (with its address) but is hidden; its alt text shows in its place.
      image.addEventListener('error', () => {
        image.classList.add('image-failed');
        image.after(missingImage(image.ownerDocument, image, labels));
      }, { once: true });
      continue;
    }
    const placeholder = document.createElement('span');
    placeholder.className = 'image-blocked';
    placeholder.dataset.reason = source.blocked;
    placeholder.append(`${labels.blocked} `);
    // The address as text only: a link would send the reader to the very address that was refused.
    const address = document.createElement('code');
    address.textContent = written;
    placeholder.append(address);
    const alt = image.getAttribute('alt');
    if (alt) placeholder.title = alt;
    image.replaceWith(placeholder);
  }
}

function missingImage(document: Document, image: HTMLImageElement, labels: ImageLabels): HTMLElement {
  const missing = document.createElement('span');
  missing.className = 'image-missing';
  missing.textContent = image.getAttribute('alt') || labels.missing;
  missing.title = image.getAttribute('src') ?? '';
  return missing;
}
