// jobboard search page: our own UI over a small index adapter (Pagefind, or the sharded index
// generator/search_shards.py writes for large boards).
// State lives in the URL (?q=…&sort=…&<facet>=<value>…) so searches can be shared and
// restored with the back button.

const page = document.querySelector(".search-page");
const root = page.dataset.root;
const PAGE_SIZE = 10;
const TYPING_PAUSE = 70; // ms after the last keystroke before searching
const WORKER_FROM = 30000; // postings; see index.load

// ---- the index adapter ---------------------------------------------------------------------
// Two engines answer the same four calls: load(), preload(query), search(query) (the matching
// postings, best first, as {id, …}) and page(entry) (a result card's fields). Either does the
// full-text part only: filtering, facet counts and sorting use our own facet table (below).

// Pagefind. Its filter files are never loaded.
const pagefindIndex = {
  engine: null,
  // Loads Pagefind once; called early (focus, idle) so the first keystroke does not pay for it.
  load() {
    this.engine ||= (async () => {
      const engine = await import(new URL(`${root}pagefind/pagefind.js`, location.href).href);
      // Result URLs are site-root paths; make them work under a project sub-path too. Pagefind
      // runs in the page, not in its web worker, up to WORKER_FROM postings: the worker is 41 KB
      // more to load, and passing thousands of hits back from it made a broad query slower
      // (10,000 postings, "engineer": 6,200 hits). Past that a broad query takes seconds, and
      // the worker keeps the page responsive meanwhile.
      await engine.options({
        baseUrl: new URL(root, location.href).pathname,
        noWorker: Number(page.dataset.total) < WORKER_FROM,
      });
      await engine.init();
      return engine;
    })();
    return this.engine;
  },
  async preload(query) {
    if (query) await (await this.load()).preload(query);
  },
  // The ids of the pages matching `query`, best first, each with a handle for `page`.
  async search(query) {
    const response = await (await this.load()).search(query);
    const hits = response.results.map((hit) => ({ id: hit.id, hit }));
    // A word no page has is not "no results" to Pagefind: it searches a shorter start of the
    // word instead ("welder" finds "we", "aquaponics" finds "a"). Every hit then comes from
    // that fallback, so the best few tell: each query word must be close to a matched word.
    const words = foldedWords(query);
    if (!hits.length || !words.length) return hits;
    const best = await Promise.all(hits.slice(0, 3).map((entry) => fragment(entry)));
    const real = best.some((data) => {
      const text = data.content.split(/\s+/);
      // "Mid-Market" and "Saint-Hénri" are one word on the page and several in a query.
      const matched = data.locations.flatMap((at) => wordForms(text[at] || ""));
      return words.every((word) => matched.some((m) => closeWords(word, m)));
    });
    return real ? hits : [];
  },
  // The card fields of one page: from a search hit (excerpt with the query marked), or read
  // straight from Pagefind's fragment file for pages listed without a query.
  async page(entry) {
    const { id, hit } = entry;
    if (hit) {
      const data = await fragment(entry);
      return cardFields(data.url, data.meta, data.excerpt);
    }
    const data = JSON.parse(
      new TextDecoder().decode(
        (await gunzip(await fetch(`${root}pagefind/fragment/${id}.pf_fragment`))).slice(12),
      ),
    );
    // Without a query there is nothing to mark: the posting's own summary reads better than
    // the start of the page, which repeats the employer and title the card already shows.
    const excerpt = el("p", {}, data.meta.summary || firstWords(data.content)).innerHTML;
    return cardFields(new URL(root + data.url.slice(1), location.href).pathname, data.meta, excerpt);
  },
};

