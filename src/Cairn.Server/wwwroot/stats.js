// Statistics (docs/statistics.md): the agency's outcomes — requests by status, days to acknowledgement and
// execution, refusals by ground, amounts frozen to shared — per State, instrument and period, with simple SVG
// charts and CSV/JSON downloads; and the public aggregate report, where cells of fewer than N cases read "<N".
// Auditors and administrators see every agency's figures (or one agency's).
import { h, clear, table, toDecimal } from "./ui.js";
import { api, can, download } from "./api.js";
import { label, L } from "./labels.js";
import { field, bindForm, formCard } from "./forms.js";

const SVG = "http://www.w3.org/2000/svg";
function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, String(v));
  for (const c of children) el.append(typeof c === "string" ? document.createTextNode(c) : c);
  return el;
}

/** A horizontal bar chart of [label, value] pairs (values are numbers), with each value written beside its bar. */
function barChart(title, pairs, testId) {
  const max = Math.max(1, ...pairs.map(([, v]) => v));
  const row = 22;
  const chart = svg("svg", { viewBox: `0 0 520 ${pairs.length * row + 10}`, width: "520", height: String(pairs.length * row + 10), role: "img", "aria-label": title, "data-testid": testId },
    ...pairs.flatMap(([text, value], i) => [
      svg("text", { x: 0, y: i * row + 16, "font-size": 12 }, text),
      svg("rect", { x: 190, y: i * row + 4, width: Math.max(1, Math.round(280 * value / max)), height: 14, class: "bar" }),
      svg("text", { x: 196 + Math.round(280 * value / max), y: i * row + 16, "font-size": 12 }, String(value)),
    ]));
  return h("figure", { class: "chart" }, h("figcaption", {}, title), pairs.length ? chart : h("p", { class: "muted" }, "nothing in this period"));
}

function query(values) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v) q.set(k, v);
  return q.toString();
}

export async function renderStats(main) {
  const overseer = can("Auditor") || can("Admin");
  const from = h("input", { type: "date", name: "from", id: "stats-from" });
  const to = h("input", { type: "date", name: "to", id: "stats-to" });
  const by = h("select", { name: "by", id: "stats-by" }, ...[["quarter", "Quarter"], ["month", "Month"], ["year", "Year"]].map(([v, t]) => h("option", { value: v }, t)));
  const currency = h("input", { name: "currency", id: "stats-currency", value: "EUR", size: "4" });
  const agency = h("input", { name: "agency", id: "stats-agency", placeholder: "all agencies" });
  const minCell = h("input", { type: "number", name: "min_cell", id: "stats-min-cell", value: "5", min: "2", max: "1000" });
  const out = h("div", { id: "stats-body" });
  const values = () => ({ from: from.value, to: to.value, by: by.value, currency: currency.value.trim(), agency: overseer ? agency.value.trim() : "" });
  const form = formCard("stats-form", "", [
    h("div", { class: "row" }, field("From", from), field("To", to), field("Group by", by), field("Values in", currency, { hint: "Where the rate tables give a rate." }),
      overseer ? field("Agency", agency, { hint: "Auditors and administrators: one agency, or all." }) : ""),
  ], "Show", [
    h("button", { type: "button", class: "secondary", id: "stats-csv" }, "Download CSV"),
    h("button", { type: "button", class: "secondary", id: "stats-json" }, "Download JSON"),
  ]);
  const publicForm = formCard("stats-public-form", "Public aggregate report", [
    h("p", { class: "muted" }, "No agency, case, name or address. A cell counting fewer cases than the threshold reads \"<N\"; further cells are hidden where a total would reveal one."),
    field("Smallest published cell (cases)", minCell),
  ], "Show public report", [
    h("button", { type: "button", class: "secondary", id: "stats-public-csv" }, "Download public CSV"),
    h("button", { type: "button", class: "secondary", id: "stats-public-json" }, "Download public JSON"),
  ]);
  const publicOut = h("div", { id: "stats-public-body" });
  clear(main).append(h("h1", {}, "Statistics"), form, out, publicForm, publicOut);
  bindForm(form, { submit: () => api("GET", `/stats?${query(values())}`), done: (report) => show(out, report) });
  const { from: f, to: t, by: b } = values();
  bindForm(publicForm, { submit: () => api("GET", `/stats/public?${query({ ...values(), currency: "", agency: "", min_cell: minCell.value })}`), done: (report) => showPublic(publicOut, report) });
  form.querySelector("#stats-csv").addEventListener("click", () => download(`/stats/csv?${query(values())}`, "cairn-statistics.csv"));
  form.querySelector("#stats-json").addEventListener("click", () => download(`/stats?${query(values())}`, "cairn-statistics.json"));
  publicForm.querySelector("#stats-public-csv").addEventListener("click", () => download(`/stats/public/csv?${query({ from: from.value, to: to.value, by: by.value, min_cell: minCell.value })}`, "cairn-public-statistics.csv"));
  publicForm.querySelector("#stats-public-json").addEventListener("click", () => download(`/stats/public?${query({ from: from.value, to: to.value, by: by.value, min_cell: minCell.value })}`, "cairn-public-statistics.json"));
  show(out, await api("GET", `/stats?${query({ from: f, to: t, by: b })}`));
}

