// newsdex's page: reads its whole state from the URL (the API's parameter
// names, plus `article`, `view`, `sig`, `kinds` and `min_count` of its
// own), asks the API, and draws the answer with DOM calls (never HTML
// from data). Links carry real addresses; clicks on them change the
// address with history.pushState, so the back button and bookmarks work.
"use strict";

/** The parameters that select articles, as the API names them. */
const FILTERS = ["q", "person", "org", "location", "country", "keyword",
  "language", "entity", "source", "from", "to", "tz"];

/** The facet lists shown, with the parameter a value of each adds. */
const FACETS = [
  { field: "country", param: "country", label: "Countries" },
  { field: "person", param: "person", label: "Persons" },
  { field: "organization", param: "org", label: "Organizations" },
  { field: "location", param: "location", label: "Locations" },
  { field: "keyword", param: "keyword", label: "Keywords" },
  { field: "source", param: "source", label: "Sources" },
  { field: "language", param: "language", label: "Languages" },
];

/** The hit lists' entity keys, with the parameter a value adds. */
const ENTITY_LINKS = [
  { key: "persons", param: "person" },
  { key: "organizations", param: "org" },
  { key: "locations", param: "location" },
  { key: "countries", param: "country" },
  { key: "keywords", param: "keyword" },
];

/** What each filter parameter is called on a chip. */
const FILTER_LABELS = {
  q: "query", person: "person", org: "organization", location: "location",
  country: "country", keyword: "keyword", language: "language",
  entity: "entity", source: "source", from: "from", to: "to", tz: "time zone",
};

const PAGE_SIZE = 20;
const FACET_SIZE = 8;
const MONTHS_FOR_MONTH_BARS = 24;
const MONTHS_FOR_WEEK_BARS = 3;
const DAY_MS = 86400000;

const regionNames = makeDisplayNames("region");
const languageNames = makeDisplayNames("language");

/** A namer of regions or languages, or null where Intl has none. */
function makeDisplayNames(type) {
  try {
    return new Intl.DisplayNames(["en"], { type });
  } catch (_error) {
    return null;
  }
}

/** The English name of a country code, or the code. */
function countryName(code) {
  try {
    const name = regionNames && regionNames.of(code);
    return name && name !== code ? name : code;
  } catch (_error) {
    return code;
  }
}

/** The English name of a language code, or the code. */
function languageName(code) {
  if (code === "und") return "undetected";
  try {
    const name = languageNames && languageNames.of(code);
    return name && name !== code ? name : code;
  } catch (_error) {
    return code;
  }
}

/** How a facet value reads: countries and languages by name. */
function valueLabel(param, value) {
  if (param === "country") return `${countryName(value)} (${value})`;
  if (param === "language") return languageName(value);
  return value;
}

/** Writes a count as 1,082. */
function formatCount(count) {
  return Number(count).toLocaleString("en-US");
}

