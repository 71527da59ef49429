/* Search as readers type (README, "Search"): loaded by workers/search-language.js with Material's
 * worker when search is first wanted, before it, so that this script sees each message first.
 *
 * Material keeps its interface and builds its lunr index as ever (fields, positions, stemmer),
 * with one change: each token is folded to its unaccented form just before the stemmer, so that
 * "retencion" and "retención" are one word. Ranking is ours, over that index:
 *   - a query is read as the reader's words: question words ("comment", "¿cómo?", the language's
 *     list) weigh little and lunr's stop words nothing; each other word is a concept, found by its
 *     stem, by the synonyms of its group, at one edit when it has five letters or more (a missing,
 *     extra, swapped or wrong letter), and as the start of a word when it is the last one typed;
 *     these weigh less than the word itself, so an exact match ranks first;
 *   - each entry (a section, or a page's heading and introduction) scores by the concepts it
 *     holds, each by its rarity (idf), in its heading or its text (by how often, for its length);
 *     by how much of the query its best paragraph holds (a section about the query beats a page
 *     that names it once); by how closely its heading and the query match, both ways (so that
 *     "Que fait le service de rétention ?" finds that very section), a heading that says what
 *     something is ("Qu'est-ce que…", the language's definitions) winning a query of just that
 *     something; all of it times the share of the query the entry covers, squared.
 * Material is then handed the index terms matched, and its lunr search answers with this
 * ranking, divided by the boost Material applies to it afterwards (which favours pages over
 * sections): Material's order is this order. Its result message goes out with the words as the
 * reader typed them (the "missing" line of a result), the words of the pages that matched (its
 * link's ?h=, for the highlight on the page it opens), the query it answers (for Enter) and, when
 * nothing matched, the pages to offer instead (the index's "offers", written by the hook).
 *
 * The language's question words, definitions and synonyms come from search_words.yml, folded into
 * the index's configuration by overrides/hooks/search_per_language.py.
 */
