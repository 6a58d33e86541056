// Site search. Reads this language's search/index.json (written by `cnmm build`), matches the words of ?q= and
// lists the records found, narrowed by ?level= and ?dimension=. Plain JavaScript: no library, nothing loaded
// from another host. Without JavaScript the page says that search needs it.
//
// The index: {"dimensions": {id: name}, "records": [[kind, url, title, level, dimension, text], ...]}, kind "p"
// (a page), "s" (a dimension section of a level) or "t" (a topic), level 0 and dimension "" when there is none.
//
// Matching folds case and diacritics (Ä = ä = a, ß = ss, æ = ae) in both the query and the records, and finds
// each query word at the start of a word; words of four letters or more also inside a word, for compounds
// ("sicherheit" finds "Datensicherheit"), with less weight. Every word must match. Ranking: a word in the
// title counts most, then in the level or dimension, then in the text; ties keep reading order.
(function () {
  "use strict";

  var SPECIAL = { "ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o",
    "đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "ı": "i", "þ": "th", "Þ": "th" };
  var MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
  var WORD = /[\p{L}\p{N}]/u;
  var folded = Object.create(null);

  // One character folded: lower case, without diacritics, special letters spelt out. May be "" or two letters.
  function foldChar(c) {
    if (c < "\u0080") return c.toLowerCase();
    var known = folded[c];
    if (known !== undefined) return known;
    var result = SPECIAL[c];
    if (result === undefined) {
      result = c.normalize("NFD").replace(MARKS, "").toLowerCase();
      result = SPECIAL[result] || result;
    }
    folded[c] = result;
    return result;
  }

  // A text folded, with the position in the original of every folded character (to mark matches in it).
  function fold(text) {
    var out = "";
    var map = [];
    for (var i = 0; i < text.length; i++) {
      var f = foldChar(text[i]);
      for (var j = 0; j < f.length; j++) {
        out += f[j];
        map.push(i);
      }
    }
    map.push(text.length);
    return { text: out, map: map };
  }

  function isWordChar(c) {
    return c !== undefined && c !== "" && WORD.test(c);
  }

  // The query's distinct folded words, longest first (so a longer word is marked before its prefix).
  function words(query) {
    var seen = Object.create(null);
    var list = [];
    fold(query).text.split(/[^\p{L}\p{N}]+/u).forEach(function (word) {
      if (word && !seen[word]) {
        seen[word] = true;
        list.push(word);
      }
    });
    return list.sort(function (a, b) { return b.length - a.length; });
  }

  // Where a folded word occurs in a folded text: at a word's start (prefix), inside a word (infix, long words
  // only), and whether one occurrence is a whole word.
  function occurrences(haystack, word) {
    var found = { prefix: 0, infix: 0, exact: false, first: -1 };
    for (var at = haystack.indexOf(word); at >= 0; at = haystack.indexOf(word, at + 1)) {
      if (!isWordChar(haystack[at - 1])) {
        found.prefix++;
        if (!isWordChar(haystack[at + word.length])) found.exact = true;
      } else if (word.length >= 4) {
        found.infix++;
      } else {
        continue;
      }
      if (found.first < 0) found.first = at;
    }
    return found;
  }

  // How well a record matches all the words; 0 when one of them is missing.
  function score(record, list) {
    var total = 0;
    for (var i = 0; i < list.length; i++) {
      var word = list[i];
      var title = occurrences(record.titleFolded, word);
      var context = occurrences(record.contextFolded, word);
      var text = occurrences(record.textFolded.text, word);
      var best = 0;
      if (title.prefix) best = title.exact ? 12 : 10;
      else if (title.infix) best = 6;
      if (context.prefix || context.infix) best = Math.max(best, 4);
      if (text.prefix) best = Math.max(best, 1 + 0.25 * Math.min(text.prefix - 1, 4));
      else if (text.infix) best = Math.max(best, 0.5 + 0.125 * Math.min(text.infix - 1, 4));
      if (best === 0) return 0;
      total += best;
    }
    return total;
  }

  // The stretch of the text around the first match, as [{text, mark}] pieces with the matched words marked.
  function snippet(record, list, length) {
    var original = record.text;
    var haystack = record.textFolded;
    var first = -1;
    list.forEach(function (word) {
      var at = occurrences(haystack.text, word).first;
      if (at >= 0 && (first < 0 || at < first)) first = at;
    });
    var start = 0;
    if (first >= 0) {
      start = Math.max(0, haystack.map[first] - Math.floor(length / 3));
      if (start > 0) {
        var space = original.indexOf(" ", start);
        start = space >= 0 && space < haystack.map[first] ? space + 1 : start;
      }
    }
    var end = Math.min(original.length, start + length);
    if (end < original.length) {
      var last = original.lastIndexOf(" ", end);
      if (last > start) end = last;
    }
    // Marked ranges in the original: every occurrence of a word, widened to the whole word it is in.
    var marked = [];
    list.forEach(function (word) {
      for (var at = haystack.text.indexOf(word); at >= 0; at = haystack.text.indexOf(word, at + 1)) {
        if (isWordChar(haystack.text[at - 1]) && word.length < 4) continue;
        var from = haystack.map[at];
        var to = haystack.map[at + word.length];
        while (from > 0 && isWordChar(original[from - 1])) from--;
        while (to < original.length && isWordChar(original[to])) to++;
        if (to > start && from < end) marked.push([Math.max(from, start), Math.min(to, end)]);
      }
    });
    marked.sort(function (a, b) { return a[0] - b[0]; });
    var pieces = [];
    var cursor = start;
    if (start > 0) pieces.push({ text: "… ", mark: false });
    marked.forEach(function (range) {
      if (range[0] < cursor) return;
      if (range[0] > cursor) pieces.push({ text: original.slice(cursor, range[0]), mark: false });
      pieces.push({ text: original.slice(range[0], range[1]), mark: true });
      cursor = range[1];
    });
    if (end > cursor) pieces.push({ text: original.slice(cursor, end), mark: false });
    if (end < original.length) pieces.push({ text: " …", mark: false });
    return pieces;
  }

  // The index's records, folded once.
  function prepare(index, levelLabel) {
    var names = index.dimensions || {};
    return index.records.map(function (r, position) {
      var record = { kind: r[0], url: r[1], title: r[2], level: r[3], dimension: r[4], text: r[5] };
      var crumbs = [];
      if (record.level && record.kind !== "p") crumbs.push(levelLabel.replace("{number}", record.level));
      if (record.dimension && record.kind === "t") crumbs.push(names[record.dimension] || record.dimension);
      crumbs.push(record.title);
      record.crumbs = crumbs;
      record.position = position;
      record.titleFolded = fold(record.title).text;
      var context = (record.level ? levelLabel.replace("{number}", record.level) : "") + " " +
        (record.dimension ? names[record.dimension] || "" : "");
      record.contextFolded = fold(context).text;
      record.textFolded = fold(record.text);
      return record;
    });
  }

  // The records matching a query and filters ({level: "3", dimension: "people"}), best first.
  function search(records, query, filters) {
    var list = words(query);
    if (!list.length) return [];
    var level = filters.level ? Number(filters.level) : 0;
    var results = [];
    records.forEach(function (record) {
      if (level && record.level !== level) return;
      if (filters.dimension && record.dimension !== filters.dimension) return;
      var value = score(record, list);
      if (value > 0) results.push({ record: record, score: value });
    });
    results.sort(function (a, b) { return b.score - a.score || a.record.position - b.record.position; });
    return results.map(function (result) {
      return { record: result.record, score: result.score, snippet: snippet(result.record, list, 200) };
    });
  }

  window.cnmmSearch = { fold: function (text) { return fold(text).text; }, words: words, prepare: prepare,
    search: search };

  // The page: the form, the status line and the list of results.
  var root = document.querySelector(".search[data-index]");
  if (!root) return;
  var form = root.querySelector("form");
  var input = form.elements.q;
  var level = form.elements.level;
  var dimension = form.elements.dimension;
  var status = root.querySelector(".search-status");
  var list = root.querySelector(".search-results");
  var records = null;

  function text(key, values) {
    var result = root.getAttribute("data-" + key) || "";
    Object.keys(values || {}).forEach(function (name) { result = result.split("{" + name + "}").join(values[name]); });
    return result;
  }

  function render() {
    var query = input.value.trim();
    var filters = { level: level ? level.value : "", dimension: dimension ? dimension.value : "" };
    var params = new URLSearchParams();
    if (query) params.set("q", query);
    if (filters.level) params.set("level", filters.level);
    if (filters.dimension) params.set("dimension", filters.dimension);
    var search = params.toString();
    history.replaceState(null, "", window.location.pathname + (search ? "?" + search : ""));
    while (list.firstChild) list.removeChild(list.firstChild);
    if (!records) return;
    if (!query) {
      status.textContent = text("prompt");
      return;
    }
    var results = window.cnmmSearch.search(records, query, filters);
    status.textContent = results.length === 0 ? text("none", { query: query })
      : text(results.length === 1 ? "count-one" : "count", { count: results.length, query: query });
    results.forEach(function (result) {
      var item = document.createElement("li");
      item.className = "search-result";
      var link = document.createElement("a");
      link.href = result.record.url;
      result.record.crumbs.forEach(function (crumb, position) {
        if (position > 0) {
          var separator = document.createElement("span");
          separator.className = "search-crumb-separator";
          separator.setAttribute("aria-hidden", "true");
          separator.textContent = " › ";
          link.appendChild(separator);
        }
        var span = document.createElement("span");
        span.className = "search-crumb";
        span.textContent = crumb;
        link.appendChild(span);
      });
      item.appendChild(link);
      if (result.record.text) {
        var paragraph = document.createElement("p");
        paragraph.className = "search-snippet";
        result.snippet.forEach(function (piece) {
          if (piece.mark) {
            var mark = document.createElement("mark");
            mark.textContent = piece.text;
            paragraph.appendChild(mark);
          } else {
            paragraph.appendChild(document.createTextNode(piece.text));
          }
        });
        item.appendChild(paragraph);
      }
      list.appendChild(item);
    });
  }

  var params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";
  if (level) level.value = params.get("level") || "";
  if (dimension) dimension.value = params.get("dimension") || "";
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    render();
  });
  form.addEventListener("input", render);
  form.addEventListener("change", render);
  status.textContent = text("loading");
  fetch(root.getAttribute("data-index"), { credentials: "same-origin" })
    .then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + response.statusText);
      return response.json();
    })
    .then(function (index) {
      records = prepare(index, text("level"));
      render();
    })
    .catch(function () {
      status.textContent = text("failed");
    });
})();
