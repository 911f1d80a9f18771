// Calls to /api/v1 with the session cookie and the antiforgery token. A refused call throws an
// ApiError carrying the problem's one-line detail and, for a validation problem, the errors keyed
// by field (forms show them next to the field).
import { clearErrorToast } from "./ui.js";

export const session = { me: null, csrf: null };

export class ApiError extends Error {
  constructor(status, detail, errors) {
    super(detail);
    this.status = status;
    this.errors = errors || null;
  }
}

async function csrf() {
  if (!session.csrf) {
    const r = await fetch("/api/v1/auth/antiforgery", { credentials: "same-origin" });
    session.csrf = (await r.json()).token;
  }
  return session.csrf;
}

// Reads started ahead of the code that uses them (page speed, issue 15): a page asks for its data while the case or
// the list it depends on is still on its way, and api() hands the answer in flight to the first identical GET. One
// use each; forgotten on every navigation and after any change (a read started before a change must not be shown
// after it).
const ahead = new Map();
let aheadGeneration = 0;

/** The current generation of reads started ahead: a prefetch chained on another answer passes it, so it is dropped if the page moved on meanwhile. */
export function prefetchGeneration() { return aheadGeneration; }

/** Starts GET `path` now; the next api("GET", path) of this navigation gets its answer (null: the page moved on). */
export function prefetch(path, generation = aheadGeneration) {
  if (generation !== aheadGeneration) return null;
  if (!ahead.has(path)) {
    const answer = api("GET", path);
    answer.catch(() => { /* the page that uses it reports the error */ });
    ahead.set(path, answer);
  }
  return ahead.get(path);
}

/** Drops every read started ahead (a navigation, a change). */
export function forgetPrefetched() {
  aheadGeneration++;
  ahead.clear();
}

export async function api(method, path, body, { raw = false, form = null } = {}) {
  if (method === "GET" && !raw && !form && ahead.has(path)) {
    const answer = ahead.get(path);
    ahead.delete(path);
    return answer;
  }
  if (method !== "GET") forgetPrefetched();
  const headers = {};
  if (method !== "GET") headers["X-CSRF-TOKEN"] = await csrf();
  let payload;
  if (form) payload = form;
  else if (body !== undefined) { headers["Content-Type"] = "application/json"; payload = JSON.stringify(body); }
  const response = await fetch("/api/v1" + path, { method, headers, body: payload, credentials: "same-origin" });
  if (response.status === 401 && !path.startsWith("/auth/")) { signedIn(false); location.hash = "#/login"; throw new ApiError(401, "please sign in"); }
  if (!response.ok) {
    let detail = `${response.status} ${response.statusText}`;
    let errors = null;
    try { const p = await response.json(); detail = p.detail || p.title || detail; errors = p.errors || null; } catch { /* not JSON */ }
    if (response.status === 400 && detail.includes("antiforgery")) session.csrf = null;
    throw new ApiError(response.status, detail, errors);
  }
  // A change that went through clears the error of the one before (issue 15: toasts clear on success).
  if (method !== "GET") clearErrorToast();
  if (raw) return response;
  if (response.status === 204) return null;
  return response.json();
}

export async function loadMe() {
  if (session.me) return true;
  const r = await fetch("/api/v1/auth/me", { credentials: "same-origin" });
  if (!r.ok) { signedIn(false); return false; }
  session.me = await r.json();
  session.csrf = null;
  signedIn(!session.me.must_change_password);
  return true;
}

// Whether this browser tab was signed in (and past the one-time password) when it last asked: a page load then starts
// its reads beside "who am I" instead of after it. A hint only: the server decides every read.
const SignedInKey = "cairn.signed-in";
export function signedIn(yes) { if (yes) sessionStorage.setItem(SignedInKey, "1"); else sessionStorage.removeItem(SignedInKey); }
export function probablySignedIn() { return sessionStorage.getItem(SignedInKey) === "1"; }

export function can(role) { return !!session.me && session.me.roles.includes(role); }

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
