/*
 * Every piece of data reaches the DOM through textContent / setAttribute / text nodes, never through an HTML parser
 * (no markup strings are assigned anywhere in the page's code); link targets from the data are used only if they are
 * http(s) URLs.
 */
import { SINGLE, formatDate } from './dates.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

export function $(id) { return document.getElementById(id); }

/** Builds an HTML element; attribute values and children go through setAttribute and text nodes. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  children.forEach((c) => appendChild(el, c));
  return el;
}

/** The same for SVG elements. */
export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  children.forEach((c) => appendChild(el, c));
  return el;
}

function setAttrs(el, attrs) {
  if (!attrs) return;
  Object.keys(attrs).forEach((k) => {
    const v = attrs[k];
    if (v === null || v === undefined || v === false) return;
    if (k === 'text') el.textContent = String(v);
    else if (k.slice(0, 2) === 'on' && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  });
}

export function appendChild(el, c) {
  if (c === null || c === undefined || c === false) return;
  if (Array.isArray(c)) { c.forEach((x) => appendChild(el, x)); return; }
  if (typeof c === 'string' || typeof c === 'number') el.appendChild(document.createTextNode(String(c)));
  else el.appendChild(c);
}

export function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); }

/** Only http(s) links from the data become hrefs. */
export function safeHref(u) {
  if (typeof u !== 'string' || !u) return null;
  try {
    const url = new URL(u, window.location.href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch (e) {
    return null;
  }
}

export function timeEl(stored, text) {
  const valid = typeof stored === 'string' && SINGLE.test(stored);
  return h('time', { datetime: valid ? stored : null, title: stored ? 'Recorded as ' + stored : null },
    text !== undefined ? text : formatDate(stored));
}
