// The portal's words: Simplified Chinese first, English on request (?lang=en or the toggle, remembered).
const WORDS = {
  zh: {
    'title': '同课 · 城乡同步课堂',
    'nav.timetable': '一张表', 'nav.classrooms': '教室设备', 'nav.library': '资源库', 'nav.report': '送课统计',
    'nav.jobs': '归档任务', 'lang.other': 'English',
    'lessons.h': '今日同步课堂', 'lessons.time': '时间', 'lessons.title': '课程', 'lessons.schools': '主讲学校 → 接收学校',
    'lessons.state': '状态', 'lessons.join': '进入课堂', 'lessons.none': '今天没有同步课堂。',
    'state.upcoming': '未开始', 'state.live': '进行中', 'state.ended': '已结束',
    'join.teacher': '主讲教师', 'join.rural': '接收教室 {n}', 'join.observer': '观摩',
    'classrooms.h': '录播教室', 'classrooms.room': '教室', 'classrooms.state': '状态', 'classrooms.recording': '录制中',
    'classrooms.backlog': '待上传', 'classrooms.heartbeat': '最近心跳',
    'classroom.online': '在线', 'classroom.away': '断线', 'classroom.offline': '离线',
    'backlog.files': '{files} 个文件', 'library.h': '资源库', 'library.total': '已归档 {n} 节课',
    'report.h': '送课统计', 'report.pairing': '结对', 'report.planned': '计划', 'report.delivered': '已送',
    'status.updated': '更新于 {time}', 'status.down': '{what} 暂时无法访问',
  },
  en: {
    'title': 'Tongke · synchronized classrooms',
    'nav.timetable': 'Timetable', 'nav.classrooms': 'Classrooms', 'nav.library': 'Library', 'nav.report': 'Delivered lessons',
    'nav.jobs': 'Archive jobs', 'lang.other': '中文',
    'lessons.h': 'Synchronized lessons today', 'lessons.time': 'Time', 'lessons.title': 'Lesson',
    'lessons.schools': 'Lead school → receiving schools', 'lessons.state': 'State', 'lessons.join': 'Join',
    'lessons.none': 'No synchronized lessons today.',
    'state.upcoming': 'upcoming', 'state.live': 'in progress', 'state.ended': 'ended',
    'join.teacher': 'lead teacher', 'join.rural': 'rural room {n}', 'join.observer': 'observe',
    'classrooms.h': 'Recording classrooms', 'classrooms.room': 'Classroom', 'classrooms.state': 'State',
    'classrooms.recording': 'Recording', 'classrooms.backlog': 'Upload backlog', 'classrooms.heartbeat': 'Last heartbeat',
    'classroom.online': 'online', 'classroom.away': 'link lost', 'classroom.offline': 'offline',
    'backlog.files': '{files} files', 'library.h': 'Library', 'library.total': '{n} lessons archived',
    'report.h': 'Delivered lessons', 'report.pairing': 'Pairing', 'report.planned': 'Planned', 'report.delivered': 'Delivered',
    'status.updated': 'Updated {time}', 'status.down': '{what} cannot be reached right now',
  },
};

export const lang = (() => {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked === 'en' || asked === 'zh') {
    localStorage.setItem('tongke.portal.lang', asked);
    return asked;
  }
  return localStorage.getItem('tongke.portal.lang') === 'en' ? 'en' : 'zh';
})();

export function t(key, values = {}) {
  const text = WORDS[lang][key] ?? WORDS.zh[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => values[name] ?? '');
}

export function applyStatic() {
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  document.title = t('title');
}
