// Calls to /api/v1 with the session cookie and the antiforgery token; errors become Error(detail).

export const session = { me: null, csrf: null };

async function csrf() {
  if (!session.csrf) {
    const r = await fetch("/api/v1/auth/antiforgery", { credentials: "same-origin" });
    session.csrf = (await r.json()).token;
  }
  return session.csrf;
}

export async function api(method, path, body, { raw = false, form = null } = {}) {
  const headers = {};
  if (method !== "GET") headers["X-CSRF-TOKEN"] = await csrf();
  let payload;
  if (form) payload = form;
  else if (body !== undefined) { headers["Content-Type"] = "application/json"; payload = JSON.stringify(body); }
  const response = await fetch("/api/v1" + path, { method, headers, body: payload, credentials: "same-origin" });
  if (response.status === 401 && !path.startsWith("/auth/")) { location.hash = "#/login"; throw new Error("please sign in"); }
  if (!response.ok) {
    let detail = `${response.status} ${response.statusText}`;
    let errors;
    try { const p = await response.json(); detail = p.detail || p.title || detail; errors = p.errors; } catch { /* not JSON */ }
    if (response.status === 400 && detail.includes("antiforgery")) session.csrf = null;
    const error = new Error(detail);
    error.errors = errors; // a validation problem's messages by field, for forms to show next to the field
    throw error;
  }
  if (raw) return response;
  if (response.status === 204) return null;
  return response.json();
}

export async function loadMe() {
  if (session.me) return true;
  const r = await fetch("/api/v1/auth/me", { credentials: "same-origin" });
  if (!r.ok) return false;
  session.me = await r.json();
  session.csrf = null;
  return true;
}

export async function download(path, fallbackName) {
  const response = await api("GET", path, undefined, { raw: true });
  const blob = await response.blob();
  const name = (response.headers.get("Content-Disposition") || "").match(/filename="?([^";]+)/)?.[1] || fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url; a.download = name; document.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  return { blob, name, response };
}
