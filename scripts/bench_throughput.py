#!/usr/bin/env python3
"""Helper of scripts/bench-throughput.sh (`make bench`): generates the per-recipient batch, and is
the Python (Jinja2 + cmarkgfm) pipeline huiwen is compared with.

  gen-project N DIR           a huiwen project in DIR: templates/bench-notice.md (a per-recipient
                              notice, ~8 KB of merged Chinese Markdown: headings, paragraphs with
                              the city's figures, lists, a 20-row task table; from scripts/bench/),
                              data/meeting.yaml, data/tasks.yaml, data/cities.csv (N rows, seeded)
                              and DIR/cities-alt.csv (the same rows but one cell of one row changed)
  gen-csv N FILE [--alt]      only the cities table (--alt: the one-cell variant)
  prepare HUIWEN_PAGE INDEX DIR
                              writes DIR/layout.html.j2 and DIR/index.html.j2 (Jinja2 layouts that
                              inline the CSS and script of a huiwen notice page and index page) and
                              DIR/pandoc.html (the same page as a pandoc template)
  build ROOT LAYOUTS OUT [--part I/N] [--front-matter] [--fsync]
                              the pipeline: load ROOT/data (YAML, JSON, CSV), read the template
                              ROOT/templates/bench-notice.md and translate its Mustache tags to
                              Jinja2, for each city merge it (helpers change and date, Markdown
                              escaping of values), render with cmarkgfm (GFM extensions), number the
                              headings (一、 （一）), lay out the page (Jinja2), write
                              OUT/notice-NAME.html and OUT/notice-NAME.md (temporary file, then
                              rename, as huiwen does), then OUT/index.html and a manifest.
                              --part I/N: only the I-th of N contiguous slices of the batch (the
                              index and manifest, which list every document, are written by part 1);
                              --front-matter also writes OUT/pandoc/notice-NAME.md with a YAML
                              header of the page fields (input for the pandoc comparison; not timed);
                              --fsync syncs each file before its rename
  time N SETUP [--ok CODES] -- CMD...
                              runs SETUP then CMD N times (SETUP untimed), prints the wall-clock
                              times and their median in seconds; CMD must exit with one of CODES
                              (comma-separated, default 0)
  report RESULTS [--target-n N] [--pandoc-n N]
                              the summary of a run: a Markdown table and the targets, PASS/FAIL
  compare DIR_A DIR_B PATTERN count the files matching PATTERN in DIR_A and how many are
                              byte-identical in DIR_B; lists the first differences
"""
import csv
import datetime
import fnmatch
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEMPLATE_NAME = "bench-notice"
CN_DIGITS = "〇一二三四五六七八九"

# --- the generated project ------------------------------------------------------------------

CITY_COLUMNS = ["地区", "人民政府", "区号", "事故起数.current", "事故起数.previous",
                "死亡人数.current", "死亡人数.previous", "道路交通事故.current", "道路交通事故.previous",
                "高危企业", "检查企业", "排查隐患", "整改隐患"]


def city_rows(count):
    rng = random.Random(9704)
    rows = []
    for i in range(1, count + 1):
        name = f"城市{i:05d}"
        accidents_prev = rng.randint(150, 2000)
        accidents_cur = accidents_prev if i % 50 == 0 else round(accidents_prev * rng.uniform(0.55, 1.15))
        deaths_prev = max(1, round(accidents_prev * rng.uniform(0.18, 0.40)))
        deaths_cur = max(0, round(deaths_prev * rng.uniform(0.6, 1.2)))
        road_prev = max(1, round(accidents_prev * rng.uniform(0.3, 0.6)))
        road_cur = max(0, round(road_prev * rng.uniform(0.6, 1.2)))
        high_risk = rng.randint(300, 9000)
        checked = high_risk * rng.randint(2, 6)
        found = rng.randint(1000, 40000)
        fixed = round(found * rng.uniform(0.8, 1.0))
        rows.append([name, name + "人民政府", f"07{30 + i % 70:02d}", accidents_cur, accidents_prev,
                     deaths_cur, deaths_prev, road_cur, road_prev, high_risk, checked, found, fixed])
    return rows


