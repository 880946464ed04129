// jobboard search page: our own UI over a small index adapter (Pagefind today).
// State lives in the URL (?q=…&sort=…&<facet>=<value>…) so searches can be shared and
// restored with the back button.

const page = document.querySelector(".search-page");
const root = page.dataset.root;
const PAGE_SIZE = 10;

// ---- the adapter: everything Pagefind-specific is here -------------------------------------
const index = {
  engine: null,
  async load() {
    this.engine = await import(new URL(`${root}pagefind/pagefind.js`, location.href).href);
    // Result URLs are site-root paths; make them work under a project sub-path too.
    await this.engine.options({ baseUrl: new URL(root, location.href).pathname });
    await this.engine.init();
  },
  // filters: {facet: [values]}; values of one facet are ORed, facets are ANDed.
  async search(query, filters, sort) {
    const options = { filters: {} };
    for (const [facet, values] of Object.entries(filters)) {
      if (values.length) options.filters[facet] = { any: values };
    }
    if (sort) options.sort = { [sort]: "desc" };
    const response = await this.engine.search(query || null, options);
    return { results: response.results, counts: response.filters || {} };
  },
  async allCounts() {
    return this.engine.filters();
  },
  async load_result(result) {
    const data = await result.data();
    return {
      url: data.url,
      title: data.meta.title,
      employer: data.meta.employer || "",
      location: data.meta.location || "",
      salary: data.meta.salary || "",
      posted: data.meta.posted || "",
      excerpt: data.excerpt,
    };
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

function renderFacets(allCounts, counts, state) {
  for (const fieldset of facetsForm.querySelectorAll("fieldset")) {
    const facet = fieldset.dataset.facet;
    const values = Object.keys(allCounts[facet] || {}).sort((a, b) => a.localeCompare(b));
    const box = fieldset.querySelector(".facet-values");
    box.replaceChildren();
    fieldset.hidden = values.length === 0;
    // Values with matches first, then by name; the long tail folds away.
    values.sort((a, b) => ((counts[facet] || {})[b] || 0) - ((counts[facet] || {})[a] || 0)
      || a.localeCompare(b));
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
}

function renderActive(state) {
  activeFilters.replaceChildren();
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

let pending = [];
let allCounts = {};
let generation = 0;

async function showMore() {
  const mine = generation;
  const batch = pending.splice(0, PAGE_SIZE);
  const items = await Promise.all(batch.map((r) => index.load_result(r)));
  if (mine !== generation) return; // a newer search replaced these results meanwhile
  for (const item of items) resultsList.append(card(item));
  moreButton.hidden = pending.length === 0;
}

async function run(state) {
  const mine = ++generation;
  queryBox.value = state.q;
  sortBox.value = state.sort;
  const anyFilter = facetNames.some((f) => state.filters[f].length);
  const { results, counts } = await index.search(state.q, state.filters, state.sort);
  if (mine !== generation) return; // a newer search started meanwhile
  renderFacets(allCounts, anyFilter || state.q ? counts : allCounts, state);
  renderActive(state);
  resultsList.replaceChildren();
  pending = [...results];
  const n = results.length;
  let text;
  if (!state.q && !anyFilter) {
    text = `${n} open position${n === 1 ? "" : "s"}. Type a keyword or pick filters.`;
  } else if (n === 0) {
    text = "No jobs match." + (anyFilter ? " Remove a filter below to see more." : "");
  } else {
    text = `${n} job${n === 1 ? "" : "s"} found.`;
  }
  await showMore();
  // Announced last, once the cards are on the page.
  if (mine === generation) {
    statusLine.textContent = text;
    page.dataset.shown = stateUrl(state); // lets tests and scripts know the results are final
  }
}

function go(state) {
  history.pushState(null, "", stateUrl(state));
  run(state);
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  go(formState());
});
sortBox.addEventListener("change", () => go(formState()));
facetsForm.addEventListener("change", () => go(formState()));
let typing;
queryBox.addEventListener("input", () => {
  clearTimeout(typing);
  typing = setTimeout(() => {
    history.replaceState(null, "", stateUrl(formState()));
    run(formState());
  }, 150);
});
moreButton.addEventListener("click", showMore);
window.addEventListener("popstate", () => run(readState()));

statusLine.textContent = "Loading search…";
index.load().then(async () => {
  allCounts = await index.allCounts();
  await run(readState());
}).catch((error) => {
  statusLine.textContent = `Search could not load (${error.message}). Browse the lists instead.`;
});
