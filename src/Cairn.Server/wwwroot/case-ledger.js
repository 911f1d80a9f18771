// A case's asset-recovery ledger: what happened (freeze, seize, transfer, confiscate, liquidate,
// return, share) with the date it happened, the authority, its legal basis and evidence; balances
// per asset and the recovery funnel per State. The owning agency's asset-recovery officers and
// prosecutors record events here; amounts are typed in units (1.5 BTC) and the exact base units
// are shown as they are typed. A refusal (seizing more than is frozen, a future date) appears under
// the field it is about, and nothing is written. Each event shows its value in USD or EUR (the same
// switch as the trace's) at the date it happened, with the rate's date and source, or "no rate".
import { h, fmtTime, fmtDate, toast, table, toDecimal, toBaseUnits } from "./ui.js";
import { api, can, session } from "./api.js";
import { L, label, options, stateOptions } from "./labels.js";
import { field, bindForm, formCard, clearErrors, showErrors } from "./forms.js";
import { reloadCase } from "./case.js";

const NATIVE = { "btc/BTC": 8, "eth/ETH": 18 };
/** A State by its name; a victim (or anything not a two-letter code) as typed. */
function who(recipient) { return /^[A-Z]{2}$/.test(recipient) ? label("state", recipient) : recipient; }

const KINDS = ["freeze", "unfreeze", "seize", "transfer_to_custody", "confiscate", "liquidate", "return_to_victim", "return_to_state", "share"];

/** Decimals per chain/token: the native coins', and those a token was first recorded with in this case. */
function knownDecimals(events) {
  const known = { ...NATIVE };
  for (const e of events) {
    const key = `${e.details.asset.chain}/${e.details.asset.token}`;
    if (e.details.decimals !== null && e.details.decimals !== undefined && !(key in known)) known[key] = e.details.decimals;
  }
  return known;
}

/** "1.5 BTC" above "150000000 base units"; base units alone when the decimals are not known. */
function amount(baseUnits, token, decimals) {
  const units = decimals === undefined || decimals === null ? null : toDecimal(baseUnits, decimals);
  return h("span", { class: "amount", title: `${baseUnits} base units` },
    units !== null ? h("span", {}, `${units} ${token}`) : "",
    h("small", { class: "muted base-units" }, `${units !== null ? " " : ""}${baseUnits} base units`));
}

/** The currency chosen on the trace or here (one choice for the whole workbench). */
function fiatChoice() { return localStorage.getItem("cairn.fiat") === "EUR" ? "EUR" : "USD"; }

/** "1,234.56 EUR" over "rate of 2026-03-02 · source"; "no rate" with the reason. */
function worth(v) {
  if (!v || !v.value) return h("span", { class: "muted no-rate", title: v ? v.no_rate : "" }, "no rate");
  const f = v.value;
  return h("span", { class: "fiat", title: `rate ${f.rate} ${f.currency} (${f.basis}); source: ${f.source}` },
    h("span", {}, `${Number(f.value).toLocaleString("en-GB", { minimumFractionDigits: 2 })} ${f.currency}`),
    h("small", { class: "muted" }, ` rate of ${f.rate_date} · ${f.source}`));
}

/** What the ledger tab reads (case.js starts it beside the case itself). */
export function ledgerReads(reference) {
  const ref = encodeURIComponent(reference);
  return [`/cases/${ref}/ledger?fiat=${fiatChoice()}`, `/cases/${ref}/evidence?limit=500`, `/cases/${ref}/victims`];
}

