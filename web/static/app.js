/* The page: timeline, estimates table, search and source health, all from the JSON API.
 * Crawled text (titles, quotes, snippets, claimants, errors) only ever goes in through textContent. */
"use strict";

(function () {
  const $ = (sel) => document.querySelector(sel);
  let searchNext = null;
  let searchQuery = "";

  async function getJSON(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    if (!response.ok) {
      let message = `${response.status} ${response.statusText}`;
      try { message = (await response.json()).error || message; } catch (_) { /* not JSON */ }
      throw new Error(message);
    }
    return response.json();
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

  function row(cells) {
    const tr = document.createElement("tr");
    for (const c of cells) {
      const td = document.createElement("td");
      if (c instanceof Node) td.appendChild(c); else td.textContent = c == null ? "–" : String(c);
      tr.appendChild(td);
    }
    return tr;
  }

  function showError(where, err) {
    where.replaceChildren(node("p", `Could not load: ${err.message}`, "status"));
  }

  async function loadEstimates() {
    const data = await getJSON("/api/estimates");
    const list = data.estimates;
    const palette = window.Timeline.render($("#timeline"), list);
    const legend = $("#legend");
    legend.replaceChildren();
    for (const [name, colour] of palette) {
      const li = node("li");
      const sw = node("span", null, "swatch");
      sw.style.backgroundColor = colour;  // CSSOM, allowed by the CSP (an inline style attribute is not)
      li.append(sw, document.createTextNode(name));
      legend.appendChild(li);
    }
    const body = $("#estimates-table tbody");
    body.replaceChildren();
    for (const e of list) {
      const fig = node("a", figure(e));
      fig.href = `#estimate-${e.id}`;
      const tr = row([fig, e.outcome, e.victims, e.place, e.kind || "toll", e.claimant, day(e.first_stated || e.first_seen),
                      e.mentions]);
      tr.firstChild.className = "num";
      body.appendChild(tr);
    }
    if (!list.length) body.appendChild(row(["No estimates yet.", "", "", "", "", "", "", ""]));
  }

  async function showEstimate(id) {
    const box = $("#estimate-detail");
    box.hidden = false;
    box.replaceChildren(node("p", "Loading…", "status"));
    try {
      const e = await getJSON(`/api/estimates/${encodeURIComponent(id)}`);
      const title = `${figure(e)} ${e.victims} ${e.outcome}${e.place ? " in " + e.place : ""}` +
                    (e.claimant ? ` (according to ${e.claimant})` : "");
      const list = node("ol");
      for (const s of e.stories) {
        const li = node("li");
        li.appendChild(link(s.url, s.title || s.url));
        li.appendChild(node("div", `${s.outlet || s.source || ""} · ${day(s.published || s.seen)}`, "meta"));
        li.appendChild(node("blockquote", s.quote));
        list.appendChild(li);
      }
      box.replaceChildren(node("h3", title), list);
    } catch (err) {
      showError(box, err);
    }
  }

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
                                   (item.also_at.length ? ` · also at ${item.also_at.length} other address(es)` : ""),
                            "meta"));
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
    for (const s of data.sources) {
      const tr = row([link(s.url, s.name), s.kind, s.status, day(s.last_polled), s.failures, s.last_error]);
      tr.children[2].className = `state-${s.status}`;
      body.appendChild(tr);
    }
    if (!data.sources.length) body.appendChild(row(["No sources yet.", "", "", "", "", ""]));
  }

  function fromHash() {
    const m = /^#estimate-(\d+)$/.exec(location.hash);
    if (m) showEstimate(m[1]);
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("#search-form").addEventListener("submit", (ev) => {
      ev.preventDefault();
      searchQuery = $("#search-q").value.trim();
      if (searchQuery) search(searchQuery, null);
    });
    $("#search-more").addEventListener("click", () => { if (searchNext) search(searchQuery, searchNext); });
    window.addEventListener("hashchange", fromHash);
    loadEstimates().then(fromHash).catch((err) => showError($("#timeline"), err));
    loadSources().catch((err) => $("#sources-table tbody").replaceChildren(row([`Could not load: ${err.message}`])));
  });
})();
