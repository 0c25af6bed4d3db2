/* The event table: every event with its sources, sorted by date, filtered by legal effect and by the search box. */
import { $, h, s, clear, timeEl, safeHref } from './dom.js';
import { capitalize, formatDate, dateKey, typeLabel } from './dates.js';
import { app } from './state.js';
import { openDetails } from './details.js';

export function renderTable() {
  const body = $('events-body');
  clear(body);
  const rows = app.events.slice().sort((a, b) => {
    const ka = dateKey(a.date), kb = dateKey(b.date);
    const c = ka[0] - kb[0] || ka[1] - kb[1] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    return app.sortAscending ? c : -c;
  });
  rows.forEach((e) => {
    const legal = e.legalEffect === true;
    const sources = Array.isArray(e.sources) ? e.sources : [];
    body.appendChild(h('tr', { 'data-event-id': e.id, 'data-legal': String(legal) },
      h('td', { class: 'col-date' }, timeEl(e.date, capitalize(formatDate(e.date)))),
      h('td', null,
        h('button', { type: 'button', class: 'linkish event-title', 'aria-haspopup': 'dialog',
          onclick: (ev) => openDetails(e, ev.currentTarget) }, e.title || e.id),
        h('div', { class: 'event-meta' },
          markerIcon(e), ' ',
          h('strong', null, legal ? 'Changed the law' : 'No legal effect'),
          ' · ', typeLabel(e.type),
          ' · ', capitalize(String(e.confidence || '').toLowerCase()),
          e.instrument && (e.instrument.kind || e.instrument.number)
            ? ' · ' + [e.instrument.kind, e.instrument.number].filter(Boolean).join(' ') : ''),
        h('div', { class: 'event-sources' },
          h('span', { class: 'source-count' }, sources.length === 1 ? '1 source' : sources.length + ' sources'),
          sources.length ? h('span', { class: 'source-links' }, 'Sources: ', sources.map((src, i) => {
            const href = safeHref(src.url);
            const label = src.publisher || src.title || 'source ' + (i + 1);
            const node = href ? h('a', { href: href, rel: 'noopener noreferrer', title: src.title || null }, label)
              : h('span', { title: src.title || null }, label);
            return i ? [', ', node] : node;
          })) : null))));
  });
  $('date-col').setAttribute('aria-sort', app.sortAscending ? 'ascending' : 'descending');
  $('sort-indicator').textContent = app.sortAscending ? '▲' : '▼';
  $('sort-hint').textContent = app.sortAscending ? ', sorted oldest first; activate to sort newest first'
    : ', sorted newest first; activate to sort oldest first';
  applyTableFilter();
}

export function markerIcon(e) {
  const legal = e.legalEffect === true;
  return s('svg', { class: 'marker-icon effect-' + (e.effect || 'NONE'), viewBox: '0 0 16 16', 'aria-hidden': 'true', focusable: 'false' },
    legal ? s('path', { class: 'shape', d: 'M8,1 L15,8 L8,15 L1,8 Z' }) : s('circle', { class: 'shape', cx: 8, cy: 8, r: 5 }));
}

/** Words of the search box, all of which must occur in an event's text (case- and accent-insensitive). */
function terms(query) {
  return fold(query).split(/\s+/).filter(Boolean);
}

function fold(text) {
  return String(text || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

function haystack(e) {
  const sources = (Array.isArray(e.sources) ? e.sources : []).map((x) => [x.title, x.publisher].join(' '));
  return fold([e.id, e.date, formatDate(e.date), e.title, e.summary, e.actor, typeLabel(e.type), e.notes,
    e.instrument ? [e.instrument.kind, e.instrument.number, e.instrument.citation].join(' ') : ''].concat(sources).join(' '));
}

/** The ids of the events the search box matches, or null when it is empty. */
export function searchMatches() {
  const words = terms(app.search);
  if (!words.length) return null;
  const out = new Set();
  app.events.forEach((e) => {
    const text = haystack(e);
    if (words.every((w) => text.indexOf(w) >= 0)) out.add(e.id);
  });
  return out;
}

export function applyTableFilter() {
  const matches = searchMatches();
  let shown = 0;
  const rows = $('events-body').children;
  for (let i = 0; i < rows.length; i++) {
    const hide = (app.legalOnly && rows[i].getAttribute('data-legal') !== 'true')
      || (matches !== null && !matches.has(rows[i].getAttribute('data-event-id')));
    rows[i].hidden = hide;
    if (!hide) shown++;
  }
  const filters = [app.legalOnly ? 'legal effect only' : null,
    matches !== null ? 'matching “' + app.search.trim() + '”' : null].filter(Boolean);
  $('events-count').textContent = 'Showing ' + shown + ' of ' + app.events.length + ' events' +
    (filters.length ? ' (' + filters.join(', ') + ')' : '') + '.';
  $('search-count').textContent = matches === null ? ''
    : matches.size === 0 ? 'No event matches.' : (matches.size === 1 ? '1 event matches' : matches.size + ' events match') +
      ': highlighted on the chart and listed in the table.';
  return matches;
}
