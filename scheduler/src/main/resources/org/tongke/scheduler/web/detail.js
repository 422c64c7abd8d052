// A lesson's detail in a dialog: its rooms (teachers and recording classrooms by name) with the
// period each school gives it, its soft-goal score, the calendar feeds of its schools, and the move
// (调课) to the times that fit every school, with conflicts checked live.

import * as api from './api.js';
import { communityLabel, has, t } from './i18n.js';
import { WEEKDAYS, WEEKEND, h, named, participants } from './model.js';
import { createMove } from './move.js';

/** What the class gives up; a swapped lesson of another subject says where it went (调课). */
function givenUp(p) {
  if (p.swap) {
    return t('displaces.swapped', {
      subject: p.swap.subject, day: t(`day.${String(p.swap.day).toLowerCase()}`), period: p.swap.period,
    });
  }
  return p.displaces !== 'swapped' && has(`displaces.${p.displaces}`) ? t(`displaces.${p.displaces}`) : p.displaces;
}

function roomsTable(lesson, dir) {
  const rows = participants(lesson).map((p, i) => h('tr', { dataset: { school: p.school } },
    h('td', {}, t(i === 0 ? 'detail.role.host' : 'detail.role.receiver')),
    h('th', { scope: 'row' }, p.schoolName),
    h('td', {}, p.className),
    h('td', { title: p.teacher }, p.teacher ? named(dir.teachers, p.school, p.teacher) : '—'),
    h('td', { title: p.classroom }, named(dir.classrooms, p.school, p.classroom)),
    h('td', { class: 'period' }, t('detail.period.value', { n: p.period, start: p.periodStart, end: p.periodEnd })),
    h('td', {}, givenUp(p))));
  const cols = ['role', 'school', 'class', 'teacher', 'classroom', 'period', 'displaces'];
  return h('div', { class: 'scroll' }, h('table', { class: 'rooms', id: 'detail-rooms' },
    h('thead', {}, h('tr', {}, cols.map((c) => h('th', { scope: 'col' }, t(`detail.${c}`))))),
    h('tbody', {}, rows)));
}

function scoreSection(weekly) {
  const section = h('section', { id: 'detail-score', 'aria-labelledby': 'detail-score-h' },
    h('h3', { id: 'detail-score-h' }, t('detail.score')), h('p', {}, t('status.loading')));
  api.lessonScore(weekly).then((score) => {
    section.replaceChildren(section.firstChild,
      h('p', {}, t('detail.score.total', { n: score.softPenalty })),
      h('table', { class: 'score' },
        h('thead', {}, h('tr', {}, ['goal', 'count', 'weight', 'penalty']
          .map((c) => h('th', { scope: 'col' }, t(`detail.score.${c}`))))),
        h('tbody', {}, score.parts.map((part) => h('tr', { title: part.why },
          h('th', { scope: 'row' }, t(`goal.${part.goal}`)),
          h('td', { class: 'num' }, part.count), h('td', { class: 'num' }, part.weight),
          h('td', { class: part.penalty > 0 ? 'num penalty' : 'num' }, part.penalty))))));
  }).catch((e) => section.replaceChildren(section.firstChild, h('p', { class: 'error' },
    t('status.error', { message: e.message }))));
  return section;
}

function feeds(lesson, dir) {
  const links = [];
  const seen = new Set();
  for (const p of participants(lesson)) {
    if (!seen.has(p.school)) {
      seen.add(p.school);
      links.push(h('a', { href: api.icalSchool(p.school) }, t('detail.ical.school', { school: p.schoolName })));
    }
    if (p.teacher) {
      links.push(h('a', { href: api.icalTeacher(p.school, p.teacher) },
        t('detail.ical.teacher', { school: p.schoolName, teacher: named(dir.teachers, p.school, p.teacher) })));
    }
    links.push(h('a', { href: api.icalClassroom(p.school, p.classroom) },
      t('detail.ical.classroom', { school: p.schoolName, classroom: named(dir.classrooms, p.school, p.classroom) })));
  }
  const unique = [...new Map(links.map((a) => [a.getAttribute('href'), a])).values()];
  return h('section', { id: 'detail-ical', 'aria-labelledby': 'detail-ical-h' },
    h('h3', { id: 'detail-ical-h' }, t('detail.ical')),
    h('ul', { class: 'feeds' }, unique.map((a) => h('li', {}, a))));
}

/** The dialog; {@code onSaved(version)} runs after a move is saved. */
export function createDetail(dialog, { plan, dir, onSaved }) {
  let shown = null;
  let move = null;

  function open(weekly, preset) {
    const lesson = plan().weekly.find((w) => w.id === weekly);
    if (!lesson) {
      return;
    }
    shown = weekly;
    const days = [...WEEKDAYS, ...WEEKEND.filter((d) => d === lesson.day)];
    move = createMove(lesson, {
      days,
      slots: api.lessonSlots(weekly),
      preset,
      onSaved,
    });
    const when = t('detail.when', { day: t(`day.${lesson.day}`), start: lesson.start, end: lesson.end });
    const community = dir().communities.get(lesson.community);
    dialog.replaceChildren(h('div', { class: 'dialog-body' },
      h('header', { class: 'dialog-head' },
        h('h2', { id: 'detail-title' },
          h('span', { class: `kind-badge kind-${lesson.kind}` }, t(`kind.${lesson.kind}`)), ' ', lesson.subject),
        h('button', { type: 'button', class: 'close', id: 'detail-close', onclick: close }, t('detail.close'))),
      h('p', { class: 'when', id: 'detail-when' }, when,
        h('span', { class: 'muted' },
          ` · ${t('detail.id')} ${lesson.id} · ${community ? communityLabel(community) : lesson.community}`)),
      h('section', { 'aria-labelledby': 'detail-rooms-h' }, h('h3', { id: 'detail-rooms-h' }, t('detail.rooms')),
        roomsTable(lesson, dir())),
      move.element,
      scoreSection(lesson.id),
      feeds(lesson, dir())));
    dialog.setAttribute('aria-labelledby', 'detail-title');
    if (!dialog.open) {
      dialog.showModal();
    }
    move.check();
  }

  function close() {
    shown = null;
    if (dialog.open) {
      dialog.close();
    }
  }

  dialog.addEventListener('close', () => {
    shown = null;
  });

  return {
    open,
    close,
    /** Re-renders an open dialog (after a language switch), keeping the picked move. */
    refresh() {
      if (shown && dialog.open) {
        open(shown, move ? move.picked() : undefined);
      }
    },
  };
}
