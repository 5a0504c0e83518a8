// Search Notes…: full-text search over every note's body in a QuickPick, opening the note at the match.
import * as vscode from 'vscode';
import type { SearchHit } from '../../core/search';
import type { NotesService } from '../notes/notesService';

type HitItem = vscode.QuickPickItem & { hit: SearchHit };

export function registerSearchNotes(notes: NotesService, openAt: (noteId: string, line: number) => Promise<unknown>): vscode.Disposable {
  return vscode.commands.registerCommand('studyNotes.searchNotes', async (initialQuery?: string) => {
    const pick = vscode.window.createQuickPick<HitItem>();
    pick.title = vscode.l10n.t('Search Notes');
    pick.placeholder = vscode.l10n.t('Words in Chinese or English, e.g. 三次握手, TIME_WAIT, functools.partial');
    pick.matchOnDescription = false;
    pick.matchOnDetail = false;
    const update = async (query: string): Promise<void> => {
      pick.busy = true;
      const index = await notes.getSearchIndex();
      if (pick.value !== query) return;
      const hits = index.search(query);
      pick.items = hits.map((hit) => ({
        label: hit.note.meta.title,
        description: hit.note.meta.titleEn,
        detail: hit.text.length > 160 ? `${hit.text.slice(0, 157)}…` : hit.text,
        alwaysShow: true,
        hit,
      }));
      pick.busy = false;
      if (query.trim() && hits.length === 0) pick.items = [];
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
    if (chosen) await openAt(chosen.hit.note.meta.id, chosen.hit.line);
  });
}
