/* Search in the page's language, as readers type (README, "Search").
 *
 * Material 9.8 always loads search/search_index.json from the site root and always runs its
 * own search worker: it has no setting for either. This script runs after Material's
 * configuration (#__config) and before its bundle, and changes just those two things:
 *   1. the request for the root index goes to this page's language index instead, written
 *      by overrides/hooks/search_per_language.py (data-root, data-index);
 *   2. the worker becomes workers/search-language.js (data-worker), which wraps Material's.
 * It also makes search load when first wanted rather than with every page: the index request
 * waits until the reader moves to the search box, or until a page opened from a result needs it
 * to mark the words searched (?h=). About 27 KB gzipped fewer on every first load.
 * And it reads the worker's answers, each naming the query it answers, for two things:
 *   3. Enter opens the top result of the whole query typed: pressed before that query's results
 *      are on screen (typing fast, or before search has loaded), it waits for them;
 *   4. when nothing matches, the results panel offers the FAQ and the guide's sections, under
 *      a line with the reader's words (data-none, the language's extra.search_none), then a
 *      link to write to the editors with those words (data-answer-back, data-answer-text).
 */
(function (script) {
  var root = new URL(script.dataset.root, location.href).href
  var index = new URL(script.dataset.index, location.href).href

  // 1. Material fetches its index with XMLHttpRequest: redirect that one URL, and send the
  //    request only once the reader is in the search box (a click, a tap or Material's "/",
  //    "s" and "f" shortcuts all focus it; so does a ?q= in the address), or at once on a page
  //    opened from a result (?h=), whose words Material marks once it has the index.
  var open = XMLHttpRequest.prototype.open
  var send = XMLHttpRequest.prototype.send
  var wanted = new URLSearchParams(location.search).has("h"), waiting = []
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

  // 3, 4. Material starts its worker with new Worker(url): listen to it before Material does.
  var shown = null, found = 0, enter = false, answers = 0
  var Native = window.Worker
  window.Worker = function (url, options) {
    var worker = new Native(url, options)
    if (String(url).indexOf(script.dataset.worker) === 0)
      worker.addEventListener("message", function (event) {
        if (event.data.type !== 3)  // Material's SearchMessageType.RESULT
          return
        // Material renders the results in its own listener, next: act once they are on
        // screen, unless a later answer has replaced them by then
        var answer = ++answers
        setTimeout(function () {
          if (answer === answers)
            answered(event.data.data)
        })
      })
    return worker
  }
  window.Worker.prototype = Native.prototype

  function input() {
    return document.querySelector("input.md-search__input")
  }

  function answered(result) {
    shown = result.query
    found = result.items.length
    // Which query the results on screen answer: for Enter here, and for the tests to wait on
    document.querySelector(".md-search-result").setAttribute("data-search-query", shown)
    if (result.offers)
      offer(result.offers, result.query)
    if (enter && shown === input().value) {
      enter = false
      if (found)  // Material's own Enter: the result with the best score
        input().dispatchEvent(new KeyboardEvent("keydown", {key: "Enter", bubbles: true}))
    }
  }

  // Enter in the search box, before the results of what it holds: wait for them (Material
  // listens on window, after this). With no result, Enter opens nothing.
  window.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || !event.isTrusted || event.target !== input() ||
        event.ctrlKey || event.metaKey)
      return
    if (shown === event.target.value && found)
      return
    event.preventDefault()
    event.stopImmediatePropagation()
    enter = shown !== event.target.value
  }, true)
  document.addEventListener("input", function (event) {
    if (event.target === input())
      enter = false
  })

  // Under Material's "no result", in its markup of results (li > a > article > h2): a line
  // with the reader's words, then a link to each page or section offered
  function offer(offers, query) {
    var list = document.querySelector(".md-search-result__list")
    var base = new URL("..", root)
    list.appendChild(item("p", script.dataset.none.replace("{query}", query.trim())))
    offers.forEach(function (offer) {
      var link = document.createElement("a")
      link.className = "md-search-result__link"
      link.href = new URL(offer.location, base).href
      link.setAttribute("data-search-offer", "")
      var li = item("h2", offer.title)
      link.appendChild(li.firstChild)
      li.appendChild(link)
      list.appendChild(li)
    })
    if (!script.dataset.answerBack)
      return
    var write = document.createElement("a")
    write.href = script.dataset.answerBack.replace("%7Bquery%7D", encodeURIComponent(query.trim()))
    write.textContent = script.dataset.answerText
    write.setAttribute("data-answer-back", "")
    var last = item("p", "")
    last.querySelector("p").appendChild(write)
    list.appendChild(last)
  }

  function item(tag, text) {
    var li = document.createElement("li")
    var article = document.createElement("article")
    var content = document.createElement(tag)
    li.className = "md-search-result__item"
    article.className = "md-search-result__article md-typeset"
    content.textContent = text
    article.appendChild(content)
    li.appendChild(article)
    return li
  }
})(document.currentScript)
