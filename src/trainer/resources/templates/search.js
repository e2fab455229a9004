(function () {
  // Search that ignores accents: "bao hiem" finds "Bảo hiểm", "dinh danh" finds "Định danh".
  function fold(text) {
    var s = String(text || "");
    if (s.normalize) { s = s.normalize("NFD"); }
    return s.replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
  }
  var box = document.getElementById("searchbox");
  var input = document.getElementById("q");
  var empty = document.getElementById("empty");
  var cards = Array.prototype.slice.call(document.querySelectorAll("article[data-search]"));
  var buttons = Array.prototype.slice.call(document.querySelectorAll("button[data-topic]"));
  var topic = "";
  var folded = cards.map(function (card) { return fold(card.getAttribute("data-search")); });
  function apply() {
    var words = fold(input.value).split(/\s+/).filter(function (w) { return w.length > 0; });
    var shown = 0;
    cards.forEach(function (card, i) {
      var match = (topic === "" || card.getAttribute("data-topic") === topic) &&
        words.every(function (w) { return folded[i].indexOf(w) >= 0; });
      card.hidden = !match;
      if (match) { shown += 1; }
    });
    empty.hidden = shown > 0;
  }
  buttons.forEach(function (button) {
    button.addEventListener("click", function () {
      topic = button.getAttribute("data-topic");
      buttons.forEach(function (b) { b.setAttribute("aria-pressed", b === button ? "true" : "false"); });
      apply();
    });
  });
  input.addEventListener("input", apply);
  box.hidden = false;
  apply();
})();