/** `1 hit`, `2 hits`. */
function countOf(count, singular, plural) {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`;
}

/** Makes an element with attributes and children (strings become text). */
function el(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** Makes an SVG element. */
function svg(tag, attributes) {
  const element = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    element.setAttribute(name, String(value));
  }
  return element;
}

/** A link to a page address, followed without reloading the page. */
function navLink(href, attributes, ...children) {
  return el("a", { ...attributes, href, "data-nav": true }, ...children);
}

/** The page's parameters now. */
function pageParams() {
  return new URLSearchParams(window.location.search);
}

/** The page address of these parameters. */
function pageUrl(params) {
  const text = params.toString();
  return text ? `/?${text}` : "/";
}

/** The address of the search after a change: back to the first page,
 * out of the article view. */
function searchUrl(change) {
  const params = pageParams();
  params.delete("offset");
  params.delete("article");
  change(params);
  return pageUrl(params);
}

/** The address with one more filter value (none when already there). */
function addFilterUrl(param, value) {
  return searchUrl((params) => {
    if (param === "from" || param === "to" || param === "q") {
      params.set(param, value);
    } else if (!params.getAll(param).includes(value)) {
      params.append(param, value);
    }
    params.delete("view");
  });
}

/** The address without one filter value. */
function removeFilterUrl(param, value) {
  return searchUrl((params) => {
    const kept = params.getAll(param).filter((given) => given !== value);
    params.delete(param);
    for (const given of kept) params.append(param, given);
  });
}

/** The API parameters of the filters the page holds. */
function filterParams(params) {
  const api = new URLSearchParams();
  for (const name of FILTERS) {
    for (const value of params.getAll(name)) {
      if (value !== "") api.append(name, value);
    }
  }
  return api;
}

/** An error answer of the API. */
class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

/** Asks the API and reads its JSON, throwing its error message. */
async function fetchJson(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await response.json();
  } catch (_error) {
    body = null;
  }
  if (!response.ok) {
    throw new ApiError((body && body.error) || response.statusText, response.status);
  }
  return body;
}

/** Each render's number: an answer for an older one is dropped. */
let renderCount = 0;

/** Draws the page for the address. */
async function render() {
  const current = ++renderCount;
  const params = pageParams();
  const input = document.getElementById("q");
  if (document.activeElement !== input) input.value = params.getAll("q").join(" ");
  setQueryError(null);
  const app = document.getElementById("app");
  app.setAttribute("aria-busy", "true");
  let view;
  try {
    if (params.get("article")) {
      view = await articleView(params);
    } else if (params.get("view") === "pairs") {
      view = await pairsView(params);
    } else {
      view = await searchView(params);
    }
  } catch (error) {
    if (current !== renderCount) return;
    if (error instanceof ApiError && error.status === 400) {
      setQueryError(error.message);
      view = el("div", { class: "refused" }, chips(params),
        el("p", { class: "failure" }, "The search was refused: the reason is under the search box."));
    } else {
      view = el("div", { class: "failure" },
        el("p", {}, error.message || String(error)),
        navLink("/", {}, "Start over"));
    }
  }
  if (current !== renderCount) return;
  app.replaceChildren(view);
  app.removeAttribute("aria-busy");
  document.body.dataset.ready = String(current);
}

/** Shows the API's refusal beside the search box, or hides it. */
function setQueryError(message) {
  const box = document.getElementById("query-error");
  box.textContent = message || "";
  box.hidden = !message;
  document.getElementById("q").setAttribute("aria-invalid", message ? "true" : "false");
}

/** The date facet a range calls for: months over two years, weeks over
 * three months, else days. */
function dateUnit(months) {
  if (months > MONTHS_FOR_MONTH_BARS) return "month";
  if (months > MONTHS_FOR_WEEK_BARS) return "week";
  return "day";
}

/** The number of months from one `YYYY-MM` to another, both counted. */
function monthsBetween(first, last) {
  const [firstYear, firstMonth] = first.split("-").map(Number);
  const [lastYear, lastMonth] = last.split("-").map(Number);
  return (lastYear - firstYear) * 12 + (lastMonth - firstMonth) + 1;
}

/** The search view: chips, count, chart, hits, facets. */
async function searchView(params) {
  const offset = Math.max(0, Number(params.get("offset")) || 0);
  const significant = params.get("sig") === "1";
  const api = filterParams(params);
  for (const facet of FACETS) {
    api.append("facet", significant ? `significant:${facet.field}` : facet.field);
  }
  for (const unit of ["date:month", "date:week", "date:day"]) api.append("facet", unit);
  api.set("facet_limit", String(FACET_SIZE));
  api.set("limit", String(PAGE_SIZE));
  if (offset > 0) api.set("offset", String(offset));
  for (const name of ["sort", "collapse"]) {
    if (params.get(name)) api.set(name, params.get(name));
  }
  const result = await fetchJson(`/api/search?${api}`);
  document.title = titleOf(params);
  updateFeedLink(params);
  return el("div", { class: "layout" },
    el("section", { class: "results", id: "results", "aria-label": "Results" },
      chips(params),
      toolbar(params, result),
      dateChart(params, result.facets),
      hitList(params, result),
      pager(params, result, offset)),
    el("aside", { class: "facets", "aria-label": "Facets" },
      significantSwitch(significant),
      FACETS.map((facet) => facetList(facet, significant, result.facets))));
}

/** The page's title for a search. */
function titleOf(params) {
  const query = params.getAll("q").join(" ").trim();
  return query ? `${query} — newsdex` : "newsdex";
}

/** Points the page's feed link at the current search. */
function updateFeedLink(params) {
  let link = document.querySelector("link[rel=alternate]");
  if (!link) {
    link = el("link", { rel: "alternate", type: "application/atom+xml", title: "newsdex search" });
    document.head.append(link);
  }
  link.setAttribute("href", apiUrl(params, "atom"));
}

/** The API address of the search's downloads and feed. */
function apiUrl(params, format) {
  const api = filterParams(params);
  if (params.get("sort")) api.set("sort", params.get("sort"));
  if (params.get("collapse") && format !== "atom") api.set("collapse", params.get("collapse"));
  api.set("limit", format === "atom" ? "50" : "1000");
  api.set("format", format);
  return `/api/search?${api}`;
}

/** The active filters, each a chip that removes itself. */
function chips(params) {
  const list = el("ul", { class: "chips", "aria-label": "Active filters" });
  for (const name of FILTERS) {
    for (const value of params.getAll(name)) {
      if (value === "") continue;
      const label = name === "country" || name === "language" ? valueLabel(name, value) : value;
      list.append(el("li", {},
        navLink(removeFilterUrl(name, value),
          { class: "chip", "aria-label": `Remove ${FILTER_LABELS[name]} ${label}`, "data-param": name },
          el("span", { class: "chip-name" }, `${FILTER_LABELS[name]}:`), ` ${label} `,
          el("span", { "aria-hidden": "true" }, "×"))));
    }
  }
  return list.children.length ? list : el("p", { class: "chips none" }, "All articles");
}

/** The hit count, the order, the grouping and the download links. */
function toolbar(params, result) {
  const count = el("p", { id: "hit-count", "data-total": result.total_hits },
    el("strong", {}, countOf(result.total_hits, "hit", "hits")));
  if (result.total_stories !== undefined) {
    count.dataset.stories = result.total_stories;
    count.append(` in ${countOf(result.total_stories, "story", "stories")}`);
  }
  const sort = el("select", { id: "sort", "aria-label": "Order of hits" },
    ["relevance", "-date", "date"].map((value) => el("option",
      { value, selected: (params.get("sort") || "relevance") === value },
      { relevance: "Best match", "-date": "Newest first", date: "Oldest first" }[value])));
  sort.addEventListener("change", () => navigate(searchUrl((changed) => {
    if (sort.value === "relevance") changed.delete("sort"); else changed.set("sort", sort.value);
  })));
  const collapsed = params.get("collapse") === "true";
  const collapse = el("input", { type: "checkbox", id: "collapse", checked: collapsed });
  collapse.addEventListener("change", () => navigate(searchUrl((changed) => {
    if (collapse.checked) changed.set("collapse", "true"); else changed.delete("collapse");
  })));
  const pairsParams = pageParams();
  pairsParams.set("view", "pairs");
  pairsParams.delete("offset");
  return el("div", { class: "toolbar" },
    count,
    el("label", { class: "control" }, "Order ", sort),
    el("label", { class: "control" }, collapse, " Group near copies"),
    el("nav", { class: "downloads", "aria-label": "Other views and downloads" },
      navLink(pageUrl(pairsParams), { id: "pairs-link" }, "Pairs"),
      el("a", { href: apiUrl(params, "csv"), download: "newsdex-search.csv" }, "CSV"),
      el("a", { href: apiUrl(params, "jsonl"), download: "newsdex-search.jsonl" }, "JSON Lines"),
      el("a", { href: apiUrl(params, "atom"), type: "application/atom+xml" }, "Feed")));
}

/** The switch between top values and stand-out (significant) ones. */
function significantSwitch(significant) {
  const box = el("input", { type: "checkbox", id: "significant", checked: significant });
  box.addEventListener("change", () => {
    const params = pageParams();
    if (box.checked) params.set("sig", "1"); else params.delete("sig");
    navigate(pageUrl(params));
  });
  return el("label", { class: "control switch" }, box, " Stand-out values (significant)");
}

/** One facet's values, each a link that adds its filter. */
function facetList(facet, significant, facets) {
  const name = significant ? `significant:${facet.field}` : facet.field;
  const counts = facets[name] || [];
  const section = el("section", { class: "facet", "data-facet": facet.field },
    el("h2", {}, facet.label));
  if (!counts.length) {
    section.append(el("p", { class: "empty" }, "none"));
    return section;
  }
  const active = pageParams().getAll(facet.param);
  const list = el("ul", {});
  for (const count of counts) {
    const label = valueLabel(facet.param, count.value);
    const title = count.background !== undefined
      ? `${formatCount(count.count)} of the hits, ${formatCount(count.background)} in the index`
      : null;
    list.append(el("li", {},
      navLink(addFilterUrl(facet.param, count.value),
        { class: "facet-value", "data-value": count.value, title,
          "aria-current": active.includes(count.value) ? "true" : null },
        el("span", { class: "value" }, label),
        el("span", { class: "count" }, formatCount(count.count)))));
  }
  section.append(list);
  return section;
}

/** A date's `YYYY-MM-DD`, in UTC (the buckets are already in the zone). */
function dayText(date) {
  return date.toISOString().slice(0, 10);
}

/** The Monday of an ISO week `YYYY-Www`. */
function mondayOfWeek(label) {
  const [yearText, weekText] = label.split("-W");
  const january4 = Date.UTC(Number(yearText), 0, 4);
  const weekday = (new Date(january4).getUTCDay() + 6) % 7;
  return new Date(january4 - weekday * DAY_MS + (Number(weekText) - 1) * 7 * DAY_MS);
}

/** The ISO week label of a day. */
function weekOf(date) {
  const weekday = (date.getUTCDay() + 6) % 7;
  const thursday = new Date(date.getTime() + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** The first and last day a bucket covers, as `from` and `to` take them. */
function bucketRange(unit, value) {
  if (unit === "week") {
    const monday = mondayOfWeek(value);
    return [dayText(monday), dayText(new Date(monday.getTime() + 6 * DAY_MS))];
  }
  return [value, value];
}

/** The bucket after this one. */
function nextBucket(unit, value) {
  if (unit === "month") {
    const [year, month] = value.split("-").map(Number);
    const next = month === 12 ? [year + 1, 1] : [year, month + 1];
    return `${next[0]}-${String(next[1]).padStart(2, "0")}`;
  }
  if (unit === "week") return weekOf(new Date(mondayOfWeek(value).getTime() + 7 * DAY_MS));
  return dayText(new Date(Date.parse(`${value}T00:00:00Z`) + DAY_MS));
}

/** Every bucket from the first counted to the last, empty ones as 0. */
function filledBuckets(unit, counts) {
  if (!counts.length) return [];
  const byValue = new Map(counts.map((count) => [count.value, count.count]));
  const last = counts[counts.length - 1].value;
  const buckets = [];
  let value = counts[0].value;
  while (buckets.length < 2000) {
    buckets.push({ value, count: byValue.get(value) || 0 });
    if (value >= last) break;
    value = nextBucket(unit, value);
  }
  return buckets;
}

/** The chart of the matches by date: month, week or day bars chosen
 * from the range; a click on a bar, or a drag across bars, narrows the
 * dates to theirs. */
function dateChart(params, facets) {
  const months = facets["date:month"] || [];
  const section = el("section", { class: "chart", "aria-label": "Matches by date" });
  if (!months.length) return section;
  const first = (params.get("from") || months[0].value).slice(0, 7);
  const last = (params.get("to") || months[months.length - 1].value).slice(0, 7);
  const unit = dateUnit(Math.max(1, monthsBetween(first, last)));
  const buckets = filledBuckets(unit, facets[`date:${unit}`] || []);
  const most = Math.max(1, ...buckets.map((bucket) => bucket.count));
  const width = 800;
  const height = 150;
  const axis = 18;
  const step = width / Math.max(buckets.length, 1);
  const chart = svg("svg", {
    viewBox: `0 0 ${width} ${height + axis}`, role: "group", class: "bars",
    "aria-label": `Matches by ${unit}${params.get("tz") ? ` in ${params.get("tz")}` : ""}; select a bar to narrow the dates`,
    "data-unit": unit,
  });
  let dragStart = null;
  const bars = [];
  const select = (fromIndex, toIndex) => {
    const low = Math.min(fromIndex, toIndex);
    const high = Math.max(fromIndex, toIndex);
    const [from] = bucketRange(unit, buckets[low].value);
    const [, to] = bucketRange(unit, buckets[high].value);
    navigate(searchUrl((changed) => {
      changed.set("from", from);
      changed.set("to", to);
    }));
  };
  const mark = (fromIndex, toIndex) => {
    const low = Math.min(fromIndex, toIndex);
    const high = Math.max(fromIndex, toIndex);
    bars.forEach((bar, index) => bar.classList.toggle("picked", index >= low && index <= high));
  };
  buckets.forEach((bucket, index) => {
    const barHeight = bucket.count ? Math.max(2, (bucket.count / most) * (height - 4)) : 0;
    const group = svg("g", {
      class: "bar", tabindex: "0", role: "button", "data-value": bucket.value,
      "data-index": index,
      "aria-label": `${bucket.value}: ${countOf(bucket.count, "article", "articles")}`,
    });
    const title = svg("title", {});
    title.textContent = `${bucket.value}: ${countOf(bucket.count, "article", "articles")}`;
    group.append(title,
      svg("rect", { class: "hit-area", x: index * step, y: 0, width: step, height }),
      svg("rect", {
        class: "fill", x: index * step + step * 0.1, y: height - barHeight,
        width: Math.max(step * 0.8, 1), height: barHeight,
      }));
    group.addEventListener("pointerdown", (event) => {
      event.preventDefault();
      dragStart = index;
      mark(index, index);
    });
    group.addEventListener("pointerenter", () => {
      if (dragStart !== null) mark(dragStart, index);
    });
    group.addEventListener("pointerup", () => {
      if (dragStart === null) return;
      const start = dragStart;
      dragStart = null;
      select(start, index);
    });
    group.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        select(index, index);
      } else if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
        event.preventDefault();
        const next = bars[index + (event.key === "ArrowRight" ? 1 : -1)];
        if (next) next.focus();
      }
    });
    bars.push(group);
    chart.append(group);
  });
  chart.addEventListener("pointerleave", () => {
    dragStart = null;
    mark(-1, -1);
  });
  const labelEvery = Math.max(1, Math.ceil(buckets.length / 6));
  buckets.forEach((bucket, index) => {
    if (index % labelEvery !== 0) return;
    const left = index * step + 2;
    const nearEnd = left > width - 90;
    const label = svg("text", {
      x: nearEnd ? width - 2 : left, y: height + axis - 4, class: "axis",
      "text-anchor": nearEnd ? "end" : "start",
    });
    label.textContent = bucket.value;
    chart.append(label);
  });
  const total = buckets.reduce((sum, bucket) => sum + bucket.count, 0);
  section.append(chart, el("p", { class: "chart-caption" },
    `${countOf(total, "dated article", "dated articles")} by ${unit}`,
    params.get("tz") ? ` in ${params.get("tz")}` : "",
    `; the highest bar is ${formatCount(most)}. Click a bar or drag across bars to narrow the dates.`));
  return section;
}

/** The words of the query worth marking in snippets. */
function queryWords(params) {
  const text = params.getAll("q").join(" ");
  const words = [];
  for (const raw of text.split(/[\s"()+\-]+/)) {
    const word = raw.includes(":") ? raw.split(":").pop() : raw;
    if (word.length > 1 && !["AND", "OR", "NOT"].includes(word) && word !== "*") {
      words.push(word.replace(/[*?]/g, "").toLowerCase());
    }
  }
  return words.filter((word) => word.length > 1);
}

/** The snippet with the query's words marked. */
function highlighted(snippet, words) {
  const paragraph = el("p", { class: "snippet" });
  if (!words.length) {
    paragraph.append(snippet);
    return paragraph;
  }
  const escaped = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const pattern = new RegExp(`\\b(${escaped.join("|")})\\w*`, "giu");
  let position = 0;
  for (const match of snippet.matchAll(pattern)) {
    paragraph.append(snippet.slice(position, match.index), el("mark", {}, match[0]));
    position = match.index + match[0].length;
  }
  paragraph.append(snippet.slice(position));
  return paragraph;
}

/** The page of hits. */
function hitList(params, result) {
  const list = el("ol", { class: "hits", start: (Number(params.get("offset")) || 0) + 1 });
  const words = queryWords(params);
  for (const hit of result.hits) {
    const articleParams = pageParams();
    articleParams.set("article", hit.id);
    const meta = el("p", { class: "meta" },
      hit.date ? el("time", { datetime: hit.date }, hit.date) : "undated",
      hit.source ? ` · ${hit.source}` : "",
      hit.copies ? el("span", { class: "copies", title: (hit.copy_ids || []).join(", ") },
        ` · +${formatCount(hit.copies)} ${hit.copies === 1 ? "copy" : "copies"}`) : "");
    const entities = el("ul", { class: "entities", "aria-label": "Named in the article" });
    for (const link of ENTITY_LINKS) {
      for (const value of (hit[link.key] || []).slice(0, 4)) {
        entities.append(el("li", {},
          navLink(addFilterUrl(link.param, value), { class: `entity ${link.param}` },
            valueLabel(link.param, value))));
      }
    }
    list.append(el("li", { class: "hit", "data-id": hit.id },
      el("h3", {}, navLink(pageUrl(articleParams), { class: "title" }, hit.title || hit.id)),
      meta,
      highlighted(hit.snippet || "", words),
      entities.children.length ? entities : null));
  }
  if (!result.hits.length) {
    return el("p", { class: "empty" }, "No article matches: remove a filter or change the query.");
  }
  return list;
}

/** Links to the pages before and after. */
function pager(params, result, offset) {
  const shown = result.hits.length;
  const total = result.total_stories !== undefined && params.get("collapse") === "true"
    ? result.total_stories : result.total_hits;
  const nav = el("nav", { class: "pager", "aria-label": "Pages" });
  if (!shown) return nav;
  const at = (newOffset) => {
    const changed = pageParams();
    if (newOffset > 0) changed.set("offset", String(newOffset)); else changed.delete("offset");
    return pageUrl(changed);
  };
  if (offset > 0) nav.append(navLink(at(Math.max(0, offset - PAGE_SIZE)), { rel: "prev" }, "← Previous"));
  nav.append(el("span", {}, `${formatCount(offset + 1)}–${formatCount(offset + shown)} of ${formatCount(total)}`));
  if (offset + shown < total) nav.append(navLink(at(offset + PAGE_SIZE), { rel: "next" }, "Next →"));
  return nav;
}

/** The address of the search the article was opened from. */
function backUrl() {
  const params = pageParams();
  params.delete("article");
  return pageUrl(params);
}

/** The article view: what `show` prints. */
async function articleView(params) {
  const id = params.get("article");
  const article = await fetchJson(`/api/articles/${encodeURIComponent(id)}`);
  document.title = `${article.title || article.id} — newsdex`;
  const back = navLink(backUrl(), { class: "back" }, "← Back to the results");
  back.addEventListener("click", (event) => {
    if (window.history.length > 1 && window.history.state && window.history.state.fromSearch) {
      event.preventDefault();
      event.stopPropagation();
      window.history.back();
    }
  });
  const facts = el("dl", { class: "facts" });
  const fact = (term, value) => {
    if (value) facts.append(el("dt", {}, term), el("dd", {}, value));
  };
  fact("Date", article.date);
  fact("Source", article.source);
  fact("Author", article.author);
  fact("Dateline", article.dateline);
  fact("Id", article.id);
  if (article.url) {
    fact("Original", el("a", { href: article.url, rel: "noopener noreferrer external" }, article.url));
  }
  const entityLists = el("div", { class: "entity-lists" });
  for (const [key, param, label] of [["persons", "person", "Persons"],
    ["organizations", "org", "Organizations"], ["locations", "location", "Locations"],
    ["keywords", "keyword", "Keywords"], ["language", "language", "Language"]]) {
    const values = article[key] || [];
    if (!values.length) continue;
    entityLists.append(el("section", {}, el("h3", {}, label),
      el("ul", { class: "entities" }, values.map((value) => el("li", {},
        navLink(addFilterUrl(param, value), { class: `entity ${param}` }, valueLabel(param, value)))))));
  }
  const countries = el("ul", { class: "countries" });
  const about = new Set(article.countries || []);
  for (const code of article.countries_mentioned || []) {
    const evidence = (article.evidence || {})[code] || [];
    countries.append(el("li", {},
      navLink(addFilterUrl("country", code), { class: "entity country" }, valueLabel("country", code)),
      about.has(code) ? el("span", { class: "about" }, " about") : "",
      evidence.length ? el("span", { class: "evidence" }, ` — from ${evidence.join(", ")}`) : ""));
  }
  const body = el("div", { class: "body" },
    (article.body || "").split(/\n\s*\n/).map((paragraph) => el("p", {}, paragraph.trim())));
  return el("article", { id: "article", "data-id": article.id },
    back,
    el("h1", {}, article.title || article.id),
    facts,
    countries.children.length ? el("section", {}, el("h3", {}, "Countries, with their evidence"), countries) : null,
    entityLists,
    body);
}

/** The pairs view: entities named together in the matches. */
async function pairsView(params) {
  const api = filterParams(params);
  const kinds = params.get("kinds") || "person,organization";
  api.set("kinds", kinds);
  if (params.get("min_count")) api.set("min_count", params.get("min_count"));
  const result = await fetchJson(`/api/pairs?${api}`);
  document.title = `Pairs — ${titleOf(params)}`;
  const back = pageParams();
  back.delete("view");
  const presets = el("nav", { class: "presets", "aria-label": "Kinds paired" },
    ["person,organization", "person", "organization,country", "country", "keyword"].map((preset) => {
      const changed = pageParams();
      changed.set("kinds", preset);
      return navLink(pageUrl(changed), { "aria-current": preset === kinds ? "true" : null },
        preset.replace(/,/g, " + "));
    }));
  const paramOf = { person: "person", organization: "org", location: "location", country: "country", keyword: "keyword" };
  const cell = (value, kind) => el("td", {},
    navLink(addFilterUrl(paramOf[kind], value), { class: `entity ${paramOf[kind]}` },
      valueLabel(paramOf[kind], value)), el("span", { class: "kind" }, ` ${kind}`));
  const rows = result.pairs.map((pair) => el("tr", {},
    cell(pair.source, pair.source_kind), cell(pair.target, pair.target_kind),
    el("td", { class: "number" }, formatCount(pair.weight))));
  return el("section", { id: "pairs", class: "pairs" },
    navLink(pageUrl(back), { class: "back" }, "← Back to the results"),
    chips(params),
    el("h1", {}, `Pairs named together in ${countOf(result.total_hits, "article", "articles")}`),
    presets,
    rows.length
      ? el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "One"), el("th", {}, "Other"),
        el("th", { class: "number" }, "Articles"))), el("tbody", {}, rows))
      : el("p", { class: "empty" }, "No pair is shared by enough articles."));
}

/** Shows another address without reloading the page. */
function navigate(href) {
  const fromSearch = !pageParams().get("article");
  window.history.pushState({ fromSearch }, "", href);
  render().then(() => {
    const app = document.getElementById("app");
    if (new URLSearchParams(window.location.search).get("article")) {
      window.scrollTo(0, 0);
      app.focus({ preventScroll: true });
    }
  });
}

document.addEventListener("click", (event) => {
  const link = event.target.closest("a[data-nav]");
  if (!link || event.defaultPrevented || event.button !== 0) return;
  if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(link.getAttribute("href"));
});

document.getElementById("search").addEventListener("submit", (event) => {
  event.preventDefault();
  const text = document.getElementById("q").value.trim();
  navigate(searchUrl((params) => {
    params.delete("q");
    params.delete("view");
    if (text) params.set("q", text);
  }));
});

document.addEventListener("keydown", (event) => {
  const typing = ["INPUT", "SELECT", "TEXTAREA"].includes(document.activeElement.tagName);
  if (event.key === "/" && !typing) {
    event.preventDefault();
    document.getElementById("q").focus();
  }
});

window.addEventListener("popstate", () => render());
render();
