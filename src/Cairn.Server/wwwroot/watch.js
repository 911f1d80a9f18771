// A case's watchlist and alerts: add a watch (address, cluster, service) on a chain, see the watches and
// the addresses their funds reached, the alerts ingest raised, and for an alert that reached a service the
// urgent route (with its time limits and contacts) and a one-step draft of that request.
import { h, clear, fmtTime, toast, table, toDecimal } from "./ui.js";
import { label } from "./labels.js";
import { api } from "./api.js";
import { MEASURES, CHANNELS } from "./words.js";
import { field, bindForm, invalid } from "./forms.js";

const KINDS = { address: "an address (funds leaving it)", cluster: "a multi-input cluster (UTXO chains)", actor: "a service or actor (its id in the intelligence)" };
const ALERTS = {
  funds_left: "Funds left the watch",
  reached_service: "Funds reached a service",
  reached_sanctioned: "Funds reached a sanctioned address",
  threshold: "Threshold crossed",
};
const STATES = { open: "open", acknowledged: "seen", drafted: "request drafted" };

const NATIVE = { btc: ["BTC", 8], ltc: ["LTC", 8], bch: ["BCH", 8], doge: ["DOGE", 8], eth: ["ETH", 18] };

/** An alert's amount in units for a chain's own coin ("0.5 BTC"), base units on hover; a token's in base units, said so. */
function amountText(a) {
  const native = NATIVE[a.chain];
  return native && (a.asset || "").toUpperCase() === native[0]
    ? h("span", { title: `${a.amount} base units` }, `${toDecimal(a.amount, native[1])} ${native[0]}`)
    : `${a.amount} base units of ${a.asset}`;
}

const path = (c) => `/cases/${encodeURIComponent(c.reference)}`;

/** What the watch & alerts tab reads (case.js starts it beside the case itself). */
export function watchReads(reference) { return [`${path({ reference })}/watches?limit=200`, `${path({ reference })}/alerts?limit=200`]; }

export async function renderWatch(body, c, canWrite, rerender) {
  const [watches, alerts] = await Promise.all(watchReads(c.reference).map((p) => api("GET", p)));
  const detail = h("div", { id: "alert-detail" });
  body.append(h("h2", {}, `Alerts (${alerts.total})`), alertTable(c, alerts.items, detail, canWrite, rerender), detail);
  if (canWrite) body.append(watchForm(c, rerender));
  body.append(h("h2", {}, "Watches"), table(["chain", "what", "value", "label", "followed from", "threshold", ""],
    watches.items.map((w) => [label("chain", w.chain), w.kind === "followed" ? `address the funds reached (${w.hops} hop${w.hops === 1 ? "" : "s"})` : w.kind, h("code", {}, w.value), w.label || "",
      w.origin ? "the watch above" : "", w.threshold_base_units || "", canWrite && w.kind !== "followed" ? removeButton(c, w, rerender) : ""]), "watches-table"));
}

function removeButton(c, w, rerender) {
  const b = h("button", { class: "secondary", "data-watch": w.id }, "Remove");
  b.addEventListener("click", async () => {
    try { await api("DELETE", `${path(c)}/watches/${w.id}`); toast("watch removed"); await rerender(); } catch (err) { toast(err.message, true); }
  });
  return b;
}

function alertTable(c, items, detail, canWrite, rerender) {
  return table(["raised", "what happened", "amount", "to", "service", "block", "seconds after ingest", "state", ""], items.map((a) => {
    const open = h("button", { class: "secondary", "data-alert": a.id }, a.kind === "reached_service" ? "Urgent route" : "Details");
    open.addEventListener("click", () => showAlert(c, a, detail, canWrite, rerender));
    return [fmtTime(a.raised_at), ALERTS[a.kind] || a.kind, amountText(a), a.to ? h("code", {}, a.to) : "",
      a.actor_label ? `${a.actor_label} (${a.jurisdictions.map((j) => label("state", j)).join(", ")})` : "", `${label("chain", a.chain)} ${a.block_height}`, (a.latency_ms / 1000).toFixed(2), STATES[a.state] || a.state, open];
  }), "alerts-table");
}

async function showAlert(c, a, detail, canWrite, rerender) {
  clear(detail).append(h("div", { class: "card", "data-testid": "alert-card" }, h("h3", {}, ALERTS[a.kind] || a.kind), h("p", {}, a.detail),
    h("p", { class: "muted" }, `transaction ${a.tx_id} in block ${a.block_height}${a.block_time ? ` (${fmtTime(a.block_time)})` : ""}`)));
  const card = detail.firstChild;
  if (canWrite && a.state === "open") {
    const ack = h("button", { class: "secondary", id: "ack-alert" }, "Mark seen");
    ack.addEventListener("click", async () => { await api("POST", `${path(c)}/alerts/${a.id}/acknowledge`); toast("alert marked seen"); await rerender(); });
    card.append(ack);
  }
  if (a.kind !== "reached_service") return;
  const from = h("input", { id: "alert-from", placeholder: "e.g. GB", maxlength: "2", value: localStorage.getItem("cairn.requestingState") || "" });
  const fromError = h("span", { class: "field-error", id: "alert-from-error" });
  const show = h("button", { id: "show-route" }, "Show the urgent route");
  const routeBox = h("div", { id: "alert-route" });
  card.append(h("label", {}, "Requesting State (ISO code)"), from, fromError, h("div", {}, show), routeBox);
  show.addEventListener("click", async () => {
    fromError.textContent = "";
    if (!/^[A-Za-z]{2}$/.test(from.value.trim())) { fromError.textContent = "two letters, e.g. GB"; return; }
    localStorage.setItem("cairn.requestingState", from.value.trim().toUpperCase());
    try { renderRoute(c, a, await api("GET", `${path(c)}/alerts/${a.id}/route?from=${encodeURIComponent(from.value.trim())}`), routeBox, canWrite, rerender); }
    catch (err) { fromError.textContent = err.message; }
  });
}

