// Every string the page shows, in Simplified Chinese (the default) and English, and the choice
// between them: ?lang=en (or ?lang=zh) for one visit, the toggle remembered in localStorage.

const STORAGE_KEY = 'tongke.scheduler.lang';

const DICT = {
  zh: {
    'title': '同步课堂“一张表”',
    'heading': '同步课堂“一张表”',
    'subtitle': '教共体同步课堂排课',
    'lang.switch': 'English',
    'lang.switch.label': 'Switch to English',
    'header.county': '县',
    'header.version': '版本',
    'header.version.value': '第 {n} 版',
    'header.score': '求解得分',
    'header.none': '—',
    'score.parts': '硬约束 {hard} · 未排 {medium} · 软约束 {soft}',
    'score.init': '未初始化 {init} · ',
    'solve.heading': '排课',
    'solve.seconds': '时限（秒）',
    'solve.start': '重新排课',
    'solve.stop': '停止',
    'solve.state.queued': '排队中',
    'solve.state.running': '求解中',
    'solve.state.done': '完成',
    'solve.state.failed': '失败',
    'solve.state.stopped': '已停止',
    'solve.progress': '最优得分 {score} · 已用 {seconds} 秒',
    'solve.published': '已发布第 {n} 版。',
    'solve.unpublished': '未发布：结果仍有硬约束冲突。',
    'scope.label': '查看范围',
    'scope.county': '全县',
    'scope.communities': '教共体',
    'scope.schools': '学校',
    'scope.community': '{name}（{type}）',
    'type.merged': '融合型',
    'type.co-built': '共建型',
    'type.collaborative': '协作型',
    'grid.heading': '周课表',
    'grid.caption': '{scope}的每周同步课表：{count} 节课',
    'grid.time': '时间',
    'grid.empty': '此范围内没有排入的课。',
    'grid.drop': '拖到格子里可调课；也可点开课程选择时间。',
    'legend.heading': '图例',
    'day.monday': '星期一', 'day.tuesday': '星期二', 'day.wednesday': '星期三', 'day.thursday': '星期四',
    'day.friday': '星期五', 'day.saturday': '星期六', 'day.sunday': '星期日',
    'kind.synchronized': '同步课堂',
    'kind.dedicated-delivery': '专递课堂',
    'kind.master-teacher': '名师课堂',
    'compliance.heading': '结对达标情况',
    'compliance.caption': '每对结对学校全年计划与目标（计划/目标）',
    'compliance.pairing': '结对（支援校 → 受援校）',
    'compliance.community': '教共体',
    'compliance.lessons': '同步课',
    'compliance.subjects': '学科',
    'compliance.online': '网络教研',
    'compliance.offline': '线下教研',
    'compliance.status': '情况',
    'compliance.ok': '达标',
    'compliance.short': '未达标：',
    'compliance.empty': '此范围内没有结对。',
    'shortfall.text': '{what}计划 {planned}，目标 {target}',
    'shortfall.synchronized lessons': '同步课',
    'shortfall.subjects': '学科',
    'shortfall.online research sessions': '网络教研',
    'shortfall.offline research sessions': '线下教研',
    'unplaced.heading': '未排入的课',
    'unplaced.empty': '所有课都已排入。',
    'unplaced.lesson': '课',
    'unplaced.reason': '原因',
    'detail.heading': '课程详情',
    'detail.close': '关闭',
    'detail.when': '{day} {start}-{end}',
    'detail.id': '编号',
    'detail.rooms': '各校课堂',
    'detail.role': '角色',
    'detail.role.host': '主讲',
    'detail.role.receiver': '接收',
    'detail.school': '学校',
    'detail.class': '班级',
    'detail.teacher': '教师',
    'detail.classroom': '录播教室',
    'detail.period': '节次',
    'detail.period.value': '第{n}节 {start}-{end}',
    'detail.displaces': '本班让出',
    'displaces.same-subject': '本学科课时',
    'displaces.self-study': '自习',
    'displaces.free': '空堂',
    'displaces.swapped': '{subject}课（对调到{day}第{period}节）',
    'detail.score': '软约束明细',
    'detail.score.total': '合计扣分 {n}',
    'detail.score.goal': '目标',
    'detail.score.count': '次数',
    'detail.score.weight': '权重',
    'detail.score.penalty': '扣分',
    'goal.spread over days': '同一要求的其他课排在同一天',
    "goal.receiving class's own period": '接收班未用本学科课时（占自习或空堂）',
    'goal.rural first and last periods': '农村学校排在首节或末节',
    'detail.ical': '日历订阅（iCalendar）',
    'detail.ical.school': '{school}全校',
    'detail.ical.teacher': '{school}教师 {teacher}',
    'detail.ical.classroom': '{school} {classroom}',
    'move.heading': '调课',
    'move.day': '星期',
    'move.start': '开始时间',
    'move.custom': '其他时间…',
    'move.customLabel': '时间（HH:MM）',
    'move.day.none': '{day}（无合适时间）',
    'move.slots.loading': '正在查找各校节次都能容纳这节课的时间…',
    'move.slots.some': '所列时间都在每所学校的节次之内。',
    'move.slots.none': '{day}没有每所学校都在节次之内的时间；可选“其他时间…”自行输入。',
    'move.slots.error': '查不到合适的时间（{message}），请自行输入。',
    'move.checking': '正在检查冲突…',
    'move.same': '这是这节课现在的时间。',
    'move.ok': '没有冲突，可以保存。',
    'move.conflicts': '冲突（不能保存）：',
    'move.badTime': '请按 HH:MM 输入时间，例如 13:30。',
    'move.save': '保存调课',
    'move.saved': '已调课并发布第 {n} 版。',
    'status.noPlan': '还没有发布的排课表。请点击“重新排课”。',
    'status.error': '出错：{message}',
    'status.loading': '正在加载…',
  },
  en: {
    'title': 'The one timetable of synchronized lessons',
    'heading': 'The one timetable',
    'subtitle': 'Synchronized lessons of the education communities',
    'lang.switch': '中文',
    'lang.switch.label': '切换到中文',
    'header.county': 'County',
    'header.version': 'Version',
    'header.version.value': 'v{n}',
    'header.score': 'Solver score',
    'header.none': '—',
    'score.parts': 'hard {hard} · unplaced {medium} · soft {soft}',
    'score.init': 'uninitialized {init} · ',
    'solve.heading': 'Solve',
    'solve.seconds': 'Time limit (s)',
    'solve.start': 'Solve again',
    'solve.stop': 'Stop',
    'solve.state.queued': 'Queued',
    'solve.state.running': 'Solving',
    'solve.state.done': 'Done',
    'solve.state.failed': 'Failed',
    'solve.state.stopped': 'Stopped',
    'solve.progress': 'best score {score} · {seconds} s',
    'solve.published': 'Published as version {n}.',
    'solve.unpublished': 'Not published: the result still breaks hard rules.',
    'scope.label': 'Show',
    'scope.county': 'Whole county',
    'scope.communities': 'Communities',
    'scope.schools': 'Schools',
    'scope.community': '{name} ({type})',
    'type.merged': 'merged',
    'type.co-built': 'co-built',
    'type.collaborative': 'collaborative',
    'grid.heading': 'Week timetable',
    'grid.caption': 'Weekly synchronized lessons of {scope}: {count}',
    'grid.time': 'Time',
    'grid.empty': 'No lessons are placed here.',
    'grid.drop': 'Drag a lesson to a cell to move it, or open it and pick a time.',
    'legend.heading': 'Legend',
    'day.monday': 'Monday', 'day.tuesday': 'Tuesday', 'day.wednesday': 'Wednesday', 'day.thursday': 'Thursday',
    'day.friday': 'Friday', 'day.saturday': 'Saturday', 'day.sunday': 'Sunday',
    'kind.synchronized': 'Synchronized',
    'kind.dedicated-delivery': 'Dedicated delivery',
    'kind.master-teacher': 'Master teacher',
    'compliance.heading': 'Pairings against their yearly targets',
    'compliance.caption': 'Each pairing over the school year (planned / target)',
    'compliance.pairing': 'Pairing (supporting → receiving)',
    'compliance.community': 'Community',
    'compliance.lessons': 'Lessons',
    'compliance.subjects': 'Subjects',
    'compliance.online': 'Online research',
    'compliance.offline': 'Offline research',
    'compliance.status': 'Status',
    'compliance.ok': 'Meets every target',
    'compliance.short': 'Short: ',
    'compliance.empty': 'No pairings here.',
    'shortfall.text': '{what}: {planned} of {target}',
    'shortfall.synchronized lessons': 'synchronized lessons',
    'shortfall.subjects': 'subjects',
    'shortfall.online research sessions': 'online research sessions',
    'shortfall.offline research sessions': 'offline research sessions',
    'unplaced.heading': 'Unplaced lessons',
    'unplaced.empty': 'Every lesson is placed.',
    'unplaced.lesson': 'Lesson',
    'unplaced.reason': 'Why',
    'detail.heading': 'Lesson',
    'detail.close': 'Close',
    'detail.when': '{day} {start}-{end}',
    'detail.id': 'Id',
    'detail.rooms': 'Rooms',
    'detail.role': 'Role',
    'detail.role.host': 'Host',
    'detail.role.receiver': 'Receiving',
    'detail.school': 'School',
    'detail.class': 'Class',
    'detail.teacher': 'Teacher',
    'detail.classroom': 'Recording classroom',
    'detail.period': 'Period',
    'detail.period.value': 'period {n} {start}-{end}',
    'detail.displaces': 'The class gives up',
    'displaces.same-subject': 'its own period of the subject',
    'displaces.self-study': 'self-study',
    'displaces.free': 'a free period',
    'displaces.swapped': 'its {subject} lesson, swapped to {day} period {period}',
    'detail.score': 'Soft goals',
    'detail.score.total': 'penalty {n} in all',
    'detail.score.goal': 'Goal',
    'detail.score.count': 'Count',
    'detail.score.weight': 'Weight',
    'detail.score.penalty': 'Penalty',
    'goal.spread over days': 'other lessons of the requirement the same day',
    "goal.receiving class's own period": 'receiving classes not in their own period of the subject',
    'goal.rural first and last periods': 'rural rooms in their first or last period',
    'detail.ical': 'Calendar feeds (iCalendar)',
    'detail.ical.school': '{school}, whole school',
    'detail.ical.teacher': '{school}, teacher {teacher}',
    'detail.ical.classroom': '{school}, recording classroom {classroom}',
    'move.heading': 'Move',
    'move.day': 'Weekday',
    'move.start': 'Start',
    'move.custom': 'Other time…',
    'move.customLabel': 'Time (HH:MM)',
    'move.day.none': '{day} (no time fits)',
    'move.slots.loading': 'Finding the times that fit a period at every school…',
    'move.slots.some': 'The times listed lie inside a period at every school.',
    'move.slots.none': 'No time on {day} lies inside a period at every school; choose “Other time…” to enter one.',
    'move.slots.error': 'Could not find the times that fit ({message}); enter one.',
    'move.checking': 'Checking for conflicts…',
    'move.same': 'This is the lesson\u2019s current time.',
    'move.ok': 'No conflicts: the move can be saved.',
    'move.conflicts': 'Conflicts (cannot be saved):',
    'move.badTime': 'Enter the time as HH:MM, for example 13:30.',
    'move.save': 'Save the move',
    'move.saved': 'Moved and published as version {n}.',
    'status.noPlan': 'No plan is published yet. Press “Solve again”.',
    'status.error': 'Error: {message}',
    'status.loading': 'Loading…',
  },
};

