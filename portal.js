// The portal page: polls /api/overview and draws the day's lessons with their console links, the
// recording classrooms live, the library's newest lessons and the delivered-lesson report.
import { t, lang, applyStatic } from './i18n.js';

const POLL_MS = 3000;
const $ = (id) => document.getElementById(id);

function el(tag, text, attrs = {}) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) {
    node.textContent = text;
  }
  Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, v));
  return node;
}

function time(iso) {
  return iso ? new Date(iso).toLocaleTimeString(lang === 'en' ? 'en-GB' : 'zh-CN', { hour12: false }) : '—';
}

function withLang(link) {
  return lang === 'en' ? `${link}${link.includes('?') ? '&' : '?'}lang=en` : link;
}

function drawPages(pages) {
  for (const [name, link] of Object.entries(pages)) {
    const a = $(`page-${name}`);
    if (a) {
      a.href = withLang(link);
    }
  }
}

function drawLessons(lessons) {
  const body = $('lessons').querySelector('tbody');
  body.replaceChildren();
  if (lessons.length === 0) {
    body.append(el('tr')).append(el('td', t('lessons.none'), { colspan: 5 }));
  }
  for (const l of lessons) {
    const row = el('tr', null, { 'data-lesson': l.id, 'data-state': l.state });
    row.append(el('td', `${time(l.start)}–${time(l.end)}`), el('td', l.title),
      el('td', `${l.hostSchool} → ${l.ruralSchools.join('、')}`), el('td', t(`state.${l.state}`), { class: `state ${l.state}` }));
    const join = el('td', null, { class: 'join' });
    join.append(el('a', t('join.teacher'), { href: withLang(l.teacherLink), class: 'teacher', target: '_blank' }));
    l.ruralLinks.forEach((link, i) => join.append(el('a', t('join.rural', { n: i + 1 }),
      { href: withLang(link), class: 'rural', target: '_blank' })));
    join.append(el('a', t('join.observer'), { href: withLang(l.observerLink), class: 'observer', target: '_blank' }));
    row.append(join);
    body.append(row);
  }
}

function drawClassrooms(data) {
  const body = $('classrooms').querySelector('tbody');
  body.replaceChildren();
  for (const c of data.classrooms ?? []) {
    const backlog = c.health?.backlog;
    const row = el('tr', null, { 'data-classroom': c.classroom, 'data-state': c.state });
    row.append(el('td', `${c.schoolName ?? c.school} · ${c.name ?? c.classroom}`),
      el('td', t(`classroom.${c.state}`), { class: `state ${c.state}` }),
      el('td', c.health?.recording ?? '—'),
      el('td', backlog ? t('backlog.files', { files: backlog.files }) : '—'),
      el('td', time(c.lastHeartbeat)));
    body.append(row);
  }
}

function drawLibrary(data, pages) {
  $('library-total').textContent = t('library.total', { n: data.total ?? 0 });
  const list = $('library');
  list.replaceChildren();
  for (const e of data.entries ?? []) {
    const item = el('li', null, { 'data-lesson': e.lessonId ?? '' });
    const link = el('a', `${e.date ?? ''} ${e.title}`, { href: withLang(pages.library), target: '_blank' });
    item.append(link, el('span', ` ${(e.rooms ?? []).map((r) => r.schoolName).join(' → ')}`));
    list.append(item);
  }
}

function drawReport(data) {
  const body = $('report').querySelector('tbody');
  body.replaceChildren();
  for (const p of data.pairings ?? []) {
    if (p.plannedLessons === 0 && p.deliveredLessons === 0) {
      continue;
    }
    const row = el('tr', null, { 'data-community': p.community });
    row.append(el('td', `${p.supportingName} → ${p.receivingName}`), el('td', String(p.plannedLessons)),
      el('td', String(p.deliveredLessons)));
    body.append(row);
  }
}

async function refresh() {
  try {
    const response = await fetch('api/overview', { cache: 'no-store' });
    const o = await response.json();
    drawPages(o.pages);
    drawLessons(o.lessons);
    const down = [];
    for (const [what, data, draw] of [['classrooms', o.classrooms, drawClassrooms],
      ['library', o.library, (d) => drawLibrary(d, o.pages)], ['report', o.report, drawReport]]) {
      if (data?.error) {
        down.push(t(`nav.${what}`));
      } else {
        draw(data);
      }
    }
    $('status').textContent = down.length > 0 ? t('status.down', { what: down.join('、') })
      : t('status.updated', { time: time(o.at) });
    document.body.dataset.loaded = 'true';
  } catch (e) {
    $('status').textContent = t('status.down', { what: 'portal' });
  }
}

applyStatic();
$('lang-toggle').addEventListener('click', () => {
  const url = new URL(location.href);
  url.searchParams.set('lang', lang === 'en' ? 'zh' : 'en');
  location.href = url.toString();
});
refresh();
setInterval(refresh, POLL_MS);
window.__portal = { refresh };
