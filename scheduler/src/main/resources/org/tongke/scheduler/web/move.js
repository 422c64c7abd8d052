// Moving one weekly lesson (调课): pick a weekday and a start (one of the times that day at which
// the lesson lies inside a period of every one of its schools, or any HH:MM); every change asks the
// server with dryRun and lists what the move would break; saving is possible only when nothing would.

import * as api from './api.js';
import { t } from './i18n.js';
import { h, isTime } from './model.js';

const CUSTOM = 'custom';
const TYPING_DELAY_MS = 300;

/**
 * @param lesson  the weekly lesson
 * @param options days (weekday keys), slots (a promise of {weekday: ["HH:MM"]}, days without a
 *                fitting time left out), preset {day, start} or undefined, onSaved(version)
 */
export function createMove(lesson, { days, slots, preset, onSaved }) {
  let asked = 0;
  let typing = null;
  let fits = null;
  const day = h('select', { id: 'move-day', name: 'day' },
    days.map((d) => h('option', { value: d }, t(`day.${d}`))));
  const start = h('select', { id: 'move-start', name: 'start' });
  const custom = h('input', {
    id: 'move-custom', name: 'custom', type: 'text', inputmode: 'numeric', autocomplete: 'off',
    pattern: '[0-2][0-9]:[0-5][0-9]', placeholder: 'HH:MM', size: '6',
  });
  const customLabel = h('label', { for: 'move-custom', class: 'custom-time' }, t('move.customLabel'), ' ', custom);
  const note = h('p', { id: 'move-slots', class: 'hint', 'aria-live': 'polite', dataset: { state: 'loading' } },
    t('move.slots.loading'));
  const result = h('div', { id: 'move-result', class: 'move-result', role: 'status', 'aria-live': 'polite' });
  const save = h('button', { type: 'submit', id: 'move-save', class: 'primary', disabled: true }, t('move.save'));

  /** The day's fitting times (until they are known, the time to keep), and the lesson's own on its day. */
  function times(keep) {
    const offered = fits ? fits[day.value] || [] : [keep].filter(isTime);
    return [...new Set([...offered, ...(day.value === lesson.day ? [lesson.start] : [])])].sort();
  }

  function showSlots() {
    if (!fits) {
      return;
    }
    const none = (d) => !(fits[d] || []).length;
    [...day.options].forEach((o) => {
      o.textContent = none(o.value) ? t('move.day.none', { day: t(`day.${o.value}`) }) : t(`day.${o.value}`);
    });
    note.dataset.state = none(day.value) ? 'none' : 'some';
    note.textContent = none(day.value) ? t('move.slots.none', { day: t(`day.${day.value}`) }) : t('move.slots.some');
  }

  function fillStarts(keep) {
    const offered = times(keep);
    start.replaceChildren(...offered.map((s) => h('option', { value: s }, s)),
      h('option', { value: CUSTOM }, t('move.custom')));
    if (keep && offered.includes(keep)) {
      start.value = keep;
    } else if (keep && isTime(keep)) {
      start.value = CUSTOM;
      custom.value = keep;
    } else {
      start.value = offered.includes(lesson.start) ? lesson.start : (offered[0] || CUSTOM);
    }
    customLabel.hidden = start.value !== CUSTOM;
    showSlots();
  }

  function picked() {
    return { day: day.value, start: start.value === CUSTOM ? custom.value.trim() : start.value };
  }

  function show(state, ...content) {
    result.dataset.state = state;
    result.replaceChildren(...content);
  }

  async function check() {
    const mine = ++asked;
    save.disabled = true;
    const want = picked();
    if (!isTime(want.start)) {
      show('bad-time', h('p', {}, t('move.badTime')));
      return;
    }
    if (want.day === lesson.day && want.start === lesson.start) {
      show('same', h('p', {}, t('move.same')));
      return;
    }
    show('checking', h('p', {}, t('move.checking')));
    try {
      const answer = await api.move(lesson.id, want.day, want.start, true);
      if (mine !== asked) {
        return;
      }
      if (answer.accepted && answer.conflicts.length === 0) {
        show('ok', h('p', { class: 'ok' }, t('move.ok')));
        save.disabled = false;
      } else {
        show('conflicts', h('p', { class: 'bad' }, t('move.conflicts')),
          h('ul', { class: 'conflicts', id: 'move-conflicts' }, answer.conflicts.map((c) => h('li', {}, c))));
      }
    } catch (e) {
      if (mine === asked) {
        show('error', h('p', { class: 'error' }, t('status.error', { message: e.message })));
      }
    }
  }

  async function submit(event) {
    event.preventDefault();
    const want = picked();
    save.disabled = true;
    try {
      const answer = await api.move(lesson.id, want.day, want.start, false);
      if (answer.saved) {
        onSaved(answer.version);
      } else {
        show('conflicts', h('p', { class: 'bad' }, t('move.conflicts')),
          h('ul', { class: 'conflicts', id: 'move-conflicts' }, answer.conflicts.map((c) => h('li', {}, c))));
      }
    } catch (e) {
      show('error', h('p', { class: 'error' }, t('status.error', { message: e.message })));
    }
  }

  day.addEventListener('change', () => {
    fillStarts(picked().start);
    check();
  });
  start.addEventListener('change', () => {
    customLabel.hidden = start.value !== CUSTOM;
    if (start.value === CUSTOM) {
      custom.focus();
    }
    check();
  });
  custom.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(check, TYPING_DELAY_MS);
  });

  day.value = preset && days.includes(preset.day) ? preset.day : lesson.day;
  fillStarts(preset ? preset.start : lesson.start);
  slots.then((answer) => {
    fits = answer;
    const before = picked();
    fillStarts(before.start);
    if (picked().start !== before.start) {
      check();
    }
  }, (e) => {
    note.dataset.state = 'error';
    note.textContent = t('move.slots.error', { message: e.message });
  });

  const element = h('section', { id: 'move', 'aria-labelledby': 'move-h' },
    h('h3', { id: 'move-h' }, t('move.heading')),
    h('form', { class: 'move-form', onsubmit: submit },
      h('label', { for: 'move-day' }, t('move.day'), ' ', day),
      h('label', { for: 'move-start' }, t('move.start'), ' ', start),
      customLabel,
      save),
    note,
    result);
  return { element, check, picked };
}
