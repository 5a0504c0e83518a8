// The code blocks of a note as the note panel's page numbers them, in a bundle of its own
// (dist/codeBlocks.js): markdown-it is loaded into the extension host only when a code button of the
// panel is first pressed, not with the extension.
export { codeBlocksOf, isRunnableLanguage } from '../../core/render';
