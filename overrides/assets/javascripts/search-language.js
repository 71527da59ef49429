/* Search in the page's language, accents optional (README, "Customisations of Material").
 *
 * Material 9.8 always loads search/search_index.json from the site root and always runs its
 * own search worker: it has no setting for either. This script runs after Material's
 * configuration (#__config) and before its bundle, and changes just those two things:
 *   1. the request for the root index goes to this page's language index instead, written
 *      by overrides/hooks/search_per_language.py (data-root, data-index);
 *   2. the worker becomes workers/search-language.js (data-worker), which wraps Material's.
 */
(function (script) {
  var root = new URL(script.dataset.root, location.href).href
  var index = new URL(script.dataset.index, location.href).href

  // 1. Material fetches its index with XMLHttpRequest: redirect that one URL.
  var open = XMLHttpRequest.prototype.open
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments)
    if (new URL(url, location.href).href === root)
      args[1] = index
    return open.apply(this, args)
  }

  // 2. Material reads its worker's URL from #__config: hand it ours, naming Material's.
  var config = document.getElementById("__config")
  var data = JSON.parse(config.textContent)
  var material = data.search.split("/").pop()
  data.search = script.dataset.worker + "?material=" + encodeURIComponent(material)
  config.textContent = JSON.stringify(data)
})(document.currentScript)