export async function ledger(body, c) {
  const fiat = fiatChoice();
  const [ledgerPath, evidencePath, victimsPath] = ledgerReads(c.reference);
  const [report, evidence, victims] = await Promise.all([
    api("GET", ledgerPath),
    api("GET", evidencePath).catch(() => ({ items: [] })),
    api("GET", victimsPath).catch(() => []),
  ]);
  const known = knownDecimals(report.events);
  const dec = (asset) => known[`${asset.chain}/${asset.token}`];
  const files = Object.fromEntries(evidence.items.map(({ item }) => [item.id, item.file_name]));

  const values = Object.fromEntries((report.fiat ? report.fiat.events : []).map((v) => [v.sequence, v]));
  const events = report.events.map((e) => {
    const d = e.details;
    const to = d.target_location ? ` → ${d.target_location}` : d.recipient ? ` → ${who(d.recipient)}` : "";
    return [String(e.sequence), fmtDate(d.occurred_at), L("ledger_event", d.kind), `${d.asset.token} on ${label("chain", d.asset.chain)} at ${d.asset.location}${to}`,
      amount(d.amount, d.asset.token, dec(d.asset)), worth(values[e.sequence]), d.legal_basis, `${d.authority} (${label("state", d.jurisdiction)})`,
      h("span", {}, ...d.evidence_ids.map((id) => h("span", { class: "pill", title: id }, files[id] || id))),
      `${e.recorded_by}@${e.recorded_agency}, ${fmtTime(e.recorded_at)}`, approval(c, e)];
  });
  const fiatSwitch = h("select", { id: "ledger-fiat", "aria-label": "currency" }, h("option", { value: "USD" }, "USD"), h("option", { value: "EUR" }, "EUR"));
  fiatSwitch.value = fiat;
  fiatSwitch.addEventListener("change", () => { localStorage.setItem("cairn.fiat", fiatSwitch.value); reloadCase(c, "ledger"); });
  const pending = report.events.filter((e) => e.approval === "pending").length;
  const balances = report.balances.map((b) => [`${b.asset.token} on ${label("chain", b.asset.chain)} at ${b.asset.location}`,
    ...["frozen", "seized", "confiscated", "liquidated", "returned", "shared"].map((k) => amount(b[k], b.asset.token, dec(b.asset)))]);
  const funnel = report.states.map((s) => {
    const asset = { chain: s.chain, token: s.token };
    return [who(s.state), `${s.token} on ${label("chain", s.chain)}`, ...["frozen", "seized", "confiscated", "returned", "received"].map((k) => amount(s[k], s.token, dec(asset)))];
  });
  body.append(
    pending ? h("p", { class: "notice", "data-testid": "ledger-pending" },
      `${pending} disposal${pending === 1 ? " awaits" : "s await"} a second user's approval; until approved ${pending === 1 ? "it does" : "they do"} not count in the balances.`) : "",
    h("h2", {}, "Recovery by State"),
    h("p", { class: "muted" }, "What each State's authorities froze, seized, confiscated and returned or shared; and what a State or victim received."),
    table(["State or recipient", "asset", "frozen", "seized", "confiscated", "returned or shared", "received"], funnel, "ledger-states", "nothing recorded yet"),
    h("h2", {}, "Balances"),
    table(["asset", "frozen", "seized", "confiscated", "liquidated", "returned", "shared"], balances, "ledger-balances", "nothing recorded yet"),
    h("h2", {}, "Events"),
    h("p", {}, h("label", {}, "Values in ", fiatSwitch), h("small", { class: "muted" }, " at the date each event happened, from the imported rate tables; never estimated without one.")),
    table(["#", "happened", "event", "asset", "amount", `value (${fiat})`, "legal basis", "authority", "evidence", "recorded", "approval"], events, "ledger-events", "no events yet"));

  if (c.access === "owner" && (can("AssetRecoveryOfficer") || can("Prosecutor"))) body.append(eventForm(c, report, evidence, known, victims));
  else body.append(h("p", { class: "muted" }, "Ledger events are recorded by the owning agency's asset-recovery officers and prosecutors."));
}

/**
 * The four-eyes state of an event: approved (by whom), rejected (by whom and why) or awaiting approval, with Approve and
 * Reject for an asset-recovery officer or prosecutor of the owning agency who did not record it.
 */
