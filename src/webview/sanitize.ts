// What a note's HTML and a diagram's SVG may contain once they reach the panel, with DOMPurify (the
// page's instance, or jsdom's in unit tests). Notes keep layout and text elements, tables, images,
// details/summary, kbd, sub/sup and br; scripts, event handlers, styles, forms, frames, base and meta
// go. Ids get GitHub's `user-content-` prefix and `name` goes, so a note cannot clobber the page's globals.
import type { Config, DOMPurify } from 'dompurify';
import { imageSource, type ImagePlaces } from './imagePolicy';

export const NOTE_TAGS = [
  'a', 'abbr', 'address', 'article', 'aside', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption', 'center', 'cite', 'code', 'col',
  'colgroup', 'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr',
  'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'section', 'small', 'span', 'strike',
  'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'tt', 'u', 'ul', 'var', 'wbr',
];

export const NOTE_ATTRIBUTES = [
  'abbr', 'align', 'alt', 'class', 'colspan', 'datetime', 'dir', 'headers', 'height', 'href', 'id', 'lang', 'open',
  'reversed', 'rowspan', 'scope', 'span', 'src', 'start', 'title', 'type', 'valign', 'width',
  // The renderer's line map and placeholders (see core/render.ts); the page checks `data-sn` against its hook.
  'data-line', 'data-sn',
];

/** Links and images: the web, mail, note links, anchors and relative paths. No other scheme. */
const NOTE_URI = /^(?:(?:https?|mailto|note):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

const NOTE_CONFIG: Config = {
  ALLOWED_TAGS: NOTE_TAGS,
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
 * `<image>` (which could load anything) and HTML inside `foreignObject` go.
 */
export function sanitizeDiagramSvg(purify: DOMPurify, svg: string): string {
  return purify.sanitize(svg, { USE_PROFILES: { svg: true, svgFilters: true }, FORBID_TAGS: ['image', 'foreignObject', 'use'] });
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
    // A web address stays a link (opened outside VS Code on click); anything else is only text.
    const web = /^https?:/i.test(written);
    const address = document.createElement(web ? 'a' : 'code');
    if (web) address.setAttribute('href', written);
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