function sum(items, pick) { return items.reduce((a, x) => a + pick(x), 0); }

function show(out, report) {
  const statuses = {};
  for (const r of report.requests) for (const s of r.by_status) statuses[s.status] = (statuses[s.status] || 0) + s.count;
  const grounds = {};
  for (const r of report.requests) for (const g of r.refusals_by_ground) grounds[g.ground] = (grounds[g.ground] || 0) + g.count;
  const requestRows = report.requests.map((r) => [r.agency, label("state", r.state), L("request_type", r.instrument), r.period, String(r.cases), String(r.requests),
    r.by_status.map((s) => `${s.count} ${label("request_status", s.status)}`).join(", "),
    r.median_days_to_acknowledgement === null ? "" : `${r.median_days_to_acknowledgement} (${r.acknowledged})`,
    r.median_days_to_execution === null ? "" : `${r.median_days_to_execution} (${r.executed})`,
    r.refusals_by_ground.map((g) => `${g.count} ${g.ground}`).join("; ")]);
  const amount = (a, m) => {
    const text = m.units !== null ? `${m.units} ${a.token}` : `${m.base_units} base units`;
    return h("span", { title: `${m.base_units} base units` }, text, m.fiat_value !== null ? h("small", { class: "muted" }, ` = ${m.fiat_value} ${report.currency}`)
      : m.base_units !== "0" && m.no_rate ? h("small", { class: "muted" }, ` (${m.no_rate})`) : "");
  };
  const amountRows = report.amounts.map((a) => [a.agency, label("state", a.state), a.period, `${a.token} on ${label("chain", a.chain)}`, String(a.cases), ...a.measures.map((m) => amount(a, m))]);
  const byAsset = {};
  for (const a of report.amounts) for (const m of a.measures) {
    const key = `${m.measure} ${a.token}`;
    byAsset[key] = (byAsset[key] || 0) + (a.decimals === null ? Number(m.base_units) : Number(toDecimal(m.base_units, a.decimals)));
  }
  clear(out).append(
    h("p", { class: "muted", "data-testid": "stats-scope" }, `Figures of ${report.scope}, by ${report.by}. Only approved ledger events count.`),
    h("div", { class: "grid2" },
      barChart("Requests by status", Object.entries(statuses).map(([s, n]) => [label("request_status", s), n]), "stats-chart-status"),
      barChart("Recovered, by step and asset (units)", Object.entries(byAsset).filter(([, v]) => v > 0), "stats-chart-amounts")),
    barChart("Refusals by ground", Object.entries(grounds), "stats-chart-refusals"),
    h("h2", {}, "Requests"),
    table(["agency", "State", "instrument", "period", "cases", "requests", "by status", "median days to acknowledgement (requests)", "median days to execution (requests)", "refusals by ground"],
      requestRows, "stats-requests", "no requests in this period"),
    h("h2", {}, "Amounts"),
    table(["agency", "State", "period", "asset", "cases", "frozen", "seized", "confiscated", "returned", "shared"], amountRows, "stats-amounts", "nothing recorded in this period"),
    h("p", { class: "muted" }, `${sum(report.requests, (r) => r.requests)} requests in ${report.requests.length} groups.`));
}

function showPublic(out, report) {
  clear(out).append(...report.tables.map((t) => h("section", {},
    h("h3", {}, t.title),
    table([...t.labels, ...t.columns], [...t.rows, ...t.totals].map((r) => [...r.labels, ...r.cells]), `stats-public-${t.name}`, "nothing in this period"))));
}
