/*
 * The header's language switcher keeps the reader's place and remembers the choice.
 * Loaded on every page through extra_javascript; without JavaScript the switcher's links
 * still lead to the same page in the other language, at its top.
 */
(function () {
  // The site root, from this script's own address (<root>/assets/javascripts/language.js);
  // the home page of the default language reads the same key (overrides/main.html).
  var key = new URL("../../", document.currentScript.src).pathname + ".language"
  var selector = ".md-select__link[hreflang]"

  // Heading ids are the same in every language: carry the current one (faq/#refund -> es/faq/#refund)
  function keepPlace() {
    document.querySelectorAll(selector).forEach(function (link) {
      link.hash = location.hash
    })
  }

  // Capture phase, before Material's own click handler on the body: Material would send the
  // reader to its guess of the page (from the sitemaps), without the anchor; this link knows.
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element && event.target.closest(selector)
    if (!link) return
    keepPlace()
    try {
      localStorage.setItem(key, link.hreflang)
    } catch (error) {
      // Storage refused (private mode, quota): the choice is simply not remembered
    }
    event.stopPropagation()
  }, true)

  addEventListener("hashchange", keepPlace)
  keepPlace()
})()
