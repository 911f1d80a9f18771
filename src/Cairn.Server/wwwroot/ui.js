// DOM helpers: build elements from data as text (never as HTML), tables, times, toasts.

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === false || v === null || v === undefined) continue;
    if (k === "class") el.className = v; else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === "" || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function clear(el) { el.replaceChildren(); return el; }

export function fmtTime(t) { return t ? String(t).replace("T", " ").replace(/\.\d+/, "").replace("+00:00", "Z") : ""; }

export function fmtDate(t) { return t ? String(t).slice(0, 10) : ""; }

/** A table; a header naming an amount is right-aligned. An empty table says so in one row. */
export function table(headers, rows, testId, empty = "nothing yet") {
  const numeric = (x) => /amount|BTC|share|base units|frozen|seized|confiscated|returned|received|count/i.test(x);
  const body = rows.length
    ? rows.map((r) => h("tr", {}, ...r.map((c, i) => h("td", { class: numeric(headers[i] || "") ? "num" : "" }, c))))
    : [h("tr", { class: "empty" }, h("td", { colspan: String(headers.length), class: "muted" }, empty))];
  return h("table", { "data-testid": testId },
    h("thead", {}, h("tr", {}, ...headers.map((x) => h("th", { class: numeric(x) ? "num" : "" }, x)))),
    h("tbody", {}, ...body));
}

let toastTimer;
export function toast(message, error = false) {
  const el = document.getElementById("toast");
  el.textContent = message;
  el.className = error ? "error" : "";
  el.dataset.kind = error ? "error" : "info";
  el.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { el.hidden = true; }, error ? 12000 : 3000);
}

/** Hides an error toast (a later success or a navigation makes it stale). */
export function clearErrorToast() {
  const el = document.getElementById("toast");
  if (el && el.dataset.kind === "error") el.hidden = true;
}

export function clearToast() {
  const el = document.getElementById("toast");
  if (el) el.hidden = true;
}

/** Shows an indeterminate bar with elapsed seconds while a long operation runs. */
export async function withProgress(container, label, work) {
  const seconds = h("span", {}, "0");
  const box = h("div", { class: "card", "data-testid": "progress" }, h("p", {}, `${label} … `, seconds, " s"), h("div", { class: "progress" }, h("div", {})));
  container.append(box);
  const started = Date.now();
  const timer = setInterval(() => { seconds.textContent = ((Date.now() - started) / 1000).toFixed(0); }, 250);
  try { return await work(); } finally { clearInterval(timer); box.remove(); }
}

/** A link into the app; ids are always links (issue 15: links everywhere an id appears). */
export function link(hash, text, attrs = {}) { return h("a", { href: hash, ...attrs }, text); }

export function caseLink(reference) { return reference ? link(`#/case/${encodeURIComponent(reference)}`, reference) : ""; }

export function requestLink(id) { return id ? link(`#/request/${encodeURIComponent(id)}`, id) : ""; }

/** An exact base-unit amount as a decimal with <paramref name="decimals"/> places (BigInt: nothing goes through a float). */
export function toDecimal(baseUnits, decimals) {
  if (baseUnits === null || baseUnits === undefined || decimals === null || decimals === undefined) return "";
  let v = BigInt(baseUnits);
  const negative = v < 0n;
  if (negative) v = -v;
  const d = BigInt(decimals);
  const unit = 10n ** d;
  const whole = v / unit;
  let frac = (v % unit).toString().padStart(Number(d), "0").replace(/0+$/, "");
  return (negative ? "-" : "") + whole.toString() + (frac ? "." + frac : "");
}

/** A decimal text in units to base units, or null when it is not a number with at most <decimals> places. */
export function toBaseUnits(text, decimals) {
  const m = String(text).trim().match(/^(\d+)(?:\.(\d*))?$/);
  if (!m || decimals === null || decimals === undefined) return null;
  const frac = m[2] || "";
  if (frac.length > decimals) return null;
  return (BigInt(m[1]) * 10n ** BigInt(decimals) + BigInt((frac + "0".repeat(decimals)).slice(0, decimals) || "0")).toString();
}
