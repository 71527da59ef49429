"""What each candidate engine runs in Chromium: the same documents and queries for all, each
engine configured as its documentation describes (accents folded, typos, title boost), nothing
of our own in its matching or ranking. Each returns {index_ms, answers: [{ms, hits}]}: hits are
the locations of the first 10 results, best first."""

MINISEARCH = """async ({docs, queries}) => {
  const { default: MiniSearch } = await import("/minisearch/dist/es/index.js");
  const started = performance.now();
  const engine = new MiniSearch({
    fields: ["title", "text", "also"], storeFields: ["location"],
    processTerm: term => term.toLowerCase().normalize("NFD").replace(/\\p{Diacritic}/gu, ""),
  });
  engine.addAll(docs);
  const index_ms = performance.now() - started;
  const answers = queries.map(query => {
    const start = performance.now();
    const found = engine.search(query, {
      boost: { title: 3, also: 0.5 },
      fuzzy: term => term.length >= 5 ? 1 : 0,            // one letter off, in words of 5 or more
      prefix: (term, i, terms) => i === terms.length - 1,  // the word being typed
    });
    return { ms: performance.now() - start, hits: found.slice(0, 10).map(hit => hit.location) };
  });
  return { index_ms, answers };
}"""

ORAMA = """async ({docs, queries, stemmer}) => {
  const { create, insertMultiple, search } = await import("/orama/dist/browser/index.js");
  const language = await import(`/stemmers/dist/${stemmer}.js`);
  const started = performance.now();
  const db = create({
    schema: { title: "string", text: "string", also: "string", location: "string" },
    components: { tokenizer: { language: language.language, stemming: true, stemmer: language.stemmer } },
  });
  await insertMultiple(db, docs);
  const index_ms = performance.now() - started;
  const answers = [];
  for (const query of queries) {
    const start = performance.now();
    const found = await search(db, {
      term: query, properties: ["title", "text", "also"], boost: { title: 3, also: 0.5 },
      tolerance: 1, threshold: 1, limit: 10,
    });
    answers.push({ ms: performance.now() - start, hits: found.hits.map(hit => hit.document.location) });
  }
  return { index_ms, answers };
}"""

PAGEFIND = """async ({bundle, queries}) => {
  const started = performance.now();
  const pagefind = await import(`/${bundle}/pagefind.js`);
  await pagefind.options({ basePath: `/${bundle}/` });
  await pagefind.init();
  const index_ms = performance.now() - started;
  const answers = [];
  for (const query of queries) {
    const start = performance.now();
    const found = await pagefind.search(query);
    const data = await Promise.all(found.results.slice(0, 10).map(result => result.data()));
    answers.push({ ms: performance.now() - start, hits: data.map(page => page.url) });
  }
  return { index_ms, answers };
}"""
