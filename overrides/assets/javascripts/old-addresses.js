/*
 * A section moved to another page keeps its old address: this page sends #old-id on to the
 * section's new place (overrides/hooks/old_addresses.py), when it loads and when its hash
 * changes (a link followed within the page), replacing the old address in the history so that
 * Back does not come back to it. Loaded by overrides/main.html on such pages only, with
 * data-forwards: {"old-id": "../new-page/#new-id"}, URLs relative to this page.
 */
(function () {
  var forwards = JSON.parse(document.currentScript.dataset.forwards)

  function forward() {
    var id = decodeURIComponent(location.hash.slice(1))
    if (Object.prototype.hasOwnProperty.call(forwards, id)) {
      location.replace(new URL(forwards[id], location.href).href)
    }
  }

  addEventListener("hashchange", forward)
  forward()
})()
