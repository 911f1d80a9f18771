// Notifications to the signed-in person's agency: a case shared with it (or its level changed), its
// access revoked, another agency drafting to a State it already asked for the same case.
import { h, clear, fmtTime, toast, table, caseLink } from "./ui.js";
import { api } from "./api.js";
import { L, label } from "./labels.js";

/** Updates the unread count in the header (a number only: not logged, no case data). */
export async function refreshBadge() {
  const badge = document.getElementById("unread");
  try {
    const { unread } = await api("GET", "/notifications/unread");
    badge.textContent = String(unread);
    badge.hidden = unread === 0;
  } catch { badge.hidden = true; }
}

function describe(n) {
  if (n.kind === "case_shared") {
    const [level, masked] = n.detail.split(" ");
    return h("span", {}, `${n.created_agency} shared case `, caseLink(n.case_reference), " with your agency: ", L("grant_level", level), masked === "pseudonymised" ? " (persons shown as pseudonyms)" : "");
  }
  if (n.kind === "case_revoked") return h("span", {}, `${n.created_agency} revoked your agency's access to case ${n.case_reference}`);
  if (n.kind === "request_overlap") {
    const [id, state] = n.detail.split(" ");
    return h("span", {}, `${n.created_agency} drafted request ${id} to ${label("state", state)} for case `, caseLink(n.case_reference),
      ", where your agency has a request too: coordinate before sending (deconfliction).");
  }
  if (n.kind === "address_hit") {
    const [chain, address, other] = n.detail.split(" ");
    return h("span", {}, `The ${label("chain", chain)} address `, h("code", {}, address), ` of one of your agency's cases is also in a case of ${other}. `,
      "No case details are shared; ask them to make contact if you need to coordinate.");
  }
  if (n.kind === "cluster_hit") {
    const [chain, address, cluster, other] = n.detail.split(" ");
    return h("span", {}, `The ${label("chain", chain)} address `, h("code", {}, address), ` of one of your agency's cases is in the same multi-input cluster (${cluster}) as an address in a case of ${other}. `,
      "No case details are shared; ask them to make contact if you need to coordinate.");
  }
  if (n.kind === "partner_hit") {
    const [chain, address, node] = n.detail.split(" ");
    return h("span", {}, `The ${label("chain", chain)} address `, h("code", {}, address), ` of one of your agency's cases is also held at partner node ${node} (found with a match filter). `,
      "No case details are shared; ask them to make contact if you need to coordinate.");
  }
  if (n.kind === "contact_request") {
    const [chain, address, agency, user, scope] = n.detail.split(" ");
    const who = scope === "partner" ? `Partner node ${agency} (${user})` : `${agency} (${user})`;
    const about = scope === "cluster" ? " (they hold an address in the same cluster)" : "";
    return h("span", {}, `${who} asks your agency to make contact about the ${label("chain", chain)} address `, h("code", {}, address), `${about}.`);
  }
  return L("notification_kind", n.kind);
}

/** "Request contact" on an address hit notice: the other agency is asked to get in touch. */
function contactButton(n) {
  if (!["address_hit", "cluster_hit", "partner_hit"].includes(n.kind)) return "";
  const button = h("button", { class: "small", type: "button", "data-contact": n.id }, "Request contact");
  button.addEventListener("click", async () => {
    try {
      const sent = await api("POST", `/notifications/${encodeURIComponent(n.id)}/contact`);
      toast(`${sent.agency} has been asked to make contact`);
      button.disabled = true;
      button.textContent = "Contact requested";
    } catch (err) { toast(err.message, true); }
  });
  return button;
}

export async function renderNotifications(main) {
  const page = await api("GET", "/notifications?limit=200");
  const rows = page.items.map((n) => {
    const read = n.read_at ? h("span", { class: "muted" }, `read ${fmtTime(n.read_at)}`) : h("button", { class: "small secondary", type: "button", "data-read": n.id }, "Mark read");
    if (!n.read_at) read.addEventListener("click", async () => {
      try { await api("POST", `/notifications/${encodeURIComponent(n.id)}/read`); await renderNotifications(main); await refreshBadge(); }
      catch (err) { toast(err.message, true); }
    });
    return [fmtTime(n.created_at), L("notification_kind", n.kind), describe(n), `${n.created_by}@${n.created_agency}`, h("span", {}, contactButton(n), " ", read)];
  });
  const all = h("button", { class: "secondary", type: "button", id: "read-all", disabled: !page.items.some((n) => !n.read_at) }, "Mark all read");
  all.addEventListener("click", async () => {
    try { await api("POST", "/notifications/read"); await renderNotifications(main); await refreshBadge(); }
    catch (err) { toast(err.message, true); }
  });
  clear(main).append(h("h1", {}, "Notifications"), table(["when", "what", "", "by", ""], rows, "notifications-table", "nothing to report"), all);
}
