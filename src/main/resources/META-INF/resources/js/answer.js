/* The answer to "was aid restricted on this day?": verdict, explanation, since/until, confidence, warnings, sources. */
import { $, h, s, clear, timeEl } from './dom.js';
import { capitalize, formatDate, stateLabel, STATES, CONFIDENCE } from './dates.js';
import { app } from './state.js';
import { openDetails, sourceList } from './details.js';

export function verdictOf(a) {
  return a.restricted === true ? 'Restricted' : a.restricted === false ? 'Not restricted' : 'Uncertain';
}

export function renderAnswer(a) {
  const region = $('answer');
  clear(region);
  const verdict = verdictOf(a);
  const verdictClass = a.restricted === true ? 'yes' : a.restricted === false ? 'no' : 'unknown';
  const cat = (app.provision.categories || []).filter((c) => c.id === a.category)[0];

  const facts = h('dl', { class: 'facts' },
    h('dt', null, 'State'), h('dd', { id: 'answer-state' }, stateLabel(a.state) +
      (STATES[a.state] ? ' — ' + STATES[a.state].meaning : '')),
    h('dt', null, 'Since'), h('dd', { id: 'answer-since' }, a.since ? formatDate(a.since) : 'the beginning of the record'),
    h('dt', null, 'Until'), h('dd', { id: 'answer-until' }, a.until ? formatDate(a.until) : 'no end recorded'),
    h('dt', null, 'Confidence'), h('dd', { id: 'answer-confidence' }, CONFIDENCE[a.confidence] || a.confidence || 'not stated'),
    h('dt', null, 'Checked through'), h('dd', null, timeEl(a.checkedThrough)),
    h('dt', null, 'Aid category'), h('dd', { id: 'answer-category' }, cat ? cat.label : a.category));

  // "On 1 June 2024: Restricted" is the first thing read; the facts that qualify it follow at once.
  const article = h('article', { class: 'answer answer-' + verdictClass, 'aria-labelledby': 'answer-heading' },
    h('h3', { id: 'answer-heading', class: 'answer-heading' },
      h('span', { class: 'answer-on' }, 'On ', timeEl(a.date), ':'),
      ' ',
      h('span', { class: 'verdict' }, stateSwatch(a.state),
        h('strong', { id: 'verdict', class: 'verdict-' + verdictClass }, verdict))),
    a.explanation ? h('p', { class: 'explanation', id: 'explanation' }, a.explanation) : null,
    facts);

  if (Array.isArray(a.candidates) && a.candidates.length) {
    article.appendChild(h('p', { class: 'candidates' }, h('strong', null, 'Possible states: '),
      a.candidates.map(stateLabel).join(', ')));
  }
  if (Array.isArray(a.warnings) && a.warnings.length) {
    article.appendChild(h('ul', { class: 'warnings', 'aria-label': 'Warnings' }, a.warnings.map((w) =>
      h('li', null, h('span', { class: 'warn-label' }, 'Warning: '), typeof w === 'string' ? w : JSON.stringify(w)))));
  }
  if (Array.isArray(a.governingEvents) && a.governingEvents.length) {
    article.appendChild(h('h4', null, 'Governing events'));
    article.appendChild(h('ul', { class: 'governing' }, a.governingEvents.map((g) => {
      const known = app.eventsById[g.id];
      const titleNode = known
        ? h('button', { type: 'button', class: 'linkish', 'aria-haspopup': 'dialog', onclick: (ev) => openDetails(known, ev.currentTarget) }, g.title || g.id)
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

/**
 * A message a person understands in place of an answer, with a way back (a link to today's answer).
 * Used for a bad date in a link, which never reaches the API.
 */
export function renderAnswerProblem(title, text, backHref, backText) {
  const region = $('answer');
  clear(region);
  region.appendChild(h('div', { class: 'error', role: 'alert', id: 'answer-error' },
    h('p', { class: 'error-title' }, h('strong', null, title)),
    h('p', null, text),
    backHref ? h('p', null, h('a', { href: backHref, id: 'answer-back' }, backText)) : null));
}

export function stateSwatch(state) {
  return s('svg', { class: 'swatch', viewBox: '0 0 32 18', 'aria-hidden': 'true', focusable: 'false' },
    s('rect', { x: 0.5, y: 0.5, width: 31, height: 17, fill: STATES[state] ? 'url(#pat-' + state + ')' : '#fff', stroke: '#333' }));
}
