// A case's ledger.
import { h, clear, fmtTime, toast, table } from "./ui.js";
import { api, download, session } from "./api.js";
import { renderCase } from "./case.js";

function can(role) { return session.me.roles.includes(role); }

export async function ledger(body, c) {
  const report = await api("GET", `/cases/${encodeURIComponent(c.reference)}/ledger`);
  const events = report.events.map((e) => [String(e.sequence), e.details.kind, `${e.details.asset.token} @ ${e.details.asset.location}`, e.details.amount, e.details.legal_basis, e.details.authority, e.details.jurisdiction, fmtTime(e.recorded_at)]);
  const balances = report.balances.map((b) => [`${b.asset.token} on ${b.asset.chain} @ ${b.asset.location}`, b.frozen, b.seized, b.confiscated, b.returned]);
  body.append(h("h2", {}, "Events"), table(["#", "event", "asset", "amount (base units)", "legal basis", "authority", "state", "recorded"], events, "ledger-events"),
    h("h2", {}, "Balances"), table(["asset", "frozen", "seized", "confiscated", "returned"], balances, "ledger-balances"));
}
