// Solving again as a job: start it, show its state, best score so far and time every
// half-second, stop it early (the best plan found is kept), and report when it ends.

import * as api from './api.js';
import { t } from './i18n.js';
import { h } from './model.js';

const POLL_MS = 500;
const JOB_KEY = 'tongke.scheduler.job';
const FINISHED = new Set(['done', 'failed', 'stopped']);

/** {@code onFinished(view)} runs once a job ends, to reload a newly published plan. */
export function createSolver({ form, seconds, start, stop, progress }, onFinished) {
  let job = null;
  let limitMs = 0;
  let last = null;

  function render(view) {
    last = view;
    const state = view.state.toLowerCase();
    progress.hidden = false;
    progress.dataset.state = state;
    const bar = h('progress', { max: '100', value: String(Math.min(100, Math.round((100 * view.elapsedMs) / limitMs))) });
    const parts = [h('strong', { class: 'solve-state' }, t(`solve.state.${state}`)), ' · ',
      h('span', { class: 'solve-score' }, t('solve.progress', {
        score: view.bestScore || '—', seconds: (view.elapsedMs / 1000).toFixed(1),
      }))];
    if (FINISHED.has(state)) {
      parts.push(' · ', view.published ? t('solve.published', { n: view.planVersion })
        : view.error ? t('status.error', { message: view.error }) : t('solve.unpublished'));
    } else {
      parts.unshift(bar, ' ');
    }
    progress.replaceChildren(...parts);
  }

  function running(on) {
    start.disabled = on;
    seconds.disabled = on;
    stop.hidden = !on;
    stop.disabled = !on;
  }

  async function poll() {
    if (!job) {
      return;
    }
    try {
      const view = await api.job(job);
      render(view);
      if (FINISHED.has(view.state.toLowerCase())) {
        job = null;
        sessionStorage.removeItem(JOB_KEY);
        running(false);
        onFinished(view);
        return;
      }
    } catch (e) {
      if (e.status === 404) {
        job = null;
        sessionStorage.removeItem(JOB_KEY);
        running(false);
        progress.replaceChildren(t('status.error', { message: e.message }));
        return;
      }
    }
    setTimeout(poll, POLL_MS);
  }

  function follow(id, limit) {
    job = id;
    limitMs = limit;
    sessionStorage.setItem(JOB_KEY, JSON.stringify({ id, limitMs }));
    running(true);
    setTimeout(poll, POLL_MS);
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const limit = Math.max(1, Math.min(600, Number(seconds.value) || 10));
    running(true);
    try {
      const view = await api.startSolve(limit);
      limitMs = limit * 1000;
      render(view);
      follow(view.id, limitMs);
    } catch (e) {
      running(false);
      progress.hidden = false;
      progress.replaceChildren(t('status.error', { message: e.message }));
    }
  });

  stop.addEventListener('click', async () => {
    if (job) {
      stop.disabled = true;
      await api.stopJob(job).catch(() => {});
    }
  });

  running(false);
  const saved = sessionStorage.getItem(JOB_KEY);
  if (saved) {
    const { id, limitMs: limit } = JSON.parse(saved);
    follow(id, limit);
  }

  return {
    /** Re-renders the last view in the current language. */
    refresh() {
      if (last) {
        render(last);
      }
    },
  };
}