function approval(c, e) {
  const d = e.decision;
  if (e.approval === "approved") return d ? `Approved by ${d.by} (${L("role", d.role)}), ${fmtTime(d.at)}` : "Approved";
  if (e.approval === "rejected") return h("span", { class: "refused" }, `Rejected by ${d.by}: ${d.reason}`);
  const eligible = c.access === "owner" && (can("AssetRecoveryOfficer") || can("Prosecutor")) && session.me.login !== e.recorded_by;
  if (!eligible) return h("span", { class: "pending" }, session.me.login === e.recorded_by ? "Awaiting another user's approval" : "Awaiting approval");
  const path = `/cases/${encodeURIComponent(c.reference)}/ledger/${encodeURIComponent(e.id)}`;
  const reason = h("input", { name: "reason", placeholder: "why it is rejected", "aria-label": "Reason for rejecting", "data-no-keep": "1" });
  const form = h("form", { class: "decide", "data-event": e.id, novalidate: true },
    h("button", { type: "button", class: "small", "data-approve": e.id }, "Approve"),
    reason, h("button", { type: "submit", class: "small danger", "data-reject": e.id }, "Reject"),
    h("p", { class: "field-error", "data-error-for": "reason", role: "alert", hidden: true }));
  const decide = async (what, body) => {
    clearErrors(form);
    try {
      await api("POST", `${path}/${what}`, body);
      toast(`${label("ledger_event", e.details.kind)} #${e.sequence} ${what === "approve" ? "approved" : "rejected"}`);
      await reloadCase(c, "ledger");
    } catch (err) { showErrors(form, err); }
  };
  form.querySelector("[data-approve]").addEventListener("click", () => decide("approve"));
  form.addEventListener("submit", (ev) => { ev.preventDefault(); decide("reject", { reason: reason.value }); });
  return form;
}

