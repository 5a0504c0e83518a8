// Browser side of the note panel: draws mermaid diagrams (again on a theme change), adds the code
// block buttons, and turns clicks into the few messages the extension accepts.
interface VsCodeApi {
  postMessage(message: unknown): void;
  setState(state: unknown): void;
}
interface MermaidApi {
  initialize(config: object): void;
  render(id: string, text: string): Promise<{ svg: string }>;
}
declare function acquireVsCodeApi(): VsCodeApi;
declare const mermaid: MermaidApi | undefined;

const vscode = acquireVsCodeApi();
const strings = JSON.parse(document.getElementById('study-notes-strings')?.textContent ?? '{}') as Record<string, string>;
const noteKey = document.querySelector<HTMLElement>('main.note-body')?.dataset.noteKey;
if (noteKey) vscode.setState({ noteKey });

function themeName(): string {
  const classes = document.body.classList;
  if (classes.contains('vscode-high-contrast') || classes.contains('vscode-high-contrast-light')) return classes.contains('vscode-high-contrast-light') ? 'default' : 'dark';
  return classes.contains('vscode-dark') ? 'dark' : 'default';
}

let renderRound = 0;
async function drawDiagrams(): Promise<void> {
  const blocks = [...document.querySelectorAll<HTMLElement>('.diagram')];
  if (blocks.length === 0 || typeof mermaid === 'undefined') {
    vscode.postMessage({ type: 'rendered', noteId: noteKey, diagrams: 0, failed: 0 });
    return;
  }
  const round = ++renderRound;
  // strict: mermaid strips scripts, `click` callbacks and javascript: links; HTML labels are off.
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: themeName(), htmlLabels: false, flowchart: { htmlLabels: false }, fontFamily: 'var(--vscode-font-family)' });
  let failed = 0;
  for (const [i, block] of blocks.entries()) {
    const source = block.querySelector('.diagram-source')?.textContent ?? '';
    try {
      const { svg } = await mermaid.render(`diagram-${round}-${i}`, source);
      if (round !== renderRound) return;
      block.querySelector('.diagram-output')?.remove();
      block.querySelector('.diagram-error')?.remove();
      const output = document.createElement('div');
      output.className = 'diagram-output';
      output.innerHTML = svg;
      // Labels are text only: anything that could load or embed content is dropped from the drawing.
      output.querySelectorAll('img, iframe, object, embed, script, foreignObject a').forEach((element) => element.remove());
      block.appendChild(output);
      block.classList.add('drawn');
    } catch (error) {
      failed++;
      block.querySelector('.diagram-error')?.remove();
      const message = document.createElement('div');
      message.className = 'diagram-error';
      message.textContent = `${strings.diagramError ?? ''} ${error instanceof Error ? error.message : String(error)}`;
      block.appendChild(message);
      document.querySelectorAll(`#ddiagram-${round}-${i}, #diagram-${round}-${i}`).forEach((leftover) => leftover.remove());
    }
  }
  vscode.postMessage({ type: 'rendered', noteId: noteKey, diagrams: blocks.length, failed });
}

function addCodeButtons(): void {
  for (const block of document.querySelectorAll<HTMLElement>('.code-block')) {
    const bar = document.createElement('div');
    bar.className = 'code-actions';
    for (const action of ['copy', 'insert', 'runnable'] as const) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = strings[action] ?? action;
      button.dataset.codeAction = action;
      bar.appendChild(button);
    }
    block.prepend(bar);
  }
}

document.addEventListener('click', (event) => {
  const target = (event.target as HTMLElement).closest<HTMLElement>('a, button');
  if (!target) return;
  const { noteId: linked, external, codeAction, action } = target.dataset;
  if (linked) {
    event.preventDefault();
    vscode.postMessage({ type: 'openNote', key: linked });
  } else if (external) {
    event.preventDefault();
    vscode.postMessage({ type: 'openExternal', href: external });
  } else if (codeAction) {
    const index = Number(target.closest<HTMLElement>('.code-block')?.dataset.codeBlock);
    vscode.postMessage({ type: 'codeAction', action: codeAction, index });
  } else if (action === 'openSource' || action === 'quiz') {
    vscode.postMessage({ type: action });
  } else if (target.getAttribute('href') === '#' || target.hasAttribute('data-broken-link')) {
    event.preventDefault();
  }
});

// VS Code swaps the body's theme class when the colour theme changes: redraw in the new colours.
new MutationObserver(() => void drawDiagrams()).observe(document.body, { attributes: true, attributeFilter: ['class'] });

addCodeButtons();
const sectionAnchor = document.querySelector<HTMLElement>('main.note-body')?.dataset.scrollTo;
if (sectionAnchor) document.getElementById(sectionAnchor)?.scrollIntoView();
void drawDiagrams();
