// The Show Progress view: reviews per day, retention and the 30-day due forecast as plain SVG bar
// charts drawn here, so the webview needs no script and nothing from the network.
import * as vscode from 'vscode';
import { localDaysBetween, type ConceptMastery, type ExerciseItem, type ProgressStats, type QuizItem } from '../../core/quiz';
import { escapeHtml as escape } from '../../core/text';

function barChart(title: string, bars: { label: string; value: number }[]): string {
  const width = 640;
  const height = 160;
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const step = width / Math.max(1, bars.length);
  const rects = bars.map((bar, i) => {
    const h = Math.round((bar.value / max) * (height - 20));
    return `<rect x="${(i * step + 1).toFixed(1)}" y="${height - h}" width="${Math.max(1, step - 2).toFixed(1)}" height="${h}"><title>${escape(bar.label)}: ${bar.value}</title></rect>`;
  }).join('');
  const first = bars[0]?.label ?? '';
  const last = bars[bars.length - 1]?.label ?? '';
  return `<figure><figcaption>${escape(title)} <span class="muted">(${vscode.l10n.t('max {0}', max)})</span></figcaption>
<svg role="img" aria-label="${escape(title)}" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="none">${rects}</svg>
<div class="axis"><span>${escape(first)}</span><span>${escape(last)}</span></div></figure>`;
}

/** When something comes due, as the learner reads it: at a time today, tomorrow, or the weekday and date. */
export function describeDay(day: Date, now: Date): string {
  const days = localDaysBetween(now, day);
  if (days <= 0 && day.getTime() > now.getTime()) return vscode.l10n.t('at {0}', day.toLocaleTimeString(vscode.env.language, { hour: '2-digit', minute: '2-digit' }));
  if (days <= 0) return vscode.l10n.t('today');
  if (days === 1) return vscode.l10n.t('tomorrow');
  return vscode.l10n.t('on {0}', day.toLocaleDateString(vscode.env.language, { weekday: 'short', month: 'short', day: 'numeric' }));
}

/**
 * The page. `due.dueNow` is the status bar's count (due.ts), which the Due column adds up to;
 * `due.nextDue` says when the next question not yet due comes due (describeDay), if any.
 */
export function progressHtml(stats: ProgressStats, mastery: Map<string, ConceptMastery>, items: readonly QuizItem[], exercises: readonly ExerciseItem[],
  cspSource: string, due: { dueNow: number; nextDue?: string }): string {
  const total = stats.reviewsPerDay.reduce((sum, day) => sum + day.reviews, 0);
  const retention = stats.retention === null ? '—' : `${Math.round(stats.retention * 100)}%`;
  const titles = new Map([...items, ...exercises].map((item) => [item.noteId, item.noteTitle]));
  const concepts = [...titles]
    .map(([noteId, title]) => ({ title, concept: mastery.get(noteId) }))
    .filter((row) => row.concept)
    .map(({ title, concept }) => `<tr><td>${escape(title)}</td><td>${concept!.seen}/${concept!.total}</td><td>${concept!.exercisesPassed}/${concept!.exercises}</td><td>${Math.round(concept!.mastery * 100)}%</td><td>${concept!.due}</td></tr>`)
    .join('');
  return `<!DOCTYPE html><html><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'unsafe-inline';">
<style>
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); max-width: 760px; margin: 0 auto; padding: 16px; }
rect { fill: var(--vscode-charts-blue); }
figure { margin: 24px 0; } figcaption { font-weight: 600; margin-bottom: 6px; }
.axis { display: flex; justify-content: space-between; color: var(--vscode-descriptionForeground); font-size: 0.85em; }
.muted { color: var(--vscode-descriptionForeground); font-weight: normal; }
.figures { display: flex; gap: 32px; } .figures strong { display: block; font-size: 1.8em; } .small { display: block; font-size: 0.85em; }
table { border-collapse: collapse; width: 100%; } td, th { text-align: left; padding: 3px 8px; border-bottom: 1px solid var(--vscode-widget-border, #8884); }
</style></head><body>
<h1>${escape(vscode.l10n.t('Study Progress'))}</h1>
<div class="figures">
<div><strong>${total}</strong>${escape(vscode.l10n.t('reviews in {0} days', stats.reviewsPerDay.length))}</div>
<div><strong>${retention}</strong>${escape(vscode.l10n.t('retention ({0} reviews of learned questions)', stats.retentionReviews))}</div>
<div><strong>${due.dueNow}</strong>${escape(vscode.l10n.t('due now'))}
<span class="muted small">${escape(vscode.l10n.t('{0} more later today', Math.max(0, (stats.dueForecast[0]?.due ?? 0) - due.dueNow)))}${due.nextDue ? `<br>${escape(vscode.l10n.t('next: {0}', due.nextDue))}` : ''}</span></div>
</div>
${barChart(vscode.l10n.t('Reviews per day'), stats.reviewsPerDay.map((day) => ({ label: day.day, value: day.reviews })))}
${barChart(vscode.l10n.t('Due in the next 30 days'), stats.dueForecast.map((day) => ({ label: day.day, value: day.due })))}
<h2>${escape(vscode.l10n.t('Concepts'))}</h2>
<table><thead><tr><th>${escape(vscode.l10n.t('Concept'))}</th><th>${escape(vscode.l10n.t('Answered'))}</th><th>${escape(vscode.l10n.t('Exercises passed'))}</th><th>${escape(vscode.l10n.t('Mastery'))}</th><th>${escape(vscode.l10n.t('Due'))}</th></tr></thead><tbody>${concepts}</tbody></table>
</body></html>`;
}