const HTML_LANG = { zh: 'zh-CN', en: 'en' };

function initialLanguage() {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked) {
    return asked.toLowerCase().startsWith('en') ? 'en' : 'zh';
  }
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch (e) {
    return 'zh';
  }
}

let current = initialLanguage();

export function language() {
  return current;
}

/** Switches language, remembers it, and relabels the static parts of the page. */
export function setLanguage(lang) {
  current = lang === 'en' ? 'en' : 'zh';
  try {
    localStorage.setItem(STORAGE_KEY, current);
  } catch (e) {
    // private mode: the choice lasts this visit only
  }
  applyStatic();
}

/** The string for {@code key} with {name} placeholders filled; the key itself when it has none. */
export function t(key, values = {}) {
  const text = DICT[current][key] ?? DICT.zh[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in values ? String(values[name]) : m));
}

/** Whether the dictionary knows {@code key} (to fall back to the server's words when it does not). */
export function has(key) {
  return key in DICT[current];
}

/**
 * A community's name with its type, the type left out when the name says it already: in Chinese
 * 城西小学—祯埠镇小共建型教共体, in English 城西小学—祯埠镇小共建型教共体 (co-built).
 */
export function communityLabel(community) {
  const type = community.type ? t(`type.${community.type}`) : null;
  return !type || community.name.includes(type) ? community.name : t('scope.community', { name: community.name, type });
}

/** Relabels every element marked data-i18n (text) or data-i18n-label (aria-label). */
export function applyStatic() {
  document.documentElement.lang = HTML_LANG[current];
  document.title = t('title');
  document.querySelectorAll('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n);
  });
  document.querySelectorAll('[data-i18n-label]').forEach((el) => {
    el.setAttribute('aria-label', t(el.dataset.i18nLabel));
  });
}