// The sharded index: a query fetches the shard of each of its words' first two letters and
// the postings of the stems it matches; a card fetches its posting's own small file.
const shardIndex = {
  folder: null,
  shards: new Map(), // key → promise of {w: {word: stem number}, s: [[stem, count, postings]]}
  lists: new Map(), // file number → promise of {docs, impacts}
  load() {
    this.folder ||= facetData.loadSummary().then((summary) => ({
      path: `${root}search/${summary.index}/`,
      keys: new Set(summary.shards),
      total: summary.total,
    }));
    return this.folder;
  },
  async fetchJson(path) {
    const { path: folder } = await this.load();
    return JSON.parse(new TextDecoder().decode(await gunzip(await fetch(folder + path))));
  },
  async shard(word) {
    const key = shardKey(word);
    if (!(await this.load()).keys.has(key)) return { w: {}, s: [] }; // no word starts so
    if (!this.shards.has(key)) this.shards.set(key, this.fetchJson(`t/${key}.gz`));
    return this.shards.get(key);
  },
  postings(ref) {
    if (Array.isArray(ref)) return decodePostings(ref);
    if (!this.lists.has(ref)) {
      this.lists.set(ref, (async () => {
        const { path } = await this.load();
        return decodePostings(await gunzip(await fetch(`${path}p/${ref}.gz`)));
      })());
    }
    return this.lists.get(ref);
  },
  async preload(query) {
    await Promise.all(foldedWords(query).map((word) => this.shard(word)));
  },
  // The query's words; words joined by punctuation ("full-stack", "node.js") stay one word
  // when the index has them so, as it does for every such spelling in a posting.
  async queryWords(query) {
    const words = [];
    for (const chunk of query.split(/\s+/)) {
      const parts = foldedWords(chunk);
      const joined = parts.join("");
      if (parts.length > 1 && joined in (await this.shard(joined)).w) words.push(joined);
      else words.push(...parts);
    }
    return words;
  },
  // Postings holding every word of the query (or a form of it), ranked by BM25: the sum over
  // the words of idf × the impact stored for the posting.
  async search(query) {
    const words = await this.queryWords(query);
    if (!words.length) return [];
    const { total } = await this.load();
    const sum = new Float32Array(total);
    const found = new Uint8Array(total); // how many of the words each posting has

    const shards = await Promise.all(words.map((word) => this.shard(word)));
    for (const [n, word] of words.entries()) {
      const stems = matchStems(shards[n], word);
      const best = new Float32Array(total);
      await Promise.all(stems.map(async ([[stem, count, ref], factor]) => {
        const { docs, impacts } = await this.postings(ref);
        const idf = Math.log(1 + (total - count + 0.5) / (count + 0.5));
        for (let k = 0; k < docs.length; k++) {
          best[docs[k]] = Math.max(best[docs[k]], idf * impacts[k] * factor);
        }
      }));
      for (let doc = 0; doc < total; doc++) {
        if (best[doc] > 0 && found[doc] === n) {
          found[doc]++;
          sum[doc] += best[doc];
        }
      }
    }
    const hits = [];
    const shared = words; // the excerpt marks these and their forms
    for (let doc = 0; doc < total; doc++) {
      if (found[doc] === words.length) hits.push({ id: doc, score: sum[doc], marks: shared });
    }
    return hits.sort((a, b) => b.score - a.score || a.id - b.id); // ties: newest first
  },
  async page(entry) {
    const doc = await this.fetchJson(`d/${Math.floor(entry.id / 1000)}/${entry.id}.gz`);
    // The stretch of the description with the query's words; if only the title, skills or
    // place matched, the summary with whatever of them it has marked.
    const cut = entry.marks
      ? excerptOf(doc.text, entry.marks) || excerptOf(doc.summary, entry.marks, true)
      : null;
    const excerpt = cut || el("p", {}, doc.summary || firstWords(doc.text)).innerHTML;
    return cardFields(new URL(root + doc.url, location.href).pathname, doc, excerpt);
  },
};

const index = page.dataset.engine === "shards" ? shardIndex : pagefindIndex;

// The shard a word is in: its first two characters as UTF-8 bytes in hex (as search_shards.py).
function shardKey(word) {
  return [...new TextEncoder().encode([...word].slice(0, 2).join(""))]
    .map((byte) => byte.toString(16).padStart(2, "0"))
    .join("");
}

