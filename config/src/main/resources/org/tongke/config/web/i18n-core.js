// The language choice every page of the platform shares: Simplified Chinese by default, English
// for one visit with ?lang=en (or ?lang=zh), the toggle remembered in localStorage. Each page
// brings its own dictionary ({ zh: {...}, en: {...} }) and storage key.

const HTML_LANG = { zh: 'zh-CN', en: 'en' };

export function createI18n(dict, storageKey) {
  let current = initialLanguage(storageKey);

  /** The string for {@code key} with {name} placeholders filled; the Chinese one, or the key itself, when missing. */
  function t(key, values = {}) {
    const text = dict[current][key] ?? dict.zh[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (m, name) => (name in values ? String(values[name]) : m));
  }

  /** Relabels every element marked data-i18n (text), data-i18n-label (aria-label) or data-i18n-placeholder. */
  function applyStatic() {
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

  return {
    language: () => current,
    /** Switches language, remembers it, and relabels the static parts of the page. */
    setLanguage(lang) {
      current = lang === 'en' ? 'en' : 'zh';
      try {
        localStorage.setItem(storageKey, current);
      } catch (e) {
        // private mode: the choice lasts this visit only
      }
      applyStatic();
    },
    t,
    /** Whether the dictionary knows {@code key} (to fall back to the server's words when it does not). */
    has: (key) => key in dict[current],
    applyStatic,
  };
}

function initialLanguage(storageKey) {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked) {
    return asked.toLowerCase().startsWith('en') ? 'en' : 'zh';
  }
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh';
  } catch (e) {
    return 'zh';
  }
}
