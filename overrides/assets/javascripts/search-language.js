/* Search in the page's language, accents optional (README, "Customisations of Material").
 *
 * Material 9.8 always loads search/search_index.json from the site root and always runs its
 * own search worker: it has no setting for either. This script runs after Material's
 * configuration (#__config) and before its bundle, and changes just those two things:
 *   1. the request for the root index goes to this page's language index instead, written
 *      by overrides/hooks/search_per_language.py (data-root, data-index);
 *   2. the worker becomes workers/search-language.js (data-worker), which wraps Material's.
 * It also makes search load when first wanted rather than with every page: the index request
 * waits until the reader moves to the search box, and the worker loads Material's worker and
 * lunr on the index's arrival. About 20 KB gzipped fewer on every first load.
 */
(function (script) {
  var root = new URL(script.dataset.root, location.href).href
  var index = new URL(script.dataset.index, location.href).href

  // 1. Material fetches its index with XMLHttpRequest: redirect that one URL, and send the
  //    request only once the reader is in the search box (a click, a tap or Material's "/",
  //    "s" and "f" shortcuts all focus it; so does a ?q= in the address).
  var open = XMLHttpRequest.prototype.open
  var send = XMLHttpRequest.prototype.send
  var wanted = false, waiting = []
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments)
    this.searchIndex = new URL(url, location.href).href === root
    if (this.searchIndex)
      args[1] = index
    return open.apply(this, args)
  }
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments
    if (!request.searchIndex || wanted)
      return send.apply(request, args)
    waiting.push(function () { send.apply(request, args) })
  }
  document.addEventListener("focusin", function (event) {
    if (wanted || !event.target.matches || !event.target.matches("input.md-search__input"))
      return
    wanted = true
    waiting.splice(0).forEach(function (go) { go() })
  })

  // Until the index has arrived, Material does not handle Enter yet, and the search form
  // would submit (a reload with ?query=, the query lost); it never means to submit.
  document.addEventListener("submit", function (event) {
    if (event.target.name === "search")
      event.preventDefault()
  }, true)

  // 2. Material reads its worker's URL from #__config: hand it ours, naming Material's.
  var config = document.getElementById("__config")
  var data = JSON.parse(config.textContent)
  var material = data.search.split("/").pop()
  data.search = script.dataset.worker + "?material=" + encodeURIComponent(material)
  config.textContent = JSON.stringify(data)
})(document.currentScript)