// The stems of a shard that a query word means, each with how well it matches: the word itself,
// else the stems of its other forms ("nursing" when the board only says "nurses"), else (a word
// still being typed) the commonest few stems of the words it begins.
function matchStems(shard, word) {
  const found = new Map();
  if (word in shard.w) {
    found.set(shard.w[word], 1);
  } else {
    for (const [other, i] of Object.entries(shard.w)) if (inflected(word, other)) found.set(i, 0.9);
  }
  if (!found.size && word.length >= 2) {
    const begun = new Set();
    for (const [other, i] of Object.entries(shard.w)) if (other.startsWith(word)) begun.add(i);
    [...begun].sort((a, b) => shard.s[b][1] - shard.s[a][1]).slice(0, 3)
      .forEach((i) => found.set(i, 0.6));
  }
  return [...found].map(([i, factor]) => [shard.s[i], factor]);
}

// Postings as document numbers and impacts: from a shard's inline [gap, impact, …] list, or a
// postings file's bytes (a varint gap, then one impact byte, per document).
function decodePostings(source) {
  const docs = [];
  const impacts = [];
  let doc = 0;
  if (Array.isArray(source)) {
    for (let k = 0; k < source.length; k += 2) {
      docs.push((doc += source[k]));
      impacts.push(source[k + 1]);
    }
  } else {
    for (let k = 0; k < source.length;) {
      let gap = 0;
      for (let shift = 0; ; shift += 7) {
        const byte = source[k++];
        gap += (byte & 0x7f) * 2 ** shift;
        if (byte < 0x80) break;
      }
      docs.push((doc += gap));
      impacts.push(source[k++]);
    }
  }
  return { docs, impacts };
}

const EXCERPT_WORDS = 30;

function firstWords(text) {
  const words = text.split(/\s+/).filter(Boolean);
  return words.slice(0, EXCERPT_WORDS).join(" ") + (words.length > EXCERPT_WORDS ? " …" : "");
}

// The stretch of `text` with the most query words, those words marked; null if it has none
// (the posting matched on its title, skills or place).
function excerptOf(text, marks, always = false) {
  const words = text.split(/\s+/).filter(Boolean);
  const hit = words.map((word) =>
    wordForms(word).some((part) => marks.some((mark) => closeWords(mark, part))));
  let start = 0;
  let most = 0;
  let inWindow = 0;
  hit.forEach((yes, i) => {
    inWindow += yes - (i >= EXCERPT_WORDS ? hit[i - EXCERPT_WORDS] : 0);
    if (inWindow > most) {
      most = inWindow;
      start = Math.max(0, i - EXCERPT_WORDS + 1);
    }
  });
  if (!most && !always) return null;
  const box = el("p", {}, start > 0 ? "… " : "");
  words.slice(start, start + EXCERPT_WORDS).forEach((word, i) => {
    box.append(i ? " " : "", hit[start + i] ? el("mark", {}, word) : word);
  });
  if (start + EXCERPT_WORDS < words.length) box.append(" …");
  return box.innerHTML;
}

// A hit's page data, fetched once however often it is asked for.
function fragment(entry) {
  entry.data ||= entry.hit.data();
  return entry.data;
}

