// The library page: a search box, the filters with their counts, result cards with posters,
// pages. The search lives in the address (?q=...&subject=...), so a search can be linked.

import { getJson, token } from '/web/api.js';
import { applyStatic, t, facetLabel, kindLabel, lang } from '/web/i18n.js';
import { showError, el, lessonHref } from './view.js';

const FACETS = ['type', 'kind', 'subject', 'grade', 'community', 'school', 'teacher', 'month'];
const state = { q: '', sort: 'date', page: 1, size: 20, filters: {}, from: '', to: '' };

function readAddress() {
  const params = new URL(location.href).searchParams;
  state.q = params.get('q') || '';
  state.sort = params.get('sort') || 'date';
  state.page = Number(params.get('page') || 1);
  state.from = params.get('from') || '';
  state.to = params.get('to') || '';
  state.filters = {};
  FACETS.filter(f => f !== 'month').forEach(f => { if (params.get(f)) state.filters[f] = params.get(f); });
}

function query() {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.sort !== 'date') params.set('sort', state.sort);
  if (state.page > 1) params.set('page', state.page);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  Object.entries(state.filters).forEach(([k, v]) => params.set(k, v));
  return params;
}

async function search(push = true) {
  const params = query();
  if (push) {
    const url = new URL(location.href);
    url.search = params.toString();
    if (new URL(location.href).searchParams.get('lang')) url.searchParams.set('lang', lang());
    history.replaceState(null, '', url);
  }
  params.set('size', state.size);
  try {
    const result = await getJson('/api/library/search?' + params);
    document.getElementById('error').hidden = true;
    render(result);
  } catch (e) {
    showError(e);
  }
}

function render(result) {
  document.getElementById('total').textContent = t('results.total', { n: result.total });
  const results = document.getElementById('results');
  results.replaceChildren();
  if (result.entries.length === 0) {
    results.append(el('p', { id: 'no-results' }, t('results.none')));
  }
  result.entries.forEach(entry => results.append(card(entry)));
  renderFacets(result.facets);
  const pages = Math.max(1, Math.ceil(result.total / result.size));
  document.getElementById('page-of').textContent = t('pager.page', { page: result.page, pages });
  document.getElementById('prev').disabled = result.page <= 1;
  document.getElementById('next').disabled = result.page >= pages;
  document.body.dataset.state = 'ready';
}

function card(entry) {
  const image = entry.media?.poster || entry.resource?.preview;
  const article = el('article', { class: 'card type-' + entry.type, 'data-entry': entry.id });
  const link = el('a', { href: lessonHref(entry.id), class: 'card-link' });
  if (image) {
    link.append(el('img', { class: 'poster', src: image, alt: entry.title, loading: 'lazy' }));
  } else {
    link.append(el('div', { class: 'poster placeholder' }, t('type.' + entry.type)));
  }
  article.append(link);
  const body = el('div', { class: 'card-body' });
  body.append(el('h3', {}, el('a', { href: lessonHref(entry.id), class: 'title' }, entry.title)));
  const tags = [entry.type === 'resource' ? t('resource.' + entry.resource.kind) : kindLabel(entry.kind), entry.subject]
    .filter(Boolean).join(' · ');
  body.append(el('p', { class: 'tags' }, tags));
  if (entry.date) {
    body.append(el('p', { class: 'when' }, entry.date + (entry.start ? ' ' + entry.start + '–' + entry.end : '')));
  }
  const host = entry.rooms.find(r => r.role === 'host');
  const receivers = entry.rooms.filter(r => r.role === 'receiver');
  const schools = entry.rooms.map(r => r.schoolName + (r.className ? ' ' + r.className : ''));
  body.append(el('p', { class: 'schools' }, [...new Set(schools)].join(' → ')));
  const teachers = host
    ? [t('results.lead') + ' ' + (host.teacherName || '—')].concat(receivers.filter(r => r.teacherName)
        .map(r => t('results.assistant') + ' ' + r.teacherName))
    : entry.rooms.filter(r => r.teacherName).map(r => r.teacherName);
  body.append(el('p', { class: 'teachers' }, teachers.join('，')));
  body.append(el('p', { class: 'views' }, t('results.views', { n: entry.views })));
  article.append(body);
  return article;
}

function renderFacets(facets) {
  const box = document.getElementById('facets');
  box.replaceChildren();
  FACETS.forEach(facet => {
    const values = facets[facet] || [];
    if (values.length === 0) return;
    const section = el('section', { class: 'facet', 'data-facet': facet });
    section.append(el('h3', {}, t('facet.' + facet)));
    const list = el('ul');
    values.slice(0, 12).forEach(v => {
      const chosen = facet === 'month' ? state.from.startsWith(v.value) : state.filters[facet] === v.value;
      const button = el('button', { type: 'button', class: chosen ? 'chosen' : '', 'data-value': v.value },
        facetLabel(facet, v.value, v.label) + ' (' + v.count + ')');
      button.onclick = () => choose(facet, v.value, chosen);
      list.append(el('li', {}, button));
    });
    section.append(list);
    box.append(section);
  });
}

function choose(facet, value, chosen) {
  if (facet === 'month') {
    const [y, m] = value.split('-').map(Number);
    state.from = chosen ? '' : value + '-01';
    state.to = chosen ? '' : new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    document.getElementById('from').value = state.from;
    document.getElementById('to').value = state.to;
  } else if (chosen) {
    delete state.filters[facet];
  } else {
    state.filters[facet] = value;
  }
  state.page = 1;
  search();
}

function wire() {
  document.getElementById('q').value = state.q;
  document.getElementById('sort').value = state.sort;
  document.getElementById('from').value = state.from;
  document.getElementById('to').value = state.to;
  document.getElementById('search-form').onsubmit = e => {
    e.preventDefault();
    state.q = document.getElementById('q').value.trim();
    state.page = 1;
    search();
  };
  document.getElementById('sort').onchange = e => { state.sort = e.target.value; state.page = 1; search(); };
  ['from', 'to'].forEach(id => {
    document.getElementById(id).onchange = e => { state[id] = e.target.value; state.page = 1; search(); };
  });
  document.getElementById('clear-filters').onclick = () => {
    state.filters = {}; state.from = ''; state.to = ''; state.page = 1;
    document.getElementById('from').value = ''; document.getElementById('to').value = '';
    search();
  };
  document.getElementById('prev').onclick = () => { state.page -= 1; search(); };
  document.getElementById('next').onclick = () => { state.page += 1; search(); };
}

token();
applyStatic('library.title');
readAddress();
wire();
search(false);
