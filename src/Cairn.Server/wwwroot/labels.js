// The one label catalogue (GET /api/v1/labels): every code the pages show is read as words; the
// code itself stays on hover and, in the expert view, beside the words.
import { api } from "./api.js";
import { h } from "./ui.js";

let catalogue = null;

export async function loadLabels() {
  if (!catalogue) catalogue = (await api("GET", "/labels")).groups;
  return catalogue;
}

/**
 * Asks for the catalogue beside "who am I" on a page load rather than after it (page speed, issue 15); a refusal (not
 * signed in yet) is ignored here: loadLabels asks again once the session is known.
 */
export function prefetchLabels() {
  if (catalogue) return Promise.resolve();
  return fetch("/api/v1/labels", { credentials: "same-origin" })
    .then((r) => (r.ok ? r.json() : null))
    .then((body) => { if (body && !catalogue) catalogue = body.groups; })
    .catch(() => { /* loadLabels reports it */ });
}

function words(code) { return String(code).replace(/[_-]+/g, " ").replace(/^\w/, (c) => c.toUpperCase()); }

/** The words for a code (the code made readable when the catalogue has none). */
export function label(group, code) {
  if (code === null || code === undefined || code === "") return "";
  return catalogue?.[group]?.[code] ?? words(code);
}

/** The words as an element: the code on hover (title) and, in the expert view, beside them. */
export function L(group, code) {
  if (code === null || code === undefined || code === "") return "";
  return h("span", { class: "lbl", title: String(code), "data-code": String(code) }, label(group, code), h("code", { class: "ident" }, String(code)));
}

/** <option>s for a select: value = code, text = words, title = code. */
export function options(group, codes, selected) {
  const list = codes ?? Object.keys(catalogue?.[group] ?? {});
  return list.map((c) => h("option", { value: c, title: c, selected: c === selected }, label(group, c)));
}

/** The States of the reference data, for a select, by name. */
export function stateOptions(selected, { blank = false } = {}) {
  const states = Object.entries(catalogue?.state ?? {}).sort((a, b) => a[1].localeCompare(b[1]));
  return [...(blank ? [h("option", { value: "" }, "—")] : []), ...states.map(([code, name]) => h("option", { value: code, title: code, selected: code === selected }, `${name} (${code})`))];
}

export function isExpert() { return localStorage.getItem("cairn.expert") === "1"; }

export function setExpert(on) {
  localStorage.setItem("cairn.expert", on ? "1" : "0");
  document.body.classList.toggle("expert", on);
}
