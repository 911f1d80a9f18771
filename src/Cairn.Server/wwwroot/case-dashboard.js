// A case's front page, the view a joint team shares: for each jurisdiction what the newest Bitcoin
// trace followed there and to which services, what was requested of that State, and what its
// authorities froze, seized, confiscated and returned (the recovery funnel); the next deadlines;
// the open watchlist alerts; the latest activity. Amounts are in units and, where the installation's rate
// tables give a rate, in the chosen currency ("no rate" otherwise). Everything links to the tab or request it is about.
import { h, clear, fmtTime, fmtDate, table, link, requestLink, toDecimal } from "./ui.js";
import { api } from "./api.js";
import { L, label } from "./labels.js";
import { victimsSection } from "./case-victims.js";

const NATIVE = { "btc/BTC": 8, "eth/ETH": 18 };

function units(baseUnits, chain, token) {
  const d = NATIVE[`${chain}/${token}`];
  return d === undefined ? `${baseUnits} base units of ${token}` : `${toDecimal(baseUnits, d)} ${token}`;
}

function fiatChoice() { return localStorage.getItem("cairn.fiat") === "EUR" ? "EUR" : "USD"; }

/** A fiat amount as people read it, e.g. "45,120.50 EUR"; "no rate" when the rate tables give none. */
function money(value, currency) {
  return value == null ? h("span", { class: "muted", "data-fiat": "none" }, "no rate")
    : h("span", { "data-fiat": value }, `${Number(value).toLocaleString("en", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`);
}

/** Each token's amount at one step of the funnel with its fiat value, e.g. "1.5 BTC (45,120.50 EUR)"; empty when nothing. */
function step(j, key, currency) {
  const parts = j.recovery.filter((r) => r[key] !== "0").map((r) => {
    const value = (j.recovery_values || []).find((v) => v.chain === r.chain && v.token === r.token)?.[key];
    return h("span", { class: "amount" }, units(r[key], r.chain, r.token), currency ? [" (", money(value ? value.value : null, currency), ")"] : "");
  });
  return parts.length ? h("span", { title: j.recovery.map((r) => `${r[key]} base units of ${r.token}`).join("; "), "data-step": key }, ...parts.flatMap((p, i) => [i ? "; " : "", p])) : "";
}

function who(code) { return /^[A-Z]{2}$/.test(code) ? label("state", code) : code; }

/** What the dashboard reads (case.js starts it beside the case itself). */
export function dashboardReads(reference) { return [`/cases/${encodeURIComponent(reference)}/dashboard?fiat=${fiatChoice()}`]; }

export async function dashboard(body, c) {
  const currency = fiatChoice();
  const d = await api("GET", dashboardReads(c.reference)[0]);
  const base = `#/case/${encodeURIComponent(c.reference)}`;
  const rows = d.jurisdictions.map((j) => [
    h("span", { title: j.state }, who(j.state)),
    j.traced_sat === "0" ? "" : h("span", { title: `${j.traced_sat} sat`, "data-traced": j.state }, `${j.traced_btc} BTC (`, money(j.traced_value, currency), ")"),
    j.services.join(", "),
    h("span", {}, ...j.requests.map((r) => h("span", { class: `pill ${r.status}` }, `${r.count} `, L("request_status", r.status)))),
    step(j, "frozen", currency), step(j, "seized", currency), step(j, "confiscated", currency), step(j, "returned", currency), step(j, "received", currency)]);
  const deadlines = d.deadlines.map((x) => [
    h("span", { class: x.overdue ? "bad" : "" }, x.due ? fmtDate(x.due) : "no date yet", x.overdue ? " (overdue)" : ""),
    x.label, requestLink(x.request_id), who(x.state), L("measure", x.measure), L("request_status", x.status)]);
  const activity = d.latest_activity.map((a) => [fmtTime(a.at), what(a, base), a.text, `${a.by}@${a.agency}`]);
  const switcher = h("select", { id: "dashboard-fiat", "aria-label": "currency" }, h("option", { value: "USD" }, "USD"), h("option", { value: "EUR" }, "EUR"));
  switcher.value = currency;
  switcher.addEventListener("change", async () => { localStorage.setItem("cairn.fiat", switcher.value); await dashboard(clear(body), c); });
  body.append(
    h("div", { class: "toolbar" }, h("label", {}, "Values in ", switcher),
      h("span", { class: "muted" }, " at the rate of the day each amount moved, from the imported rate tables; \"no rate\" where they have none.")),
    alertsLine(d, base),
    h("p", { class: "muted", "data-testid": "dashboard-trace" }, d.trace_id
      ? h("span", {}, "Traced value from the newest Bitcoin trace, ", link(`${base}/traces`, d.trace_title), ".")
      : "No saved Bitcoin trace yet: run one on the Traces tab to see where the funds went."),
    h("h2", {}, "Per jurisdiction"),
    table(["State", "traced", "services", "requests", "frozen", "seized", "confiscated", "returned or shared", "received"], rows, "dashboard-jurisdictions", "nothing traced, requested or recorded yet"),
    victimsSection(c, d),
    h("div", { class: "grid2" },
      h("section", {}, h("h2", {}, "Next deadlines"), table(["due", "deadline", "request", "State", "measure", "status"], deadlines, "dashboard-deadlines", "no deadline running")),
      h("section", {}, h("h2", {}, "Latest activity"), table(["when", "what", "", "by"], activity, "dashboard-activity", "nothing yet"))));
}

const ALERT_KINDS = { funds_left: "Funds left the watch", reached_service: "Funds reached a service", reached_sanctioned: "Funds reached a sanctioned address", threshold: "Threshold crossed" };

/** The case's open watchlist alerts: how many, the newest few, and the link to the alerts tab. */
function alertsLine(d, base) {
  if (!d.open_alerts) return h("p", { class: "muted", "data-testid": "dashboard-alerts" }, "No open alert. ", link(`${base}/alerts`, "Watches and alerts"));
  return h("section", { class: "card notice", "data-testid": "dashboard-alerts" },
    h("h2", {}, link(`${base}/alerts`, `${d.open_alerts} open alert${d.open_alerts === 1 ? "" : "s"}`)),
    h("ul", {}, ...d.latest_open_alerts.map((a) => h("li", {}, `${fmtTime(a.raised_at)}: ${ALERT_KINDS[a.kind] || a.kind}`,
      a.actor_label ? ` (${a.actor_label}${a.jurisdictions.length ? ", " + a.jurisdictions.map(who).join(", ") : ""})` : "",
      " · ", link(`${base}/alerts`, "open")))));
}

function what(a, base) {
  switch (a.kind) {
    case "case_status": return h("span", {}, "Case status: ", L("case_status", a.code));
    case "note": return link(`${base}/overview`, "Note");
    case "trace": return link(`${base}/traces`, `Trace saved (${label("chain", a.code)})`);
    case "request": return h("span", {}, "Request ", requestLink(a.object_id), ": ", L("request_status", a.code));
    case "ledger_event": return h("span", {}, link(`${base}/ledger`, "Ledger"), ": ", L("ledger_event", a.code));
    default: return a.kind;
  }
}
