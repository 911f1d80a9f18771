// A case's evidence.
import { h, clear, fmtTime, toast, table } from "./ui.js";
import { api, can, download, ApiError } from "./api.js";
import { field, bindForm, formCard } from "./forms.js";
import { renderCase } from "./case.js";


// A list only knows whether a file is there with its size; "verified" comes from re-reading its bytes on demand.
const storedFileLabels = { stored: "stored (not re-checked)", missing: "MISSING", altered: "ALTERED", verified: "verified" };

function storedFileStatus(id, status, checkedAt) {
  const text = (storedFileLabels[status] || status) + (checkedAt ? ` at ${fmtTime(checkedAt)}` : "");
  return h("span", { class: status === "verified" ? "ok" : status === "stored" ? "" : "bad", "data-status": status, "data-evidence-status": id }, text);
}

/** What the evidence tab reads (case.js starts it beside the case itself). */
export function evidenceReads(reference) { return [`/cases/${encodeURIComponent(reference)}/evidence?limit=500`]; }

export async function evidence(body, c) {
  const list = await api("GET", evidenceReads(c.reference)[0]);
  const rows = list.items.map(({ item: e, status }) => [e.file_name, h("code", {}, e.sha256), String(e.size_bytes), `${e.collected_by}@${e.collected_agency}`, fmtTime(e.collected_at), e.method, e.source,
    storedFileStatus(e.id, status)]);
  const checkButton = h("button", { id: "check-evidence" }, "Check stored files now");
  checkButton.addEventListener("click", async () => {
    try {
      const checked = await api("POST", `/cases/${encodeURIComponent(c.reference)}/evidence/check?limit=500`);
      for (const { item: e, status, checked_at: at } of checked.items) {
        const cell = document.querySelector(`[data-evidence-status="${CSS.escape(e.id)}"]`);
        if (cell) cell.replaceWith(storedFileStatus(e.id, status, at));
      }
    } catch (err) { toast(err.message, true); }
  });
  const exportButton = h("button", { id: "export-evidence" }, "Export signed package");
  const result = h("div", { id: "verify-result" });
  exportButton.addEventListener("click", async () => {
    try {
      const { blob, name } = await download(`/cases/${encodeURIComponent(c.reference)}/evidence/export`, `${c.reference}-evidence.zip`);
      const form = new FormData();
      form.append("package", blob, name);
      const v = await api("POST", "/evidence/verify", undefined, { form });
      clear(result).append(verification(v, name, "verify-status"));
    } catch (err) { toast(err.message, true); }
  });
  body.append(h("h2", {}, "Evidence"), table(["file", "sha256", "bytes", "collected by", "when", "method", "source", "stored file"], rows, "evidence-table"), checkButton, exportButton, result);
  body.append(receivedForm());
  // The owner and a contributing agency add evidence; a read-only share does not see the form (the server refuses it too).
  if (can("Investigator") && c.access !== "read") body.append(uploadForm(c));
}

/** A package's verification broken down: the verdict, whether the signing key is this installation's (pinned) or only self-consistent (flagged), each check and each problem. */
function verification(v, name, testId) {
  return h("div", { class: "card", "data-testid": testId },
    h("p", { class: v.valid ? "ok" : "bad", "data-valid": String(v.valid) }, v.valid ? `package ${name} verifies: ${v.files} file(s), ${v.log_entries} log entries, tree size ${v.tree_size}` : `package ${name} does NOT verify`),
    h("p", { class: v.key_pinned ? "ok" : "warn", "data-testid": "key-pinned" }, v.key_pinned
      ? "Signed with this installation's custody key (pinned)."
      : `Signing key not pinned: it is not this installation's key${v.key_id ? ` (key ${v.key_id})` : ""}. Compare its fingerprint with the sender's by another channel before relying on it.`),
    h("p", { class: "muted" }, v.summary, v.case_reference ? ` · case ${v.case_reference}` : ""),
    h("ul", {}, ...v.checks.map((x) => h("li", {}, x)), ...v.problems.map((x) => h("li", { class: "bad" }, x))));
}

/** Verifying a package received from elsewhere (a foreign authority, a court): nothing is stored; the check is shown. */
function receivedForm() {
  const file = h("input", { type: "file", id: "received-package", name: "package", accept: ".zip,.asice,application/zip" });
  const out = h("div", { id: "received-result" });
  const form = formCard("verify-form", "Verify a package received from elsewhere", [field("Evidence package (ZIP)", file, { hint: "Checked here: hashes, signature, log proofs. Nothing is stored." })], "Verify", [out]);
  bindForm(form, {
    submit: () => {
      if (!file.files[0]) throw new ApiError(400, "choose the package to verify", { package: ["choose the package to verify"] });
      const data = new FormData();
      data.append("package", file.files[0], file.files[0].name);
      return api("POST", "/evidence/verify", undefined, { form: data });
    },
    done: (v) => { clear(out).append(verification(v, file.files[0].name, "received-status")); },
  });
  return form;
}

function uploadForm(c) {
  const file = h("input", { type: "file", id: "evidence-file", name: "file" });
  const method = h("input", { id: "evidence-method", name: "method", value: "upload" });
  const source = h("input", { id: "evidence-source", name: "source", placeholder: "where the file came from" });
  const form = formCard("evidence-form", "Add evidence", [field("File", file, { hint: "Stored by its SHA-256; the custody log records who added it." }),
    h("div", { class: "grid2" }, field("Method", method, { hint: "How it was obtained: upload, export, seizure, provider response…" }), field("Source", source))], "Add");
  bindForm(form, {
    key: `evidence-${c.reference}`,
    submit: () => {
      if (!file.files[0]) throw new ApiError(400, "choose the file to add", { file: ["choose the file to add"] });
      const data = new FormData();
      data.append("file", file.files[0]); data.append("method", method.value); data.append("source", source.value);
      return api("POST", `/cases/${encodeURIComponent(c.reference)}/evidence`, undefined, { form: data });
    },
    done: (added) => { toast(`${added?.file_name || "file"} added`); return renderCase(document.getElementById("main"), c.reference, "evidence"); },
  });
  return form;
}
