// The token, and calls to the host with it; a problem-details answer becomes an Error carrying its detail.
const KEY = "snowops.token";

/** Takes a token from #token=… into sessionStorage and removes it from the address bar. */
export function takeTokenFromHash() {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (!match) return;
  sessionStorage.setItem(KEY, decodeURIComponent(match[1]));
  history.replaceState(null, "", location.pathname + location.search);
}

export const token = () => sessionStorage.getItem(KEY);
export const setToken = (value) => sessionStorage.setItem(KEY, value.trim());
export const clearToken = () => sessionStorage.removeItem(KEY);

/** The role claims of the token (read only to choose what to show; the server checks every call). */
export function roles() {
  const value = token();
  if (!value) return [];
  try {
    const payload = JSON.parse(atob(value.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")));
    const role = payload.role ?? payload["http://schemas.microsoft.com/ws/2008/06/identity/claims/role"] ?? [];
    return Array.isArray(role) ? role : [role];
  } catch {
    return [];
  }
}

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

async function call(method, url, body) {
  const headers = { Accept: "application/json" };
  if (token()) headers.Authorization = `Bearer ${token()}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = text;
  }
  if (!response.ok) {
    const detail = (data && (data.detail || data.title)) || `${response.status} ${response.statusText}`;
    throw new ApiError(response.status, detail);
  }
  return data;
}

export const get = (url) => call("GET", url);
export const post = (url, body = {}) => call("POST", url, body);
