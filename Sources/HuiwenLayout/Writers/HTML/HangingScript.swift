/// The official layouts' hanging punctuation (标点悬挂): where a character moved down to the
/// next line only because a mark that may not start a line follows it (`程，`, `会”`), the mark
/// is made to take no room (`letter-spacing: -1em`), so the character ends its line as the 28th
/// and the mark hangs into the margin, as Word does for Chinese text. Browsers have no
/// `hanging-punctuation` for Chinese; without the script a line just stays one character short.
///
/// It runs once the fonts are ready (before the notice's own script places the 版记, which
/// depends on the line count), measuring the laid-out lines through ranges.
/// The text holds no double brace (it sits in a Mustache template).
enum HangingScript {
    static let source = #"""
        (function () {
          "use strict";
          var MARKS = "，。、；：？！”’）》」』】〕〉…—";
          function rect(node, i) { var r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1); return r.getBoundingClientRect(); }
          function blockOf(node) {
            for (var el = node.parentElement; el; el = el.parentElement) {
              var d = getComputedStyle(el).display;
              if (d === "block" || d === "list-item" || d === "table-cell") return el;
            }
            return document.body;
          }
          function hangIn(root) {
            var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT), nodes = [];
            while (walker.nextNode()) nodes.push(walker.currentNode);
            nodes.forEach(function (node) {
              var block = blockOf(node);
              if (getComputedStyle(block).textAlign !== "justify") return;
              for (var i = 2; i < node.data.length; i++) {
                if (MARKS.indexOf(node.data[i]) < 0 || MARKS.indexOf(node.data[i - 1]) >= 0) continue;
                var before = rect(node, i - 2), moved = rect(node, i - 1);
                if (moved.top <= before.top + 1) continue;  /* the character is not first on its line */
                var range = document.createRange();
                range.setStart(node, i); range.setEnd(node, i + 1);
                var mark = document.createElement("span");
                mark.className = "hang";
                mark.style.letterSpacing = "-1em";  /* no room for the mark (a negative margin does not count for breaking) */
                range.surroundContents(mark);
                /* Kept only when the character now ends the line above, its mark past the edge. */
                if (rect(node, i - 1).top > rect(node, i - 2).top + 1) mark.style.letterSpacing = "";
                node = mark.nextSibling;  /* the rest of the text, in a node of its own now */
                if (!node || node.nodeType !== 3) return;
                i = -1;
              }
            });
          }
          function hang() { document.querySelectorAll(".text").forEach(hangIn); }
          if (document.fonts && document.fonts.ready) document.fonts.ready.then(hang); else hang();
        })();
        """#
}
