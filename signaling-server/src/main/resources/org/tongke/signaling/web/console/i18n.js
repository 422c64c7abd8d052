// Every string the console shows, in Simplified Chinese (the default) and English, and the choice
// between them: ?lang=en (or ?lang=zh) for one visit, the toggle remembered in localStorage.

const STORAGE_KEY = 'tongke.console.lang';

const DICT = {
  zh: {
    'title': '同步课堂控制台',
    'heading': '同步课堂控制台',
    'lang.switch': 'English',
    'lang.switch.label': 'Switch to English',
    'room.label': '课堂',
    'lesson.label': '课程状态',
    'lesson.waiting': '未开始',
    'lesson.live': '上课中',
    'lesson.ended': '已下课',
    'lesson.none': '—',
    'media.label': '媒体',
    'media.p2p': '点对点',
    'media.bridge': '经转发',
    'link.label': '连接',
    'link.connecting': '连接中…',
    'link.online': '已连接',
    'link.resumed': '已恢复连接',
    'link.retrying': '连接中断，{seconds} 秒后重连（第 {n} 次）',
    'link.failed': '无法连接：{reason}',
    'link.waiting-room': '课堂尚未开放，稍后自动重试',
    'link.rejoining': '离开课堂时间过长，正在重新加入',
    'link.elsewhere': '此身份已在另一个窗口进入课堂，本窗口已断开。',
    'me.label': '我的身份',
    'role.lead-teacher': '主讲教师',
    'role.assistant-teacher': '助教',
    'role.classroom-agent': '录播设备',
    'role.staff': '管理人员',
    'videos.heading': '各教室画面',
    'video.local': '本教室（{who}）',
    'video.lead': '主讲教室',
    'video.away': '暂时掉线',
    'video.floor': '发言中',
    'video.spotlight': '焦点',
    'video.muted': '已静音',
    'video.locked': '已锁定',
    'sound.click': '浏览器暂停了声音：点击页面任意处即可听到各教室。',
    'quality.good': '良好',
    'quality.fair': '一般',
    'quality.poor': '较差',
    'quality.unknown': '测量中',
    'quality.text': '{quality} · 往返 {rtt} 毫秒 · 丢包 {loss}% · {kbps} kbps',
    'hands.heading': '举手',
    'hands.empty': '没有举手。',
    'hands.grant': '请发言',
    'hands.lower': '放下',
    'floor.heading': '发言权',
    'floor.none': '没有教室在发言。',
    'floor.holder': '{classroom} 正在发言',
    'floor.mine': '本教室正在发言',
    'floor.revoke': '收回发言权',
    'control.heading': '课堂控制',
    'control.start': '开始上课',
    'control.end': '下课',
    'control.classroom': '教室',
    'control.floor': '发言',
    'control.mute': '静音',
    'control.unmute': '取消静音',
    'control.lock': '锁定',
    'control.unlock': '解锁',
    'control.spotlight': '焦点',
    'control.unspotlight': '取消焦点',
    'control.present': '在场',
    'rural.heading': '本教室',
    'rural.raise': '举手',
    'rural.lower': '放下手',
    'rural.raised': '已举手，等待主讲教师',
    'rural.muted': '本教室已静音，麦克风关闭。',
    'rural.locked': '主讲教师已锁定本教室的麦克风。',
    'attendance.heading': '考勤',
    'attendance.present': '实到',
    'attendance.total': '应到',
    'attendance.send': '上报',
    'attendance.value': '{present}/{total}',
    'attendance.none': '未上报',
    'chat.heading': '文字交流',
    'chat.send': '发送',
    'chat.placeholder': '输入消息…',
    'chat.empty': '还没有消息。',
    'chat.readonly': '观摩人员不能发言。',
    'error.no-token': '缺少令牌：请使用带 token 参数的链接打开控制台。',
    'error.no-room': '缺少课堂：请使用带 room 参数的链接打开控制台。',
    'error.camera': '无法打开摄像头或麦克风（{reason}），只接收画面。',
    'error.server': '服务器拒绝：{message}',
    'error.token': '令牌无效或已过期（{code}），请重新获取链接。',
  },
  en: {
    'title': 'Synchronized classroom console',
    'heading': 'Synchronized classroom console',
    'lang.switch': '中文',
    'lang.switch.label': '切换到中文',
    'room.label': 'Room',
    'lesson.label': 'Lesson',
    'lesson.waiting': 'Not started',
    'lesson.live': 'Live',
    'lesson.ended': 'Ended',
    'lesson.none': '—',
    'media.label': 'Media',
    'media.p2p': 'Peer to peer',
    'media.bridge': 'Through the bridge',
    'link.label': 'Link',
    'link.connecting': 'Connecting…',
    'link.online': 'Connected',
    'link.resumed': 'Reconnected',
    'link.retrying': 'Link lost; retrying in {seconds} s (attempt {n})',
    'link.failed': 'Cannot connect: {reason}',
    'link.waiting-room': 'The room is not open yet; trying again shortly',
    'link.rejoining': 'Away from the room too long; joining it again',
    'link.elsewhere': 'This session went on in another window; this one is disconnected.',
    'me.label': 'Signed in as',
    'role.lead-teacher': 'Lead teacher',
    'role.assistant-teacher': 'Assistant teacher',
    'role.classroom-agent': 'Recording device',
    'role.staff': 'Staff',
    'videos.heading': 'Classrooms',
    'video.local': 'This classroom ({who})',
    'video.lead': 'Lead teacher\u2019s room',
    'video.away': 'Link dropped',
    'video.floor': 'Has the floor',
    'video.spotlight': 'Spotlight',
    'video.muted': 'Muted',
    'video.locked': 'Locked',
    'sound.click': 'The browser held the sound back: click anywhere on the page to hear the rooms.',
    'quality.good': 'Good',
    'quality.fair': 'Fair',
    'quality.poor': 'Poor',
    'quality.unknown': 'Measuring',
    'quality.text': '{quality} · RTT {rtt} ms · loss {loss}% · {kbps} kbps',
    'hands.heading': 'Raised hands',
    'hands.empty': 'No hands raised.',
    'hands.grant': 'Give the floor',
    'hands.lower': 'Lower',
    'floor.heading': 'Floor',
    'floor.none': 'No classroom has the floor.',
    'floor.holder': '{classroom} has the floor',
    'floor.mine': 'This classroom has the floor',
    'floor.revoke': 'Take the floor back',
    'control.heading': 'Classroom control',
    'control.start': 'Start the lesson',
    'control.end': 'End the lesson',
    'control.classroom': 'Classroom',
    'control.floor': 'Floor',
    'control.mute': 'Mute',
    'control.unmute': 'Unmute',
    'control.lock': 'Lock',
    'control.unlock': 'Unlock',
    'control.spotlight': 'Spotlight',
    'control.unspotlight': 'Clear spotlight',
    'control.present': 'Present',
    'rural.heading': 'This classroom',
    'rural.raise': 'Raise hand',
    'rural.lower': 'Lower hand',
    'rural.raised': 'Hand raised; waiting for the lead teacher',
    'rural.muted': 'This classroom is muted; its microphone is off.',
    'rural.locked': 'The lead teacher has locked this classroom\u2019s microphone.',
    'attendance.heading': 'Attendance',
    'attendance.present': 'Present',
    'attendance.total': 'Expected',
    'attendance.send': 'Report',
    'attendance.value': '{present}/{total}',
    'attendance.none': 'Not reported',
    'chat.heading': 'Chat',
    'chat.send': 'Send',
    'chat.placeholder': 'Type a message…',
    'chat.empty': 'No messages yet.',
    'chat.readonly': 'Staff observe and do not chat.',
    'error.no-token': 'No token: open the console with a link that has a token parameter.',
    'error.no-room': 'No room: open the console with a link that has a room parameter.',
    'error.camera': 'Camera or microphone unavailable ({reason}); receiving only.',
    'error.server': 'The server refused: {message}',
    'error.token': 'The token is invalid or expired ({code}); ask for a new link.',
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

/** Relabels every element marked data-i18n (text), data-i18n-label (aria-label) or data-i18n-placeholder. */
export function applyStatic() {
  document.documentElement.lang = HTML_LANG[current];
  document.title = t('title');
  document.querySelectorAll('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n);
  });
  document.querySelectorAll('[data-i18n-label]').forEach((el) => {
    el.setAttribute('aria-label', t(el.dataset.i18nLabel));
  });
  document.querySelectorAll('[data-i18n-placeholder]').forEach((el) => {
    el.setAttribute('placeholder', t(el.dataset.i18nPlaceholder));
  });
}
