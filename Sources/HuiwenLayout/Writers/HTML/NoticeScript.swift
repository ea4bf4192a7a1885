/// The notice layout's one fixed script: it puts the 版记 at the foot of the last page in print,
/// and narrows a 发文机关标志 too long for one line (horizontal compression, as printers do).
///
/// CSS cannot anchor a block to the bottom of the last page, so the script paginates the screen
/// layout (the sheet on screen has exactly the print measure, 156 mm) with the print page
/// height, then pads the space above the 版记 so that its last rule lands on the 版心 bottom, or
/// starts it on a page of its own when it does not fit. The padding is applied only in print
/// (`@media print`), so the page reads the same without the script (a long 标志 then wraps).
/// Text lines, table rows (with the repeated header), figures and the signature block are the
/// units that never split; attachments start new pages. The text holds no double brace (it sits in a Mustache template).
enum NoticeScript {
    static let source = #"""
        (function () {
          "use strict";
          /* A 发文机关标志 longer than the line is narrowed, as printers do, not wrapped. */
          var issuer = document.querySelector(".issuer > span");
          if (issuer) {
            issuer.style.whiteSpace = "nowrap";
            var room = issuer.parentNode.clientWidth, wide = issuer.getBoundingClientRect().width;
            if (wide > room) {
              issuer.style.transform = "scaleX(" + (room / wide) + ")";
              issuer.style.marginRight = (room - wide) + "px";  /* layout width = room */
            } else issuer.style.whiteSpace = "";
          }
          var colophon = document.querySelector(".colophon");
          if (!colophon) return;
          var ATOMIC = /^(TR|FIGURE|SVG|IMG|PRE|HR|svg)$/;
          function probe(css) {
            var d = document.createElement("div");
            d.style.cssText = "position:absolute;visibility:hidden;top:0;height:" + css;
            document.body.appendChild(d);
            var h = d.getBoundingClientRect().height;
            d.remove();
            return h;
          }
          function inFlow(el) {
            var s = getComputedStyle(el);
            return s.display !== "none" && s.position !== "absolute" && s.position !== "fixed";
          }
          function hasBlockChildren(el) {
            for (var c = el.firstElementChild; c; c = c.nextElementSibling) {
              if (!inFlow(c)) continue;
              var d = getComputedStyle(c).display;
              if (d.indexOf("inline") !== 0 && d !== "contents") return true;
            }
            return false;
          }
          function place() {
            colophon.classList.remove("placed", "own-page");
            colophon.style.removeProperty("--colophon-gap");
            var pageHeight = probe("calc(225mm + 6.475pt)");  /* the print page area */
            var eps = probe("0.3mm");
            var origin = document.body.getBoundingClientRect().top +
              parseFloat(getComputedStyle(document.body).paddingTop);
            var shift = 0;
            function top(el) { return el.getBoundingClientRect().top - origin; }
            function fit(t, b) {  /* a unit [t, b) in screen coordinates that must not split */
              var pt = t + shift, pb = b + shift;
              var end = (Math.floor(pt / pageHeight + 1e-6) + 1) * pageHeight;
              if (pb > end + 0.5 && b - t <= pageHeight) { shift += end - pt; return true; }
              return false;
            }
            function table(el) {
              var head = el.tHead ? el.tHead.getBoundingClientRect().height : 0;
              var rows = el.querySelectorAll("tbody > tr");
              if (el.tHead) fit(top(el.tHead), top(el.tHead) + head);
              for (var i = 0; i < rows.length; i++) {
                var r = rows[i].getBoundingClientRect();
                if (fit(r.top - origin, r.bottom - origin)) shift += head;
              }
            }
            function walk(el) {
              for (var c = el.firstElementChild; c && c !== colophon; c = c.nextElementSibling) {
                if (c.tagName === "SCRIPT" || c.tagName === "STYLE" || !inFlow(c)) continue;
                if (c.classList.contains("attachment")) {
                  var pt = top(c) + shift;
                  var start = Math.ceil(pt / pageHeight - 1e-6) * pageHeight;
                  shift += start - pt;
                }
                var r = c.getBoundingClientRect();
                var s = getComputedStyle(c);
                if (c.tagName === "TABLE") { table(c); continue; }
                if (!ATOMIC.test(c.tagName) && !c.classList.contains("signature") &&
                    /^(block|list-item|flow-root)$/.test(s.display) && hasBlockChildren(c)) { walk(c); continue; }
                var lh = parseFloat(s.lineHeight), h = r.height, n = Math.round(h / lh);
                if (ATOMIC.test(c.tagName) || c.classList.contains("signature") || !(n >= 1) ||
                    Math.abs(n * lh - h) > 1) { fit(r.top - origin, r.bottom - origin); continue; }
                for (var i = 0; i < n; i++) fit(r.top - origin + i * lh, r.top - origin + (i + 1) * lh);
              }
            }
            walk(document.body);
            colophon.classList.add("measure");  /* margin-top 0, as in print: trailing margins stay */
            var rect = colophon.getBoundingClientRect();
            colophon.classList.remove("measure");
            var above = rect.top - origin + shift;  /* end of the content before it, in print */
            var end = (Math.floor(above / pageHeight + 1e-6) + 1) * pageHeight;
            var gap = end - eps - rect.height - above;
            if (gap < 0) { colophon.classList.add("own-page"); gap = pageHeight - eps - rect.height; }
            colophon.style.setProperty("--colophon-gap", Math.max(0, gap) + "px");
            colophon.classList.add("placed");
          }
          place();
          window.addEventListener("beforeprint", place);
          if (document.fonts && document.fonts.ready) document.fonts.ready.then(place);
        })();
        """#
}
