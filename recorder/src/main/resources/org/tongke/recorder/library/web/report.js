// The delivered-lesson report: per pairing, one row per subject, then the pairing's total
// against its yearly targets; the CSV is the same report as a file for Excel.

import { call, getJson, token } from '/web/api.js';
import { applyStatic, t } from '/web/i18n.js';
import { el, showError } from './view.js';

function range() {
  const params = new URLSearchParams();
  const from = document.getElementById('from').value;
  const to = document.getElementById('to').value;
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  return params;
}

async function load() {
  try {
    render(await getJson('/api/report/delivered?' + range()));
  } catch (e) {
    showError(e);
  }
}

function render(report) {
  document.getElementById('report-range').textContent = t('report.range', { from: report.from, to: report.to });
  const body = document.querySelector('#report-table tbody');
  body.replaceChildren();
  report.pairings.forEach(p => {
    const name = p.supportingName + ' → ' + p.receivingName;
    p.subjects.forEach(s => body.append(el('tr', { class: 'subject' },
      el('td', {}, name), el('td', {}, s.subject), el('td', {}, s.planned), el('td', {}, s.delivered),
      el('td', { class: 'archived' }, s.archived), el('td', { class: 'held-live' }, s.heldWithoutArchive),
      el('td', {}), el('td', {}), el('td', {}), el('td', {}))));
    const ok = p.below.length === 0;
    body.append(el('tr', { class: ok ? 'total' : 'total shortfall', 'data-supporting': p.supporting, 'data-receiving': p.receiving },
      el('td', {}, name), el('td', {}, t('report.total') + ' (' + t('report.subjects') + ' ' + p.deliveredSubjects + '/' + p.targets.syncSubjects + ')'),
      el('td', {}, p.plannedLessons), el('td', { class: p.below.includes('syncLessons') ? 'below' : '' }, p.deliveredLessons),
      el('td', { class: 'archived' }, p.archivedLessons), el('td', { class: 'held-live' }, p.heldWithoutArchiveLessons),
      el('td', {}, p.targets.syncLessons),
      el('td', { class: p.below.includes('onlineResearch') ? 'below' : '' }, p.deliveredOnlineResearch + ' / ' + p.targets.onlineResearch),
      el('td', { class: p.below.includes('offlineResearch') ? 'below' : '' }, p.deliveredOfflineResearch + ' / ' + p.targets.offlineResearch),
      el('td', {}, ok ? t('report.ok') : t('report.below'))));
  });
  document.body.dataset.state = 'ready';
}

async function csv() {
  try {
    const params = range();
    params.set('format', 'csv');
    const blob = await call('/api/report/delivered?' + params);
    const link = el('a', { href: URL.createObjectURL(blob), download: 'delivered-lessons.csv' });
    document.body.append(link);
    link.click();
    link.remove();
  } catch (e) {
    showError(e);
  }
}

token();
applyStatic('report.title');
document.getElementById('range').onsubmit = e => { e.preventDefault(); load(); };
document.getElementById('csv').onclick = csv;
load();
