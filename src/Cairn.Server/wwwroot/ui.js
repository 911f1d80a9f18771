// DOM helpers: build elements from data as text (never as HTML), tables, times, toasts.

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === false || v === null || v === undefined) continue;
    if (k === "class") el.className = v; else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === "") continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function clear(el) { el.replaceChildren(); return el; }

export function fmtTime(t) { return t ? String(t).replace("T", " ").replace(/\.\d+/, "").replace("+00:00", "Z") : ""; }

export function table(headers, rows, testId) {
  return h("table", { "data-testid": testId },
    h("thead", {}, h("tr", {}, ...headers.map((x) => h("th", { class: /amount|BTC|share/.test(x) ? "num" : "" }, x)))),
    h("tbody", {}, ...rows.map((r) => h("tr", {}, ...r.map((c, i) => h("td", { class: /amount|BTC|share/.test(headers[i]) ? "num" : "" }, c))))));
}

let toastTimer;
export function toast(message, error = false) {
  const el = document.getElementById("toast");
  el.textContent = message;
  el.className = error ? "error" : "";
  el.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { el.hidden = true; }, error ? 8000 : 3000);
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
