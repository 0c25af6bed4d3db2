/*
 * Provision Timeline: the public page. Hand-written native ES modules, no framework, no build step, no request
 * outside this origin. This module wires the parts together: js/dates.js (partial dates), js/dom.js (safe DOM
 * building), js/api.js (the JSON API), js/state.js (what is shown and the address bar), js/answer.js,
 * js/chart.js, js/table.js and js/details.js.
 *
 * Loading order matters for layout stability: everything is fetched first, then the whole page is drawn in one go
 * (the sections stay display:none while loading), so nothing visible moves once it has been painted.
 */
import { $, h, clear, appendChild, timeEl } from './js/dom.js';
import { capitalize, formatDate, formatInstant, isCalendarDay, localToday } from './js/dates.js';
import { ApiError, apiPath, getAllEvents, getJson } from './js/api.js';
import { app, DEFAULT_CATEGORY, DEFAULT_PROVISION, pushUrl, readUrl, urlOf } from './js/state.js';
import { renderAnswer, renderAnswerProblem, verdictOf } from './js/answer.js';
import { buildChart, highlight, initChart, setAsked } from './js/chart.js';
import { applyTableFilter, renderTable } from './js/table.js';
import { initDetails } from './js/details.js';

function setStatus(status) {
  const main = $('main');
  main.setAttribute('data-status', status);
  main.setAttribute('aria-busy', status === 'loading' || status === 'updating' ? 'true' : 'false');
}

function showPageError(nodes) {
  const box = $('page-error');
  clear(box);
  appendChild(box, nodes);
  box.hidden = !nodes;
}

// ------------------------------------------------------------------------------------------------- init --

function init() {
  const url = readUrl();
  app.date = url.date || null;
  app.category = url.category || DEFAULT_CATEGORY;
  if (isCalendarDay(app.date)) $('date').value = app.date;

  $('provision').addEventListener('change', () => {
    app.id = $('provision').value;
    app.category = DEFAULT_CATEGORY;
    pushUrl();
    loadProvision();
  });
  $('category').addEventListener('change', () => {
    app.category = $('category').value;
    pushUrl();
    chooseCategory();
  });
  $('ask-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const value = $('date').value;
    if (!value) { $('date').focus(); return; }
    app.date = value;
    pushUrl();
    ask(value);
  });
  window.addEventListener('popstate', followUrl);
  $('legal-only').addEventListener('change', () => {
    app.legalOnly = $('legal-only').checked;
    applyTableFilter();
  });
  $('search').addEventListener('input', () => {
    app.search = $('search').value;
    highlight(applyTableFilter());
  });
  $('sort-date').addEventListener('click', () => {
    app.sortAscending = !app.sortAscending;
    renderTable();
  });
  $('summary-toggle').addEventListener('click', () => {
    const expanded = $('summary-toggle').getAttribute('aria-expanded') !== 'true';
    $('summary-toggle').setAttribute('aria-expanded', String(expanded));
    $('summary').classList.toggle('expanded', expanded);
    $('summary-toggle').textContent = expanded ? 'Show less' : 'Read the whole summary';
  });
  $('png-download').addEventListener('click', downloadPng);
  initDetails();
  initChart();

  setStatus('loading');
  getJson('/api/provisions?limit=1000').then((r) => {
    app.provisions = Array.isArray(r.body) ? r.body.slice() : [];
    app.provisions.sort((a, b) => {
      if (a.id === DEFAULT_PROVISION) return -1;
      if (b.id === DEFAULT_PROVISION) return 1;
      return String(a.title).localeCompare(String(b.title));
    });
    const first = app.provisions[0];
    app.today = first && first.current && first.current.date ? first.current.date : localToday();
    app.id = url.provision || (first ? first.id : DEFAULT_PROVISION);
    renderPicker();
    return loadProvision();
  }).catch((err) => {
    showPageError(['The record could not be loaded: ', err.message, ' ', h('a', { href: '/' }, 'Try again')]);
    setStatus('error');
  });
}

/** Back and Forward: the address bar is the question; show its answer (reloading only what changed). */
function followUrl() {
  const url = readUrl();
  const id = url.provision || (app.provisions[0] ? app.provisions[0].id : DEFAULT_PROVISION);
  const category = url.category || DEFAULT_CATEGORY;
  app.date = url.date || null;
  $('date').value = isCalendarDay(app.date) ? app.date : app.date ? '' : app.today;
  if (id !== app.id) {
    app.id = id;
    app.category = category;
    $('provision').value = id;
    loadProvision();
  } else if (category !== app.category) {
    app.category = category;
    chooseCategory();
  } else {
    ask(app.date || app.today);
  }
}

