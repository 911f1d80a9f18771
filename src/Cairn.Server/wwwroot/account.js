// The signed-in person's own account: who they are, their API tokens (create: the secret is shown
// once; revoke) and a password change.
import { h, clear, toast } from "./ui.js";
import { api, session } from "./api.js";
import { L } from "./labels.js";
import { field, bindForm, formCard } from "./forms.js";
import { tokensTable } from "./admin.js";

export async function renderAccount(main) {
  const me = session.me;
  const tokens = await api("GET", "/auth/tokens?limit=500");
  const slot = h("div", { id: "token-secret" });
  const name = h("input", { name: "name", id: "token-name", placeholder: "e.g. nightly screening script" });
  const days = h("input", { name: "valid_days", id: "token-days", type: "number", value: "90", min: "1", max: "3650" });
  const tokenForm = formCard("token-form", "Create an API token", [h("div", { class: "grid2" }, field("Name", name), field("Valid for (days)", days))], "Create token");
  bindForm(tokenForm, {
    key: "new-token",
    submit: () => api("POST", "/auth/tokens", { name: name.value, valid_days: Number(days.value) }),
    done: async (created) => {
      await renderAccount(main);
      document.getElementById("token-secret").append(h("div", { class: "notice ok", "data-testid": "token-secret" },
        h("p", {}, `Token ${created.name} created. Copy it now: it is shown only once. Send it as "Authorization: Bearer …".`), h("p", { class: "secret" }, created.token)));
    },
  });
  const current = h("input", { name: "current_password", id: "account-current", type: "password", autocomplete: "current-password" });
  const next = h("input", { name: "new_password", id: "account-new", type: "password", autocomplete: "new-password" });
  const passwordForm = formCard("account-password-form", "Change your password", [field("Current password", current), field("New password", next, { hint: "At least 12 characters." })], "Change password");
  bindForm(passwordForm, {
    submit: () => api("POST", "/auth/password", { current_password: current.value, new_password: next.value }),
    done: () => { current.value = ""; next.value = ""; toast("password changed"); },
  });
  clear(main).append(h("h1", {}, "Your account"),
    h("p", {}, `${me.login} of ${me.agency} · `, ...me.roles.flatMap((r, i) => [i ? ", " : "", L("role", r)])),
    h("h2", {}, "API tokens"), tokensTable(tokens.items, () => renderAccount(main)), slot, tokenForm, passwordForm);
}
