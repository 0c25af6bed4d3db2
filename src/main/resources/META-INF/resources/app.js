/*
 * Provision Timeline: the public page. Hand-written, no framework, no request outside this origin.
 *
 * Rules kept throughout:
 *  - every piece of data reaches the DOM through textContent / setAttribute / text nodes, never through an HTML
 *    parser (no markup strings are assigned anywhere in this file);
 *  - link targets from the data are used only if they are http(s) URLs;
 *  - legal dates are strings ("2019", "2020-03", "2023-06-21/2023-10-01", optional "~") and are never given to
 *    Date: they are formatted by string manipulation and placed on the axis by integer day arithmetic,
 *    so no time zone can shift them.
 */
(function () {
  'use strict';

  var SVG_NS = 'http://www.w3.org/2000/svg';
  var MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
    'October', 'November', 'December'];
  var MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  var DEFAULT_PROVISION = 'us-fsa-907';
  var DEFAULT_CATEGORY = 'general';

  var STATES = {
    IN_FORCE: { label: 'In force', short: 'In force', meaning: 'aid restricted' },
    SUSPENDED: { label: 'Suspended', short: 'Suspended', meaning: 'waived, aid not restricted' },
    EXEMPT: { label: 'Exempt', short: 'Exempt', meaning: 'this category is not restricted' },
    UNCERTAIN: { label: 'Uncertain', short: 'Uncertain', meaning: 'the record cannot tell whether aid was restricted' },
    NOT_IN_FORCE: { label: 'Not in force', short: 'Not in force', meaning: 'aid not restricted' }
  };
  var CONFIDENCE = {
    CONFIRMED: 'Confirmed (a primary source was read)',
    SECONDARY: 'Secondary sources only (press, encyclopedias)',
    INFERRED: 'Inferred (derived, for example a lapse)',
    DISPUTED: 'Disputed (sources conflict)'
  };
  var EFFECTS = {
    IMPOSE: 'imposes the restriction',
    SUSPEND: 'suspends (waives) the restriction',
    REINSTATE: 'ends a suspension: the restriction applies again',
    TERMINATE: 'ends the restriction',
    EXEMPT: 'exempts aid categories',
    NONE: 'moves no state'
  };
  var SOURCE_KINDS = { primary: 'primary source', secondary: 'secondary source', seed: 'seed document' };

  // ------------------------------------------------------------------ partial dates (no Date objects) --

  var SINGLE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

  function isLeap(y) { return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0; }
  function daysInMonth(y, m) { return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]; }

  /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
  function dayNumber(y, m, d) {
    y -= m <= 2 ? 1 : 0;
    var era = Math.floor(y / 400);
    var yoe = y - era * 400;
    var doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
    var doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    return era * 146097 + doe - 719468;
  }

  /** The inverse of dayNumber. */
  function civil(z) {
    z += 719468;
    var era = Math.floor(z / 146097);
    var doe = z - era * 146097;
    var yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
    var doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    var mp = Math.floor((5 * doy + 2) / 153);
    var d = doy - Math.floor((153 * mp + 2) / 5) + 1;
    var m = mp + (mp < 10 ? 3 : -9);
    return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m: m, d: d };
  }

  function parseSingle(s) {
    var m = SINGLE.exec(s);
    if (!m) return null;
    var y = Number(m[1]);
    var mo = m[2] ? Number(m[2]) : null;
    var d = m[3] ? Number(m[3]) : null;
    if (mo !== null && (mo < 1 || mo > 12)) return null;
    if (d !== null && (d < 1 || d > daysInMonth(y, mo))) return null;
    return {
      y: y, m: mo, d: d,
      earliest: dayNumber(y, mo || 1, d || 1),
      latest: dayNumber(y, mo || 12, d || daysInMonth(y, mo || 12))
    };
  }

  /** A stored partial date: earliest and latest day numbers (inclusive), or null if the form is unknown. */
  function parsePartial(s) {
    if (typeof s !== 'string') return null;
    var t = s.trim();
    var approx = false;
    if (t.charAt(t.length - 1) === '~') { approx = true; t = t.slice(0, -1); }
    var parts = t.split('/');
    if (parts.length > 2) return null;
    var a = parseSingle(parts[0]);
    if (!a) return null;
    if (parts.length === 2) {
      var b = parseSingle(parts[1]);
      if (!b) return null;
      return { approx: approx, a: a, b: b, earliest: a.earliest, latest: b.latest };
    }
    return { approx: approx, a: a, b: null, earliest: a.earliest, latest: a.latest };
  }

  function formatSingle(p) {
    if (p.d) return p.d + ' ' + MONTHS[p.m - 1] + ' ' + p.y;
    if (p.m) return MONTHS[p.m - 1] + ' ' + p.y;
    return String(p.y);
  }

  /** "2020-03" → "March 2020", "2023-06-21/2023-10-01" → "between 21 June 2023 and 1 October 2023", "~" → "about". */
  function formatDate(s) {
    if (s === null || s === undefined || s === '') return '';
    var p = parsePartial(String(s));
    if (!p) return String(s); // an unknown form is shown exactly as stored
    if (p.b) return (p.approx ? 'approximately between ' : 'between ') + formatSingle(p.a) + ' and ' + formatSingle(p.b);
    return (p.approx ? 'about ' : '') + formatSingle(p.a);
  }

  function capitalize(s) { return s ? s.charAt(0).toUpperCase() + s.slice(1) : s; }

  /** A sort key for a partial date: its earliest day, then its latest. */
  function dateKey(s) {
    var p = parsePartial(s);
    return p ? [p.earliest, p.latest] : [Infinity, Infinity];
  }

  /** "2026-11-23T19:53:31.439Z" → "23 November 2026, 19:53 UTC" (string manipulation only). */
  function formatInstant(s) {
    if (typeof s !== 'string') return '';
    var m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(s);
    if (!m) return s;
    var utc = /Z$|[+-]00:?00$/.test(s);
    return formatDate(m[1]) + ', ' + m[2] + ':' + m[3] + (utc ? ' UTC' : '');
  }

  function typeLabel(t) {
    if (!t) return '';
    return capitalize(String(t).toLowerCase().replace(/_/g, ' ')).replace(/\bcongress\b/, 'Congress');
  }

  function stateLabel(state) { return (STATES[state] && STATES[state].label) || typeLabel(state); }

  // ------------------------------------------------------------------------------------------ DOM --

  function $(id) { return document.getElementById(id); }

  /** Builds an HTML element; attribute values and children go through setAttribute and text nodes. */
  function h(tag, attrs) {
    var el = document.createElement(tag);
    setAttrs(el, attrs);
    for (var i = 2; i < arguments.length; i++) appendChild(el, arguments[i]);
    return el;
  }

  function s(tag, attrs) {
    var el = document.createElementNS(SVG_NS, tag);
    setAttrs(el, attrs);
    for (var i = 2; i < arguments.length; i++) appendChild(el, arguments[i]);
    return el;
  }

  function setAttrs(el, attrs) {
    if (!attrs) return;
    Object.keys(attrs).forEach(function (k) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) return;
      if (k === 'text') el.textContent = String(v);
      else if (k.slice(0, 2) === 'on' && typeof v === 'function') el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? '' : String(v));
    });
  }

  function appendChild(el, c) {
    if (c === null || c === undefined || c === false) return;
    if (Array.isArray(c)) { c.forEach(function (x) { appendChild(el, x); }); return; }
    if (typeof c === 'string' || typeof c === 'number') el.appendChild(document.createTextNode(String(c)));
    else el.appendChild(c);
  }

  function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); }

  /** Only http(s) links from the data become hrefs. */
  function safeHref(u) {
    if (typeof u !== 'string' || !u) return null;
    try {
      var url = new URL(u, window.location.href);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function timeEl(stored, text) {
    var valid = typeof stored === 'string' && SINGLE.test(stored);
    return h('time', { datetime: valid ? stored : null, title: stored ? 'Recorded as ' + stored : null },
      text !== undefined ? text : formatDate(stored));
  }

  // ------------------------------------------------------------------------------------------ API --

  function ApiError(detail, status) { this.message = detail; this.status = status; }

  function getJson(path) {
    return fetch(path, { headers: { Accept: 'application/json' } }).then(function (res) {
      if (!res.ok) {
        var fallback = 'The server answered ' + res.status + (res.statusText ? ' ' + res.statusText : '') + '.';
        return res.text().then(function (text) {
          var detail = fallback;
          try {
            var p = JSON.parse(text);
            if (p && typeof p.detail === 'string' && p.detail) detail = p.detail;
            else if (p && typeof p.title === 'string' && p.title) detail = p.title;
          } catch (e) { /* not JSON: keep the status line */ }
          throw new ApiError(detail, res.status);
        });
      }
      return res.json().then(function (body) { return { body: body, res: res }; });
    }, function (err) {
      throw new ApiError('The server could not be reached (' + (err && err.message ? err.message : 'network error') + ').', 0);
    });
  }

  function nextLink(header) {
    if (!header) return null;
    var m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(header);
    if (!m) return null;
    try {
      var u = new URL(m[1], window.location.href);
      return u.origin === window.location.origin ? u.pathname + u.search : null;
    } catch (e) {
      return null;
    }
  }

  function getAllEvents(id) {
    var all = [];
    function page(url, n) {
      return getJson(url).then(function (r) {
        if (!Array.isArray(r.body)) throw new ApiError('The events answer is not a list.', 0);
        all = all.concat(r.body);
        var next = nextLink(r.res.headers.get('Link'));
        return next && n < 100 ? page(next, n + 1) : all;
      });
    }
    return page('/api/provisions/' + encodeURIComponent(id) + '/events?limit=1000', 0);
  }

  function apiPath(id, suffix, params) {
    var q = new URLSearchParams();
    Object.keys(params || {}).forEach(function (k) { if (params[k]) q.set(k, params[k]); });
    var qs = q.toString();
    return '/api/provisions/' + encodeURIComponent(id) + suffix + (qs ? '?' + qs : '');
  }

  // ---------------------------------------------------------------------------------------- state --

  var app = {
    provisions: [],
    id: null,
    category: DEFAULT_CATEGORY,
    date: null,          // the asked date (YYYY-MM-DD) or null
    today: null,         // the server's today, from /api/provisions
    provision: null,
    events: [],
    eventsById: {},
    timeline: null,
    sortAscending: true,
    legalOnly: false,
    loadToken: 0,
    askToken: 0
  };

  function readUrl() {
    var q = new URLSearchParams(window.location.search);
    return { provision: q.get('provision'), date: q.get('date'), category: q.get('category') };
  }

  function writeUrl() {
    var q = new URLSearchParams();
    if (app.id) q.set('provision', app.id);
    if (app.category && app.category !== DEFAULT_CATEGORY) q.set('category', app.category);
    if (app.date) q.set('date', app.date);
    history.replaceState(null, '', window.location.pathname + '?' + q.toString());
  }

  function setStatus(status) {
    var main = $('main');
    main.setAttribute('data-status', status);
    main.setAttribute('aria-busy', status === 'loading' ? 'true' : 'false');
  }

  function showPageError(message) {
    var box = $('page-error');
    box.textContent = message;
    box.hidden = !message;
  }

  // ----------------------------------------------------------------------------------------- init --

  function init() {
    var url = readUrl();
    app.date = url.date || null;
    app.category = url.category || DEFAULT_CATEGORY;
    if (app.date) $('date').value = app.date;

    $('provision').addEventListener('change', function () {
      app.id = $('provision').value;
      app.category = DEFAULT_CATEGORY;
      writeUrl();
      loadProvision();
    });
    $('category').addEventListener('change', function () {
      app.category = $('category').value;
      writeUrl();
      loadProvision();
    });
    $('ask-form').addEventListener('submit', function (e) {
      e.preventDefault();
      var value = $('date').value;
      if (!value) { $('date').focus(); return; }
      app.date = value;
      writeUrl();
      ask(value);
    });
    $('legal-only').addEventListener('change', function () {
      app.legalOnly = $('legal-only').checked;
      applyTableFilter();
    });
    $('sort-date').addEventListener('click', function () {
      app.sortAscending = !app.sortAscending;
      renderTable();
    });
    $('summary-toggle').addEventListener('click', function () {
      var expanded = $('summary-toggle').getAttribute('aria-expanded') !== 'true';
      $('summary-toggle').setAttribute('aria-expanded', String(expanded));
      $('summary').classList.toggle('expanded', expanded);
      $('summary-toggle').textContent = expanded ? 'Show less' : 'Read the whole summary';
    });
    initDetails();
    chart.init();

    setStatus('loading');
    getJson('/api/provisions?limit=1000').then(function (r) {
      app.provisions = Array.isArray(r.body) ? r.body.slice() : [];
      app.provisions.sort(function (a, b) {
        if (a.id === DEFAULT_PROVISION) return -1;
        if (b.id === DEFAULT_PROVISION) return 1;
        return String(a.title).localeCompare(String(b.title));
      });
      var first = app.provisions[0];
      app.today = first && first.current && first.current.date ? first.current.date : localToday();
      app.id = url.provision || (first ? first.id : DEFAULT_PROVISION);
      renderPicker();
      return loadProvision();
    }).catch(function (err) {
      showPageError(err.message);
      setStatus('error');
    });
  }

  /** Only used if the server gave no "today": the visitor's calendar day, read field by field. */
  function localToday() {
    var d = new Date();
    function pad(n) { return (n < 10 ? '0' : '') + n; }
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
  }

  function renderPicker() {
    var select = $('provision');
    clear(select);
    app.provisions.forEach(function (p) {
      var name = !p.shortTitle || String(p.title).indexOf(p.shortTitle) === 0 ? p.title : p.shortTitle + ' — ' + p.title;
      select.appendChild(h('option', { value: p.id }, name));
    });
    if (!app.provisions.some(function (p) { return p.id === app.id; })) {
      select.appendChild(h('option', { value: app.id }, app.id));
    }
    select.value = app.id;
    select.disabled = false;
  }

  function loadProvision() {
    var token = ++app.loadToken;
    var id = app.id;
    setStatus('loading');
    showPageError('');
    return Promise.all([
      getJson(apiPath(id, '', {})),
      getAllEvents(id),
      getJson(apiPath(id, '/timeline', { category: app.category }))
    ]).then(function (results) {
      if (token !== app.loadToken) return null;
      app.provision = results[0].body;
      app.events = results[1];
      app.eventsById = {};
      app.events.forEach(function (e) { app.eventsById[e.id] = e; });
      app.timeline = results[2].body;
      renderIntro();
      renderCategories();
      renderDownloads();
      renderGaps();
      chart.build();
      renderTable();
      var date = app.date || app.today;
      if (!app.date) $('date').value = date;
      return ask(date);
    }).then(function () {
      if (token === app.loadToken) setStatus('ready');
    }).catch(function (err) {
      if (token !== app.loadToken) return;
      showPageError(err.message);
      setStatus('error');
    });
  }

  // ---------------------------------------------------------------------------------------- intro --

  function renderIntro() {
    var p = app.provision;
    document.title = (p.shortTitle || p.title) + ' — Provision Timeline';
    $('title').textContent = p.title;
    $('citation').textContent = [p.citation, p.target ? 'Target: ' + p.target : null,
      p.jurisdiction ? 'Jurisdiction: ' + p.jurisdiction : null].filter(Boolean).join(' · ');
    $('summary').textContent = p.summary || '';
    $('restriction').hidden = !p.restriction;
    $('restriction-text').textContent = p.restriction || '';
    var ds = $('dataset');
    clear(ds);
    appendChild(ds, ['Dataset version ', h('code', null, String(p.datasetVersion || '?')),
      p.versionNo ? ' (record version ' + p.versionNo + ')' : '',
      p.recordedAt ? ', recorded ' : '', p.recordedAt ? h('time', { datetime: p.recordedAt }, formatInstant(p.recordedAt)) : '',
      '. Record checked through ', timeEl(p.checkedThrough), ': later events may be missing.']);
    $('chart').setAttribute('aria-label', 'Timeline of ' + (p.shortTitle || p.title) +
      ': state bands followed by event markers in date order');
    $('events-caption').textContent = 'Events of ' + (p.shortTitle || p.title);
  }

  function renderCategories() {
    var select = $('category');
    clear(select);
    var cats = Array.isArray(app.provision.categories) && app.provision.categories.length
      ? app.provision.categories : [{ id: DEFAULT_CATEGORY, label: 'Non-exempt assistance' }];
    cats.forEach(function (c) { select.appendChild(h('option', { value: c.id }, c.label || c.id)); });
    if (!cats.some(function (c) { return c.id === app.category; })) {
      select.appendChild(h('option', { value: app.category }, app.category));
    }
    select.value = app.category;
  }

  function renderDownloads() {
    var params = app.category !== DEFAULT_CATEGORY ? { category: app.category } : {};
    $('csv-events').setAttribute('href', apiPath(app.id, '/events.csv', {}));
    $('csv-timeline').setAttribute('href', apiPath(app.id, '/timeline.csv', params));
  }

  function renderGaps() {
    var gaps = Array.isArray(app.provision.coverage) ? app.provision.coverage : [];
    var list = $('gaps-list');
    clear(list);
    gaps.forEach(function (g) {
      list.appendChild(h('li', null, h('strong', null, gapRange(g)), ': ', g.note || ''));
    });
    $('gaps-summary').textContent = 'Known gaps in the record (' + gaps.length + ')';
    $('gaps').hidden = gaps.length === 0;
  }

  function gapRange(g) {
    return capitalize(formatDate(g.from)) + ' until ' + formatDate(g.to);
  }

  // ------------------------------------------------------------------------------------------ ask --

  function ask(date) {
    var token = ++app.askToken;
    var region = $('answer');
    region.setAttribute('aria-busy', 'true');
    chart.setAsked(null);
    return getJson(apiPath(app.id, '/status', { date: date, category: app.category })).then(function (r) {
      if (token !== app.askToken) return;
      renderAnswer(r.body);
      chart.setAsked(r.body.date || date);
    }, function (err) {
      if (token !== app.askToken) return;
      clear(region);
      region.appendChild(h('div', { class: 'error', role: 'alert', id: 'answer-error' },
        h('strong', null, 'No answer for ' + date + ': '), err.message));
    }).then(function () {
      region.setAttribute('aria-busy', 'false');
    });
  }

  function renderAnswer(a) {
    var region = $('answer');
    clear(region);
    var verdict = a.restricted === true ? 'Restricted' : a.restricted === false ? 'Not restricted' : 'Uncertain';
    var verdictClass = a.restricted === true ? 'yes' : a.restricted === false ? 'no' : 'unknown';
    var cat = (app.provision.categories || []).filter(function (c) { return c.id === a.category; })[0];

    var facts = h('dl', { class: 'facts' },
      h('dt', null, 'State'), h('dd', { id: 'answer-state' }, stateLabel(a.state) +
        (STATES[a.state] ? ' — ' + STATES[a.state].meaning : '')),
      h('dt', null, 'Since'), h('dd', { id: 'answer-since' }, a.since ? formatDate(a.since) : 'the beginning of the record'),
      h('dt', null, 'Until'), h('dd', { id: 'answer-until' }, a.until ? formatDate(a.until) : 'no end recorded'),
      h('dt', null, 'Confidence'), h('dd', null, CONFIDENCE[a.confidence] || a.confidence || 'not stated'),
      h('dt', null, 'Record checked through'), h('dd', null, timeEl(a.checkedThrough)));

    var article = h('article', { class: 'answer answer-' + verdictClass, 'aria-labelledby': 'answer-heading' },
      h('h3', { id: 'answer-heading', class: 'answer-heading' },
        'On ', timeEl(a.date), cat ? ' (' + cat.label + ')' : ''),
      h('p', { class: 'verdict' },
        stateSwatch(a.state),
        h('strong', { id: 'verdict', class: 'verdict-' + verdictClass }, verdict)),
      facts,
      a.explanation ? h('p', { class: 'explanation', id: 'explanation' }, a.explanation) : null);

    if (Array.isArray(a.candidates) && a.candidates.length) {
      article.appendChild(h('p', { class: 'candidates' }, h('strong', null, 'Possible states: '),
        a.candidates.map(stateLabel).join(', ')));
    }
    if (Array.isArray(a.warnings) && a.warnings.length) {
      article.appendChild(h('ul', { class: 'warnings', 'aria-label': 'Warnings' }, a.warnings.map(function (w) {
        return h('li', null, h('span', { class: 'warn-label' }, 'Warning: '), typeof w === 'string' ? w : JSON.stringify(w));
      })));
    }
    if (Array.isArray(a.governingEvents) && a.governingEvents.length) {
      article.appendChild(h('h4', null, 'Governing events'));
      article.appendChild(h('ul', { class: 'governing' }, a.governingEvents.map(function (g) {
        var known = app.eventsById[g.id];
        var titleNode = known
          ? h('button', { type: 'button', class: 'linkish', 'aria-haspopup': 'dialog', onclick: function (ev) { openDetails(known, ev.currentTarget); } }, g.title || g.id)
          : h('span', null, g.title || g.id);
        return h('li', null, timeEl(g.date, capitalize(formatDate(g.date))), ': ', titleNode,
          g.role ? h('span', { class: 'role' }, ' — ' + g.role) : null,
          g.derived ? h('span', { class: 'role' }, ' (derived)') : null,
          g.confidence ? h('span', { class: 'conf' }, ' · ' + capitalize(String(g.confidence).toLowerCase())) : null);
      })));
    }
    if (Array.isArray(a.sources) && a.sources.length) {
      article.appendChild(h('details', { class: 'sources-box' },
        h('summary', null, 'Sources for this answer (' + a.sources.length + ')'),
        sourceList(a.sources)));
    }
    region.appendChild(article);
  }

  function stateSwatch(state) {
    return s('svg', { class: 'swatch', viewBox: '0 0 32 18', 'aria-hidden': 'true', focusable: 'false' },
      s('rect', { x: 0.5, y: 0.5, width: 31, height: 17, fill: STATES[state] ? 'url(#pat-' + state + ')' : '#fff', stroke: '#333' }));
  }

  function sourceList(sources) {
    return h('ol', { class: 'sources' }, sources.map(function (src) {
      var href = safeHref(src.url);
      var title = src.title || src.url || 'Untitled source';
      var meta = [src.publisher, src.published ? formatDate(src.published) : null,
        SOURCE_KINDS[src.kind] || src.kind, src.language ? 'language: ' + src.language : null].filter(Boolean).join(' · ');
      return h('li', null,
        href ? h('a', { href: href, rel: 'noopener noreferrer' }, title) : h('span', { class: 'no-link' }, title),
        meta ? h('span', { class: 'source-meta' }, ' — ' + meta) : null,
        src.quote ? h('blockquote', { lang: src.language || null, dir: 'auto' }, src.quote) : null);
    }));
  }

  // -------------------------------------------------------------------------------------- details --

  var detailsOpener = null;

  function initDetails() {
    var dlg = $('details');
    $('details-close').addEventListener('click', function () { dlg.close(); });
    dlg.addEventListener('close', function () {
      var back = detailsOpener;
      detailsOpener = null;
      if (back && document.contains(back)) back.focus();
    });
    dlg.addEventListener('click', function (e) {
      if (e.target === dlg) dlg.close(); // a click on the backdrop
    });
  }

  function openDetails(e, opener) {
    var dlg = $('details');
    detailsOpener = opener || document.activeElement;
    chart.hideTooltip();
    $('details-title').textContent = e.title || e.id;
    var body = $('details-body');
    clear(body);
    body.setAttribute('data-event-id', e.id);
    var legal = e.legalEffect === true;
    body.appendChild(h('p', { class: 'details-date' }, timeEl(e.date, capitalize(formatDate(e.date))),
      ' · ', typeLabel(e.type), ' · ', h('strong', null, legal ? 'Changed the law' : 'No legal effect')));
    if (e.summary) body.appendChild(h('p', { class: 'details-summary' }, e.summary));
    if (e.conditional) body.appendChild(h('p', { class: 'conditional' }, h('strong', null, 'Would have: '), e.conditional));

    var d = e.dates || {};
    var rows = [
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
    var dl = h('dl', { class: 'facts' });
    rows.forEach(function (r) {
      if (r[1] === null || r[1] === undefined || r[1] === '') return;
      dl.appendChild(h('dt', null, r[0]));
      dl.appendChild(h('dd', null, r[1]));
    });
    body.appendChild(dl);
    if (e.notes) body.appendChild(h('div', { class: 'notes' }, h('h3', null, 'Notes'), h('p', null, e.notes)));
    var sources = Array.isArray(e.sources) ? e.sources : [];
    body.appendChild(h('h3', null, 'Sources (' + sources.length + ')'));
    body.appendChild(sources.length ? sourceList(sources) : h('p', null, 'No source recorded.'));
    if (!dlg.open) dlg.showModal();
    $('details-close').focus();
  }

  function dateOrMissing(v) { return v ? timeEl(v) : h('span', { class: 'missing' }, 'not recorded'); }

  function categoryLabel(id) {
    var c = (app.provision.categories || []).filter(function (x) { return x.id === id; })[0];
    return c ? c.label : String(id);
  }

  function instrumentNode(ins) {
    if (!ins) return null;
    var text = [ins.kind, ins.number ? 'No. ' + ins.number : null].filter(Boolean).join(' ');
    var parts = [text, ins.citation ? (text ? ', ' : '') + ins.citation : null].filter(Boolean).join('');
    var href = safeHref(ins.url);
    return h('span', null, parts, href ? [' ', h('a', { href: href, rel: 'noopener noreferrer' }, 'official text')] : null);
  }

  // ---------------------------------------------------------------------------------------- table --

  function renderTable() {
    var body = $('events-body');
    clear(body);
    var rows = app.events.slice().sort(function (a, b) {
      var ka = dateKey(a.date), kb = dateKey(b.date);
      var c = ka[0] - kb[0] || ka[1] - kb[1] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
      return app.sortAscending ? c : -c;
    });
    rows.forEach(function (e) {
      var legal = e.legalEffect === true;
      var sources = Array.isArray(e.sources) ? e.sources : [];
      var tr = h('tr', { 'data-event-id': e.id, 'data-legal': String(legal) },
        h('td', { class: 'col-date' }, timeEl(e.date, capitalize(formatDate(e.date)))),
        h('td', null,
          h('button', { type: 'button', class: 'linkish event-title', 'aria-haspopup': 'dialog',
            onclick: function (ev) { openDetails(e, ev.currentTarget); } }, e.title || e.id),
          h('div', { class: 'event-meta' },
            markerIcon(e), ' ',
            h('strong', null, legal ? 'Changed the law' : 'No legal effect'),
            ' · ', typeLabel(e.type),
            ' · ', capitalize(String(e.confidence || '').toLowerCase()),
            e.instrument && (e.instrument.kind || e.instrument.number)
              ? ' · ' + [e.instrument.kind, e.instrument.number].filter(Boolean).join(' ') : ''),
          h('div', { class: 'event-sources' },
            h('span', { class: 'source-count' }, sources.length === 1 ? '1 source' : sources.length + ' sources'),
            sources.length ? h('span', { class: 'source-links' }, 'Sources: ', sources.map(function (src, i) {
              var href = safeHref(src.url);
              var label = src.publisher || src.title || 'source ' + (i + 1);
              var node = href ? h('a', { href: href, rel: 'noopener noreferrer', title: src.title || null }, label)
                : h('span', { title: src.title || null }, label);
              return i ? [', ', node] : node;
            })) : null)));
      body.appendChild(tr);
    });
    var th = $('date-col');
    th.setAttribute('aria-sort', app.sortAscending ? 'ascending' : 'descending');
    $('sort-indicator').textContent = app.sortAscending ? '▲' : '▼';
    $('sort-hint').textContent = app.sortAscending ? ', sorted oldest first; activate to sort newest first'
      : ', sorted newest first; activate to sort oldest first';
    applyTableFilter();
  }

  function markerIcon(e) {
    var legal = e.legalEffect === true;
    return s('svg', { class: 'marker-icon effect-' + (e.effect || 'NONE'), viewBox: '0 0 16 16', 'aria-hidden': 'true', focusable: 'false' },
      legal ? s('path', { class: 'shape', d: 'M8,1 L15,8 L8,15 L1,8 Z' }) : s('circle', { class: 'shape', cx: 8, cy: 8, r: 5 }));
  }

  function applyTableFilter() {
    var shown = 0;
    var rows = $('events-body').children;
    for (var i = 0; i < rows.length; i++) {
      var hide = app.legalOnly && rows[i].getAttribute('data-legal') !== 'true';
      rows[i].hidden = hide;
      if (!hide) shown++;
    }
    $('events-count').textContent = 'Showing ' + shown + ' of ' + app.events.length + ' events' +
      (app.legalOnly ? ' (legal effect only)' : '') + '.';
  }

  // ---------------------------------------------------------------------------------------- chart --

  var chart = (function () {
    var ML = 10, MR = 10;                        // plot margins (px)
    var Y = {
      band: 24, bandH: 46,                       // state bands
      gap: 74, gapH: 8,                          // gaps in the record
      tick: 84, monthLabel: 100, yearLabel: 116, // axis
      legalHead: 134, legal: [150, 168, 186],    // lanes for events that changed the law
      otherHead: 212, other: [228, 246, 264],    // lanes for events without legal effect
      bottom: 292, height: 300
    };
    var MIN_SPAN = 45;                           // days visible at the deepest zoom
    var ZOOM = 1.6;

    var svg, wrap, tooltip;
    var width = 800;
    var extent = { start: 0, end: 1 };
    var view = { start: 0, end: 1 };
    var bands = [], gaps = [], markers = [];
    var gAxis, gGrid, gBandLabels, askLine, askLabel, checkedLine, checkedLabel;
    var asked = null, checkedDay = null;
    var tipTarget = null;
    var pointers = {}, drag = null, pinch = null, suppressClick = false;

    function init() {
      svg = $('chart');
      wrap = $('chart-wrap');
      tooltip = $('tooltip');
      $('zoom-in').addEventListener('click', function () { zoom(1 / ZOOM); });
      $('zoom-out').addEventListener('click', function () { zoom(ZOOM); });
      $('pan-left').addEventListener('click', function () { pan(-0.25); });
      $('pan-right').addEventListener('click', function () { pan(0.25); });
      $('zoom-fit').addEventListener('click', fit);
      svg.addEventListener('keydown', onKey);
      svg.addEventListener('wheel', onWheel, { passive: false });
      svg.addEventListener('pointerdown', onPointerDown);
      svg.addEventListener('pointermove', onPointerMove);
      svg.addEventListener('pointerup', onPointerUp);
      svg.addEventListener('pointercancel', onPointerUp);
      document.addEventListener('keydown', function (e) {
        if (e.key === 'Escape' && tipTarget && !$('details').open) hideTooltip();
      });
      if (window.ResizeObserver) {
        new ResizeObserver(function () { if (measure()) layout(); }).observe(wrap);
      } else {
        window.addEventListener('resize', function () { if (measure()) layout(); });
      }
    }

    function measure() {
      var w = Math.max(200, Math.floor(wrap.clientWidth));
      if (w === width) return false;
      width = w;
      return true;
    }

    function plotW() { return width - ML - MR; }
    function x(day) { return ML + (day - view.start) / (view.end - view.start) * plotW(); }
    function dayAt(px) { return view.start + (px - ML) / plotW() * (view.end - view.start); }

    function eventSpan(e) {
      var p = parsePartial(e.date);
      return p ? { from: p.earliest, to: p.latest + 1 } : null;
    }

    /** Zoomed to fit: a little before the first event or change, a little after checkedThrough / today. */
    function computeExtent() {
      var lo = Infinity, hi = -Infinity;
      function take(d) { if (isFinite(d)) { lo = Math.min(lo, d); hi = Math.max(hi, d); } }
      app.events.forEach(function (e) { var sp = eventSpan(e); if (sp) { take(sp.from); take(sp.to); } });
      (app.timeline.intervals || []).forEach(function (iv) {
        var f = parsePartial(iv.from), t = parsePartial(iv.to);
        if (f) take(f.earliest);
        if (t) take(t.earliest);
      });
      var ct = parsePartial(app.timeline.checkedThrough || app.provision.checkedThrough);
      if (ct) take(ct.latest + 1);
      var today = parsePartial(app.today);
      if (today) take(today.latest + 1);
      if (!isFinite(lo)) { lo = dayNumber(2000, 1, 1); hi = dayNumber(2001, 1, 1); }
      var pad = Math.max(120, Math.round((hi - lo) * 0.025));
      return { start: lo - pad, end: hi + pad };
    }

    function build() {
      measure();
      clear(svg);
      hideTooltip();
      extent = computeExtent();
      view = { start: extent.start, end: extent.end };
      var ct = parsePartial(app.timeline.checkedThrough || app.provision.checkedThrough);
      checkedDay = ct ? ct.latest + 1 : null;

      var clipId = 'plot-clip';
      svg.appendChild(s('defs', null, s('clipPath', { id: clipId },
        s('rect', { class: 'clip-rect', x: ML, y: 0, width: plotW(), height: Y.height }))));
      gGrid = s('g', { class: 'grid', 'aria-hidden': 'true', 'clip-path': 'url(#' + clipId + ')' });
      var gBands = s('g', { class: 'bands', 'clip-path': 'url(#' + clipId + ')' });
      gBandLabels = s('g', { class: 'band-labels', 'aria-hidden': 'true', 'clip-path': 'url(#' + clipId + ')' });
      var gGaps = s('g', { class: 'gaps', 'clip-path': 'url(#' + clipId + ')' });
      gAxis = s('g', { class: 'axis', 'aria-hidden': 'true' });
      var gMarkers = s('g', { class: 'markers', 'clip-path': 'url(#' + clipId + ')' });
      var gOverlay = s('g', { class: 'overlay', 'aria-hidden': 'true' });
      var gHeads = s('g', { class: 'row-heads', 'aria-hidden': 'true' },
        s('text', { class: 'row-head', x: ML + 2, y: Y.legalHead }, '◆ Changed the law'),
        s('text', { class: 'row-head', x: ML + 2, y: Y.otherHead }, '○ No legal effect'));
      svg.appendChild(gGrid);
      svg.appendChild(gHeads);
      svg.appendChild(gBands);
      svg.appendChild(gBandLabels);
      svg.appendChild(gGaps);
      svg.appendChild(gAxis);
      svg.appendChild(gMarkers);
      svg.appendChild(gOverlay);

      var provisionName = app.provision.shortTitle || app.provision.title;
      bands = (app.timeline.intervals || []).map(function (iv, i) {
        var f = parsePartial(iv.from), t = parsePartial(iv.to);
        var d0 = f ? f.earliest : -Infinity, d1 = t ? t.earliest : Infinity;
        var info = STATES[iv.state] || { label: typeLabel(iv.state), meaning: '' };
        var range = intervalRange(iv);
        var cand = Array.isArray(iv.candidates) && iv.candidates.length
          ? 'possible states: ' + iv.candidates.map(stateLabel).join(' or ') : '';
        var label = provisionName + ' ' + info.label.toLowerCase() + ', ' + info.meaning + ': ' + range +
          (cand ? '; ' + cand : '') + '; confidence: ' + String(iv.confidence || 'not stated').toLowerCase() + '.';
        var el = s('rect', {
          class: 'band state-' + iv.state, tabindex: 0, role: 'img', 'aria-label': label,
          'data-state': iv.state, 'data-index': i, 'data-from': iv.from || '', 'data-to': iv.to || '',
          fill: STATES[iv.state] ? 'url(#pat-' + iv.state + ')' : '#fff',
          y: Y.band, height: Y.bandH
        });
        var text = s('text', { class: 'band-label', y: Y.band + Y.bandH / 2 + 5, 'text-anchor': 'middle' }, info.short || info.label);
        gBands.appendChild(el);
        gBandLabels.appendChild(text);
        var item = {
          el: el, text: text, d0: d0, d1: d1, state: iv.state, textLen: (info.short || info.label).length,
          tip: [info.label + ': ' + info.meaning, capitalize(range), cand ? capitalize(cand) : null,
            'Confidence: ' + String(iv.confidence || 'not stated').toLowerCase()]
        };
        attachTip(el, item);
        return item;
      });

      var coverage = Array.isArray(app.provision.coverage) ? app.provision.coverage : [];
      gaps = coverage.map(function (g) {
        var f = parsePartial(g.from), t = parsePartial(g.to);
        if (!f || !t) return null;
        var range = gapRange(g);
        var el = s('rect', {
          class: 'gap', tabindex: 0, role: 'img', fill: 'url(#pat-GAP)',
          'aria-label': 'Gap in the record, ' + range + ': ' + (g.note || ''), y: Y.gap, height: Y.gapH
        });
        gGaps.appendChild(el);
        var item = { el: el, d0: f.earliest, d1: t.earliest, tip: ['Gap in the record', range, g.note || null] };
        attachTip(el, item);
        return item;
      }).filter(Boolean);

      markers = app.events.map(function (e) {
        var sp = eventSpan(e);
        if (!sp) return null;
        var legal = e.legalEffect === true;
        var weak = e.confidence === 'INFERRED' || e.confidence === 'DISPUTED';
        var dateText = capitalize(formatDate(e.date));
        var label = dateText + ': ' + (e.title || e.id) + '. ' + (legal ? 'Changed the law' : 'No legal effect') +
          '; ' + typeLabel(e.type).toLowerCase() + '; confidence: ' + String(e.confidence || 'not stated').toLowerCase() + '.';
        var g = s('g', {
          class: 'marker ' + (legal ? 'legal' : 'other') + ' effect-' + (e.effect || 'NONE') + (weak ? ' weak' : ''),
          tabindex: 0, role: 'button', 'aria-haspopup': 'dialog', 'aria-label': label,
          'data-event-id': e.id, 'data-legal': String(legal)
        });
        var whisker = s('path', { class: 'whisker' });
        var pin = s('g', { class: 'pin' },
          s('circle', { class: 'ring', r: 11 }),
          legal ? s('path', { class: 'shape diamond', d: 'M0,-7.5 L7.5,0 L0,7.5 L-7.5,0 Z' })
            : s('circle', { class: 'shape dot', r: 5.5 }));
        g.appendChild(whisker);
        g.appendChild(pin);
        gMarkers.appendChild(g);
        var item = {
          el: g, whisker: whisker, pin: pin, event: e, legal: legal, d0: sp.from, d1: sp.to,
          tip: [dateText, e.title || e.id, (legal ? 'Changed the law' : 'No legal effect') + ' · ' + typeLabel(e.type),
            'Click or press Enter for details']
        };
        attachTip(g, item);
        g.addEventListener('click', function () {
          if (suppressClick) return;
          openDetails(e, g);
        });
        g.addEventListener('keydown', function (ev) {
          if (ev.key === 'Enter' || ev.key === ' ' || ev.key === 'Spacebar') {
            ev.preventDefault();
            openDetails(e, g);
          }
        });
        return item;
      }).filter(Boolean);

      askLine = s('line', { class: 'ask-line', y1: Y.band - 6, y2: Y.bottom - 14, visibility: 'hidden' });
      askLabel = s('text', { class: 'ask-label', y: 14, visibility: 'hidden' });
      checkedLine = s('line', { class: 'checked-line', y1: Y.band, y2: Y.bottom - 12, visibility: 'hidden' });
      checkedLabel = s('text', { class: 'checked-label', y: Y.bottom, visibility: 'hidden' },
        'checked through ' + formatDate(app.timeline.checkedThrough || app.provision.checkedThrough));
      gOverlay.appendChild(checkedLine);
      gOverlay.appendChild(checkedLabel);
      gOverlay.appendChild(askLine);
      gOverlay.appendChild(askLabel);
      layout();
    }

    function intervalRange(iv) {
      if (!iv.from && !iv.to) return 'throughout the record';
      if (!iv.from) return 'until ' + formatDate(iv.to);
      if (!iv.to) return 'from ' + formatDate(iv.from) + ', open-ended (no end recorded)';
      return 'from ' + formatDate(iv.from) + ' until ' + formatDate(iv.to);
    }

    function clampX(px) { return Math.max(-1e5, Math.min(1e5, px)); }

    function layout() {
      if (!svg || !gAxis) return; // not built yet
      svg.setAttribute('viewBox', '0 0 ' + width + ' ' + Y.height);
      svg.setAttribute('data-view-start', String(Math.round(view.start)));
      svg.setAttribute('data-view-end', String(Math.round(view.end)));
      var clipRect = svg.querySelector('.clip-rect');
      if (clipRect) clipRect.setAttribute('width', String(plotW()));
      var left = ML, right = width - MR;

      bands.forEach(function (b) {
        b.x0 = clampX(x(Math.max(b.d0, extent.start)));
        b.x1 = clampX(x(Math.min(b.d1, extent.end)));
        b.el.setAttribute('x', b.x0.toFixed(2));
        b.el.setAttribute('width', Math.max(0.5, b.x1 - b.x0).toFixed(2));
        b.text.setAttribute('visibility', 'hidden');
      });
      // one state label per run of adjacent bands in the same state, centred on the visible part of the run
      for (var i = 0; i < bands.length;) {
        var j = i;
        while (j + 1 < bands.length && bands[j + 1].state === bands[i].state) j++;
        var vx0 = Math.max(bands[i].x0, left), vx1 = Math.min(bands[j].x1, right);
        if (vx1 - vx0 > bands[i].textLen * 7.4 + 14) {
          bands[i].text.setAttribute('visibility', 'visible');
          bands[i].text.setAttribute('x', ((vx0 + vx1) / 2).toFixed(2));
        }
        i = j + 1;
      }
      gaps.forEach(function (g) {
        var x0 = clampX(x(g.d0)), x1 = clampX(x(g.d1));
        g.el.setAttribute('x', x0.toFixed(2));
        g.el.setAttribute('width', Math.max(2, x1 - x0).toFixed(2));
      });

      // markers: greedy lanes so that neighbours do not sit on top of each other
      var lanesEnd = { legal: [-Infinity, -Infinity, -Infinity], other: [-Infinity, -Infinity, -Infinity] };
      markers.forEach(function (m) {
        var cx = x((m.d0 + m.d1) / 2);
        var kind = m.legal ? 'legal' : 'other';
        var ends = lanesEnd[kind];
        var lane = -1;
        for (var i = 0; i < ends.length; i++) { if (ends[i] < cx - 15) { lane = i; break; } }
        if (lane < 0) { lane = 0; for (var j = 1; j < ends.length; j++) if (ends[j] < ends[lane]) lane = j; }
        ends[lane] = cx;
        var cy = (m.legal ? Y.legal : Y.other)[lane];
        m.pin.setAttribute('transform', 'translate(' + clampX(cx).toFixed(2) + ',' + cy + ')');
        var x0 = clampX(x(m.d0)), x1 = clampX(x(m.d1));
        if (x1 - x0 >= 6) {
          m.whisker.setAttribute('d', 'M' + x0.toFixed(2) + ',' + (cy - 4) + ' v8 M' + x0.toFixed(2) + ',' + cy +
            ' H' + x1.toFixed(2) + ' M' + x1.toFixed(2) + ',' + (cy - 4) + ' v8');
          m.whisker.setAttribute('visibility', 'visible');
        } else {
          m.whisker.setAttribute('d', 'M' + clampX(cx).toFixed(2) + ',' + cy); // keeps the marker's box on its pin
          m.whisker.setAttribute('visibility', 'hidden');
        }
      });

      drawAxis();
      placeLine(askLine, askLabel, asked, 'top');
      placeLine(checkedLine, checkedLabel, checkedDay, 'bottom');
      $('view-range').textContent = 'Showing ' + describeDay(view.start) + ' to ' + describeDay(view.end) + '.';
      if (tipTarget) positionTooltip();
    }

    function describeDay(d) {
      var c = civil(Math.round(d));
      return MONTHS[c.m - 1] + ' ' + c.y;
    }

    function placeLine(line, label, day, where) {
      if (day === null || day === undefined || day < view.start || day > view.end) {
        line.setAttribute('visibility', 'hidden');
        label.setAttribute('visibility', 'hidden');
        return;
      }
      var px = x(day);
      line.setAttribute('x1', px.toFixed(2));
      line.setAttribute('x2', px.toFixed(2));
      line.setAttribute('visibility', 'visible');
      var textW = (label.textContent || '').length * (where === 'top' ? 7.2 : 6.4);
      var anchor = 'middle';
      if (px - textW / 2 < ML) anchor = 'start';
      else if (px + textW / 2 > width - MR) anchor = 'end';
      label.setAttribute('text-anchor', anchor);
      label.setAttribute('x', (anchor === 'start' ? Math.max(px - 2, 2) : anchor === 'end' ? Math.min(px + 2, width - 2) : px).toFixed(2));
      label.setAttribute('visibility', 'visible');
    }

    function drawAxis() {
      clear(gAxis);
      clear(gGrid);
      var span = view.end - view.start;
      var pxPerDay = plotW() / span;
      var pxPerYear = pxPerDay * 365.2425;
      var top = civil(Math.floor(view.start)), bottom = civil(Math.ceil(view.end));
      gAxis.appendChild(s('line', { class: 'axis-line', x1: ML, x2: width - MR, y1: Y.tick, y2: Y.tick }));

      var lastRight = -Infinity;
      function tick(day, major, label, cls) {
        var px = x(day);
        if (px < ML - 0.5 || px > width - MR + 0.5) return;
        gAxis.appendChild(s('line', { class: major ? 'tick major' : 'tick', x1: px, x2: px, y1: Y.tick, y2: Y.tick + (major ? 7 : 4) }));
        if (major) gGrid.appendChild(s('line', { class: 'gridline', x1: px, x2: px, y1: Y.band, y2: Y.bottom - 14 }));
        if (label) {
          var text = s('text', { class: cls || 'tick-label', x: px, y: Y.monthLabel, 'text-anchor': 'middle' }, label);
          gAxis.appendChild(text);
          var half = text.getComputedTextLength() / 2;
          // a label that would be cut off at an edge or touch its neighbour is left out
          if (px - half < 1 || px + half > width - 1 || px - half < lastRight + 6) gAxis.removeChild(text);
          else lastRight = px + half;
        }
      }

      var monthStep = 0;
      if (pxPerYear / 12 >= 34) monthStep = 1;
      else if (pxPerYear / 4 >= 34) monthStep = 3;
      else if (pxPerYear / 2 >= 34) monthStep = 6;

      if (monthStep) {
        for (var y = top.y; y <= bottom.y; y++) {
          for (var m = 1; m <= 12; m++) {
            var d = dayNumber(y, m, 1);
            var major = (m - 1) % monthStep === 0;
            if (!major && pxPerYear / 12 < 8) continue;
            tick(d, major, major ? MONTHS_SHORT[m - 1] : null, 'tick-label');
          }
        }
        // a sticky year label under the months, so the year is always on screen
        for (var yy = top.y; yy <= bottom.y; yy++) {
          var start = x(dayNumber(yy, 1, 1)), next = x(dayNumber(yy + 1, 1, 1));
          var lx = Math.max(start, ML), rx = Math.min(next, width - MR);
          var sticky = s('text', { class: 'tick-label year sticky', x: lx + 2, y: Y.yearLabel, 'text-anchor': 'start' }, String(yy));
          gAxis.appendChild(sticky);
          var len = sticky.getComputedTextLength();
          if (len + 4 > rx - lx) gAxis.removeChild(sticky);
          else sticky.setAttribute('x', String(Math.min(lx + 2, rx - len - 4)));
        }
      } else {
        var steps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000];
        var step = steps[steps.length - 1];
        for (var i = 0; i < steps.length; i++) { if (steps[i] * pxPerYear >= 44) { step = steps[i]; break; } }
        var minor = step > 1 && pxPerYear >= 5 ? 1 : (step >= 10 && pxPerYear * 5 >= 5 ? 5 : 0);
        for (var yr = top.y - (top.y % step) - step; yr <= bottom.y + 1; yr++) {
          var isMajor = yr % step === 0;
          if (!isMajor && !(minor && yr % minor === 0)) continue;
          tick(dayNumber(yr, 1, 1), isMajor, isMajor ? String(yr) : null, 'tick-label year');
        }
      }
    }

    // ------------------------------------------------------------------------- view changes --

    function setView(start, span) {
      var full = extent.end - extent.start;
      span = Math.max(Math.min(span, full), Math.min(MIN_SPAN, full));
      start = Math.max(extent.start, Math.min(start, extent.end - span));
      view = { start: start, end: start + span };
      layout();
    }

    function zoom(factor, centerDay) {
      var span = view.end - view.start;
      var c = centerDay === undefined ? focusCenter() : centerDay;
      var next = span * factor;
      var full = extent.end - extent.start;
      next = Math.max(Math.min(next, full), Math.min(MIN_SPAN, full));
      setView(c - (c - view.start) * (next / span), next);
    }

    /** Zoom keeps the focused band or marker in place when there is one inside the view. */
    function focusCenter() {
      var item = itemOf(document.activeElement);
      if (item) {
        var c = (Math.max(item.d0, view.start) + Math.min(item.d1, view.end)) / 2;
        if (c >= view.start && c <= view.end) return c;
      }
      return (view.start + view.end) / 2;
    }

    function pan(fraction) {
      var span = view.end - view.start;
      setView(view.start + span * fraction, span);
    }

    function fit() { setView(extent.start, extent.end - extent.start); }

    function isFullView() { return view.start <= extent.start + 0.5 && view.end >= extent.end - 0.5; }

    function ensureVisible(item) {
      var span = view.end - view.start;
      var lo = Math.max(item.d0, extent.start), hi = Math.min(item.d1, extent.end);
      if (hi >= view.start + span * 0.02 && lo <= view.end - span * 0.02) return;
      setView((lo + hi) / 2 - span / 2, span);
    }

    function itemOf(el) {
      if (!el) return null;
      var all = bands.concat(gaps, markers);
      for (var i = 0; i < all.length; i++) if (all[i].el === el) return all[i];
      return null;
    }

    function onKey(e) {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      var handled = true;
      switch (e.key) {
        case '+': case '=': zoom(1 / ZOOM); break;
        case '-': case '_': case '−': zoom(ZOOM); break;
        case 'ArrowLeft': pan(e.shiftKey ? -0.5 : -0.15); break;
        case 'ArrowRight': pan(e.shiftKey ? 0.5 : 0.15); break;
        case '0': fit(); break;
        case 'Home': setView(extent.start, view.end - view.start); break;
        case 'End': setView(extent.end - (view.end - view.start), view.end - view.start); break;
        default: handled = false;
      }
      if (handled) e.preventDefault();
    }

    function clientToPx(clientX) {
      var r = svg.getBoundingClientRect();
      return (clientX - r.left) * (width / (r.width || width));
    }

    function onWheel(e) {
      if (!extent || e.ctrlKey && !e.deltaY) return;
      var unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
      var dx = e.deltaX * unit, dy = e.deltaY * unit;
      if (Math.abs(dx) > Math.abs(dy)) {
        e.preventDefault();
        pan(dx / plotW());
        return;
      }
      if (dy === 0) return;
      if (dy > 0 && isFullView()) return; // fully zoomed out: let the page scroll on
      e.preventDefault();
      zoom(Math.exp(Math.max(-300, Math.min(300, dy)) * 0.002), dayAt(clientToPx(e.clientX)));
    }

    function onPointerDown(e) {
      if (e.pointerType === 'mouse' && e.button !== 0) return;
      pointers[e.pointerId] = e.clientX;
      var ids = Object.keys(pointers);
      if (ids.length === 1) {
        drag = { startX: e.clientX, start: view.start, span: view.end - view.start, moved: false, id: e.pointerId };
        suppressClick = false;
      } else if (ids.length === 2) {
        var a = pointers[ids[0]], b = pointers[ids[1]];
        pinch = { dist: Math.max(10, Math.abs(a - b)), span: view.end - view.start,
          center: dayAt(clientToPx((a + b) / 2)) };
        drag = null;
        suppressClick = true;
      }
    }

    function onPointerMove(e) {
      if (!(e.pointerId in pointers)) return;
      pointers[e.pointerId] = e.clientX;
      var ids = Object.keys(pointers);
      if (pinch && ids.length >= 2) {
        var a = pointers[ids[0]], b = pointers[ids[1]];
        var dist = Math.max(10, Math.abs(a - b));
        var span = pinch.span * pinch.dist / dist;
        var mid = clientToPx((a + b) / 2);
        var full = extent.end - extent.start;
        span = Math.max(Math.min(span, full), Math.min(MIN_SPAN, full));
        setView(pinch.center - (mid - ML) / plotW() * span, span);
        return;
      }
      if (drag && e.pointerId === drag.id) {
        var dxPx = clientToPx(e.clientX) - clientToPx(drag.startX);
        if (!drag.moved && Math.abs(dxPx) < 5) return;
        if (!drag.moved) {
          drag.moved = true;
          suppressClick = true;
          hideTooltip();
          try { svg.setPointerCapture(e.pointerId); } catch (err) { /* pointer already gone */ }
          svg.classList.add('dragging');
        }
        setView(drag.start - dxPx / plotW() * drag.span, drag.span);
      }
    }

    function onPointerUp(e) {
      delete pointers[e.pointerId];
      if (Object.keys(pointers).length < 2) pinch = null;
      if (drag && drag.id === e.pointerId) {
        drag = null;
        svg.classList.remove('dragging');
      }
      // a click that ends a drag must not open a marker; clear the flag after the click has fired
      window.setTimeout(function () { if (!Object.keys(pointers).length) suppressClick = false; }, 0);
    }

    // ------------------------------------------------------------------------------ tooltip --

    function attachTip(el, item) {
      el.addEventListener('pointerenter', function (e) { if (e.pointerType !== 'touch' && !drag) showTooltip(item); });
      el.addEventListener('pointerleave', function () { if (tipTarget === item && document.activeElement !== el) hideTooltip(); });
      el.addEventListener('focus', function () { ensureVisible(item); showTooltip(item); });
      el.addEventListener('blur', function () { if (tipTarget === item) hideTooltip(); });
    }

    function showTooltip(item) {
      tipTarget = item;
      clear(tooltip);
      item.tip.filter(Boolean).forEach(function (line, i) {
        tooltip.appendChild(h(i === 0 ? 'strong' : 'span', null, line));
      });
      tooltip.hidden = false;
      positionTooltip();
    }

    function positionTooltip() {
      if (!tipTarget) return;
      var target = tipTarget.pin || tipTarget.el;
      var r = target.getBoundingClientRect();
      var w = wrap.getBoundingClientRect();
      var cx = Math.max(w.left, Math.min(w.right, (Math.max(r.left, w.left) + Math.min(r.right, w.right)) / 2)) - w.left;
      var tw = tooltip.offsetWidth, th = tooltip.offsetHeight;
      var left = Math.max(0, Math.min(w.width - tw, cx - tw / 2));
      var top = r.top - w.top - th - 8;
      if (top < 0) top = r.bottom - w.top + 8;
      tooltip.style.left = left + 'px';
      tooltip.style.top = top + 'px';
    }

    function hideTooltip() {
      tipTarget = null;
      if (tooltip) tooltip.hidden = true;
    }

    function setAsked(date) {
      var p = parsePartial(date);
      asked = p ? (p.earliest + p.latest + 1) / 2 : null;
      if (!askLabel) return;
      askLabel.textContent = p ? formatDate(date) : '';
      if (p) {
        askLine.setAttribute('data-date', date);
        if (asked < view.start || asked > view.end) { // bring the asked day into view
          var span = view.end - view.start;
          view = { start: asked - span / 2, end: asked + span / 2 };
          setView(view.start, span);
          return;
        }
      } else {
        askLine.removeAttribute('data-date');
      }
      layout();
    }

    return { init: init, build: build, setAsked: setAsked, hideTooltip: hideTooltip };
  })();

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
