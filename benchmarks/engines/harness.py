"""What each candidate engine runs in Chromium: the same documents and queries for all, each
engine configured as its documentation describes (accents folded, typos, title boost), nothing
of our own in its matching or ranking. MiniSearch and Orama fetch the documents (`source`, a JSON
list) and index them in the page; Pagefind fetches its bundle's entry and, per query, the index
chunks it needs. Each script loads its engine, sets `window.ask(query)` (the locations of the
first 10 results, best first) and returns the milliseconds it took to be ready."""

MINISEARCH = """async ({source}) => {
  const started = performance.now();
  const { default: MiniSearch } = await import("/minisearch/dist/es/index.js");
  const docs = await (await fetch(source)).json();
  const engine = new MiniSearch({
    fields: ["title", "text", "also"], storeFields: ["location"],
    processTerm: term => term.toLowerCase().normalize("NFD").replace(/\\p{Diacritic}/gu, ""),
  });
  engine.addAll(docs);
  window.ask = async query => engine.search(query, {
    boost: { title: 3, also: 0.5 },
    fuzzy: term => term.length >= 5 ? 1 : 0,            // one letter off, in words of 5 or more
    prefix: (term, i, terms) => i === terms.length - 1,  // the word being typed
  }).slice(0, 10).map(hit => hit.location);
  return performance.now() - started;
}"""

ORAMA = """async ({source, stemmer}) => {
  const started = performance.now();
  const { create, insertMultiple, search } = await import("/orama/dist/browser/index.js");
  const language = await import(`/stemmers/dist/${stemmer}.js`);
  const docs = await (await fetch(source)).json();
  const db = create({
    schema: { title: "string", text: "string", also: "string", location: "string" },
    components: { tokenizer: { language: language.language, stemming: true, stemmer: language.stemmer } },
  });
  await insertMultiple(db, docs);
  window.ask = async query => (await search(db, {
    term: query, properties: ["title", "text", "also"], boost: { title: 3, also: 0.5 },
    tolerance: 1, threshold: 1, limit: 10,
  })).hits.map(hit => hit.document.location);
  return performance.now() - started;
}"""

PAGEFIND = """async ({bundle}) => {
  const started = performance.now();
  const pagefind = await import(`/${bundle}/pagefind.js`);
  await pagefind.options({ basePath: `/${bundle}/` });
  await pagefind.init();
  window.ask = async query => {
    const found = await pagefind.search(query);
    return (await Promise.all(found.results.slice(0, 10).map(result => result.data()))).map(page => page.url);
  };
  return performance.now() - started;
}"""

# One query, timed in the page: {ms, hits}.
ASK = """async query => {
  const started = performance.now();
  const hits = await window.ask(query);
  return { ms: performance.now() - started, hits };
}"""
