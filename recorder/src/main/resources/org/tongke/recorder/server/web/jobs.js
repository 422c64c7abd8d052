// The archive jobs for staff: every job newest first with its state, progress, attempts and the
// reason it failed, refreshed every 2 seconds; a failed job can be queued again.

import { ApiFailure, getJson, postJson, token } from '/web/api.js';
import { applyStatic, lang, t } from '/web/i18n.js';

const POLL_MILLIS = 2000;
const STATES = ['queued', 'running', 'done', 'failed'];

function beijingTime(instant) {
  return new Intl.DateTimeFormat(lang() === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
  }).format(new Date(instant));
}

// Rows are kept and updated in place, so a poll never swaps a button away under the pointer.
function jobRow(body, job) {
  let row = body.querySelector(`tr[data-id="${CSS.escape(job.id)}"]`);
  if (!row) {
    row = document.createElement('tr');
    row.dataset.id = job.id;
    for (const name of ['lesson', 'classroom', 'state', 'progress-cell', 'attempts', 'reason', 'updated', 'action']) {
      row.insertCell().className = name;
    }
    row.querySelector('.progress-cell').append(progressBar());
  }
  return row;
}

function progressBar() {
  const bar = document.createElement('div');
  bar.className = 'progress';
  bar.setAttribute('role', 'progressbar');
  bar.append(document.createElement('span'));
  const label = document.createElement('span');
  label.className = 'percent';
  const box = document.createDocumentFragment();
  box.append(bar, label);
  return box;
}

function fill(row, job) {
  row.className = 'job ' + job.state;
  row.dataset.state = job.state;
  row.querySelector('.lesson').textContent = job.lesson;
  row.querySelector('.classroom').textContent = job.classroom;
  row.querySelector('.state').textContent = t('state.' + job.state);
  row.querySelector('[role=progressbar]').setAttribute('aria-valuenow', String(job.progress));
  row.querySelector('.progress span').style.width = job.progress + '%';
  row.querySelector('.percent').textContent = ' ' + job.progress + '%';
  row.querySelector('.attempts').textContent = String(job.attempts);
  row.querySelector('.reason').textContent = job.reason ?? '';
  row.querySelector('.updated').textContent = beijingTime(job.updatedAt);
  const action = row.querySelector('.action');
  const retry = action.querySelector('button.retry');
  if (job.state === 'failed' && !retry) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'retry';
    button.textContent = t('jobs.retry');
    button.onclick = () => retryJob(job.id, button);
    action.append(button);
  } else if (job.state !== 'failed' && retry) {
    retry.remove();
  }
}

function render(jobs) {
  const body = document.querySelector('#jobs tbody');
  const rows = jobs.map(job => {
    const row = jobRow(body, job);
    fill(row, job);
    return row;
  });
  body.replaceChildren(...rows);
  const counts = Object.fromEntries(STATES.map(s => [s, jobs.filter(j => j.state === s).length]));
  document.getElementById('summary').textContent = jobs.length === 0 ? t('jobs.none')
    : t('jobs.total', Object.assign({ n: jobs.length }, counts));
}

function showError(failure) {
  const box = document.getElementById('error');
  box.hidden = false;
  if (failure instanceof ApiFailure && (failure.status === 401 || failure.status === 403)) {
    box.textContent = t('error.staff');
  } else {
    box.textContent = t('error.generic', { message: failure.message });
  }
}

async function retryJob(id, button) {
  button.disabled = true;
  try {
    await postJson('/api/admin/jobs/' + encodeURIComponent(id) + '/retry');
    await refresh();
  } catch (failure) {
    showError(failure);
    button.disabled = false;
  }
}

async function refresh() {
  try {
    const answer = await getJson('/api/admin/jobs');
    document.getElementById('error').hidden = true;
    render(answer.jobs);
  } catch (failure) {
    showError(failure);
  }
}

applyStatic('jobs.title');
token();
refresh();
setInterval(refresh, POLL_MILLIS);
