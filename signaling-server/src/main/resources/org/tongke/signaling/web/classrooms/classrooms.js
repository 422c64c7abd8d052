// The staff page of recording classrooms: polls GET /api/classrooms every few seconds with the
// staff token (from #token=... in the address, or typed in; kept for this tab only) and shows
// each classroom's agent: online or not (offline since when), last heartbeat, health, schedule version, lesson room.
// Simplified Chinese by default; ?lang=en, or the toggle (remembered), for English.
'use strict';
(function () {
  const POLL_MS = 3000;
  const TOKEN_KEY = 'tongke.classrooms.token';
  const LANG_KEY = 'tongke.classrooms.lang';
  const TEXT = {
    zh: {
      'title': '录播教室', 'token.label': '工作人员令牌', 'token.submit': '查看',
      'col.classroom': '教室', 'col.state': '状态', 'col.heartbeat': '最近心跳', 'col.sources': '视频源',
      'col.disk': '磁盘', 'col.backlog': '待上传', 'col.clock': '时钟偏差',
      'col.schedule': '课表版本（已确认 / 当前）', 'col.room': '所在课堂',
      'state.online': '在线', 'state.away': '断线重连中', 'state.offline': '离线', 'state.offlineSince': '离线（{time} 起）',
      'source.idle': '空闲', 'source.starting': '启动中', 'source.recording': '录制中',
      'source.reopening': '重新打开', 'source.failed': '故障',
      'disk.free': '可用 {free} / 共 {total}', 'disk.full': '已满',
      'backlog': '{files} 个文件，{bytes}', 'backlog.oldest': '最早 {oldest}', 'none': '—',
      'ago': '{s} 秒前', 'updated': '更新于 {time}', 'lang': 'English',
      'error.401': '令牌无效或已过期，请重新输入。', 'error.403': '只有工作人员令牌可以查看录播教室。',
      'error.net': '无法连接服务器，稍后自动重试。', 'empty': '没有录播教室。',
    },
    en: {
      'title': 'Recording classrooms', 'token.label': 'Staff token', 'token.submit': 'Show',
      'col.classroom': 'Classroom', 'col.state': 'State', 'col.heartbeat': 'Last heartbeat', 'col.sources': 'Sources',
      'col.disk': 'Disk', 'col.backlog': 'Upload backlog', 'col.clock': 'Clock offset',
      'col.schedule': 'Schedule version (acknowledged / current)', 'col.room': 'Lesson room',
      'state.online': 'online', 'state.away': 'away (reconnecting)', 'state.offline': 'offline', 'state.offlineSince': 'offline since {time}',
      'source.idle': 'idle', 'source.starting': 'starting', 'source.recording': 'recording',
      'source.reopening': 'reopening', 'source.failed': 'failed',
      'disk.free': '{free} free of {total}', 'disk.full': 'full',
      'backlog': '{files} files, {bytes}', 'backlog.oldest': 'oldest {oldest}', 'none': '—',
      'ago': '{s} s ago', 'updated': 'updated {time}', 'lang': '中文',
      'error.401': 'The token is invalid or has expired; enter it again.', 'error.403': 'Only a staff token shows the classrooms.',
      'error.net': 'The server cannot be reached; retrying.', 'empty': 'No recording classrooms.',
    },
  };
  const $ = (id) => document.getElementById(id);
  let lang = initialLanguage();
  let last = null;
  let timer = null;

  function initialLanguage() {
    const asked = new URLSearchParams(location.search).get('lang');
    if (asked === 'en' || asked === 'zh') return asked;
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh';
  }

  function t(key, values) {
    let text = TEXT[lang][key] ?? key;
    for (const [k, v] of Object.entries(values || {})) text = text.replace('{' + k + '}', v);
    return text;
  }

  function applyStatic() {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t('title');
    document.querySelectorAll('[data-t]').forEach((el) => { el.textContent = t(el.dataset.t); });
    $('lang-toggle').textContent = t('lang');
  }

  function token() {
    const hash = new URLSearchParams(location.hash.slice(1)).get('token');
    if (hash) {
      sessionStorage.setItem(TOKEN_KEY, hash);
      history.replaceState(null, '', location.pathname + location.search);
    }
    return sessionStorage.getItem(TOKEN_KEY);
  }

  function bytes(n) {
    if (n == null) return t('none');
    const units = ['B', 'KB', 'MB', 'GB', 'TB'];
    let i = 0;
    let v = n;
    while (v >= 1000 && i < units.length - 1) { v /= 1000; i++; }
    return (i === 0 ? v : v.toFixed(1)) + ' ' + units[i];
  }

  function cell(row, text, cls) {
    const td = document.createElement('td');
    td.textContent = text;
    if (cls) td.className = cls;
    row.appendChild(td);
    return td;
  }

  // A time of today as its clock time, an older one with its date.
  function when(iso, now) {
    const at = new Date(Date.parse(iso));
    const locale = lang === 'zh' ? 'zh-CN' : 'en';
    return at.toDateString() === new Date(now).toDateString() ? at.toLocaleTimeString(locale) : at.toLocaleString(locale);
  }

  function render() {
    if (!last) return;
    const body = document.querySelector('#classrooms tbody');
    body.replaceChildren();
    const now = Date.parse(last.serverTime);
    for (const c of last.classrooms) {
      const row = document.createElement('tr');
      row.dataset.classroom = c.classroom;
      const name = cell(row, c.name);
      const school = document.createElement('span');
      school.className = 'school';
      school.textContent = c.schoolName + ' · ' + c.classroom;
      name.appendChild(school);
      cell(row, c.state === 'offline' && c.offlineSince ? t('state.offlineSince', { time: when(c.offlineSince, now) })
        : t('state.' + c.state), 'state state-' + c.state);
      cell(row, c.lastHeartbeat ? t('ago', { s: Math.max(0, Math.round((now - Date.parse(c.lastHeartbeat)) / 1000)) })
        : t('none'), 'heartbeat');
      const h = c.health;
      const sources = h ? h.sources.map((s) => s.name + ': ' + t('source.' + s.state)
        + (s.fps != null ? ' ' + s.fps + ' fps' : '') + (s.error ? ' (' + s.error + ')' : '')).join('; ') : t('none');
      cell(row, sources || t('none'), 'sources' + (h && h.sources.some((s) => s.state === 'failed') ? ' bad' : ''));
      cell(row, h ? (h.disk.full ? t('disk.full') + ' · ' : '') + t('disk.free', { free: bytes(h.disk.freeBytes),
        total: bytes(h.disk.totalBytes) }) : t('none'), 'disk' + (h && h.disk.full ? ' bad' : ''));
      cell(row, h ? t('backlog', { files: h.backlog.files, bytes: bytes(h.backlog.bytes) })
        + (h.backlog.oldest ? ' · ' + t('backlog.oldest', { oldest: h.backlog.oldest }) : '') : t('none'), 'backlog');
      cell(row, h && h.clockOffsetMs != null ? h.clockOffsetMs + ' ms' : t('none'),
        'clock' + (h && Math.abs(h.clockOffsetMs || 0) > 2000 ? ' bad' : ''));
      const acked = c.acknowledgedVersion ?? t('none');
      const current = c.scheduleVersion ?? t('none');
      cell(row, acked + ' / ' + current, 'schedule'
        + (c.scheduleVersion != null && c.acknowledgedVersion !== c.scheduleVersion && c.state !== 'offline' ? ' bad' : ''));
      cell(row, c.room || t('none'), 'room');
      body.appendChild(row);
    }
    if (!last.classrooms.length) {
      const row = document.createElement('tr');
      const td = cell(row, t('empty'));
      td.colSpan = 9;
      body.appendChild(row);
    }
    $('updated').textContent = t('updated', { time: new Date(now).toLocaleTimeString(lang === 'zh' ? 'zh-CN' : 'en') });
  }

  function problem(key) {
    $('problem').textContent = key ? t(key) : '';
    $('problem').hidden = !key;
    $('problem').dataset.key = key || '';
  }

  async function poll() {
    clearTimeout(timer);
    const tok = token();
    if (!tok) {
      $('login').hidden = false;
      return;
    }
    try {
      const answer = await fetch('/api/classrooms', { headers: { Authorization: 'Bearer ' + tok }, cache: 'no-store' });
      if (answer.status === 401 || answer.status === 403) {
        sessionStorage.removeItem(TOKEN_KEY);
        $('login').hidden = false;
        $('classrooms').hidden = true;
        problem('error.' + answer.status);
        return;
      }
      last = await answer.json();
      problem(null);
      $('login').hidden = true;
      $('classrooms').hidden = false;
      render();
    } catch (e) {
      problem('error.net');
    }
    timer = setTimeout(poll, POLL_MS);
  }

  $('login').addEventListener('submit', (e) => {
    e.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, $('token').value.trim());
    $('token').value = '';
    poll();
  });
  $('lang-toggle').addEventListener('click', () => {
    lang = lang === 'zh' ? 'en' : 'zh';
    localStorage.setItem(LANG_KEY, lang);
    applyStatic();
    render();
    if ($('problem').dataset.key) problem($('problem').dataset.key);
  });
  applyStatic();
  poll();
}());
