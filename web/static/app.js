/* The page: filters kept in the URL, the timeline, a sortable estimates table (cards on a phone), an estimate's
 * stories with corrections for a signed-in user, search and source health, all from the JSON API.
 * Crawled text (titles, quotes, snippets, claimants, errors) only ever goes in through textContent. */
"use strict";

(function () {
  const $ = (sel) => document.querySelector(sel);
  const FILTERS = ["victims", "kind", "outcome", "claimant", "place", "since", "until"];
  const COLUMNS = ["figure", "outcome", "victims", "place", "kind", "claimant", "first_stated", "mentions"];
  const HEADINGS = ["Figure", "Outcome", "Victims", "Place", "Kind", "Claimant", "First stated", "Stories"];
  let session = { signed_in: false, can_correct: false, csrf: null };
  let estimates = [];
  let searchNext = null;
  let refreshTimer = null;

  let fresh = false;  // after a correction: the server checks the archive's version before answering

  async function getJSON(url) {
    const headers = { Accept: "application/json" };
    if (fresh) headers["Cache-Control"] = "no-cache";
    const response = await fetch(url, { headers });
    return answer(response);
  }

  async function answer(response) {
    if (response.status === 401) { location.assign(`/signin?next=${encodeURIComponent(location.pathname + location.search)}`); }
    if (!response.ok) {
      let message = `${response.status} ${response.statusText}`;
      try { message = (await response.json()).error || message; } catch (_) { /* not JSON */ }
      throw new Error(message);
    }
    return response.json();
  }

  async function postJSON(url, body) {
    const response = await fetch(url, {
      method: "POST", body: JSON.stringify(body),
      headers: { Accept: "application/json", "Content-Type": "application/json", "X-CSRF-Token": session.csrf || "" },
    });
    return answer(response);
  }

  function node(tag, text, cls) {
    const n = document.createElement(tag);
    if (text != null) n.textContent = String(text);
    if (cls) n.className = cls;
    return n;
  }

  /* Only web links become links: a crawled `javascript:` URL stays text. */
  function link(url, text) {
    let safe = null;
    try {
      const parsed = new URL(url);
      if (parsed.protocol === "http:" || parsed.protocol === "https:") safe = parsed.href;
    } catch (_) { /* not a URL */ }
    if (!safe) return node("span", text || url || "");
    const a = node("a", text || url);
    a.href = safe;
    a.rel = "noopener noreferrer";
    return a;
  }

  function figure(e) {
    const f = (v) => v.toLocaleString("en");
    if (e.low != null && e.high != null) return e.low === e.high ? f(e.low) : `${f(e.low)}–${f(e.high)}`;
    if (e.low != null) return (e.qualifier === "at_least" ? "≥" : ">") + f(e.low);
    return e.high != null ? "≤" + f(e.high) : "?";
  }

  function day(iso) { return iso ? iso.slice(0, 10) : "–"; }

  function row(cells, labels) {
    const tr = document.createElement("tr");
    cells.forEach((c, i) => {
      const td = document.createElement("td");
      if (labels) td.dataset.label = labels[i];
      if (c instanceof Node) td.appendChild(c); else td.textContent = c == null ? "–" : String(c);
      tr.appendChild(td);
    });
    return tr;
  }

  function showError(where, err) {
    where.replaceChildren(node("p", `Could not load: ${err.message}`, "status"));
  }

  /* -- the URL is the state: filters, search words, the chosen estimate, the table's order -------------- */

  function state() { return new URLSearchParams(location.search); }

  function setState(changes, push) {
    const params = state();
    for (const [k, v] of Object.entries(changes)) {
      if (v == null || v === "") params.delete(k); else params.set(k, String(v));
    }
    const query = params.toString();
    const url = location.pathname + (query ? `?${query}` : "");
    if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
  }

  function filterParams() {
    const params = new URLSearchParams();
    const now = state();
    for (const name of FILTERS) if (now.get(name)) params.set(name, now.get(name));
    return params;
  }

  function formFromState() {
    const form = $("#filters");
    const now = state();
    for (const name of FILTERS) form.elements[name].value = now.get(name) || "";
    $("#search-q").value = now.get("q") || "";
    const order = $("#sort");
    order.value = now.get("sort") || "-first_stated";
    if (order.selectedIndex < 0) order.value = "";  // a header's order the list does not name
  }

  function hrefOf(id) {
    const params = state();
    params.set("estimate", id);
    return `?${params}`;
  }

  /* -- estimates: timeline, legend and table --------------------------------------------------------- */

  function sortKey(e, column) {
    switch (column) {
      case "figure": return e.low != null ? e.low : (e.high != null ? e.high : -1);
      case "mentions": return e.mentions;
      case "first_stated": return e.first_stated || e.first_seen || "";
      default: return (e[column] || "").toString().toLowerCase();
    }
  }

  function sorted(list) {
    const spec = state().get("sort") || "-first_stated";
    const column = spec.replace(/^-/, "");
    if (!COLUMNS.includes(column)) return list;
    const sign = spec.startsWith("-") ? -1 : 1;
    return [...list].sort((a, b) => {
      const ka = sortKey(a, column), kb = sortKey(b, column);
      return (ka < kb ? -1 : ka > kb ? 1 : 0) * sign || (a.id - b.id) * sign;
    });
  }

  function drawTable() {
    const spec = state().get("sort") || "-first_stated";
    for (const th of document.querySelectorAll("#estimates-table th[data-sort]")) {
      const col = th.dataset.sort;
      th.setAttribute("aria-sort", spec === col ? "ascending" : spec === `-${col}` ? "descending" : "none");
    }
    const body = $("#estimates-table tbody");
    body.replaceChildren();
    for (const e of sorted(estimates)) {
      const fig = node("a", figure(e));
      fig.href = hrefOf(e.id);
      fig.addEventListener("click", (ev) => { ev.preventDefault(); choose(e.id); });
      const tr = row([fig, e.outcome, e.victims, e.place, e.kind || "toll", e.claimant,
                      day(e.first_stated || e.first_seen) + (e.first_stated_from === "fetched" ? " (fetched)" : ""),
                      e.mentions], HEADINGS);
      tr.dataset.id = e.id;
      tr.firstChild.classList.add("num");
      if (e.status !== "new") tr.classList.add(`status-${e.status}`);
      body.appendChild(tr);
    }
    if (!estimates.length) {
      const tr = row(["No estimates match these filters."]);
      tr.firstChild.colSpan = COLUMNS.length;
      tr.classList.add("empty");
      body.appendChild(tr);
    }
  }

  function drawChart() {
    const rows = window.Timeline.render($("#timeline"), estimates, { hrefOf, onSelect: choose });
    const undated = estimates.filter((e) => !window.Timeline.dated(e)).length;
    $("#timeline-note").textContent = undated ? `${undated} estimate${undated === 1 ? "" : "s"} with no ` +
      "publication date (dated only by when it was fetched) " + (undated === 1 ? "is" : "are") +
      " in the table below, not on the timeline." : "";
    const legend = $("#legend");
    legend.replaceChildren();
    for (const [name, colour] of rows) {
      const li = node("li");
      const sw = node("span", null, "swatch");
      sw.style.backgroundColor = colour;  // CSSOM, allowed by the CSP (an inline style attribute is not)
      li.append(sw, document.createTextNode(name));
      legend.appendChild(li);
    }
  }

  function drawFeeds() {
    const query = filterParams().toString();
    $("#feed-atom").href = "/feeds/estimates.atom" + (query ? `?${query}` : "");
    $("#feed-json").href = "/feeds/estimates.json" + (query ? `?${query}` : "");
  }

  async function loadEstimates() {
    const status = $("#filters-status");
    try {
      const data = await getJSON(`/api/estimates?${filterParams()}`);
      estimates = data.estimates;
      const narrowed = [...filterParams().keys()].length;
      status.textContent = `${estimates.length} estimate${estimates.length === 1 ? "" : "s"}` +
                           (narrowed ? " match these filters." : ".");
    } catch (err) {
      estimates = [];
      status.textContent = `Could not load estimates: ${err.message}`;
    }
    drawChart();
    drawTable();
    drawFeeds();
  }

  /* -- one estimate: its stories, and corrections for a signed-in user ----------------------------------- */

  function choose(id) {
    setState({ estimate: id }, true);
    showEstimate(id);
  }

  function reasonForm(label, extra, onSubmit) {
    const form = node("form", null, "correction");
    const fields = extra ? [extra] : [];
    const why = node("input");
    why.name = "why"; why.required = true; why.maxLength = 2000; why.placeholder = "Reason (kept with the correction)";
    why.setAttribute("aria-label", "Reason");
    const go = node("button", label);
    go.type = "submit";
    form.append(...fields, why, go);
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const result = form.querySelector(".status") || form.appendChild(node("span", null, "status"));
      result.textContent = "Saving…";
      try {
        await onSubmit(why.value.trim(), extra ? extra.value : null);
        fresh = true;
        try {
          await loadEstimates();
          const id = state().get("estimate");
          if (id) await showEstimate(id, `${label}: done.`);
        } finally {
          fresh = false;
        }
      } catch (err) {
        result.textContent = `Not done: ${err.message}`;
      }
    });
    return form;
  }

  function corrections(e) {
    const box = node("div", null, "corrections");
    box.appendChild(node("h4", "Correct this estimate"));
    const base = `/api/estimates/${e.id}`;
    box.appendChild(reasonForm("Confirm", null, (why) => postJSON(`${base}/confirm`, { why })));
    box.appendChild(reasonForm("Reject", null, (why) => postJSON(`${base}/reject`, { why })));
    const other = node("input");
    other.name = "other"; other.type = "number"; other.min = "1"; other.required = true;
    other.placeholder = "estimate id"; other.setAttribute("aria-label", "Estimate to fold in");
    box.appendChild(reasonForm("Merge in", other, (why, id) => postJSON(`${base}/merge`, { other: Number(id), why })));
    return box;
  }

  async function showEstimate(id, notice) {
    const box = $("#estimate-detail");
    box.hidden = false;
    box.replaceChildren(node("p", "Loading…", "status"));
    try {
      const e = await getJSON(`/api/estimates/${encodeURIComponent(id)}`);
      const title = `${figure(e)} ${e.victims} ${e.outcome}${e.place ? " in " + e.place : ""}` +
                    (e.claimant ? ` (according to ${e.claimant})` : "");
      const facts = `${e.kind || "toll"} · ${e.status}` + (e.revises ? ` · revises estimate ${e.revises}` : "") +
                    ` · first stated ${day(e.first_stated)}` + (e.merged_into ? ` · merged into ${e.merged_into}` : "");
      const list = node("ol");
      for (const s of e.stories) {
        const li = node("li");
        li.dataset.mention = s.mention_id;
        li.appendChild(link(s.url, s.title || s.url));
        li.appendChild(node("div", `${s.outlet || s.source || ""} · ${day(s.published || s.seen)}`, "meta"));
        li.appendChild(node("blockquote", s.quote));
        if (session.can_correct && e.stories.length > 1) {
          li.appendChild(reasonForm("Split out", null,
            (why) => postJSON(`/api/estimates/${e.id}/split`, { mention: s.mention_id, why })));
        }
        list.appendChild(li);
      }
      const parts = [node("h3", title), node("p", facts, "meta"), list];
      if (notice) parts.unshift(node("p", notice, "status notice"));
      if (e.corrections && e.corrections.length) {
        const log = node("ul", null, "log");
        for (const c of e.corrections) {
          log.appendChild(node("li", `${day(c.at)} ${c.action}${c.by ? " by " + c.by : ""}: ${c.why || "(no reason)"}`));
        }
        parts.push(node("h4", "Corrections"), log);
      }
      if (session.can_correct) parts.push(corrections(e));
      box.replaceChildren(...parts);
    } catch (err) {
      showError(box, err);
    }
  }

  /* -- search -------------------------------------------------------------------------------------------- */

  /* Snippets mark matches with [ and ]; they become <mark> elements, the rest stays text. */
  function snippet(text) {
    const p = node("p", null, "snippet");
    let inside = false;
    for (const part of (text || "").split(/([[\]])/)) {
      if (part === "[") { inside = true; continue; }
      if (part === "]") { inside = false; continue; }
      if (part) p.appendChild(inside ? node("mark", part) : document.createTextNode(part));
    }
    return p;
  }

  async function search(q, cursor) {
    const status = $("#search-status");
    const results = $("#search-results");
    const params = new URLSearchParams({ q, limit: "20" });
    if (cursor) params.set("cursor", cursor); else results.replaceChildren();
    status.textContent = "Searching…";
    try {
      const data = await getJSON(`/api/items?${params}`);
      for (const item of data.items) {
        const li = node("li");
        li.appendChild(link(item.url, item.title || item.url));
        li.appendChild(node("div", `${item.source || ""} · ${day(item.published || item.fetched)}` +
                                   (item.also_at.length ? ` · also at ${item.also_at.length} other address` +
                                    (item.also_at.length === 1 ? "" : "es") : ""), "meta"));
        li.appendChild(snippet(item.snippet));
        results.appendChild(li);
      }
      searchNext = data.next;
      $("#search-more").hidden = !data.next;
      const n = results.children.length;
      status.textContent = n ? `${n} stor${n === 1 ? "y" : "ies"}${data.next ? " so far" : ""}.` : "No matches.";
    } catch (err) {
      status.textContent = `Search failed: ${err.message}`;
    }
  }

  async function loadSources() {
    const body = $("#sources-table tbody");
    const data = await getJSON("/api/sources");
    body.replaceChildren();
    const labels = ["Source", "Kind", "Status", "Last poll", "Failures", "Last error"];
    for (const s of data.sources) {
      const tr = row([link(s.url, s.name), s.kind, s.status, day(s.last_polled), s.failures, s.last_error], labels);
      tr.children[2].className = `state-${s.status}`;
      body.appendChild(tr);
    }
    if (!data.sources.length) body.appendChild(row(["No sources yet."]));
  }

  async function loadSession() {
    try {
      session = await getJSON("/api/session");
    } catch (_) {
      return;
    }
    if (session.signed_in && session.via === "session") {
      $("#account").hidden = false;
      $("#account-name").textContent = session.user ? `Signed in as ${session.user}` : "Signed in with the token";
    }
  }

  /* -- wiring -------------------------------------------------------------------------------------------- */

  function fromLocation() {
    formFromState();
    const legacy = /^#estimate-(\d+)$/.exec(location.hash);  // links made before the URL kept the state
    if (legacy) {
      setState({ estimate: legacy[1] }, false);
      history.replaceState(null, "", location.pathname + location.search);
    }
    const id = state().get("estimate");
    if (id) showEstimate(id); else $("#estimate-detail").hidden = true;
    const q = state().get("q");
    if (q) search(q, null);
  }

  document.addEventListener("DOMContentLoaded", async () => {
    formFromState();
    const form = $("#filters");
    const apply = () => {
      const changes = {};
      for (const name of FILTERS) changes[name] = form.elements[name].value.trim();
      setState(changes, true);
      loadEstimates();
    };
    form.addEventListener("change", apply);
    form.addEventListener("input", (ev) => {
      if (ev.target.type !== "search") return;
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(apply, 350);  // typing a claimant narrows as it goes, not per keystroke
    });
    form.addEventListener("submit", (ev) => { ev.preventDefault(); apply(); });
    $("#filters-clear").addEventListener("click", () => {
      const changes = {};
      for (const name of FILTERS) changes[name] = "";
      setState(changes, true);
      formFromState();
      loadEstimates();
    });
    for (const th of document.querySelectorAll("#estimates-table th[data-sort]")) {
      th.querySelector("button").addEventListener("click", () => {
        const col = th.dataset.sort;
        const now = state().get("sort") || "-first_stated";
        setState({ sort: now === `-${col}` ? col : `-${col}` }, false);
        formFromState();
        drawTable();
      });
    }
    $("#sort").addEventListener("change", (ev) => {  // the headers are hidden on a phone: this works everywhere
      setState({ sort: ev.target.value === "-first_stated" ? "" : ev.target.value }, false);
      drawTable();
    });
    $("#search-form").addEventListener("submit", (ev) => {
      ev.preventDefault();
      const q = $("#search-q").value.trim();
      setState({ q }, true);
      if (q) search(q, null);
    });
    $("#search-more").addEventListener("click", () => { if (searchNext) search(state().get("q") || "", searchNext); });
    window.addEventListener("popstate", () => { loadEstimates(); fromLocation(); });
    let width = window.innerWidth;
    window.addEventListener("resize", () => {
      if (Math.abs(window.innerWidth - width) < 40) return;
      width = window.innerWidth;
      drawChart();
    });
    await loadSession();
    await loadEstimates();
    fromLocation();
    loadSources().catch((err) => $("#sources-table tbody").replaceChildren(row([`Could not load: ${err.message}`])));
  });
})();