function renderRoute(c, a, proposal, box, canWrite, rerender) {
  clear(box).append(h("p", {}, `To ${proposal.requested_state}, from ${proposal.requesting_state}, urgent:`));
  for (const o of proposal.options) {
    const item = h("div", { class: "route-option", "data-measure": o.measure },
      h("h4", {}, MEASURES[o.measure] || o.measure),
      h("p", {}, `${o.instrument}${o.citation ? `, ${o.citation}` : ""} — ${CHANNELS[o.channel] || o.channel}${o.parties_confirmed ? "" : " (party status to confirm)"}`),
      o.deadlines.length ? h("ul", {}, ...o.deadlines.map((d) => h("li", {}, `${d.label}: ${d.period} from ${d.from === "sent" ? "sending" : d.from === "acknowledged" ? "receipt" : d.from} (${d.citation})`))) : "",
      o.fallback ? h("p", { class: "muted" }, o.fallback) : "");
    if (canWrite) {
      const draft = h("button", { "data-draft": o.measure }, `Draft ${(MEASURES[o.measure] || o.measure).toLowerCase()} now`);
      draft.addEventListener("click", async () => {
        try {
          const r = await api("POST", `${path(c)}/alerts/${a.id}/draft`, { from: proposal.requesting_state, measure: o.measure });
          toast(`${r.drafts.length} urgent request(s) drafted${r.unroutable.length ? `; not drafted: ${r.unroutable.join("; ")}` : ""}`);
          await rerender();
        } catch (err) { toast(err.message, true); }
      });
      item.append(draft);
    }
    box.append(item);
  }
  if (proposal.contacts.length) box.append(h("h4", {}, "Who to contact"), h("ul", {}, ...proposal.contacts.map((x) => h("li", {}, `${x.role}: ${x.name}${x.verified ? "" : " (unverified)"} — ${x.source}, ${x.as_of}`))));
  if (proposal.note) box.append(h("p", { class: "muted" }, proposal.note));
}

function watchForm(c, rerender) {
  const chain = h("select", { id: "watch-chain", name: "chain" }, h("option", { value: "btc" }, "Bitcoin"), h("option", { value: "eth" }, "Ethereum"));
  api("GET", "/chains").then((list) => {
    for (const x of list.filter((x) => (x.support.block_files || x.support.rpc) && !["btc", "eth"].includes(x.id))) chain.append(h("option", { value: x.id }, x.name));
  }).catch(() => {});
  const kind = h("select", { id: "watch-kind", name: "kind" }, ...Object.entries(KINDS).map(([k, v]) => h("option", { value: k }, v)));
  const value = h("input", { id: "watch-value", name: "value", value: c.wallets.find((w) => w.role === "perpetrator")?.address || "" });
  const label = h("input", { id: "watch-label", name: "label", placeholder: "optional" });
  const threshold = h("input", { id: "watch-threshold", name: "threshold", placeholder: "optional, in base units (satoshi, wei)", inputmode: "numeric" });
  // The error slots keep the ids they had before the form was built with field().
  const withErrorId = (wrapper, id) => { wrapper.querySelector(".field-error").id = id; return wrapper; };
  const form = h("form", { class: "card", id: "watch-form", novalidate: true }, h("h2", {}, "Watch for this case"),
    h("p", { class: "muted" }, "Every ingest of the chain checks its new transactions: funds leaving, reaching a service or a sanctioned address, or crossing the threshold raise an alert here."),
    h("div", { class: "grid2" }, field("Chain", chain), field("Watch", kind)),
    withErrorId(field("Address, or the service's id", value), "watch-value-error"),
    h("div", { class: "grid2" }, field("Label", label), withErrorId(field("Threshold", threshold), "watch-threshold-error")),
    h("div", { class: "actions" }, h("button", { type: "submit", id: "add-watch" }, "Add watch")));
  bindForm(form, {
    submit: () => {
      if (!value.value.trim()) throw invalid("value", "give the address, cluster address or service id to watch");
      if (threshold.value.trim() && !/^\d+$/.test(threshold.value.trim())) throw invalid("threshold", "a whole number of base units (satoshi, wei)");
      return api("POST", `${path(c)}/watches`, { chain: chain.value, kind: kind.value, value: value.value.trim(), label: label.value.trim() || null, threshold: threshold.value.trim() || null });
    },
    done: async () => { toast("watch added"); await rerender(); },
  });
  return form;
}

/** The open alerts of a case (the tab's badge), or 0 when they cannot be read. */
export const openAlertsRead = "/alerts/open";

export async function openAlerts(reference) {
  try { return (await api("GET", openAlertsRead)).find((x) => x.case_reference === reference)?.open || 0; } catch { return 0; }
}
