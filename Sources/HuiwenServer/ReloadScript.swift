import Foundation

/// The live-reload script put into pages as the server sends them (never into `output/`):
/// it listens to the server's event stream and reloads when the page it shows is out of date.
enum ReloadScript {
    static let eventsPath = "/_huiwen/events"

    /// The `<script>` for the page `key` (a document name, or `index`) whose content has
    /// version `token`. The server compares the token on every (re)connection, so a page left
    /// open across a server restart or a missed event still catches up.
    static func tag(key: String, token: String) -> String {
        """
        <script>/* huiwen serve: live reload */(function () {
          var query = "?page=" + encodeURIComponent(\(HTMLText.scriptString(key))) + "&v=" + encodeURIComponent(\(HTMLText.scriptString(token)));
          function connect() {
            var source = new EventSource(\(HTMLText.scriptString(eventsPath)) + query);
            source.addEventListener("reload", function () { source.close(); location.reload(); });
            source.onerror = function () {
              if (source.readyState === EventSource.CLOSED) { setTimeout(connect, 1000); }
            };
          }
          connect();
        })();</script>
        """
    }

    /// `html` with the script before its last `</body>` (or at the end when it has none).
    static func inject(into html: String, key: String, token: String) -> String {
        let script = tag(key: key, token: token) + "\n"
        guard let range = html.range(of: "</body>", options: [.backwards, .caseInsensitive]) else {
            return html + script
        }
        var result = html
        result.insert(contentsOf: script, at: range.lowerBound)
        return result
    }
}
