// Runs before the page is first painted (a classic script in <head>, allowed by `script-src 'self'`). The first
// frame in index.html (src/ui/first_frame.rs) is the default page in English; an address naming another state (a
// lesson step, a scenario, a language, a view), or a reader who chose Hinglish (src/i18n/mod.rs keeps the choice),
// gets it as a neutral skeleton instead, never as if it were what the app is about to draw. The frame's "starting"
// word is said in the language the app will open in.
var lang = (/[?#&]lang=(en|hi)\b/.exec(location.href) || [])[1];
try {
  lang = lang || localStorage.getItem('grouplab.lang');
} catch (e) {
  // Storage refused (a sandboxed frame): the address decides alone.
}
var root = document.documentElement;
if (location.search.length > 1 || location.hash.length > 1 || lang === 'hi') root.classList.add('first-frame-elsewhere');
if (lang === 'hi') root.classList.add('first-frame-hi');
