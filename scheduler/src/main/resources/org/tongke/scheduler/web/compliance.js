// Each pairing against its yearly targets (rows that fall short highlighted, with what is
// missing), and the lessons the plan could not place with the reason.

import { communityLabel, has, language, t } from './i18n.js';
import { h, shortfallParts } from './model.js';

function shortfallText(text) {
  const parts = shortfallParts(text);
  if (!parts || !has(`shortfall.${parts.what}`)) {
    return text;
  }
  return t('shortfall.text', { what: t(`shortfall.${parts.what}`), planned: parts.planned, target: parts.target });
}

function communityName(dir, id) {
  const community = dir.communities.get(id);
  return community ? communityLabel(community) : id;
}

function measure(planned, target, extra) {
  const below = planned < target;
  return h('td', { class: below ? 'num below' : 'num' },
    h('span', { class: 'figure' }, `${planned} / ${target}`), extra ? h('span', { class: 'extra' }, extra) : null);
}

function row(c, dir) {
  const short = c.shortfalls.length > 0;
  const name = (id) => dir.schools.get(id) || id;
  return h('tr', { class: short ? 'shortfall' : 'met', dataset: { supporting: c.supporting, receiving: c.receiving } },
    h('th', { scope: 'row' }, `${name(c.supporting)} → ${name(c.receiving)}`),
    h('td', {}, communityName(dir, c.community)),
    measure(c.lessons, c.targets.syncLessons),
    measure(c.subjects.length, c.targets.syncSubjects, c.subjects.join('、')),
    measure(c.onlineResearch, c.targets.onlineResearch),
    measure(c.offlineResearch, c.targets.offlineResearch),
    h('td', { class: 'status' }, short
      ? h('span', {}, h('strong', {}, t('compliance.short')), c.shortfalls.map(shortfallText).join('；'))
      : t('compliance.ok')));
}

export function renderCompliance(container, compliance, dir) {
  container.replaceChildren();
  if (compliance.length === 0) {
    container.append(h('p', { class: 'empty' }, t('compliance.empty')));
    return;
  }
  const sorted = [...compliance].sort((a, b) => (b.shortfalls.length > 0) - (a.shortfalls.length > 0)
    || a.community.localeCompare(b.community));
  container.append(h('div', { class: 'scroll' }, h('table', { class: 'compliance', id: 'compliance-table' },
    h('caption', {}, t('compliance.caption')),
    h('thead', {}, h('tr', {}, ['pairing', 'community', 'lessons', 'subjects', 'online', 'offline', 'status']
      .map((k) => h('th', { scope: 'col' }, t(`compliance.${k}`))))),
    h('tbody', {}, sorted.map((c) => row(c, dir))))));
}

export function renderUnplaced(container, unplaced, dir) {
  container.replaceChildren();
  if (unplaced.length === 0) {
    container.append(h('p', { class: 'empty', id: 'unplaced-none' }, t('unplaced.empty')));
    return;
  }
  container.append(h('ul', { class: 'unplaced', id: 'unplaced-list' }, unplaced.map((u) => h('li', {},
    h('strong', {}, u.weekly), ` (${communityName(dir, u.community)})${language() === 'zh' ? '：' : ': '}`,
    h('span', { class: 'reason' }, u.reason)))));
}
