// The week grid: weekday columns, one row per lesson time, each weekly lesson a button coloured by
// its kind. A lesson dragged onto a cell asks to move there; a click opens its detail.

import { t, language } from './i18n.js';
import { KINDS, days, h, participants, timeRows } from './model.js';

const DRAG_TYPE = 'application/x-tongke-weekly';

function list(items) {
  return items.join(language() === 'zh' ? '、' : ', ');
}

function receiversText(lesson) {
  return list([...new Set(lesson.receivers.map((r) => r.schoolName))]);
}

function describe(lesson) {
  const when = t('detail.when', { day: t(`day.${lesson.day}`), start: lesson.start, end: lesson.end });
  const host = `${lesson.host.schoolName} ${lesson.host.className}`;
  const receivers = list(lesson.receivers.map((r) => `${r.schoolName} ${r.className}`));
  return `${lesson.subject}, ${t(`kind.${lesson.kind}`)}, ${when}, ${host} → ${receivers}`;
}

function block(lesson, school, onOpen) {
  const here = school ? participants(lesson).find((p) => p.school === school) : null;
  return h('button', {
    type: 'button',
    class: `lesson kind-${lesson.kind}`,
    draggable: 'true',
    dataset: { weekly: lesson.id, kind: lesson.kind },
    'aria-label': describe(lesson),
    onclick: () => onOpen(lesson.id),
    ondragstart: (e) => {
      e.dataTransfer.setData(DRAG_TYPE, lesson.id);
      e.dataTransfer.setData('text/plain', lesson.id);
      e.dataTransfer.effectAllowed = 'move';
    },
  },
  h('span', { class: 'lesson-head' },
    h('span', { class: 'subject' }, lesson.subject),
    h('span', { class: 'kind-tag' }, t(`kind.${lesson.kind}`))),
  h('span', { class: 'lesson-rooms' },
    `${lesson.host.schoolName} ${lesson.host.className} → ${receiversText(lesson)}`),
  here ? h('span', { class: 'lesson-period' },
    t('detail.period.value', { n: here.period, start: here.periodStart, end: here.periodEnd })) : null);
}

function cell(day, row, lessons, school, handlers) {
  const td = h('td', { dataset: { day, start: row.start } }, lessons.map((l) => block(l, school, handlers.onOpen)));
  td.addEventListener('dragover', (e) => {
    if (e.dataTransfer.types.includes(DRAG_TYPE)) {
      e.preventDefault();
      td.classList.add('drop-target');
    }
  });
  td.addEventListener('dragleave', () => td.classList.remove('drop-target'));
  td.addEventListener('drop', (e) => {
    td.classList.remove('drop-target');
    const weekly = e.dataTransfer.getData(DRAG_TYPE);
    if (weekly) {
      e.preventDefault();
      handlers.onDrop(weekly, day, row.start);
    }
  });
  return td;
}

/** Fills {@code container} with the grid of {@code weekly}; {@code school} set in a school's view. */
export function renderGrid(container, weekly, { scopeLabel, school, onOpen, onDrop }) {
  container.replaceChildren();
  if (weekly.length === 0) {
    container.append(h('p', { class: 'empty' }, t('grid.empty')));
    return;
  }
  const columns = days(weekly);
  const table = h('table', { class: 'week', id: 'week-grid' },
    h('caption', {}, t('grid.caption', { scope: scopeLabel, count: weekly.length })),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col', class: 'time-col' }, t('grid.time')),
      columns.map((d) => h('th', { scope: 'col', dataset: { day: d } }, t(`day.${d}`))))));
  const body = h('tbody');
  for (const row of timeRows(weekly)) {
    const at = weekly.filter((w) => w.start === row.start && w.end === row.end);
    body.append(h('tr', {},
      h('th', { scope: 'row', class: 'time-col' }, `${row.start}-${row.end}`),
      columns.map((d) => cell(d, row, at.filter((w) => w.day === d), school, { onOpen, onDrop }))));
  }
  table.append(body);
  container.append(table, h('p', { class: 'hint' }, t('grid.drop')));
}

/** The colour legend, one swatch per kind with its name (the colour is never the only cue). */
export function renderLegend(container) {
  container.replaceChildren(h('h3', { class: 'legend-heading' }, t('legend.heading')),
    h('ul', { class: 'legend' }, KINDS.map((k) => h('li', {},
      h('span', { class: `swatch kind-${k}`, 'aria-hidden': 'true' }), t(`kind.${k}`)))));
}