(function () {
  var SETUP = 0, QUERY = 2, RESULT = 3  // Material's SearchMessageType

  // Weights: of a concept's forms against the word typed, and of where an entry holds them
  var EXACT = 1, SYNONYM = 0.9, PREFIX = 0.8, FUZZY = 0.5, QUESTION = 0.15
  var HEADING = 1.5, K1 = 1.2, B = 0.75, CLOSENESS = 3, PARAGRAPH = 1, DEFINITION = 1

  var config            // the index's configuration: lang, separator, words, offers
  var index, pipeline   // lunr's index and pipeline, as Material builds them
  var entries = {}      // location -> Material's document
  var vocabulary = {}   // every word of the pages, folded -> its index term
  var written = {}      // index term -> the words of the pages it stands for, as written
  var stats = {}        // location -> {title: {term: count}, text: {term: count}, length}
  var rarity = {}       // index term -> its idf
  var questions = []    // the language's question words, each a list of folded words
  var groups = []       // its synonym groups, each word as {terms, folded}
  var questionTerms = {}  // the index terms of the language's question words
  var definitions = {}  // location -> true, for an entry whose heading says what something is
  var documents = 0, averageLength = 0
  var asked = []        // the queries as typed, in the order Material answers them
  var answer            // the answer being handed to Material: {hits, text, units, matched, query}

  function fold(text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "")
  }

  // One index term for a word, through the language's pipeline: none for a stop word (typed
  // with or without its accents) or a single letter
  function term(word) {
    if (word.length < 2 && !/\p{N}/u.test(word))
      return null
    var found = pipeline.runString(word)[0]
    return found && pipeline.runString(fold(word))[0] ? found : null
  }

  // The words of a text, lower case unless asked, as lunr's tokenizer splits them
  function split(text, keepCase) {
    return (keepCase ? text : text.toLowerCase()).split(lunr.tokenizer.separator).map(function (word) {
      return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "")
    }).filter(Boolean)
  }

  // Two words alike: the same, or at one edit when both have five letters or more
  function alike(a, b) {
    return a === b || (a.length >= 5 && b.length >= 5 && withinOneEdit(a, b))
  }

  // Whether a and b are at most one edit apart (one letter missing, extra, swapped or wrong)
  function withinOneEdit(a, b) {
    if (Math.abs(a.length - b.length) > 1 || a === b)
      return a === b
    var i = 0
    while (i < a.length && a[i] === b[i])
      i++
    if (a.length === b.length)
      return a.slice(i + 1) === b.slice(i + 1) ||
        (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2))
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1)
  }

  // -- Setup: the language's words, the index and what ranking reads of it ------------------

  function setup(data) {
    if (config)
      return
    config = data.config
    data.docs.forEach(function (doc) { entries[doc.location] = doc })
    lunr.Pipeline.registerFunction(foldToken, "foldAccents")
    var use = lunr.Builder.prototype.use
    lunr.Builder.prototype.use = function () {
      use.apply(this, arguments)
      // Material calls builder.use(lunr[language]) first thing: slot the folding in after it
      var stemmer = lunr[config.lang[0]].stemmer
      this.pipeline.before(stemmer, foldToken)
      this.searchPipeline.before(stemmer, foldToken)
      pipeline = this.pipeline
    }
    var build = lunr.Builder.prototype.build
    lunr.Builder.prototype.build = function () {
      index = build.apply(this, arguments)
      index.search = function () { return answer.hits }
      read(index)
      return index
    }
  }

  function foldToken(token) {
    return token.update(fold)
  }

  function read(index) {
    var total = 0
    Object.keys(entries).forEach(function (location) {
      stats[location] = {title: {}, text: {}, length: 0}
    })
    Object.keys(index.invertedIndex).forEach(function (term) {
      var posting = index.invertedIndex[term]
      var holders = {}
      ;["title", "text"].forEach(function (field) {
        Object.keys(posting[field] || {}).forEach(function (location) {
          var count = posting[field][location].position.length
          holders[location] = true
          stats[location][field][term] = count
          if (field === "text")
            stats[location].length += count
        })
      })
      rarity[term] = Object.keys(holders).length
    })
    documents = Object.keys(stats).length
    Object.keys(rarity).forEach(function (term) { rarity[term] = idf(rarity[term]) })
    phrases(config.words.questions, true).forEach(function (terms) {
      terms.forEach(function (term) { questionTerms[term] = true })
    })
    questions = phrases(config.words.questions, false)
    groups = (config.words.synonyms || []).map(function (group) {
      return group.map(function (phrase) {
        return {terms: phrases([phrase], true)[0] || [], folded: phrases([phrase], false)[0] || []}
      })
    })
    Object.keys(entries).forEach(function (location) {
      var heading = split(fold(entries[location].title))
      phrases(config.words.definitions, false).forEach(function (phrase) {
        if (startsAt(heading, 0, phrase))
          definitions[location] = true
      })
    })
    Object.keys(stats).forEach(function (location) { total += stats[location].length })
    averageLength = total / documents || 1
    Object.keys(entries).forEach(function (location) {
      var doc = entries[location]
      split((doc.title + " " + doc.text).replace(/<[^>]*>/g, " ")).forEach(function (word) {
        var found = term(word)
        if (!found)
          return
        vocabulary[fold(word)] = found
        ;(written[found] = written[found] || {})[word] = true
      })
    })
  }

  // -- The query: the reader's words, and what each may match --------------------------------

  // Phrases of a list ("y a-t-il", "dar de baja") as sequences of folded words or of terms
  function phrases(list, asTerms) {
    return (list || []).map(function (phrase) {
      var words = split(fold(phrase))
      return asTerms ? words.map(term).filter(Boolean) : words
    }).filter(function (words) { return words.length })
  }

  // Where a phrase starts at position i of a sequence, its length; else 0
  function startsAt(sequence, i, phrase) {
    for (var j = 0; j < phrase.length; j++)
      if (sequence[i + j] !== phrase[j])
        return 0
    return phrase.length
  }

  function analyse(query) {
    var typing = !/\s$/.test(query)
    var typed = split(query, true)
    var folded = typed.map(function (word) { return fold(word.toLowerCase()) })

    // Question words first, on the words as typed (their stop words included)
    var units = [], rest = []
    for (var i = 0; i < folded.length;) {
      var length = 0
      questions.forEach(function (phrase) { length = Math.max(length, startsAt(folded, i, phrase)) })
      if (length) {
        units.push({typed: typed.slice(i, i + length).join(" "), question: true})
        i += length
      } else {
        rest.push({typed: typed[i], folded: folded[i], term: term(typed[i].toLowerCase()), last: i === folded.length - 1})
        i++
      }
    }
    // Then the content words, a phrase of a synonym group as one; a word of a group is found
    // by its term, or by its letters at one edit ("promos" for "promo", which French does not
    // stem alike)
    var content = rest.filter(function (word) { return word.term })
    var terms = content.map(function (word) { return word.term })
    for (i = 0; i < content.length;) {
      var group = null, member = null, exact = false
      length = 0
      groups.forEach(function (members) {
        members.forEach(function (phrase) {
          var same = startsAt(terms, i, phrase.terms)
          var found = same || (phrase.folded.length === 1 && alike(content[i].folded, phrase.folded[0]) ? 1 : 0)
          if (found > length || (found === length && same && !exact)) {
            length = found
            group = members
            member = phrase
            exact = !!same
          }
        })
      })
      var words = content.slice(i, i + (length || 1))
      units.push(concept(words, group && {members: group, member: member, exact: exact}, typing))
      i += length || 1
    }
    // A query of question words only ("pourquoi ?") searches them in earnest; one of stop words
    // only ("que"), its words as typed
    var only = !units.some(function (unit) { return !unit.question })
    units.forEach(function (unit) {
      if (!unit.question)
        return
      unit.forms = phrases([unit.typed], true).map(function (terms) {
        return {terms: terms, weight: only ? EXACT : QUESTION}
      })
      unit.question = !only
    })
    if (only && !units.length)
      units = rest.map(function (word) {
        return {typed: word.typed, forms: [{terms: [word.folded], weight: EXACT}].concat(
          starting(word.folded, PREFIX))}
      })
    return units
  }

  // A concept: its words as typed, and its forms, each a list of terms to find, with a weight.
  // In a synonym group, the word the reader typed weighs as such (less when found at one edit),
  // and the other words of the group a little less.
  function concept(words, group, typing) {
    var forms = []
    var own = words.map(function (word) { return word.term })
    forms.push({terms: own, weight: EXACT})
    if (group) {
      var typed = group.exact ? EXACT : FUZZY
      group.members.forEach(function (member) {
        if (member.terms.length && member.terms.join(" ") !== own.join(" "))
          forms.push({terms: member.terms, weight: member === group.member ? typed : typed * SYNONYM})
      })
    }
    if (words.length === 1) {
      var word = words[0].folded
      if (word.length >= 5)
        Object.keys(vocabulary).forEach(function (known) {
          if (vocabulary[known] !== own[0] && withinOneEdit(word, known))
            forms.push({terms: [vocabulary[known]], weight: FUZZY})
        })
      if (typing && words[0].last)
        forms = forms.concat(starting(word, PREFIX))
    }
    return {typed: words.map(function (word) { return word.typed }).join(" "), forms: forms}
  }

  // The terms of the words of the pages that start with a word being typed
  function starting(word, weight) {
    var forms = []
    Object.keys(vocabulary).forEach(function (known) {
      if (known.length > word.length && known.indexOf(word) === 0)
        forms.push({terms: [vocabulary[known]], weight: weight})
    })
    return forms
  }

  // -- Ranking -------------------------------------------------------------------------------

  function idf(count) {
    return Math.log(1 + (documents - count + 0.5) / (count + 0.5))
  }

  // How much an entry holds a form: in its heading, and in its text for its length
  function holds(location, form) {
    var entry = stats[location], heading = true, text = Infinity
    form.terms.forEach(function (term) {
      heading = heading && !!entry.title[term]
      text = Math.min(text, entry.text[term] || 0)
    })
    var norm = K1 * (1 - B + B * entry.length / averageLength)
    return (heading ? HEADING : 0) + text * (K1 + 1) / (text + norm) / (K1 + 1)
  }

  function heldBy(form) {
    var found = null
    form.terms.forEach(function (term) {
      var posting = index.invertedIndex[term] || {}
      var here = {}
      ;["title", "text"].forEach(function (field) {
        Object.keys(posting[field] || {}).forEach(function (location) { here[location] = true })
      })
      found = found ? found.filter(function (location) { return here[location] }) : Object.keys(here)
    })
    return found || []
  }

  function rank(units) {
    var scores = {}, matched = {}
    var content = units.filter(function (unit) { return !unit.question })
    units.forEach(function (unit) {
      var best = {}, locations = {}
      unit.forms.forEach(function (form) {
        heldBy(form).forEach(function (location) {
          locations[location] = true
          var value = form.weight * holds(location, form)
          var mine = best[location]
          if (!mine || value > mine.value)
            best[location] = mine = {value: value, weight: form.weight, terms: mine ? mine.terms : []}
          ;(matched[location] = matched[location] || {})
          form.terms.forEach(function (term) {
            mine.terms.push(term)
            matched[location][term] = true
          })
        })
      })
      unit.idf = idf(Object.keys(locations).length)
      unit.best = best
    })
    var weight = content.reduce(function (sum, unit) { return sum + unit.idf }, 0) || 1
    Object.keys(stats).forEach(function (location) {
      var relevance = 0, covered = 0
      units.forEach(function (unit) {
        var mine = unit.best[location]
        if (!mine)
          return
        relevance += unit.idf * mine.value
        if (!unit.question)
          covered += unit.idf * mine.weight
      })
      if (!covered)
        return
      var coverage = covered / weight
      scores[location] = coverage * coverage * (relevance / weight +
        CLOSENESS * closeness(location, content) + PARAGRAPH * paragraph(location, content) / weight +
        DEFINITION * defines(location, content))
    })
    return {scores: scores, matched: matched}
  }

  // 1 when the entry's heading says what something is, and holds every concept of the query
  function defines(location, content) {
    var title = stats[location].title
    return definitions[location] && content.every(function (unit) {
      var mine = unit.best[location]
      return mine && mine.terms.some(function (term) { return title[term] })
    }) ? 1 : 0
  }

  // The share of the query (by idf) that the entry's best paragraph holds: how much its text,
  // not its heading, is about the query. Material's token positions are block << 20 | index.
  function paragraph(location, content) {
    var blocks = {}
    content.forEach(function (unit) {
      var mine = unit.best[location]
      if (!mine)
        return
      var seen = {}
      mine.terms.forEach(function (term) {
        var posting = index.invertedIndex[term].text
        ;(posting && posting[location] ? posting[location].position : []).forEach(function (position) {
          seen[position >>> 20] = true
        })
      })
      Object.keys(seen).forEach(function (block) {
        blocks[block] = (blocks[block] || 0) + unit.idf * mine.weight
      })
    })
    return Object.keys(blocks).reduce(function (best, block) { return Math.max(best, blocks[block]) }, 0)
  }

  // How closely an entry's heading and the query match: the F1 of the share of the heading's
  // terms the query matches and the share of the query's concepts the heading holds (by idf)
  function closeness(location, content) {
    var title = stats[location].title
    var terms = Object.keys(title).filter(function (term) { return !questionTerms[term] })
    if (!terms.length)
      return 0
    var query = 0, found = 0, heading = 0, shared = 0
    var inHeading = {}
    content.forEach(function (unit) {
      query += unit.idf
      var mine = unit.best[location]
      if (!mine)
        return
      var here = mine.terms.filter(function (term) { return title[term] })
      if (here.length) {
        found += unit.idf * mine.weight
        here.forEach(function (term) { inHeading[term] = Math.max(inHeading[term] || 0, mine.weight) })
      }
    })
    terms.forEach(function (term) {
      heading += rarity[term]
      shared += rarity[term] * (inHeading[term] || 0)
    })
    var precision = shared / heading, recall = found / (query || 1)
    return precision + recall ? 2 * precision * recall / (precision + recall) : 0
  }

  // -- Handing the ranking to Material --------------------------------------------------------

  // Index terms Material can read back as query clauses (letters and digits only)
  function clause(term) {
    return /^[\p{L}\p{N}]+$/u.test(term)
  }

  // Material multiplies each score by 1 + boost², boost being 1 for a page (not a section)
  // plus the share of the query's clauses the entry matched: computed as Material does.
  function materialBoost(location, clauses, keys) {
    var found = 0, counted = 0
    clauses.forEach(function (term) {
      var hit = keys.some(function (key) { return key.indexOf(term) === 0 })
      if (hit)
        found++
      if (hit || lunr.stopWordFilter(term))
        counted++
    })
    var boost = (location.indexOf("#") < 0 ? 1 : 0) + (counted ? found / counted : 0)
    return 1 + boost * boost
  }

  function search(query) {
    var units = analyse(query)
    var ranking = rank(units)
    var locations = Object.keys(ranking.scores)
    var all = {}
    locations.forEach(function (location) {
      Object.keys(ranking.matched[location]).forEach(function (term) { all[term] = true })
    })
    var clauses = Object.keys(all).filter(clause)
    var hits = locations.map(function (location) {
      var metadata = {}
      Object.keys(ranking.matched[location]).forEach(function (term) {
        var posting = index.invertedIndex[term]
        metadata[term] = {}
        ;["title", "text"].forEach(function (field) {
          if (posting[field] && posting[field][location])
            metadata[term][field] = {position: posting[field][location].position.slice()}
        })
      })
      var keys = Object.keys(metadata)
      var score = 1000 * ranking.scores[location] / materialBoost(location, clauses, keys)
      return {ref: location, score: score, matchData: {metadata: metadata}}
    })
    hits.sort(function (a, b) { return b.score - a.score })
    return {hits: hits, text: clauses.join(" "), units: units, matched: ranking.matched}
  }

  // The terms of a result as a reader reads them: each concept the entry matched, by the
  // words of the pages that matched it (for ?h=); each it did not, as typed (struck out)
  function readable(location, units, matched) {
    var terms = {}
    units.forEach(function (unit) {
      if (unit.question)
        return
      var mine = unit.best[location]
      if (!mine) {
        terms[unit.typed] = false
        return
      }
      mine.terms.forEach(function (term) {
        if (matched[location] && matched[location][term])
          Object.keys(written[term] || {}).forEach(function (word) { terms[word] = true })
      })
    })
    return terms
  }

  addEventListener("message", function (ev) {
    var message = ev.data
    if (message.type === SETUP)
      setup(message.data)
    if (message.type !== QUERY || !index)
      return
    answer = search(message.data)
    answer.query = message.data
    asked.push(answer)
    Object.defineProperty(ev, "data", {value: {type: QUERY, data: answer.text}})
  })

  // Material answers with postMessage: reshape its result on the way out
  var post = self.postMessage.bind(self)
  self.postMessage = function (message) {
    var asking = message && message.type === RESULT && asked.shift()
    if (asking) {
      message.data.query = asking.query
      message.data.items.forEach(function (group) {
        group.forEach(function (item) {
          item.terms = readable(item.location, asking.units, asking.matched)
        })
      })
      if (!message.data.items.length && asking.query.trim())
        message.data.offers = config.offers.map(function (location) {
          return {location: location, title: entries[location].title}
        })
    }
    return post(message)
  }
})()
