// Every string the library's pages show, in Simplified Chinese (the default) and English, and
// the choice between them: ?lang=en (or ?lang=zh) for one visit, the toggle remembered.

const STORAGE_KEY = 'tongke.library.lang';

const DICT = {
  zh: {
    'library.title': '同课资源库',
    'library.subtitle': '录播课与教学资源',
    'lang.switch': 'English',
    'nav.library': '资源库',
    'nav.report': '开课统计',
    'nav.admin': '归档任务',
    'search.label': '搜索课程、教师、学校或备注',
    'search.placeholder': '例如：数学、王芳、祯埠',
    'search.button': '搜索',
    'sort.label': '排序',
    'sort.date': '最新',
    'sort.views': '点播最多',
    'sort.title': '按标题',
    'filters.heading': '筛选',
    'filters.clear': '清除筛选',
    'facet.type': '类别',
    'facet.community': '教共体',
    'facet.school': '学校',
    'facet.subject': '学科',
    'facet.grade': '年级',
    'facet.teacher': '教师',
    'facet.kind': '课型',
    'facet.month': '月份',
    'dates.from': '起始日期',
    'dates.to': '截止日期',
    'type.lesson': '录播课',
    'type.resource': '教学资源',
    'kind.synchronized': '同步课堂',
    'kind.dedicated-delivery': '专递课堂',
    'kind.master-teacher': '名师课堂',
    'kind.research': '教研活动',
    'resource.courseware': '课件',
    'resource.lesson-design': '教学设计',
    'resource.study-guide': '导学单',
    'resource.exercise': '课堂练习',
    'grade.n': '{n}年级',
    'results.total': '共 {n} 条',
    'results.none': '没有找到相符的课程或资源。',
    'results.views': '点播 {n} 次',
    'results.lead': '主讲',
    'results.assistant': '助教',
    'pager.prev': '上一页',
    'pager.next': '下一页',
    'pager.page': '第 {page} / {pages} 页',
    'error.unauthorized': '请通过带令牌的链接打开资源库（教师或工作人员令牌）。',
    'error.forbidden': '此令牌不能打开资源库。',
    'error.generic': '出错了：{message}',
    'lesson.back': '返回资源库',
    'lesson.player': '录像',
    'lesson.quality': '清晰度',
    'lesson.quality.auto': '自动',
    'lesson.thumbs': '缩略图',
    'lesson.attachments': '教学资源',
    'lesson.attachments.none': '暂无附带资源。',
    'lesson.notes': '备注',
    'lesson.notes.none': '暂无备注。',
    'lesson.rooms': '教室',
    'lesson.download': '下载',
    'lesson.noplay': '此浏览器无法播放 HLS 视频。',
    'upload.heading': '上传教学资源',
    'upload.title': '标题',
    'upload.kind': '类别',
    'upload.submit': '上传',
    'upload.hint': '可上传 PDF、PPTX、DOCX、PNG 或 JPEG 文件。',
    'upload.error.too-large': '文件过大：资源库只接收不超过 {limit} 的文件。',
    'upload.error.wrong-type': '文件类型不被接受：资源库只接收 PDF、PPTX、DOCX、PNG 或 JPEG 文件。',
    'upload.sending': '正在上传……',
    'upload.done': '已上传：{title}',
    'upload.failed': '上传失败：{message}',
    'report.title': '开课统计',
    'report.caption': '各结对学校按学科的计划与实开同步课，对照年度目标',
    'report.from': '起始日期',
    'report.to': '截止日期',
    'report.show': '统计',
    'report.csv': '下载 CSV',
    'report.pairing': '结对（支援校 → 受援校）',
    'report.subject': '学科',
    'report.planned': '计划',
    'report.delivered': '实开',
    'report.target': '目标',
    'report.total': '合计',
    'report.subjects': '学科数',
    'report.online': '网络教研',
    'report.offline': '线下教研',
    'report.status': '情况',
    'report.ok': '达标',
    'report.below': '未达标',
    'report.range': '统计区间：{from} 至 {to}',
  },
  en: {
    'library.title': 'Tongke library',
    'library.subtitle': 'Recorded lessons and teaching resources',
    'lang.switch': '中文',
    'nav.library': 'Library',
    'nav.report': 'Delivered lessons',
    'nav.admin': 'Archive jobs',
    'search.label': 'Search lessons, teachers, schools or notes',
    'search.placeholder': 'e.g. 数学, 王芳, 祯埠',
    'search.button': 'Search',
    'sort.label': 'Sort',
    'sort.date': 'Newest',
    'sort.views': 'Most watched',
    'sort.title': 'By title',
    'filters.heading': 'Filters',
    'filters.clear': 'Clear filters',
    'facet.type': 'Type',
    'facet.community': 'Community',
    'facet.school': 'School',
    'facet.subject': 'Subject',
    'facet.grade': 'Grade',
    'facet.teacher': 'Teacher',
    'facet.kind': 'Kind',
    'facet.month': 'Month',
    'dates.from': 'From',
    'dates.to': 'To',
    'type.lesson': 'Recorded lesson',
    'type.resource': 'Teaching resource',
    'kind.synchronized': 'Synchronized',
    'kind.dedicated-delivery': 'Dedicated delivery',
    'kind.master-teacher': 'Master teacher',
    'kind.research': 'Teaching research',
    'resource.courseware': 'Courseware',
    'resource.lesson-design': 'Lesson design',
    'resource.study-guide': 'Study guide',
    'resource.exercise': 'Exercises',
    'grade.n': 'Grade {n}',
    'results.total': '{n} found',
    'results.none': 'Nothing in the library matches.',
    'results.views': '{n} views',
    'results.lead': 'Lead',
    'results.assistant': 'Assistant',
    'pager.prev': 'Previous',
    'pager.next': 'Next',
    'pager.page': 'Page {page} of {pages}',
    'error.unauthorized': 'Open the library through a link with a token (a teacher or staff token).',
    'error.forbidden': 'This token does not open the library.',
    'error.generic': 'Something went wrong: {message}',
    'lesson.back': 'Back to the library',
    'lesson.player': 'Recording',
    'lesson.quality': 'Quality',
    'lesson.quality.auto': 'Auto',
    'lesson.thumbs': 'Thumbnails',
    'lesson.attachments': 'Teaching resources',
    'lesson.attachments.none': 'No resources attached.',
    'lesson.notes': 'Notes',
    'lesson.notes.none': 'No notes.',
    'lesson.rooms': 'Rooms',
    'lesson.download': 'Download',
    'lesson.noplay': 'This browser cannot play HLS video.',
    'upload.heading': 'Upload a teaching resource',
    'upload.title': 'Title',
    'upload.kind': 'Kind',
    'upload.submit': 'Upload',
    'upload.hint': 'A PDF, PPTX, DOCX, PNG or JPEG file.',
    'upload.error.too-large': 'File too large: the library takes files of at most {limit}.',
    'upload.error.wrong-type': 'File type not accepted: the library takes PDF, PPTX, DOCX, PNG or JPEG files.',
    'upload.sending': 'Uploading…',
    'upload.done': 'Uploaded: {title}',
    'upload.failed': 'Upload failed: {message}',
    'report.title': 'Delivered lessons',
    'report.caption': 'Planned and delivered synchronized lessons per pairing and subject, against the yearly targets',
    'report.from': 'From',
    'report.to': 'To',
    'report.show': 'Show',
    'report.csv': 'Download CSV',
    'report.pairing': 'Pairing (supporting → receiving)',
    'report.subject': 'Subject',
    'report.planned': 'Planned',
    'report.delivered': 'Delivered',
    'report.target': 'Target',
    'report.total': 'Total',
    'report.subjects': 'Subjects',
    'report.online': 'Online research',
    'report.offline': 'Offline research',
    'report.status': 'Status',
    'report.ok': 'Meets targets',
    'report.below': 'Below target',
    'report.range': 'From {from} to {to}',
  },
};

