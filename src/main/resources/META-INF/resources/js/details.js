/* The dialog with one event's details and sources; Escape or Close returns focus to what opened it. */
import { $, h, clear, timeEl, safeHref } from './dom.js';
import { capitalize, formatDate, typeLabel, CONFIDENCE, EFFECTS } from './dates.js';
import { categoryLabel } from './state.js';
import { hideTooltip } from './chart.js';

const SOURCE_KINDS = { primary: 'primary source', secondary: 'secondary source', seed: 'seed document' };

let opener = null;

export function initDetails() {
  const dlg = $('details');
  $('details-close').addEventListener('click', () => dlg.close());
  dlg.addEventListener('close', () => {
    const back = opener;
    opener = null;
    // Chromium already returns focus when a modal dialog closes, before this event runs; a key pressed in
    // between may have moved it on, and must not be undone here
    const now = document.activeElement;
    if (back && document.contains(back) && (!now || now === document.body || dlg.contains(now))) back.focus();
  });
  dlg.addEventListener('click', (e) => {
    if (e.target === dlg) dlg.close(); // a click on the backdrop
  });
}

export function sourceList(sources) {
  return h('ol', { class: 'sources' }, sources.map((src) => {
    const href = safeHref(src.url);
    const title = src.title || src.url || 'Untitled source';
    const meta = [src.publisher, src.published ? formatDate(src.published) : null,
      SOURCE_KINDS[src.kind] || src.kind, src.language ? 'language: ' + src.language : null].filter(Boolean).join(' · ');
    return h('li', null,
      href ? h('a', { href: href, rel: 'noopener noreferrer' }, title) : h('span', { class: 'no-link' }, title),
      meta ? h('span', { class: 'source-meta' }, ' — ' + meta) : null,
      src.quote ? h('blockquote', { lang: src.language || null, dir: 'auto' }, src.quote) : null);
  }));
}

export function openDetails(e, from) {
  const dlg = $('details');
  opener = from || document.activeElement;
  hideTooltip();
  $('details-title').textContent = e.title || e.id;
  const body = $('details-body');
  clear(body);
  body.setAttribute('data-event-id', e.id);
  const legal = e.legalEffect === true;
  body.appendChild(h('p', { class: 'details-date' }, timeEl(e.date, capitalize(formatDate(e.date))),
    ' · ', typeLabel(e.type), ' · ', h('strong', null, legal ? 'Changed the law' : 'No legal effect')));
  if (e.summary) body.appendChild(h('p', { class: 'details-summary' }, e.summary));
  if (e.conditional) body.appendChild(h('p', { class: 'conditional' }, h('strong', null, 'Would have: '), e.conditional));

  const d = e.dates || {};
  const rows = [
    ['Effect', e.effect ? (EFFECTS[e.effect] || e.effect) : null],
    ['Effective from', e.effectiveFrom ? formatDate(e.effectiveFrom) : null],
    ['Effective until', e.effectiveUntil ? formatDate(e.effectiveUntil) + ' (exclusive)' : null],
    ['Aid categories', Array.isArray(e.categories) && e.categories.length ? e.categories.map(categoryLabel).join('; ') : null],
    ['Actor', e.actor],
    ['Instrument', instrumentNode(e.instrument)],
    ['Signed', dateOrMissing(d.signed)],
    ['Effective', dateOrMissing(d.effective)],
    ['Published', dateOrMissing(d.published)],
    ['Reported to Congress', dateOrMissing(d.reportedToCongress)],
    ['Confidence', CONFIDENCE[e.confidence] || e.confidence]
  ];
  const dl = h('dl', { class: 'facts' });
  rows.forEach((r) => {
    if (r[1] === null || r[1] === undefined || r[1] === '') return;
    dl.appendChild(h('dt', null, r[0]));
    dl.appendChild(h('dd', null, r[1]));
  });
  body.appendChild(dl);
  if (e.notes) body.appendChild(h('div', { class: 'notes' }, h('h3', null, 'Notes'), h('p', null, e.notes)));
  const sources = Array.isArray(e.sources) ? e.sources : [];
  body.appendChild(h('h3', null, 'Sources (' + sources.length + ')'));
  body.appendChild(sources.length ? sourceList(sources) : h('p', null, 'No source recorded.'));
  if (!dlg.open) dlg.showModal();
  $('details-close').focus();
}

function dateOrMissing(v) { return v ? timeEl(v) : h('span', { class: 'missing' }, 'not recorded'); }

function instrumentNode(ins) {
  if (!ins) return null;
  const text = [ins.kind, ins.number ? 'No. ' + ins.number : null].filter(Boolean).join(' ');
  const parts = [text, ins.citation ? (text ? ', ' : '') + ins.citation : null].filter(Boolean).join('');
  const href = safeHref(ins.url);
  return h('span', null, parts, href ? [' ', h('a', { href: href, rel: 'noopener noreferrer' }, 'official text')] : null);
}
