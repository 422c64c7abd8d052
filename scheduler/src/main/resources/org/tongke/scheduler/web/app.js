// The page: loads the published plan and the county's names, keeps the chosen scope (in the
// address's #fragment), and renders the header, the week grid, the compliance table and the
// unplaced lessons.

import * as api from './api.js';
import { applyStatic, communityLabel, language, setLanguage, t } from './i18n.js';
import { directory, h, scoreParts, view } from './model.js';
import { renderGrid, renderLegend } from './grid.js';
import { renderCompliance, renderUnplaced } from './compliance.js';
import { createDetail } from './detail.js';
import { createSolver } from './solve.js';

const $ = (id) => document.getElementById(id);
const state = {
  plan: null, version: null, county: null, dir: null, scope: decodeURIComponent(location.hash.slice(1)) || 'county',
};

function status(text, kind = 'info') {
  $('status').className = `status ${kind}`;
  $('status').textContent = text;
}

function scoreText(score) {
  const parts = scoreParts(score);
  if (!parts) {
    return score || t('header.none');
  }
  return (parts.init ? t('score.init', parts) : '') + t('score.parts', parts);
}

function renderHeader() {
  const county = $('county');
  county.textContent = state.county ? state.county.name : (state.plan ? state.plan.county : t('header.none'));
  county.title = state.county ? state.county.id : '';
  const version = $('plan-version');
  version.dataset.version = state.version ?? '';
  version.textContent = state.version ? t('header.version.value', { n: state.version }) : t('header.none');
  const score = $('plan-score');
  score.replaceChildren(state.plan ? scoreText(state.plan.score) : t('header.none'));
  score.title = state.plan ? state.plan.score : '';
}

function scopeLabel(scope) {
  const [kind, id] = scope.split(':');
  if (kind === 'community') {
    const c = state.dir.communities.get(id);
    return c ? communityLabel(c) : id;
  }
  return kind === 'school' ? state.dir.schools.get(id) || id : t('scope.county');
}

function renderScopes() {
  const select = $('scope');
  const [kind, id] = state.scope.split(':');
  const known = state.scope === 'county' || (kind === 'community' && state.dir.communities.has(id))
    || (kind === 'school' && state.dir.schools.has(id));
  if (!known) {
    state.scope = 'county';
  }
  const option = (value) => h('option', { value, selected: value === state.scope }, scopeLabel(value));
  select.replaceChildren(option('county'),
    h('optgroup', { label: t('scope.communities') }, [...state.dir.communities.keys()].map((c) => option(`community:${c}`))),
    h('optgroup', { label: t('scope.schools') }, [...state.dir.schools.keys()].map((s) => option(`school:${s}`))));
  select.value = state.scope;
}

function render() {
  applyStatic();
  renderHeader();
  renderLegend($('legend'));
  if (!state.plan) {
    ['grid', 'compliance', 'unplaced'].forEach((id) => $(id).replaceChildren());
    $('scope').replaceChildren();
    return;
  }
  renderScopes();
  const shown = view(state.plan, state.dir, state.scope);
  const school = state.scope.startsWith('school:') ? state.scope.slice('school:'.length) : null;
  renderGrid($('grid'), shown.weekly, {
    scopeLabel: scopeLabel(state.scope),
    school,
    onOpen: (weekly) => detail.open(weekly),
    onDrop: (weekly, day, start) => detail.open(weekly, { day, start }),
  });
  renderCompliance($('compliance'), shown.compliance, state.dir);
  renderUnplaced($('unplaced'), shown.unplaced, state.dir);
}

/** The plan, and the county's names once (they change only when the service restarts). */
async function load() {
  const [plan, county] = await Promise.allSettled([api.plan(), state.county || api.county()]);
  state.county = county.status === 'fulfilled' ? county.value : null;
  state.plan = plan.status === 'fulfilled' ? plan.value.plan : null;
  state.version = plan.status === 'fulfilled' ? plan.value.version : null;
  state.dir = state.plan ? directory(state.plan, state.county) : null;
  const failure = [plan, county].find((r) => r.status === 'rejected');
  if (!failure) {
    status('');
  } else if (failure.reason.code === 'no-plan') {
    status(t('status.noPlan'));
  } else {
    status(t('status.error', { message: failure.reason.message }), 'error');
  }
  render();
}

const detail = createDetail($('detail'), {
  plan: () => state.plan,
  dir: () => state.dir,
  onSaved: async (version) => {
    detail.close();
    await load();
    status(t('move.saved', { n: version }), 'ok');
  },
});

const solver = createSolver({
  form: $('solve-form'),
  seconds: $('solve-seconds'),
  start: $('solve-start'),
  stop: $('solve-stop'),
  progress: $('solve-progress'),
}, (job) => (job.published ? load() : undefined));

$('scope').addEventListener('change', (e) => {
  state.scope = e.target.value;
  history.replaceState(null, '', `#${encodeURIComponent(state.scope)}`);
  render();
});

$('lang-toggle').addEventListener('click', () => {
  setLanguage(language() === 'zh' ? 'en' : 'zh');
  $('lang-toggle').lang = language() === 'zh' ? 'en' : 'zh-CN';
  render();
  solver.refresh();
  detail.refresh();
});

$('lang-toggle').lang = language() === 'zh' ? 'en' : 'zh-CN';
applyStatic();
status(t('status.loading'));
load();
