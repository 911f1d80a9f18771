// A case's victims on its dashboard: per victim and asset what they lost (with the transactions that prove it),
// what approved returns gave them, what returns await a second user's approval, and what is still owed. The
// case's investigators, prosecutors and asset-recovery officers add victims and losses here; returns are
// recorded on the Ledger tab and point to a victim.
import { h, table, toast, toDecimal } from "./ui.js";
import { api, can } from "./api.js";
import { label } from "./labels.js";
import { field, bindForm, formCard } from "./forms.js";
import { reloadCase } from "./case.js";

function amount(baseUnits, token, decimals) {
  const units = decimals === undefined || decimals === null ? null : toDecimal(baseUnits, decimals);
  return h("span", { class: "amount", title: `${baseUnits} base units` }, units !== null ? `${units} ${token}` : `${baseUnits} base units of ${token}`);
}

/** The victims section of the dashboard <d> (its "victims" list), with the forms for those who may record them. */
export function victimsSection(c, d) {
  const rows = d.victims.flatMap((v) => (v.assets.length ? v.assets : [null]).map((a) => a === null
    ? [v.name, "no loss recorded yet", "", "", "", ""]
    : [v.name, `${a.token} on ${label("chain", a.chain)}`, amount(a.lost, a.token, a.decimals), amount(a.received, a.token, a.decimals),
      a.awaiting_approval === "0" ? "" : amount(a.awaiting_approval, a.token, a.decimals), amount(a.outstanding, a.token, a.decimals)]));
  const section = h("section", { "data-testid": "dashboard-victims-section" },
    h("h2", {}, "Victims"),
    h("p", { class: "muted" }, "What each victim lost and what returns gave them; a return counts once a second user has approved it."),
    table(["victim", "asset", "lost", "received", "awaiting approval", "still owed"], rows, "dashboard-victims", "no victims recorded"));
  const writer = c.access !== "read" && (can("Investigator") || can("Prosecutor") || can("AssetRecoveryOfficer"));
  if (writer) section.append(h("div", { class: "grid2" }, victimForm(c), d.victims.length ? lossForm(c, d.victims) : ""));
  return section;
}

function victimForm(c) {
  const name = h("input", { name: "name", id: "victim-name", autocomplete: "off", placeholder: "as the case knows them" });
  const details = h("textarea", { name: "details", id: "victim-details", rows: "2", placeholder: "contact point, how they were defrauded" });
  const form = formCard("victim-form", "Add a victim", [field("Name", name), field("Details", details)], "Add victim");
  return bindForm(form, {
    key: `victim-${c.reference}`,
    submit: () => api("POST", `/cases/${encodeURIComponent(c.reference)}/victims`, { name: name.value, details: details.value }),
    done: (v) => { toast(`${v.name} added as a victim`); return reloadCase(c, "dashboard"); },
  });
}

function lossForm(c, victims) {
  const victim = h("select", { name: "victim", id: "loss-victim" }, ...victims.map((v) => h("option", { value: v.id }, v.name)));
  const chain = h("input", { name: "chain", id: "loss-chain", value: "btc", autocomplete: "off" });
  const token = h("input", { name: "token", id: "loss-token", value: "BTC", autocomplete: "off" });
  const decimals = h("input", { type: "number", name: "decimals", id: "loss-decimals", min: "0", max: "36", placeholder: "only for tokens the registry does not list" });
  const units = h("input", { name: "amount_units", id: "loss-amount", inputmode: "decimal", placeholder: "e.g. 0.8" });
  const transactions = h("textarea", { name: "transaction_ids", id: "loss-transactions", rows: "3", placeholder: "one transaction id per line" });
  const description = h("input", { name: "description", id: "loss-description", placeholder: "what happened" });
  const form = formCard("loss-form", "Record a loss", [
    field("Victim", victim), h("div", { class: "row" }, field("Chain", chain), field("Token", token), field("Decimals", decimals)),
    field("Amount lost", units, { hint: "In units (BTC, ETH, tokens)." }),
    field("Transactions that prove it", transactions, { hint: "The victim's payments, one transaction id per line." }),
    field("Description", description)], "Record loss");
  return bindForm(form, {
    key: `loss-${c.reference}`,
    submit: () => api("POST", `/cases/${encodeURIComponent(c.reference)}/victims/${encodeURIComponent(victim.value)}/losses`, {
      chain: chain.value.trim().toLowerCase(), token: token.value.trim(), amount_units: units.value.trim(), decimals: decimals.value === "" ? null : Number(decimals.value),
      transaction_ids: transactions.value.split(/\s+/).filter(Boolean), description: description.value,
    }),
    done: () => { toast("Loss recorded"); return reloadCase(c, "dashboard"); },
  });
}