function renderPicker() {
  const select = $('provision');
  clear(select);
  app.provisions.forEach((p) => {
    const name = !p.shortTitle || String(p.title).indexOf(p.shortTitle) === 0 ? p.title : p.shortTitle + ' — ' + p.title;
    select.appendChild(h('option', { value: p.id }, name));
  });
  if (!app.provisions.some((p) => p.id === app.id)) {
    select.appendChild(h('option', { value: app.id }, app.id));
  }
  select.value = app.id;
  select.disabled = false;
}

/** A provision the link names but the record does not hold: say so, and offer the ones it does. */
function unknownProvision(id) {
  showPageError([h('p', { class: 'error-title' }, h('strong', null, 'This link names a provision the record does not hold.')),
    h('p', null, 'There is no provision called “' + id + '” here: the link may be mistyped or out of date.'),
    app.provisions.length ? h('p', null, 'Open ', app.provisions.map((p, i) => [i ? ', ' : '',
      h('a', { href: urlOf(p.id, null, app.date && isCalendarDay(app.date) ? app.date : null) }, p.shortTitle || p.title)]),
    ' instead.') : null]);
  setStatus('error');
}

function loadProvision() {
  const token = ++app.loadToken;
  const id = app.id;
  const first = $('main').getAttribute('data-status') === 'loading';
  setStatus(first ? 'loading' : 'updating');
  showPageError(null);
  if (app.provisions.length && !app.provisions.some((p) => p.id === id)) {
    unknownProvision(id);
    return Promise.resolve();
  }
  return Promise.all([getJson(apiPath(id, '', {})), getAllEvents(id)]).then((results) => {
    if (token !== app.loadToken) return null;
    const provision = results[0].body;
    const cats = Array.isArray(provision.categories) && provision.categories.length
      ? provision.categories : [{ id: DEFAULT_CATEGORY, label: 'Non-exempt assistance' }];
    const unknownCategory = !cats.some((c) => c.id === app.category) ? app.category : null;
    if (unknownCategory) app.category = cats[0].id;
    const date = app.date || app.today;
    return Promise.all(cats.map((c) => getJson(apiPath(id, '/timeline', { category: c.id })).then((r) => r.body))
      .concat([fetchAnswer(id, date)])).then((loaded) => {
      if (token !== app.loadToken) return;
      app.provision = provision;
      app.events = results[1];
      app.eventsById = {};
      app.events.forEach((e) => { app.eventsById[e.id] = e; });
      app.allLanes = cats.map((c, i) => ({ category: c, timeline: loaded[i] }));
      // everything is drawn in this one task, so the first frame after loading is the final layout
      setStatus('ready');
      renderIntro();
      renderCategories(cats);
      renderGaps();
      arrangeLanes();
      renderTable();
      highlight(applyTableFilter());
      if (!app.date) $('date').value = date;
      showAnswer(date, loaded[cats.length]);
      if (unknownCategory) {
        $('answer').prepend(h('p', { class: 'note', id: 'category-note' }, 'This provision has no aid category “' +
          unknownCategory + '”; the answer below is for ' + cats[0].label + '.'));
      }
    });
  }).catch((err) => {
    if (token !== app.loadToken) return;
    if (err instanceof ApiError && err.status === 404) { unknownProvision(id); return; }
    showPageError(['The record could not be loaded: ', err.message, ' ', h('a', { href: urlOf(id, null, null) }, 'Try again')]);
    setStatus('error');
  });
}

/** The chosen category's lane first and tall, the others below it. */
function arrangeLanes() {
  const chosen = app.allLanes.filter((l) => l.category.id === app.category);
  app.lanes = chosen.concat(app.allLanes.filter((l) => l.category.id !== app.category));
  app.timeline = app.lanes[0].timeline;
  renderDownloads();
  buildChart();
}

function chooseCategory() {
  $('category').value = app.category;
  arrangeLanes();
  highlight(applyTableFilter());
  ask(app.date || app.today);
}

// ---------------------------------------------------------------------------------------------- intro --

function renderIntro() {
  const p = app.provision;
  document.title = (p.shortTitle || p.title) + ' — Provision Timeline';
  $('title').textContent = p.title;
  $('citation').textContent = [p.citation, p.target ? 'Target: ' + p.target : null,
    p.jurisdiction ? 'Jurisdiction: ' + p.jurisdiction : null].filter(Boolean).join(' · ');
  $('summary').textContent = p.summary || '';
  $('restriction').hidden = !p.restriction;
  $('restriction-text').textContent = p.restriction || '';
  const ds = $('dataset');
  clear(ds);
  appendChild(ds, ['Dataset version ', h('code', null, String(p.datasetVersion || '?')),
    p.versionNo ? ' (record version ' + p.versionNo + ')' : '',
    p.recordedAt ? ', recorded ' : '', p.recordedAt ? h('time', { datetime: p.recordedAt }, formatInstant(p.recordedAt)) : '',
    '. Record checked through ', timeEl(p.checkedThrough), ': later events may be missing.']);
  $('chart').setAttribute('aria-label', 'Timeline of ' + (p.shortTitle || p.title) +
    ': one band row per aid category, then event markers in date order');
  $('events-caption').textContent = 'Events of ' + (p.shortTitle || p.title);
}

