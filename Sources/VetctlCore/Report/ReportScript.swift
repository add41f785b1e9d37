import Crypto
import Foundation

/// The report's only script: sorts the provider table by a column (click its heading; again to
/// reverse) and filters its rows by text, in the page itself. It fetches nothing; the page's
/// Content-Security-Policy admits this script alone, by its SHA-256 (``sourceHash``).
///
/// `#sort=KEY&desc&filter=TEXT` in the page's address applies a sort and a filter on load, so a
/// link can share a view and `ops/checks/report-render` can check both with headless Chromium.
enum ReportScript {
  static let source = """
    (function () {
      var table = document.getElementById('providers');
      if (!table) return;
      var body = table.querySelector('.rows'), heads = table.querySelector('.head').children;
      var rows = Array.prototype.slice.call(body.children, 0).filter(function (row) {
        return row.getAttribute('role') === 'row';
      });
      var filter = document.getElementById('provider-filter');
      var count = document.getElementById('provider-count');
      var sorted = { column: -1, descending: false };
      function sortBy(column, descending) {
        var numeric = heads[column].getAttribute('data-type') === 'num';
        var keyed = rows.map(function (row) {
          var cell = row.children[column], value = cell.getAttribute('data-v');
          if (value === null) value = cell.textContent;
          return { row: row, key: numeric ? parseFloat(value) : value.toLowerCase() };
        });
        keyed.sort(function (a, b) {
          var order = numeric ? a.key - b.key : (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
          return descending ? -order : order;
        });
        rows = keyed.map(function (entry) { return entry.row; });
        var fragment = document.createDocumentFragment();
        rows.forEach(function (row) { fragment.appendChild(row); });
        body.appendChild(fragment);
        for (var i = 0; i < heads.length; i++) heads[i].removeAttribute('aria-sort');
        heads[column].setAttribute('aria-sort', descending ? 'descending' : 'ascending');
        sorted = { column: column, descending: descending };
      }
      function show(text) {
        var words = text.toLowerCase().split(/\\s+/).filter(Boolean), shown = 0;
        rows.forEach(function (row) {
          var line = row.textContent.toLowerCase();
          var hit = words.every(function (word) { return line.indexOf(word) >= 0; });
          row.hidden = !hit;
          if (hit) shown++;
        });
        count.textContent = shown + ' of ' + rows.length + ' shown';
      }
      Array.prototype.forEach.call(heads, function (head, column) {
        head.tabIndex = 0;
        function activate() {
          sortBy(column, sorted.column === column ? !sorted.descending : false);
        }
        head.addEventListener('click', activate);
        head.addEventListener('keydown', function (event) {
          if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); activate(); }
        });
      });
      filter.addEventListener('input', function () { show(filter.value); });
      var asked = new URLSearchParams(location.hash.slice(1));
      for (var i = 0; i < heads.length; i++) {
        if (heads[i].getAttribute('data-key') === asked.get('sort')) sortBy(i, asked.has('desc'));
      }
      if (asked.has('filter')) filter.value = asked.get('filter');
      document.getElementById('provider-tools').hidden = false;
      // Every row is shown to begin with: touching 100,000 rows on load only costs time.
      if (filter.value) show(filter.value);
      else count.textContent = rows.length + ' of ' + rows.length + ' shown';
    })();
    """

  /// `'sha256-…'`, the Content-Security-Policy source that admits exactly ``source``.
  static let sourceHash: String = {
    let digest = SHA256.hash(data: Data(source.utf8))
    return "'sha256-\(Data(digest).base64EncodedString())'"
  }()

  /// The script element, placed after the table it works on.
  static var element: String { "<script>\(source)</script>\n" }
}