function eventForm(c, report, evidence, known, victims) {
  const list = (id, values) => h("datalist", { id }, ...[...new Set(values)].map((v) => h("option", { value: v })));
  const kind = h("select", { name: "event", id: "ledger-event" }, ...options("ledger_event", KINDS));
  const today = new Date().toISOString().slice(0, 10);
  const occurred = h("input", { type: "date", name: "occurred_at", id: "ledger-occurred", max: today, value: today });
  const chain = h("input", { name: "chain", id: "ledger-chain", list: "ledger-chains", value: "btc", autocomplete: "off" });
  const token = h("input", { name: "token", id: "ledger-token", list: "ledger-tokens", value: "BTC", autocomplete: "off" });
  const decimals = h("input", { type: "number", name: "decimals", id: "ledger-decimals", min: "0", max: "36" });
  const location = h("input", { name: "location", id: "ledger-location", list: "ledger-locations", placeholder: "exchange account, custody wallet", autocomplete: "off" });
  const units = h("input", { name: "amount_units", id: "ledger-amount", inputmode: "decimal", placeholder: "e.g. 1.5", autocomplete: "off" });
  const exact = h("p", { class: "hint", id: "ledger-base-units", "aria-live": "polite" });
  const basis = h("input", { name: "legal_basis", id: "ledger-basis", placeholder: "e.g. Regulation (EU) 2018/1805 Art. 7", list: "ledger-bases" });
  const authority = h("input", { name: "authority", id: "ledger-authority", placeholder: "court or authority that ordered it", list: "ledger-authorities" });
  const jurisdiction = h("select", { name: "jurisdiction", id: "ledger-jurisdiction" }, ...stateOptions("", { blank: true }));
  const target = h("input", { name: "target_location", id: "ledger-target", placeholder: "state custody wallet" });
  const recipient = h("input", { name: "recipient", id: "ledger-recipient", placeholder: "victim's name, or a State's code (DE, FR, …)" });
  const victim = h("select", { name: "victim_id", id: "ledger-victim" }, h("option", { value: "" }, "(not a victim recorded on the case)"),
    ...victims.map((v) => h("option", { value: v.victim.id }, v.victim.name)));
  const evidenceBoxes = evidence.items.map(({ item }) => h("label", { class: "check" },
    h("input", { type: "checkbox", name: `evidence:${item.id}`, value: item.id, "data-evidence": item.id }), ` ${item.file_name}`));

  const targetField = field("Into custody at", target, { hint: "Where the seized assets are transferred to." });
  const recipientField = field("Recipient", recipient, { hint: "The victim, or the State (its two-letter code) the assets go to." });
  const victimField = field("Victim", victim, { hint: "The case's victim it goes to: it counts against what they lost (Dashboard, Victims)." });
  const decimalsField = field("Decimals", decimals, { hint: "How many decimal places the token has (USDT 6, most ERC-20 tokens 18). BTC and ETH are known." });
  const show = () => {
    targetField.hidden = kind.value !== "transfer_to_custody";
    recipientField.hidden = !["return_to_victim", "return_to_state", "share"].includes(kind.value) || kind.value === "return_to_victim" && victim.value !== "";
    victimField.hidden = kind.value !== "return_to_victim" || victims.length === 0;
    const key = `${chain.value.trim().toLowerCase()}/${token.value.trim()}`;
    const fixed = known[key];
    if (fixed !== undefined) decimals.value = String(fixed);
    decimals.readOnly = fixed !== undefined;
    decimalsField.hidden = key in NATIVE;
    const d = decimals.value === "" ? null : Number(decimals.value);
    const base = units.value.trim() === "" ? null : toBaseUnits(units.value, d);
    exact.textContent = units.value.trim() === "" ? "" : d === null ? "Give the token's decimals to convert." : base === null ? `Not an amount with at most ${d} decimal places.` : `= ${base} base units`;
  };
  for (const el of [kind, chain, token, decimals, units, victim]) { el.addEventListener("input", show); el.addEventListener("change", show); el.addEventListener("restore", show); }

  const events = report.events.map((e) => e.details);
  const form = formCard("ledger-form", "Record an event", [
    field("Event", kind),
    field("Date it happened", occurred, { hint: "The date of the order or the transfer; earlier dates are fine, future dates are not." }),
    h("div", { class: "row" }, field("Chain", chain), field("Token", token), decimalsField),
    field("Held at", location, { hint: "Where the assets are: the exchange account or custody wallet." }),
    // Refusals about the amount itself (more than is frozen there) come keyed "amount": shown under it too.
    h("div", { class: "field-group" }, field("Amount", units, { hint: "In units (BTC, ETH, tokens)." }), exact,
      h("p", { class: "field-error", "data-error-for": "amount", role: "alert", hidden: true })),
    targetField, victimField, recipientField,
    field("Legal basis", basis), field("Ordered by", authority), field("State of that authority", jurisdiction),
    evidenceBoxes.length ? h("fieldset", { class: "field", id: "ledger-evidence" }, h("legend", {}, "Evidence supporting it"), ...evidenceBoxes,
      h("p", { class: "field-error", "data-error-for": "evidence_ids", role: "alert", hidden: true })) : "",
  ], "Record",
  [list("ledger-chains", ["btc", "eth", ...events.map((e) => e.asset.chain)]), list("ledger-tokens", ["BTC", "ETH", "USDT", ...events.map((e) => e.asset.token)]),
    list("ledger-locations", events.flatMap((e) => [e.asset.location, e.target_location].filter(Boolean))),
    list("ledger-bases", events.map((e) => e.legal_basis)), list("ledger-authorities", events.map((e) => e.authority))]);
  bindForm(form, {
    key: `ledger-${c.reference}`,
    submit: () => api("POST", `/cases/${encodeURIComponent(c.reference)}/ledger`, {
      event: kind.value, chain: chain.value.trim().toLowerCase(), token: token.value.trim(), location: location.value.trim(),
      amount_units: units.value.trim(), decimals: decimals.value === "" || decimals.readOnly && `${chain.value.trim().toLowerCase()}/${token.value.trim()}` in NATIVE ? null : Number(decimals.value),
      occurred_at: occurred.value || null, legal_basis: basis.value, authority: authority.value, jurisdiction: jurisdiction.value,
      target_location: targetField.hidden ? null : target.value, recipient: recipientField.hidden ? null : recipient.value,
      victim_id: victimField.hidden || victim.value === "" ? null : victim.value,
      evidence_ids: evidenceBoxes.map((b) => b.querySelector("input")).filter((i) => i.checked).map((i) => i.value),
    }),
    done: (e) => { toast(`${label("ledger_event", e.details.kind)} of ${toDecimal(e.details.amount, known[`${e.details.asset.chain}/${e.details.asset.token}`] ?? e.details.decimals) || e.details.amount} ${e.details.asset.token} recorded`); return reloadCase(c, "ledger"); },
  });
  show();
  return form;
}
