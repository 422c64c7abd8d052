// The lesson page: the recording through hls.js (adaptive: it picks the rendition the link
// carries, or the one chosen under "quality"), or the browser's own HLS where it has one
// (Safari); the thumbnail strip seeks; the first play counts a view (点播).

import { call, getJson, postJson, token } from '/web/api.js';
import { applyStatic, t, kindLabel } from '/web/i18n.js';
import { el, showError, lessonHref } from './view.js';

const id = new URL(location.href).searchParams.get('id');

async function load() {
  try {
    const entry = await getJson('/api/library/entries/' + encodeURIComponent(id));
    render(entry);
  } catch (e) {
    showError(e);
  }
}

function render(entry) {
  document.title = entry.title + ' · ' + t('library.title');
  document.getElementById('lesson-title').textContent = entry.title;
  document.getElementById('lesson-meta').textContent = [kindLabel(entry.kind), entry.subject,
    entry.date && entry.date + ' ' + (entry.start || '') + (entry.end ? '–' + entry.end : ''),
    entry.community && entry.community.name].filter(Boolean).join(' · ');
  const rooms = document.getElementById('rooms');
  entry.rooms.forEach(r => rooms.append(el('li', {}, [r.schoolName, r.className, r.teacherName].filter(Boolean).join(' '))));
  document.getElementById('notes').textContent = entry.notes || t('lesson.notes.none');
  const attachments = document.getElementById('attachments');
  if (entry.attachments.length === 0) attachments.append(el('li', { id: 'no-attachments' }, t('lesson.attachments.none')));
  entry.attachments.forEach(a => attachments.append(attachment(a)));
  if (entry.media) {
    play(entry);
    upload(entry);
  } else if (entry.resource) {
    document.getElementById('resource-section').hidden = false;
    const preview = document.getElementById('resource-preview');
    if (entry.resource.preview) preview.src = entry.resource.preview; else preview.hidden = true;
    const download = document.getElementById('resource-download');
    download.href = entry.resource.file;
    download.download = entry.resource.fileName;
  }
  document.body.dataset.state = 'ready';
}

function attachment(a) {
  return el('li', { 'data-entry': a.id }, el('a', { href: lessonHref(a.id) }, a.title),
    ' · ' + t('resource.' + a.resource.kind) + ' · ',
    el('a', { href: a.resource.file, download: a.resource.fileName }, t('lesson.download')));
}

// Attaching a resource to this lesson: the server checks the size and the type by content and
// says what is wrong in words, which the form shows as they come.
function upload(entry) {
  document.getElementById('upload-section').hidden = false;
  const form = document.getElementById('upload-form');
  const result = document.getElementById('upload-result');
  form.onsubmit = async e => {
    e.preventDefault();
    const data = new FormData(form);
    data.set('attachTo', entry.id);
    result.textContent = t('upload.sending');
    result.dataset.state = 'sending';
    try {
      const created = await call('/api/library/resources', { method: 'POST', body: data });
      document.getElementById('no-attachments')?.remove();
      document.getElementById('attachments').append(attachment(created));
      result.textContent = t('upload.done', { title: created.title });
      result.dataset.state = 'ok';
      form.reset();
    } catch (failure) {
      result.textContent = uploadError(failure);
      result.dataset.state = 'error';
    }
  };
}

function uploadError(failure) {
  if (failure.code === 'too-large') {
    const limit = /at most (.+)$/.exec(failure.message || '');
    return t('upload.error.too-large', { limit: limit ? limit[1] : '' });
  }
  if (failure.code === 'wrong-type') {
    return t('upload.error.wrong-type');
  }
  return t('upload.failed', { message: failure.message || failure.status });
}

function play(entry) {
  document.getElementById('player-section').hidden = false;
  const video = document.getElementById('player');
  if (entry.media.poster) video.poster = entry.media.poster;
  showViews(entry.views);
  if (window.Hls && Hls.isSupported()) {
    const hls = new Hls();
    hls.loadSource(entry.media.playlist);
    hls.attachMedia(video);
    hls.on(Hls.Events.MANIFEST_PARSED, (_, data) => qualities(hls, data.levels));
    hls.on(Hls.Events.ERROR, (_, data) => { if (data.fatal) showError(new Error(data.details)); });
    window.libraryPlayer = hls;
  } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
    video.src = entry.media.playlist;
  } else {
    showError(new Error(t('lesson.noplay')));
  }
  video.addEventListener('play', () => {
    postJson('/api/library/entries/' + entry.id + '/views').then(r => showViews(r.views)).catch(() => {});
  }, { once: true });
  thumbs(entry, video);
}

function qualities(hls, levels) {
  const select = document.getElementById('quality');
  levels.forEach((level, i) => select.append(el('option', { value: i }, level.height + 'p')));
  select.onchange = () => { hls.currentLevel = Number(select.value); };
}

function thumbs(entry, video) {
  const strip = document.getElementById('thumbs');
  const step = entry.thumbnails.length ? entry.media.durationSeconds / entry.thumbnails.length : 0;
  entry.thumbnails.forEach((src, i) => {
    const at = Math.round(i * step);
    const label = Math.floor(at / 60) + ':' + String(at % 60).padStart(2, '0');
    const button = el('button', { type: 'button', 'data-at': at, title: label }, el('img', { src, alt: label, loading: 'lazy' }));
    button.onclick = () => { video.currentTime = at; video.play(); };
    strip.append(el('li', {}, button));
  });
}

function showViews(n) {
  document.getElementById('views').textContent = t('results.views', { n });
}

token();
applyStatic('library.title');
document.getElementById('back').href = './' + (new URL(location.href).searchParams.get('lang') ? '?lang=' + new URL(location.href).searchParams.get('lang') : '');
load();
