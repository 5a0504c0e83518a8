// Search Notes…: full-text search over every note in a QuickPick, answered by the language server,
// opening the note at the matching line.
import * as vscode from 'vscode';
import { SearchRequest, type SearchHit } from '../../shared/protocol';
import type { Feature } from '../features';

type HitItem = vscode.QuickPickItem & { hit: SearchHit };

export const registerSearchNotes: Feature = ({ notes }) => vscode.commands.registerCommand('studyNotes.searchNotes', async (initialQuery?: string) => {
  const pick = vscode.window.createQuickPick<HitItem>();
  pick.title = vscode.l10n.t('Search Notes');
  pick.placeholder = vscode.l10n.t('Words in Chinese or English, e.g. 三次握手, TIME_WAIT, functools.partial');
  pick.matchOnDescription = false;
  pick.matchOnDetail = false;
  let asked = 0;
  const update = async (query: string): Promise<void> => {
    const request = ++asked;
    if (!query.trim()) {
      pick.items = [];
      return;
    }
    pick.busy = true;
    const result = await notes.request(SearchRequest, { query, limit: 200 }).catch(() => ({ hits: [], partial: false }));
    // A later keystroke's answer wins.
    if (request !== asked) return;
    pick.items = result.hits.map((hit) => ({
      label: hit.note.title,
      description: hit.note.titleEn,
      detail: hit.text.length > 160 ? `${hit.text.slice(0, 157)}…` : hit.text,
      alwaysShow: true,
      hit,
    }));
    pick.busy = false;
    // Still building the full-text index: ask again shortly.
    if (result.partial) setTimeout(() => { if (request === asked && pick.value === query) void update(query); }, 500);
  };
  pick.onDidChangeValue((value) => void update(value));
  const accepted = new Promise<HitItem | undefined>((resolve) => {
    pick.onDidAccept(() => resolve(pick.selectedItems[0]));
    pick.onDidHide(() => resolve(undefined));
  });
  pick.show();
  if (initialQuery) {
    pick.value = initialQuery;
    await update(initialQuery);
  }
  const chosen = await accepted;
  pick.dispose();
  if (chosen) await vscode.commands.executeCommand('studyNotes.openNote', chosen.hit.note.key, chosen.hit.line);
});