function renderCategories(cats) {
  const select = $('category');
  clear(select);
  cats.forEach((c) => select.appendChild(h('option', { value: c.id }, c.label || c.id)));
  select.value = app.category;
}

function svgHref() {
  return apiPath(app.id, '/timeline.svg', app.category !== DEFAULT_CATEGORY ? { category: app.category } : {});
}

function pictureName(ext) {
  return app.id + '_timeline_' + app.category + '_' + String(app.provision.datasetVersion || '') + '.' + ext;
}

function renderDownloads() {
  const params = app.category !== DEFAULT_CATEGORY ? { category: app.category } : {};
  $('csv-events').setAttribute('href', apiPath(app.id, '/events.csv', {}));
  $('csv-timeline').setAttribute('href', apiPath(app.id, '/timeline.csv', params));
  $('svg-download').setAttribute('href', svgHref());
  $('svg-download').setAttribute('download', pictureName('svg'));
}

/**
 * PNG: the server's SVG (same origin, so the canvas stays clean) drawn at twice its size onto a canvas. The CSP
 * allows images from 'self' only, which is exactly what is loaded here.
 */
function downloadPng() {
  const button = $('png-download');
  button.disabled = true;
  const img = new Image();
  img.onload = () => {
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth * scale;
    canvas.height = img.naturalHeight * scale;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    canvas.toBlob((blob) => {
      button.disabled = false;
      if (!blob) return;
      const href = URL.createObjectURL(blob);
      const a = h('a', { href: href, download: pictureName('png'), hidden: true });
      document.body.appendChild(a);
      a.click();
      a.remove();
      window.setTimeout(() => URL.revokeObjectURL(href), 10000);
    }, 'image/png');
  };
  img.onerror = () => {
    button.disabled = false;
    $('search-count').textContent = 'The picture could not be made; the SVG link above still works.';
  };
  img.src = svgHref();
}

function renderGaps() {
  const gaps = Array.isArray(app.provision.coverage) ? app.provision.coverage : [];
  const list = $('gaps-list');
  clear(list);
  gaps.forEach((g) => {
    list.appendChild(h('li', null, h('strong', null, capitalize(formatDate(g.from)) + ' until ' + formatDate(g.to)),
      ': ', g.note || ''));
  });
  $('gaps-summary').textContent = 'Known gaps in the record (' + gaps.length + ')';
  $('gaps').hidden = gaps.length === 0;
}

// ------------------------------------------------------------------------------------------------ ask --

/** The status answer, or the reason there is none; a date that is no calendar day never reaches the API. */
function fetchAnswer(id, date) {
  if (!isCalendarDay(date)) return Promise.resolve({ badDate: date });
  return getJson(apiPath(id, '/status', { date: date, category: app.category }))
    .then((r) => ({ answer: r.body }), (err) => ({ error: err, date: date }));
}

function showAnswer(date, result) {
  const back = urlOf(app.id, app.category, null);
  if (result.answer) {
    renderAnswer(result.answer);
    setAsked(result.answer.date || date);
    document.title = capitalize(formatDate(result.answer.date)) + ': ' + verdictOf(result.answer) + ' — ' +
      (app.provision.shortTitle || app.provision.title) + ' — Provision Timeline';
    return;
  }
  setAsked(null);
  if (result.badDate !== undefined) {
    renderAnswerProblem('“' + result.badDate + '” is not a date this page can answer for.',
      'Dates are written year-month-day with a real day of the month, for example 2024-06-01 for 1 June 2024. ' +
      'Pick a date in the field above, or go back to today.', back, 'Show today’s answer');
  } else {
    renderAnswerProblem('No answer for ' + formatDate(result.date) + ' could be loaded.',
      'The server said: ' + result.error.message, back, 'Show today’s answer');
  }
}

function ask(date) {
  const token = ++app.askToken;
  const region = $('answer');
  region.setAttribute('aria-busy', 'true');
  return fetchAnswer(app.id, date).then((result) => {
    if (token !== app.askToken) return;
    showAnswer(date, result);
    region.setAttribute('aria-busy', 'false');
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
else init();
