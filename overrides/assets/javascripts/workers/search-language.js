/* The search worker Material starts (README, "Search"): search-language.js hands Material this
 * file in place of its own worker, passing that one's name as ?material=. It sits next to it, so
 * that Material's own "../lunr" stemmers resolve.
 *
 * It weighs nothing until search is wanted: its first message (the index, sent once the reader is
 * in the search box) loads search-ranking.js and then Material's worker, which registers its
 * listener after search-ranking.js's: ours sees each message first. The message is then handed
 * to both.
 */
var loaded = false

addEventListener("message", function (ev) {
  if (loaded)
    return
  loaded = true
  importScripts("search-ranking.js", new URL(location.href).searchParams.get("material"))
  dispatchEvent(new MessageEvent("message", {data: ev.data}))
})
