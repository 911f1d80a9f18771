// A case's front page, the view a joint team shares: for each jurisdiction what the newest Bitcoin
// trace followed there and to which services, what was requested of that State, and what its
// authorities froze, seized, confiscated and returned (the recovery funnel); the next deadlines;
// the latest activity. Everything links to the tab or request it is about.
import { h, fmtTime, fmtDate, table, link, requestLink, toDecimal } from "./ui.js";
import { api } from "./api.js";
import { L, label } from "./labels.js";
import { victimsSection } from "./case-victims.js";

const NATIVE = { "btc/BTC": 8, "eth/ETH": 18 };

function units(baseUnits, chain, token) {
  const d = NATIVE[`${chain}/${token}`];
  return d === undefined ? `${baseUnits} base units of ${token}` : `${toDecimal(baseUnits, d)} ${token}`;
}

/** Each token's amount at one step of the funnel, e.g. "1.5 BTC; 2500000 base units of USDT"; empty when nothing. */
function step(recovery, key) {
  const parts = recovery.filter((r) => r[key] !== "0").map((r) => units(r[key], r.chain, r.token));
  return parts.length ? h("span", { title: recovery.map((r) => `${r[key]} base units of ${r.token}`).join("; ") }, parts.join("; ")) : "";
}

function who(code) { return /^[A-Z]{2}$/.test(code) ? label("state", code) : code; }

export async function dashboard(body, c) {
  const d = await api("GET", `/cases/${encodeURIComponent(c.reference)}/dashboard`);
  const base = `#/case/${encodeURIComponent(c.reference)}`;
  const rows = d.jurisdictions.map((j) => [
    h("span", { title: j.state }, who(j.state)),
    j.traced_sat === "0" ? "" : h("span", { title: `${j.traced_sat} sat` }, `${j.traced_btc} BTC`),
    j.services.join(", "),
    h("span", {}, ...j.requests.map((r) => h("span", { class: `pill ${r.status}` }, `${r.count} `, L("request_status", r.status)))),
    step(j.recovery, "frozen"), step(j.recovery, "seized"), step(j.recovery, "confiscated"), step(j.recovery, "returned")]);
  const deadlines = d.deadlines.map((x) => [
    h("span", { class: x.overdue ? "bad" : "" }, x.due ? fmtDate(x.due) : "no date yet", x.overdue ? " (overdue)" : ""),
    x.label, requestLink(x.request_id), who(x.state), L("measure", x.measure), L("request_status", x.status)]);
  const activity = d.latest_activity.map((a) => [fmtTime(a.at), what(a, base), a.text, `${a.by}@${a.agency}`]);
  body.append(
    h("p", { class: "muted", "data-testid": "dashboard-trace" }, d.trace_id
      ? h("span", {}, "Traced value from the newest Bitcoin trace, ", link(`${base}/traces`, d.trace_title), ".")
      : "No saved Bitcoin trace yet: run one on the Traces tab to see where the funds went."),
    h("h2", {}, "Per jurisdiction"),
    table(["State", "traced", "services", "requests", "frozen", "seized", "confiscated", "returned or shared"], rows, "dashboard-jurisdictions", "nothing traced, requested or recorded yet"),
    victimsSection(c, d),
    h("div", { class: "grid2" },
      h("section", {}, h("h2", {}, "Next deadlines"), table(["due", "deadline", "request", "State", "measure", "status"], deadlines, "dashboard-deadlines", "no deadline running")),
      h("section", {}, h("h2", {}, "Latest activity"), table(["when", "what", "", "by"], activity, "dashboard-activity", "nothing yet"))));
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
