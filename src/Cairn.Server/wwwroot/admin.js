// Administration: accounts (create with a one-time password shown once, roles, disable/enable, their
// API tokens), the agency registry (register, change), backups and retention (operations.js), for admins. The server enforces every rule;
// this page only offers what an admin may do.
import { h, clear, fmtTime, toast, table } from "./ui.js";
import { api, session } from "./api.js";
import { L, label, options, stateOptions } from "./labels.js";
import { field, bindForm, formCard } from "./forms.js";
import { renderOperations } from "./operations.js";

const roles = ["Investigator", "Prosecutor", "FiuAnalyst", "AssetRecoveryOfficer", "Auditor", "Admin"];
const kinds = ["police", "prosecution", "fiu", "aro", "court"];

export async function renderAdmin(main, tab) {
  const body = h("div", {});
  clear(main).append(h("h1", {}, "Administration"),
    h("div", { class: "tabs" }, ...[["accounts", "Accounts"], ["agencies", "Agencies"], ["operations", "Backups and retention"]].map(([t, text]) =>
      h("a", { href: `#/admin/${t}`, class: t === tab ? "active" : "", "data-testid": `admin-tab-${t}` }, text))),
    body);
  if (tab === "agencies") await agencies(body);
  else if (tab === "operations") await renderOperations(body);
  else await accounts(body);
}

/** What the accounts tab reads. */
export const accountsReads = ["/admin/accounts?limit=500", "/admin/agencies?limit=500"];

async function accounts(body) {
  const [list, registry] = await Promise.all(accountsReads.map((p) => api("GET", p)));
  const rows = list.items.map((a) => {
    const state = a.disabled ? h("span", { class: "bad" }, "disabled") : a.must_change_password ? h("span", { class: "warn" }, "one-time password not yet changed") : h("span", { class: "ok" }, "active");
    const toggle = h("button", { class: `small ${a.disabled ? "secondary" : "danger"}`, type: "button", "data-toggle": a.login, disabled: a.login === session.me.login }, a.disabled ? "Enable" : "Disable");
    toggle.addEventListener("click", async () => {
      try { await api("POST", `/admin/accounts/${encodeURIComponent(a.login)}/${a.disabled ? "enable" : "disable"}`); toast(`${a.login} ${a.disabled ? "enabled" : "disabled"}`); await renderAdmin(document.getElementById("main"), "accounts"); }
      catch (err) { toast(err.message, true); }
    });
    const edit = h("button", { class: "small secondary", type: "button", "data-roles": a.login }, "Roles…");
    edit.addEventListener("click", () => { const slot = document.getElementById("roles-slot"); clear(slot).append(rolesForm(a)); slot.scrollIntoView({ block: "nearest" }); });
    const tokens = h("button", { class: "small secondary", type: "button", "data-tokens": a.login }, "Tokens…");
    tokens.addEventListener("click", async () => { const slot = document.getElementById("roles-slot"); clear(slot).append(await tokenList(a.login)); });
    return [a.login, a.display_name, a.agency, h("span", {}, ...a.roles.flatMap((r, i) => [i ? ", " : "", L("role", r)])), state, fmtTime(a.created_at), h("span", {}, edit, tokens, toggle)];
  });
  body.append(table(["login", "name", "agency", "roles", "state", "created", ""], rows, "accounts-table"), h("div", { id: "roles-slot" }), createForm(registry.items));
}

function roleBoxes(prefix, selected = []) {
  return h("fieldset", { class: "roles", "data-error-for": "roles-box" }, h("legend", {}, "Roles"),
    ...roles.map((r) => h("label", { class: "check" }, h("input", { type: "checkbox", name: `${prefix}-${r}`, value: r, checked: selected.includes(r), "data-role": r }), " ", label("role", r))),
    h("p", { class: "field-error", "data-error-for": "roles", hidden: true }));
}

const chosen = (form) => [...form.querySelectorAll("input[data-role]:checked")].map((x) => x.value);

function createForm(agencies) {
  const login = h("input", { name: "login", id: "account-login", autocomplete: "off" });
  const name = h("input", { name: "display_name", id: "account-name" });
  const agency = h("select", { name: "agency", id: "account-agency" }, h("option", { value: "" }, "— choose —"),
    ...agencies.map((a) => h("option", { value: a.code, title: a.code }, `${a.name} (${a.code})`)));
  const result = h("div", { id: "created-account", "data-testid": "created-account" });
  const form = formCard("account-form", "Create an account", [h("div", { class: "grid2" }, field("Login", login), field("Display name", name)),
    field("Agency", agency, { hint: "Register a new agency under Agencies first." }), roleBoxes("new")], "Create account");
  bindForm(form, {
    key: "new-account",
    submit: () => api("POST", "/admin/accounts", { login: login.value, display_name: name.value, agency: agency.value, roles: chosen(form) }),
    done: async (created) => {
      await renderAdmin(document.getElementById("main"), "accounts");
      document.getElementById("roles-slot").append(h("div", { class: "notice ok", "data-testid": "one-time-password" },
        h("p", {}, `Account ${created.account.login} created. Give this one-time password to ${created.account.display_name} by a separate channel; it is shown only now and must be changed at the first sign-in:`),
        h("p", { class: "secret", id: "one-time-password" }, created.one_time_password)));
    },
  });
  form.append(result);
  return form;
}

