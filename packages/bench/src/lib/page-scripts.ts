/**
 * Scripts evaluated inside Chromium, kept as strings: this package compiles without the DOM
 * library (its types clash with undici's), and these few lines need nothing else.
 */

/** Init script: records when the first workload row (`tr[data-key]`) is attached, in ms since navigation start. */
export const RECORD_FIRST_ROW = `
  window.__firstRowAt = null;
  new MutationObserver((_, mo) => {
    if (document.querySelector('tr[data-key]')) { window.__firstRowAt = performance.now(); mo.disconnect(); }
  }).observe(document, { childList: true, subtree: true });
`

/** Resolves with the ms since navigation start at which the first row appeared. */
export const FIRST_ROW_AT = `new Promise((resolve) => {
  const check = () => (window.__firstRowAt !== null ? resolve(window.__firstRowAt) : setTimeout(check, 5));
  check();
})`

/** responseEnd of the list call (the BFF answer), ms since navigation start. */
export const LIST_RESPONSE_END = `(() => {
  const e = performance.getEntriesByType('resource').find((r) => r.name.includes('/api/workloads/'));
  return e ? e.responseEnd : null;
})()`

/** The table's row count (aria-rowcount = items + header). */
export const ROW_COUNT = `Number(document.querySelector('table[aria-rowcount]')?.getAttribute('aria-rowcount') ?? 0) - 1`

/**
 * Arms a watcher, then resolves with ms from the next keydown to the first painted frame in
 * which the table shows a different row set (row count or first row changed).
 */
export const KEYSTROKE_TO_PAINT = `new Promise((resolve) => {
  const snap = () => (document.querySelector('table[aria-rowcount]')?.getAttribute('aria-rowcount') ?? '') + '|' + (document.querySelector('tr[data-key]')?.getAttribute('data-key') ?? '');
  const before = snap();
  let down = 0;
  document.addEventListener('keydown', () => { down = performance.now(); }, { once: true, capture: true });
  const mo = new MutationObserver(() => {
    if (!down || snap() === before) return;
    mo.disconnect();
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - down), 0));
  });
  mo.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
})`

/** Paths of the script files loaded so far (same origin), relative to the site root. */
export const LOADED_SCRIPTS = `performance.getEntriesByType('resource')
  .filter((r) => r.name.startsWith(location.origin) && new URL(r.name).pathname.endsWith('.js'))
  .map((r) => new URL(r.name).pathname.slice(1))`