// Lower-case words without accents or punctuation, as the index compares them.
function foldedWords(text) {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

// A run of text without spaces as the index sees it: its words, and them joined ("node.js" is
// "node", "js" and "nodejs"), as search_shards.py indexes such spellings.
function wordForms(chunk) {
  const parts = foldedWords(chunk);
  return parts.length > 1 ? [...parts, parts.join("")] : parts;
}

// Endings that make another form of the same word ("nurse", "nurses", "nursing").
const ENDINGS = new Set(["", "s", "es", "e", "ed", "d", "ing", "er", "ers", "y", "ies", "ied",
  "ly", "al", "ation", "ations", "ment", "ments", "ness", "ity", "ion", "ions", "ive", "or",
  "ors", "ist", "ists", "ism"]);

// Whether two words are forms of one word: they share a start of at least three letters and
// differ only by such endings (a doubled last letter allowed: "run", "running").
function inflected(word, other) {
  let same = 0;
  while (same < word.length && word[same] === other[same]) same++;
  if (same < 3) return false;
  const ending = (rest) => ENDINGS.has(rest)
    || (rest[0] === word[same - 1] && ENDINGS.has(rest.slice(1)));
  return ending(word.slice(same)) && ending(other.slice(same));
}

// Whether `matched` (a word of a page) answers the query `word`: a form of it, or a longer word
// it begins, as when the word is still being typed ("kube", "kubernetes"). A stray ending is
// not a form: "engineerz" and "nursery" are not "engineer" and "nurse".
function closeWords(word, matched) {
  return word === matched || (word.length >= 3 && matched.startsWith(word))
    || inflected(word, matched);
}

function cardFields(url, meta, excerpt) {
  return {
    url,
    title: meta.title,
    employer: meta.employer || "",
    location: meta.location || "",
    salary: meta.salary || "",
    posted: meta.posted || "",
    excerpt,
  };
}

// gzip'ed bytes of a response, inflated unless the server already did (as Pagefind does).
async function gunzip(response) {
  if (!response.ok) throw new Error(`${response.status} for ${response.url}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// ---- the facet table (written at build time by generator/search.py) -----------------------
const facetData = {
  summary: null,
  table: null,
  // Every facet value with its count over all postings, and the newest postings' ids.
  loadSummary() {
    this.summary ||= fetch(`${root}search/facets.json`).then((r) => {
      if (!r.ok) throw new Error(`${r.status} for ${r.url}`);
      return r.json();
    });
    return this.summary;
  },
  // One row a posting: its id, facet value ids, date and salary.
  loadTable() {
    this.table ||= (async () => {
      const summary = await this.loadSummary();
      const raw = JSON.parse(
        new TextDecoder().decode(await gunzip(await fetch(`${root}search/${summary.table}`))),
      );
      let ids = raw.ids;
      let row;
      if (ids === null) {
        // The sharded index numbers its postings as the table's rows.
        ids = raw.date.map((_, i) => i);
        row = { get: (id) => id };
      } else {
        if (!Array.isArray(ids)) {
          let n = 0;
          ids = ids.gaps.map((gap) => ids.prefix + (n += gap).toString(16).padStart(ids.width, "0"));
        }
        row = new Map(ids.map((id, i) => [id, i]));
      }
      const bits = new Set(raw.bits);
      // values(facet, i): the value ids of row i in one facet.
      const columns = {};
      for (const [facet, column] of Object.entries(raw.facets)) {
        columns[facet] = bits.has(facet)
          ? (i) => {
            const out = [];
            for (let mask = column[i], v = 0; mask; mask >>>= 1, v++) if (mask & 1) out.push(v);
            return out;
          }
          : (i) => (typeof column[i] === "number" ? [column[i]] : column[i]);
      }
      const newest = ids.map((_, i) => i).sort((a, b) => raw.date[b] - raw.date[a]
        || raw.salary[b] - raw.salary[a] || (ids[a] < ids[b] ? 1 : -1));
      return { ids, row, columns, newest, keys: { date: raw.date, salary: raw.salary } };
    })();
    return this.table;
  },
};

// ---- state ---------------------------------------------------------------------------------
const form = document.getElementById("search-form");
const queryBox = document.getElementById("q");
const sortBox = document.getElementById("sort");
const facetsForm = document.getElementById("facets");
const statusLine = document.getElementById("search-status");
const resultsList = document.getElementById("results");
const moreButton = document.getElementById("more");
const activeFilters = document.getElementById("active-filters");
const facetNames = [...facetsForm.querySelectorAll("fieldset")].map((f) => f.dataset.facet);

function readState() {
  const params = new URLSearchParams(location.search);
  const filters = {};
  for (const facet of facetNames) filters[facet] = params.getAll(facet);
  return { q: params.get("q") || "", sort: params.get("sort") || "", filters };
}

function stateUrl(state) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  if (state.sort) params.set("sort", state.sort);
  for (const facet of facetNames) for (const v of state.filters[facet]) params.append(facet, v);
  const text = params.toString();
  return text ? `?${text}` : location.pathname;
}

function formState() {
  const filters = {};
  for (const facet of facetNames) filters[facet] = [];
  for (const box of facetsForm.querySelectorAll("input:checked")) {
    filters[box.name].push(box.value);
  }
  return { q: queryBox.value.trim(), sort: sortBox.value, filters };
}

// ---- rendering -----------------------------------------------------------------------------
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const child of children) node.append(child);
  return node;
}

function renderFacets(allCounts, counts, state, ordered) {
  // The boxes are made afresh: a keyboard user keeps their place on the one they ticked.
  const focused = facetsForm.contains(document.activeElement) ? document.activeElement : null;
  const refocus = focused?.type === "checkbox" ? [focused.name, focused.value] : null;
  for (const fieldset of facetsForm.querySelectorAll("fieldset")) {
    const facet = fieldset.dataset.facet;
    const values = Object.keys(allCounts[facet] || {}).sort((a, b) => a.localeCompare(b));
    const box = fieldset.querySelector(".facet-values");
    box.replaceChildren();
    fieldset.hidden = values.length === 0;
    // Values with matches first, then by name; the long tail folds away. Bands of pay and
    // date keep their own order.
    if (ordered.has(facet)) {
      const rank = Object.fromEntries(Object.keys(allCounts[facet]).map((v, i) => [v, i]));
      values.sort((a, b) => rank[a] - rank[b]);
    } else {
      values.sort((a, b) => ((counts[facet] || {})[b] || 0) - ((counts[facet] || {})[a] || 0)
        || a.localeCompare(b));
    }
    const more = el("details", {}, el("summary", {}, "More"));
    values.forEach((value, i) => {
      const id = `f-${facet}-${i}`;
      const checked = state.filters[facet].includes(value);
      const count = (counts[facet] || {})[value] || 0;
      const input = el("input", { type: "checkbox", id, name: facet, value });
      input.checked = checked;
      const label = el("label", { for: id }, value, " ", el("span", { class: "count" }, `(${count})`));
      const row = el("div", { class: count || checked ? "facet-row" : "facet-row empty" }, input, label);
      (i < 8 || checked ? box : more).append(row);
    });
    if (more.children.length > 1) box.append(more);
  }
  if (refocus) {
    for (const box of facetsForm.querySelectorAll("input[type=checkbox]")) {
      if (box.name === refocus[0] && box.value === refocus[1]) box.focus();
    }
  }
}

function renderActive(state) {
  activeFilters.replaceChildren();
  if (state.q) {
    const button = el("button", { type: "button", class: "chip-remove" }, `“${state.q}” ✕`);
    button.setAttribute("aria-label", `Remove keywords ${state.q}`);
    button.addEventListener("click", () => go({ ...readState(), q: "" }));
    activeFilters.append(button);
  }
  for (const facet of facetNames) {
    for (const value of state.filters[facet]) {
      const button = el("button", { type: "button", class: "chip-remove" }, `${value} ✕`);
      button.setAttribute("aria-label", `Remove filter ${value}`);
      button.addEventListener("click", () => {
        const next = readState();
        next.filters[facet] = next.filters[facet].filter((v) => v !== value);
        go(next);
      });
      activeFilters.append(button);
    }
  }
}

function card(item) {
  const title = el("h3", { class: "card-title" }, el("a", { href: item.url }, item.title));
  const employer = el("p", { class: "card-employer" }, item.employer);
  const meta = el("ul", { class: "meta" });
  if (item.location) meta.append(el("li", {}, item.location));
  const excerpt = el("p", { class: "excerpt" });
  excerpt.innerHTML = item.excerpt; // Pagefind's excerpt: page text with <mark> only
  const foot = el("p", { class: "card-foot" });
  if (item.salary) foot.append(el("span", { class: "salary" }, item.salary));
  if (item.posted) foot.append(el("span", {}, item.posted));
  return el("li", { class: "card" }, el("article", {}, title, employer, meta, excerpt, foot));
}

let pending = []; // results not shown yet: {id, hit}
let rest = null; // before any query or filter: loads the results after the newest few
let allCounts = {}; // facet → {value: count} over all postings
let generation = 0;

async function showMore() {
  const mine = generation;
  if (!pending.length && rest) {
    const load = rest;
    rest = null;
    pending = await load();
    if (mine !== generation) return;
  }
  const batch = pending.splice(0, PAGE_SIZE);
  const items = await Promise.all(batch.map((entry) => index.page(entry)));
  if (mine !== generation) return; // a newer search replaced these results meanwhile
  for (const item of items) resultsList.append(card(item));
  moreButton.hidden = pending.length === 0 && !rest;
}

// The results of `state` among `hits` (all postings, newest first, without a query) and the
// facet counts: each facet's counts apply every filter but its own, so values of one facet,
// which are ORed, show how many results they would add.
async function narrow(state, hits) {
  const table = await facetData.loadTable();
  const summary = await facetData.loadSummary();
  const wanted = [];
  for (const facet of facetNames) {
    if (!state.filters[facet].length) continue;
    const names = (summary.facets[facet] || []).map(([value]) => value);
    const values = table.columns[facet] || (() => []);
    wanted.push([facet, values, new Set(state.filters[facet].map((v) => names.indexOf(v)))]);
  }
  const tally = {};
  for (const [facet, values] of Object.entries(summary.facets)) {
    tally[facet] = new Int32Array(values.length);
  }
  const count = (facet, i) => {
    for (const v of table.columns[facet](i)) tally[facet][v]++;
  };
  const facets = Object.keys(table.columns);
  const rows = hits ? hits.map((hit) => table.row.get(hit.id)) : table.newest;
  const kept = [];
  const without = {}; // facet → the results there would be without its filter
  rows.forEach((i, n) => {
    if (i === undefined) return; // a page without facet data
    let failed = null;
    let fails = 0;
    for (const [facet, values, selected] of wanted) {
      if (!values(i).some((v) => selected.has(v)) && ++fails === 1) failed = facet;
    }
    if (fails === 0) {
      kept.push([i, hits ? hits[n] : { id: table.ids[i] }]);
      for (const facet of facets) count(facet, i);
    } else if (fails === 1 && table.columns[failed]) {
      count(failed, i);
      without[failed] = (without[failed] || 0) + 1;
    }
  });
  if (state.sort in table.keys) {
    const key = table.keys[state.sort];
    kept.sort(([a], [b]) => key[b] - key[a]); // stable: ties keep relevance or date order
  }
  const counts = {};
  for (const [facet, values] of Object.entries(summary.facets)) {
    counts[facet] = Object.fromEntries(values.map(([value], v) => [value, tally[facet][v]]));
  }
  return { entries: kept.map(([, entry]) => entry), counts, without };
}

async function run(state) {
  const mine = ++generation;
  queryBox.value = state.q;
  sortBox.value = state.sort;
  const anyFilter = facetNames.some((f) => state.filters[f].length);
  const summary = await facetData.loadSummary();
  allCounts = Object.fromEntries(
    Object.entries(summary.facets).map(([facet, values]) => [facet, Object.fromEntries(values)]),
  );
  let entries;
  let counts = null;
  let without = {};
  let hits = null;
  let later = null;
  if (!state.q && !anyFilter && state.sort !== "salary") {
    // The page as it opens: counts and newest postings computed at build time.
    entries = summary.newest.map((id) => ({ id }));
    counts = allCounts;
    if (summary.total > entries.length) {
      later = async () => {
        const table = await facetData.loadTable();
        return table.newest.slice(entries.length).map((i) => ({ id: table.ids[i] }));
      };
    }
  } else {
    if (state.q) hits = await index.search(state.q);
    if (mine !== generation) return; // a newer search started meanwhile
    if (hits && !anyFilter && !state.sort) {
      entries = hits; // shown at once; the counts follow once the facet table is in
    } else {
      ({ entries, counts, without } = await narrow(state, hits));
    }
  }
  if (mine !== generation) return;
  renderActive(state);
  resultsList.replaceChildren();
  pending = [...entries];
  rest = later;
  const n = later ? summary.total : entries.length;
  let text;
  if (!state.q && !anyFilter) {
    text = `${n} open position${n === 1 ? "" : "s"}. Type a keyword or pick filters.`;
  } else if (n === 0) {
    text = noResults(state, hits, without);
  } else {
    text = `${n} job${n === 1 ? "" : "s"} found.`;
  }
  // With the facet table in, the counts are worked out while the cards download; without it,
  // it is fetched after them, so that its bytes never hold up the first results.
  const cards = showMore();
  const count = () => narrow(state, hits);
  const counted = counts ? null : facetData.table ? count() : cards.then(count);
  counted?.catch(() => {}); // awaited below unless a newer search replaces this one
  await cards;
  if (!counts) counts = (await counted).counts;
  if (mine !== generation) return;
  renderFacets(allCounts, counts, state, new Set(summary.ordered || []));
  // Announced last, once the cards and counts are on the page.
  statusLine.textContent = text;
  page.dataset.shown = stateUrl(state); // lets tests and scripts know the results are final
}

// Why nothing matched, and what to remove to see jobs again.
function noResults(state, hits, without) {
  const words = state.q ? ` “${state.q}”` : "";
  if (hits && hits.length === 0) {
    return `No jobs match${words}. Check the spelling or try a broader word.`;
  }
  const ways = facetNames
    .filter((facet) => without[facet])
    .map((facet) => {
      const n = without[facet];
      const legend = facetsForm.querySelector(`fieldset[data-facet="${facet}"] legend`);
      return `without ${legend.textContent.trim()}: ${n} job${n === 1 ? "" : "s"}`;
    });
  const hint = ways.length
    ? ` ${ways.join("; ").replace(/^w/, "W")}.`
    : " Remove filters to see more.";
  return `No jobs match${words ? `${words} with` : ""} these filters.${hint}`;
}

// Gets the search engine and facet table ready before they are needed.
function warm() {
  index.load().catch(() => {});
  facetData.loadTable().catch(() => {});
}

let typedEntry = false; // whether the words being typed already have their history entry

// Shows `state` as a new history entry (none if it is the state shown already).
function go(state) {
  typedEntry = false;
  const url = stateUrl(state);
  if (url !== (location.search || location.pathname)) history.pushState(null, "", url);
  run(state);
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  go(formState());
});
sortBox.addEventListener("change", () => go(formState()));
facetsForm.addEventListener("change", () => go(formState()));
let typing;
queryBox.addEventListener("focus", warm);
queryBox.addEventListener("input", () => {
  index.preload(queryBox.value.trim()).catch(() => {});
  clearTimeout(typing);
  typing = setTimeout(() => {
    // Typing makes one entry, so Back returns to the page as it was before the words.
    const state = formState();
    if (typedEntry) {
      history.replaceState(null, "", stateUrl(state));
      run(state);
    } else {
      go(state);
    }
    typedEntry = true;
  }, TYPING_PAUSE);
});
queryBox.addEventListener("blur", () => {
  typedEntry = false;
});
moreButton.addEventListener("click", showMore);
window.addEventListener("popstate", () => {
  typedEntry = false;
  run(readState());
});

statusLine.textContent = "Loading search…";
// A shared or bookmarked search: the engine and the query's index files load alongside the
// facet data rather than after it.
const opening = readState();
if (opening.q) index.preload(opening.q).catch(() => {});
run(opening)
  .then(() => ("requestIdleCallback" in window ? requestIdleCallback(warm) : setTimeout(warm, 500)))
  .catch((error) => {
    statusLine.textContent = `Search could not load (${error.message}). Browse the lists instead.`;
  });