def gen_csv(count, path, alt=False):
    rows = city_rows(count)
    if alt:  # one cell of one row: the middle city's accidents this year
        rows[len(rows) // 2][3] += 1
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(CITY_COLUMNS)
        w.writerows(rows)


def gen_project(count, root):
    root = Path(root)
    (root / "templates").mkdir(parents=True, exist_ok=True)
    (root / "data").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(HERE / "bench" / (TEMPLATE_NAME + ".md"), root / "templates" / (TEMPLATE_NAME + ".md"))
    for name in ("meeting.yaml", "tasks.yaml"):
        shutil.copyfile(HERE / "bench" / name, root / "data" / name)
    gen_csv(count, root / "data" / "cities.csv")
    gen_csv(count, root / "cities-alt.csv", alt=True)
    shutil.copyfile(root / "data" / "cities.csv", root / "cities-orig.csv")


# --- loading -----------------------------------------------------------------------------

NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?$")


def load_yaml(text):
    import yaml
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the fast libyaml loader when present
    return yaml.load(text, Loader=loader)


def csv_rows(text):
    rows = []
    for record in csv.DictReader(text.splitlines()):
        row = {}
        for key, value in record.items():
            value = Decimal(value) if NUMBER.match(value) else value  # "0731" stays text
            target = row
            parts = key.split(".")
            for part in parts[:-1]:
                target = target.setdefault(part, {})
            target[parts[-1]] = value
        rows.append(row)
    return rows


def load_data(root):
    data = {}
    for path in sorted((root / "data").iterdir()):
        text = path.read_text(encoding="utf-8")
        if path.suffix in (".yaml", ".yml"):
            data[path.stem] = load_yaml(text)
        elif path.suffix == ".json":
            data[path.stem] = json.loads(text, parse_float=Decimal)
        elif path.suffix == ".csv":
            data[path.stem] = csv_rows(text)
    return data


# --- helpers (the same figures as huiwen's change and date) ------------------------------

def change(x):
    current, previous = Decimal(x["current"]), Decimal(x["previous"])
    if previous <= 0:
        raise ValueError("change needs a positive 'previous'")
    ratio = (current - previous) / previous
    magnitude = (abs(ratio) * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    if magnitude == 0:
        return "持平"
    return ("下降" if ratio < 0 else "上升") + f"{magnitude}%"


def cn_date(d):
    if isinstance(d, str):
        d = datetime.date.fromisoformat(d)
    return f"{d.year}年{d.month}月{d.day}日"


MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#!|~&])")


def md_escape(value):
    """Values merged into Markdown are escaped so that they stay text (huiwen escapes them).
    The generated values hold none of these characters, so this only has to be correct for them."""
    if value is None:
        return ""
    text = str(value)
    return MD_SPECIAL.sub(r"\\\1", text) if MD_SPECIAL.search(text) else text


def cn_number(n):
    if n < 10:
        return CN_DIGITS[n] if n else "〇"
    tens, ones = divmod(n, 10)
    return (CN_DIGITS[tens] if tens > 1 else "") + "十" + (CN_DIGITS[ones] if ones else "")


# --- templates ---------------------------------------------------------------------------

TAG = re.compile(r"\{\{\s*([#/^]?)\s*([^}]*?)\s*\}\}")
CALL = re.compile(r"^(\w+)\((.*)\)$")


def mustache_to_jinja(text):
    """Translates the small Mustache subset the bench template uses to Jinja2: {{path}},
    {{helper(path)}}, sections over lists {{#list}}…{{/list}} whose items' keys are read as plain
    names, and @number / @cn inside them. Standalone section lines vanish in both (Jinja2's
    trim_blocks and lstrip_blocks)."""
    depth = []

    def name(expr):
        if not depth:
            return expr
        if expr == "@number":
            return "loop.index"
        if expr == "@cn":
            return "cn(loop.index)"
        if expr == ".":
            return depth[-1]
        return depth[-1] + "[" + repr(expr) + "]" if "." not in expr else depth[-1] + "." + expr

    def expr_of(inner):
        m = CALL.match(inner)
        if m:
            return f"{m.group(1)}({name(m.group(2))})"
        return name(inner)

    def repl(m):
        kind, inner = m.group(1), m.group(2)
        if kind == "#":
            var = f"it{len(depth)}"
            source = name(inner)
            depth.append(var)
            return "{% for " + var + " in " + source + " %}"
        if kind == "/":
            depth.pop()
            return "{% endfor %}"
        if kind == "^":
            raise ValueError("inverted sections are not translated")
        return "{{ " + expr_of(inner) + " }}"

    return TAG.sub(repl, text)


def read_template(path):
    import yaml
    text = Path(path).read_text(encoding="utf-8")
    assert text.startswith("---\n")
    end = text.index("\n---\n", 4)
    front = yaml.safe_load(text[4:end + 1])
    return front, text[end + 5:]


NUMBERED = re.compile(r"<h([23])>")


def number_headings(html):
    """公文 numbering of the document's ## and ### headings: 一、 and （一）, ### counting within ##."""
    counters = [0, 0]

    def repl(m):
        if m.group(1) == "2":
            counters[0] += 1
            counters[1] = 0
            return "<h2>" + cn_number(counters[0]) + "、"
        counters[1] += 1
        return "<h3>（" + cn_number(counters[1]) + "）"
    return NUMBERED.sub(repl, html)


def prepare(page, index, out):
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    html = Path(page).read_text(encoding="utf-8")
    head = html[: html.index("<title>")]
    style = html[html.index("<style>"): html.index("</style>") + len("</style>")]
    script = html[html.index("<script>"): html.rindex("</script>") + len("</script>")]
    body = """<title>{{ title_text }}</title>
{% raw %}STYLE{% endraw %}
</head>
<body class="notice">
<header class="masthead">

<div class="issuer"><span>{{ issuer }}</span></div>
<p class="doc-number">{{ docNumber }}</p>
<hr class="red-rule">
</header>
<h1 class="title">{{ title_html }}</h1>
<p class="recipients">{{ recipients }}</p>
<main class="text">
{{ content }}
</main>
<div class="signature"><p class="signer">{{ signature }}</p><p class="date">{{ date }}</p></div>


<footer class="colophon"><div class="colophon-rules">

<p class="imprint"><span class="printed-by">{{ printedBy }}</span><span class="printed-date">{{ printedDate }}印发</span></p>
</div></footer>

{% raw %}SCRIPT{% endraw %}
</body>
</html>
"""
    layout = "{% raw %}" + head + "{% endraw %}" + body.replace("STYLE", style).replace("SCRIPT", script)
    (out / "layout.html.j2").write_text(layout, encoding="utf-8")
    # pandoc's template: the same page, $var$ fields; a literal $ is written $$.
    pandoc = (head + body.replace("STYLE", style).replace("SCRIPT", script)).replace("{% raw %}", "").replace("{% endraw %}", "")
    pandoc = pandoc.replace("$", "$$")
    pandoc = re.sub(r"\{\{ (\w+) \}\}", lambda m: "$" + ("body" if m.group(1) == "content" else m.group(1)) + "$", pandoc)
    (out / "pandoc.html").write_text(pandoc, encoding="utf-8")

    ihtml = Path(index).read_text(encoding="utf-8")
    istyle = ihtml[: ihtml.index("</style>") + len("</style>")]
    itemplate = ("{% raw %}" + istyle + "{% endraw %}\n</head>\n<body class=\"plain\">\n<main class=\"page\">\n"
                 "<h1 class=\"title\">文稿目录</h1>\n<p class=\"summary\">共{{ docs|length }}份文稿。</p>\n"
                 "<table class=\"index\">\n<thead><tr><th>文稿</th><th>类别</th><th>文件</th></tr></thead>\n<tbody>\n"
                 "{% for d in docs %}<tr><td><a href=\"{{ d.href }}\">{{ d.title }}</a><br><span class=\"recipients\">"
                 "{{ d.recipients }}</span></td><td class=\"kind\">通知</td><td><code>{{ d.href }}</code></td></tr>\n{% endfor %}"
                 "</tbody>\n</table>\n</main>\n</body>\n</html>\n")
    (out / "index.html.j2").write_text(itemplate, encoding="utf-8")


def title_forms(title):
    """A title written over several lines: its lines joined by <br> in the page's heading, joined
    with nothing in <title> and the index (the bench title's lines meet between two Chinese
    characters, where huiwen drops the line break)."""
    import markupsafe
    lines = title.split("\n")
    return {"title_text": "".join(lines),
            "title_html": markupsafe.Markup("<br>").join(markupsafe.escape(line) for line in lines)}


def write_atomic(path, text, durable=False):
    tmp = path.with_name("." + path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
        if durable:
            f.flush()
            os.fsync(f.fileno())
    os.replace(tmp, path)


def build(root, layouts, out, part=None, front_matter=False, durable=False):
    import cmarkgfm
    import jinja2
    from cmarkgfm.cmark import Options

    root, layouts, out = Path(root), Path(layouts), Path(out)
    data = load_data(root)
    front_src, body_src = read_template(root / "templates" / (TEMPLATE_NAME + ".md"))
    text_env = jinja2.Environment(autoescape=False, finalize=md_escape, keep_trailing_newline=True,
                                  trim_blocks=True, lstrip_blocks=True)
    text_env.globals.update(change=change, date=cn_date, cn=cn_number)
    html_env = jinja2.Environment(autoescape=True, keep_trailing_newline=True)
    body = text_env.from_string(mustache_to_jinja(body_src))
    front = {k: text_env.from_string(mustache_to_jinja(str(v))) for k, v in front_src.items()
             if k not in ("layout", "each", "output")}
    output_name = text_env.from_string(mustache_to_jinja(front_src["output"]))
    layout = html_env.from_string((layouts / "layout.html.j2").read_text(encoding="utf-8"))
    index = html_env.from_string((layouts / "index.html.j2").read_text(encoding="utf-8"))
    options = Options.CMARK_OPT_FOOTNOTES
    extensions = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    items = data[front_src["each"]]
    first, last = 0, len(items)
    if part:
        i, n = part
        first, last = (i - 1) * len(items) // n, i * len(items) // n
    out.mkdir(parents=True, exist_ok=True)
    if front_matter:
        (out / "pandoc").mkdir(exist_ok=True)
    for item in items[first:last]:
        context = dict(data)
        context.update(item)
        markdown = body.render(context)
        fields = {k: t.render(context) for k, t in front.items()}
        name = output_name.render(context)
        content = number_headings(cmarkgfm.markdown_to_html_with_extensions(markdown, options, extensions))
        page = layout.render(content=jinja2.filters.Markup(content), **title_forms(fields["title"]), **fields)
        write_atomic(out / (name + ".html"), page, durable)
        write_atomic(out / (name + ".md"), markdown, durable)
        if front_matter:
            header = "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in fields.items()) + "---\n"
            (out / "pandoc" / (name + ".md")).write_text(header + markdown, encoding="utf-8")
    if not part or part[0] == 1:  # the index lists every document: names and titles only
        docs, written = [], []
        for item in items:
            context = dict(data)
            context.update(item)
            name = output_name.render(context)
            docs.append({"href": name + ".html", "title": title_forms(front["title"].render(context))["title_text"],
                         "recipients": front["recipients"].render(context)})
            written += [name + ".html", name + ".md"]
        write_atomic(out / "index.html", index.render(docs=docs), durable)
        write_atomic(out / ".manifest", "\n".join(written + ["index.html"]) + "\n", durable)


def time_runs(n, setup, ok, cmd, record=None):
    """Wall-clock times of n runs of cmd (setup, untimed, before each), with the user and system
    CPU time of each run (wait4, the process and the children it waited for)."""
    times, users, systems = [], [], []
    for _ in range(n):
        subprocess.run(setup, shell=True, check=True)
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in ok:
            sys.exit(f"command failed ({proc.returncode}): {' '.join(cmd)}")
        times.append(elapsed)
        users.append(usage.ru_utime)
        systems.append(usage.ru_stime)
    median, user, system = (statistics.median(v) for v in (times, users, systems))
    print("runs " + " ".join(f"{t:.3f}" for t in times) + f"  (user {' '.join(f'{u:.3f}' for u in users)};"
          f" sys {' '.join(f'{u:.3f}' for u in systems)})")
    print(f"median {median:.4f} s, user {user:.3f} s, sys {system:.3f} s")
    if record:
        path, size, key = record
        with open(path, "a", encoding="utf-8") as f:
            f.write(f"{size}\t{key}\t{median:.6f} {user:.6f} {system:.6f} {n}\n")


def compare(a, b, pattern):
    a, b = Path(a), Path(b)
    names = sorted(p.name for p in a.iterdir() if fnmatch.fnmatch(p.name, pattern))
    same, different = 0, []
    for name in names:
        x = (a / name).read_bytes()
        y = (b / name).read_bytes() if (b / name).exists() else None
        if x == y:
            same += 1
        else:
            different.append(name)
    print(f"{same} {len(names)}")
    for name in different[:3]:
        print(f"   differs: {name}", file=sys.stderr)


# --- the report ------------------------------------------------------------------------

ROWS = [  # key, label, which bytes its MB/s counts
    ("cold-j1", "huiwen cold, --jobs 1", "bytes"),
    ("cold-j2", "huiwen cold, --jobs 2", "bytes"),
    ("unchanged-j1", "huiwen unchanged, --jobs 1", "bytes"),
    ("unchanged-j2", "huiwen unchanged, --jobs 2", "bytes"),
    ("changed-j1", "huiwen one row changed, --jobs 1", "bytes"),
    ("changed-j2", "huiwen one row changed, --jobs 2", "bytes"),
    ("check-j1", "huiwen --check, empty output, --jobs 1", "bytes"),
    ("check-j2", "huiwen --check, empty output, --jobs 2", "bytes"),
    ("render-floor", "render floor: cmark-gfm command", "cmarkout"),
    ("write-floor", "write floor: cp -r of the output", "bytes"),
    ("python-1p", "Python (Jinja2 + cmarkgfm), 1 process", "bytes"),
    ("python-2p", "Python, 2 processes (--part)", "bytes"),
]


def read_results(path):
    results = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        n, key, value = line.split("\t")
        results[(int(n), key)] = [float(v) for v in value.split()]
    return results


def report(path, target_n, pandoc_n):
    r = read_results(path)
    sizes = sorted({n for n, key in r if key == "bytes"})
    pandoc = r.get((pandoc_n, "pandoc"))
    pandoc_bytes = r.get((pandoc_n, "pandocbytes"), [0])[0]

    def fmt_n(n):
        return f"{n:,}"

    print("== results: medians of wall-clock seconds; docs/s = N / s; MB/s = bytes out / s (10^6 bytes):")
    print("   huiwen, cp and Python rows count the whole output tree (for unchanged and changed builds and")
    print("   --check: the tree they keep current or would write), cmark-gfm its HTML output; user/sys:")
    print("   median CPU seconds of the timed runs")
    print()
    print("| N | measure | runs | s | docs/s | MB/s | user s | sys s |")
    print("|--:|---|--:|--:|--:|--:|--:|--:|")
    for n in sizes:
        for key, label, unit in ROWS:
            v = r.get((n, key))
            if not v:
                continue
            median, user, system, runs = v
            size = r[(n, unit)][0]
            print(f"| {fmt_n(n)} | {label} | {runs:.0f} | {median:.3f} | {n / median:,.0f} | {size / median / 1e6:,.1f} "
                  f"| {user:.3f} | {system:.3f} |")
        if pandoc:
            median, user, system, runs = pandoc
            per_doc = median / pandoc_n
            if n == pandoc_n:
                print(f"| {fmt_n(n)} | pandoc + template, 1 process per document | {runs:.0f} | {median:.3f} | {n / median:,.0f} "
                      f"| {pandoc_bytes / median / 1e6:,.2f} | {user:.3f} | {system:.3f} |")
            else:
                print(f"| {fmt_n(n)} | pandoc, extrapolated from N = {pandoc_n} | – | {per_doc * n:.1f}* | {1 / per_doc:,.0f}* "
                      f"| {pandoc_bytes / median / 1e6:,.2f}* | {user / pandoc_n * n:.1f}* | {system / pandoc_n * n:.1f}* |")
    print()
    print("| N | huiwen cold build | peak RSS (KiB) | user s | sys s |")
    print("|--:|---|--:|--:|--:|")
    for n in sizes:
        for j in (1, 2):
            v = r.get((n, f"rss-j{j}"))
            if v:
                print(f"| {fmt_n(n)} | --jobs {j} | {v[0]:,.0f} | {v[1]:.2f} | {v[2]:.2f} |")
    print()
    for n in sizes:
        md = r.get((n, "mdsize"), [0, 0, 0])
        out = [f"N={fmt_n(n)}: {r[(n, 'files')][0]:,.0f} output files, {r[(n, 'bytes')][0] / 1e6:,.1f} MB;",
               f"merged Markdown {r[(n, 'allmd')][0] / 1e6:,.2f} MB (per document min/median/max {md[0]:,.0f}/{md[1]:,.0f}/{md[2]:,.0f} bytes);"]
        for k, label in (("identical-1p", "1 process"), ("identical-2p", "2 processes")):
            if (n, k) in r:
                same, total = r[(n, k)]
                out.append(f"identical files huiwen vs Python ({label}): {same:,.0f} of {total:,.0f} (2N = {2 * n:,})")
        print(" ".join(out[:2]))
        for line in out[2:]:
            print("   " + line)
    if pandoc:
        print(f"* pandoc extrapolated linearly from the sample of {pandoc_n} ({pandoc[0]:.2f} s, {pandoc[0] / pandoc_n * 1000:.1f} ms per document)")

    # --- targets
    print()
    print(f"== targets (issue 14), at N = {fmt_n(target_n)} unless said")
    lines = []

    def get(n, key, i=0):
        v = r.get((n, key))
        return v[i] if v else None

    def target(label, value, bar, higher_is_better, detail=""):
        if value is None:
            lines.append(f"n/a   {label}: not measured in this run")
            return
        ok = value >= bar if higher_is_better else value <= bar
        op = "≥" if higher_is_better else "≤"
        lines.append(f"{'PASS' if ok else 'FAIL'}  {label}: {value:.3g}× (bar {op} {bar:.3g}×){detail}")

    n = target_n
    cold1, cold2 = get(n, "cold-j1"), get(n, "cold-j2")
    py1, py2 = get(n, "python-1p"), get(n, "python-2p")
    wf, rf = get(n, "write-floor"), get(n, "render-floor")

    def ratio(a, b):
        return a / b if a is not None and b else None

    target("cold --jobs 2 vs Python in one process (Python s / huiwen s)", ratio(py1, cold2), 2, True,
           f"  [{py1 or 0:.3f} s / {cold2 or 0:.3f} s]")
    target("cold --jobs 2 vs Python as two processes (Python s / huiwen s)", ratio(py2, cold2), 1.3, True,
           f"  [{py2 or 0:.3f} s / {cold2 or 0:.3f} s]")
    if pandoc and cold2:
        ext = pandoc[0] / pandoc_n * n
        target(f"cold --jobs 2 vs pandoc (sample of {pandoc_n}, extrapolated)", ext / cold2, 60, True,
               f"  [{ext:.1f} s / {cold2:.3f} s]")
    else:
        target("cold --jobs 2 vs pandoc", None, 60, True)
    floor = wf + rf if wf is not None and rf is not None else None
    for j, cold in ((2, cold2), (1, cold1)):
        target(f"cold --jobs {j} wall / (write floor + render floor)", ratio(cold, floor), 1, False,
               f"  [{cold or 0:.3f} s / ({wf or 0:.3f} + {rf or 0:.4f} s)]")
    cm_user = get(n, "render-floor", 1)
    for j in (1, 2):
        user = get(n, f"cold-j{j}", 1)
        target(f"CPU: huiwen cold --jobs {j} user time / cmark-gfm user time", ratio(user, cm_user), 2, False,
               f"  [{user or 0:.3f} s / {cm_user or 0:.3f} s]")
    c1, c2 = get(n, "check-j1"), get(n, "check-j2")
    target("--check on an empty output: --jobs 2 speed-up over --jobs 1", ratio(c1, c2), 1.6, True,
           f"  [{c1 or 0:.3f} s / {c2 or 0:.3f} s]")
    for j, cold in ((2, cold2), (1, cold1)):
        u = get(n, f"unchanged-j{j}")
        target(f"unchanged rebuild --jobs {j} / cold", ratio(u, cold), 0.05, False, f"  [{u or 0:.3f} s / {cold or 0:.3f} s]")
    for j, cold in ((2, cold2), (1, cold1)):
        c = get(n, f"changed-j{j}")
        bar = 0.05 + (wf / n / cold if wf is not None and cold else 0)
        target(f"one row changed --jobs {j} / cold (bar: 5 % + one document's share of the write floor)",
               ratio(c, cold), bar, False, f"  [{c or 0:.3f} s / {cold or 0:.3f} s]")
    small, large = (min(sizes), max(sizes)) if sizes else (None, None)
    for j in (1, 2):
        a, b = get(small, f"rss-j{j}"), get(large, f"rss-j{j}")
        label = f"peak RSS --jobs {j}, N = {fmt_n(large or 0)} / N = {fmt_n(small or 0)}"
        if small == 200 and large == 20000:
            target(label, ratio(b, a), 1.25, False, f"  [{b:,.0f} / {a:,.0f} KiB]")
        else:
            target(label + " (the issue asks 20,000 / 200)", ratio(b, a) if small != large else None, 1.25, False)
    for n2 in sizes:
        if (n2, "identical-1p") in r:
            same, total = r[(n2, "identical-1p")]
            same2, total2 = r.get((n2, "identical-2p"), (0, 0))
            ok = same == total == 2 * n2 and same2 == total2 == 2 * n2
            lines.append(f"{'PASS' if ok else 'FAIL'}  N = {fmt_n(n2)}: identical files huiwen vs Python: "
                         f"{same:,.0f} of {2 * n2:,} (1 process), {same2:,.0f} of {2 * n2:,} (2 processes)")
    for line in lines:
        print(line)


def main(argv):
    if not argv:
        sys.exit(__doc__)
    if argv[0] == "gen-project":
        gen_project(int(argv[1]), argv[2])
    elif argv[0] == "gen-csv":
        gen_csv(int(argv[1]), argv[2], alt="--alt" in argv)
    elif argv[0] == "prepare":
        prepare(argv[1], argv[2], argv[3])
    elif argv[0] == "build":
        part = None
        if "--part" in argv:
            i, n = argv[argv.index("--part") + 1].split("/")
            part = (int(i), int(n))
        build(argv[1], argv[2], argv[3], part=part, front_matter="--front-matter" in argv,
              durable="--fsync" in argv)
    elif argv[0] == "time":
        sep = argv.index("--")
        ok, record = {0}, None
        if "--ok" in argv[:sep]:
            ok |= {int(c) for c in argv[argv.index("--ok") + 1].split(",")}
        if "--record" in argv[:sep]:
            i = argv.index("--record")
            record = tuple(argv[i + 1:i + 4])
        time_runs(int(argv[1]), argv[2], ok, argv[sep + 1:], record)
    elif argv[0] == "report":
        target_n = int(argv[argv.index("--target-n") + 1]) if "--target-n" in argv else 2000
        pandoc_n = int(argv[argv.index("--pandoc-n") + 1]) if "--pandoc-n" in argv else 200
        report(argv[1], target_n, pandoc_n)
    elif argv[0] == "compare":
        compare(argv[1], argv[2], argv[3])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
