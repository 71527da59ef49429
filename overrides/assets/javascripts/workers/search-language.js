/* Material's search worker, with accents optional and whole words matched by their stem
 * (README, "Customisations of Material"). search-language.js starts it in place of Material's
 * worker, passing that file's name as ?material=; it sits next to it, so that Material's own
 * "../lunr" stemmers resolve.
 *
 * Index: each token is folded to its unaccented form just before the stemmer (after the stop
 * word filter, which knows the accented stop words). Only lunr's tokens are folded: the
 * documents, hence the results on screen, keep their accents.
 * Query: each word goes through that same pipeline (stop words, folding, stemmer) before
 * Material appends its "*" for search-as-you-type, since lunr skips the pipeline for such
 * wildcard terms: "Retencion", "retención" and "retenciones" all become "retencion*".
 */
var SETUP = 0, QUERY = 2  // Material's SearchMessageType
var language, pipeline    // from the index's configuration, once Material has built it
var loaded = false        // Material's worker, loaded with the first message (the index)

function fold(token) {
  return token.update(function (text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "")
  })
}

function shape(query) {
  var terms = []
  for (var word of query.toLowerCase().split(/\s+/)) {
    var modifier = /^[+-]/.test(word) ? word[0] : ""
    for (var part of word.slice(modifier.length).split(lunr.tokenizer.separator))
      for (var term of pipeline.runString(part))
        if (term)
          terms.push(modifier + term)
  }
  // A query of stop words only ("que"): search it as typed, rather than for nothing
  return terms.length ? terms.join(" ") : query.normalize("NFD").replace(/\p{M}/gu, "")
}

// Registered before Material's own listener, so this one sees each message first
addEventListener("message", function (ev) {
  if (ev.data.type === SETUP)
    language = ev.data.data.config.lang[0]
  if (ev.data.type === QUERY && pipeline)
    Object.defineProperty(ev, "data", { value: { type: QUERY, data: shape(ev.data.data) } })
  if (!loaded) {
    // Search is wanted at last: load Material's worker, then hand it this first message
    loaded = true
    load()
    dispatchEvent(new MessageEvent("message", { data: ev.data }))
  }
})

function load() {
  importScripts(new URL(location.href).searchParams.get("material"))
  lunr.Pipeline.registerFunction(fold, "foldAccents")

  // Material calls builder.use(lunr[language]) first thing: slot the folding in right after
  var use = lunr.Builder.prototype.use
  lunr.Builder.prototype.use = function () {
    use.apply(this, arguments)
    var stemmer = lunr[language].stemmer
    this.pipeline.before(stemmer, fold)
    this.searchPipeline.before(stemmer, fold)
    pipeline = this.pipeline
  }
}