export function lang() {
  const asked = new URL(location.href).searchParams.get('lang');
  if (asked === 'en' || asked === 'zh') {
    return asked;
  }
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
}

export function t(key, params = {}) {
  const text = DICT[lang()][key] ?? DICT.zh[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ''));
}

/** Fills every [data-i18n] element and the page's language; the toggle flips and reloads. */
export function applyStatic(titleKey) {
  document.documentElement.lang = lang() === 'en' ? 'en' : 'zh-CN';
  document.title = t(titleKey);
  document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  document.querySelectorAll('[data-i18n-placeholder]').forEach(el => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  const toggle = document.getElementById('lang-toggle');
  if (toggle) {
    toggle.onclick = () => {
      localStorage.setItem(STORAGE_KEY, lang() === 'en' ? 'zh' : 'en');
      const url = new URL(location.href);
      url.searchParams.delete('lang');
      location.href = url.toString();
    };
  }
}

export function kindLabel(kind) {
  return kind ? t('kind.' + kind) : '';
}

export function facetLabel(facet, value, label) {
  switch (facet) {
    case 'type': return t('type.' + value);
    case 'kind': return t('kind.' + value);
    case 'grade': return lang() === 'zh' && label ? label : t('grade.n', { n: value });
    default: return label;
  }
}