function rolesForm(account) {
  const form = formCard("roles-form", `Roles of ${account.login}`, [roleBoxes("edit", account.roles)], "Save roles");
  bindForm(form, {
    submit: () => api("PUT", `/admin/accounts/${encodeURIComponent(account.login)}/roles`, { roles: chosen(form) }),
    done: () => { toast(`roles of ${account.login} saved`); return renderAdmin(document.getElementById("main"), "accounts"); },
  });
  return form;
}

async function tokenList(login) {
  const page = await api("GET", `/admin/accounts/${encodeURIComponent(login)}/tokens?limit=500`);
  return h("div", { class: "card" }, h("h2", {}, `API tokens of ${login}`), tokensTable(page.items, () => tokenList(login).then((el) => clear(document.getElementById("roles-slot")).append(el))));
}

/** A table of API tokens with a revoke button on the active ones; used here and on the account page. */
export function tokensTable(items, reload) {
  const rows = items.map((t) => {
    const active = !t.revoked_at && (!t.expires_at || new Date(t.expires_at) > new Date());
    const revoke = active ? h("button", { class: "small danger", type: "button", "data-revoke-token": t.id }, "Revoke") : "";
    if (revoke) revoke.addEventListener("click", async () => {
      try { await api("DELETE", `/auth/tokens/${encodeURIComponent(t.id)}`); toast(`token ${t.name} revoked`); await reload(); }
      catch (err) { toast(err.message, true); }
    });
    return [t.name, h("code", {}, t.id), fmtTime(t.created_at), fmtTime(t.expires_at), t.revoked_at ? `revoked ${fmtTime(t.revoked_at)}` : active ? h("span", { class: "ok" }, "active") : "expired", revoke];
  });
  return table(["name", "id", "created", "expires", "state", ""], rows, "tokens-table", "no API token");
}

async function agencies(body) {
  const list = await api("GET", "/admin/agencies?limit=500");
  const rows = list.items.map((a) => {
    const edit = h("button", { class: "small secondary", type: "button", "data-edit-agency": a.code }, "Edit");
    edit.addEventListener("click", () => { const slot = document.getElementById("agency-form-slot"); clear(slot).append(agencyForm(a)); slot.scrollIntoView({ block: "nearest" }); });
    return [h("code", {}, a.code), a.name, a.state ? L("state", a.state) : h("span", { class: "warn" }, "not set"), a.kind ? L("agency_kind", a.kind) : h("span", { class: "warn" }, "not set"), edit];
  });
  body.append(h("p", { class: "muted" }, "Cases can be shared only with agencies in this registry, and every account belongs to one."),
    table(["code", "name", "State", "kind", ""], rows, "agencies-table", "no agency registered"), h("div", { id: "agency-form-slot" }, agencyForm()));
}

function agencyForm(existing) {
  const code = h("input", { name: "code", id: "agency-code", value: existing?.code || "", disabled: !!existing, placeholder: "e.g. BKA-DE" });
  const name = h("input", { name: "name", id: "agency-name", value: existing?.name || "" });
  const state = h("select", { name: "state", id: "agency-state" }, ...stateOptions(existing?.state, { blank: true }));
  const kind = h("select", { name: "kind", id: "agency-kind" }, h("option", { value: "" }, "— choose —"), ...options("agency_kind", kinds, existing?.kind));
  const form = formCard("agency-form", existing ? `Edit ${existing.code}` : "Register an agency",
    [h("div", { class: "grid2" }, field("Code", code, { hint: "Letters, digits, '.', '_' or '-'; it cannot change later." }), field("Name", name)),
      h("div", { class: "grid2" }, field("State", state), field("Kind", kind))], existing ? "Save agency" : "Register agency");
  bindForm(form, {
    key: existing ? null : "new-agency",
    submit: () => existing
      ? api("PUT", `/admin/agencies/${encodeURIComponent(existing.code)}`, { name: name.value, state: state.value, kind: kind.value })
      : api("POST", "/admin/agencies", { code: code.value, name: name.value, state: state.value, kind: kind.value }),
    done: (saved) => { toast(`agency ${saved.code} ${existing ? "saved" : "registered"}`); return renderAdmin(document.getElementById("main"), "agencies"); },
  });
  return form;
}
