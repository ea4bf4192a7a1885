#!/usr/bin/env python3
"""Helper of scripts/bench-throughput.sh: generates the per-recipient batch, and is the Python
(Jinja2 + cmarkgfm) pipeline huiwen is compared with.

  gen-csv N FILE              N cities with the keys of data/cities.xlsx (seeded, reproducible)
  prepare HUIWEN_PAGE INDEX DIR
                              writes DIR/layout.html.j2 and DIR/index.html.j2 (Jinja2 layouts that
                              inline the CSS and script of a huiwen notice page and index page) and
                              DIR/pandoc.html (the same page as a pandoc template)
  build ROOT LAYOUTS OUT [--front-matter] [--fsync]
                              the pipeline: load ROOT/data (YAML, JSON, CSV), for each city merge the
                              notice (Jinja2, helpers change and date), render the Markdown with
                              cmarkgfm (GFM extensions), number the headings, lay out the page (Jinja2),
                              write OUT/notice-NAME.html and OUT/notice-NAME.md (temporary file, then
                              rename, as huiwen does), then OUT/index.html and a manifest.
                              --front-matter also writes OUT/pandoc/notice-NAME.md with a YAML
                              header of the page fields (input for the pandoc comparison; not timed);
                              --fsync syncs each file before its rename, as Foundation's atomic
                              Data.write (which huiwen uses) does
  time N SETUP -- CMD...      runs SETUP then CMD N times (SETUP untimed), prints the wall-clock
                              times and their median in seconds
"""
import csv
import datetime
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

CN_DIGITS = "〇一二三四五六七八九"


def gen_csv(count, path):
    rng = random.Random(9704)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["地区", "人民政府", "区号", "事故起数.current", "事故起数.previous",
                    "死亡人数.current", "死亡人数.previous"])
        for i in range(1, count + 1):
            name = f"城市{i:04d}"
            accidents_prev = rng.randint(150, 2000)
            accidents_cur = accidents_prev if i % 50 == 0 else round(accidents_prev * rng.uniform(0.55, 1.15))
            deaths_prev = max(1, round(accidents_prev * rng.uniform(0.18, 0.40)))
            deaths_cur = max(0, round(deaths_prev * rng.uniform(0.6, 1.2)))
            w.writerow([name, name + "人民政府", f"07{30 + i % 70:02d}", accidents_cur, accidents_prev,
                        deaths_cur, deaths_prev])


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
    """Values merged into Markdown are escaped so that they stay text (huiwen escapes them)."""
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

FRONT = {
    "title": "关于切实做好春节和全国“两会”期间安全生产工作的通知",
    "issuer": "{{meeting.issuer}}",
    "docNumber": "湘安委办〔{{meeting.year}}〕{{meeting.docSerial}}号",
    "recipients": "{{人民政府}}：",
    "signature": "{{meeting.issuer}}",
    "date": "{{date(meeting.noticeDate)}}",
    "printedBy": "{{meeting.issuer}}",
    "printedDate": "{{date(meeting.noticeDate)}}",
}
OUTPUT = "notice-{{地区}}"

BODY = """\
{{meeting.period}}，{{地区}}共发生各类生产安全事故{{事故起数.current}}起、死亡{{死亡人数.current}}人，\
事故起数同比{{change(事故起数)}}，死亡人数同比{{change(死亡人数)}}。\
春节和全国“两会”期间是安全生产的关键时期，现就做好{{地区}}有关工作通知如下：

{% for action in actions %}\
## {{action.title}}

{{action.detail}}

{% endfor %}\
请于{{date(meeting.reportDate)}}前将贯彻落实情况报送省安委会办公室。

特此通知。
"""

H2 = re.compile(r"<h2>")


def number_headings(html):
    counter = [0]

    def repl(_):
        counter[0] += 1
        return "<h2>" + cn_number(counter[0]) + "、"
    return H2.sub(repl, html)


def prepare(page, index, out):
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    html = Path(page).read_text(encoding="utf-8")
    head = html[: html.index("<title>")]
    style = html[html.index("<style>"): html.index("</style>") + len("</style>")]
    script = html[html.index("<script>"): html.index("</script>") + len("</script>")]
    body = """<title>{{ title }}</title>
{% raw %}STYLE{% endraw %}
</head>
<body class="notice">
<header class="masthead">

<div class="issuer"><span>{{ issuer }}</span></div>
<p class="doc-number">{{ docNumber }}</p>
<hr class="red-rule">
</header>
<h1 class="title">{{ title }}</h1>
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
    itemplate = ("{% raw %}" + istyle + "{% endraw %}\n</head>\n<body>\n<div class=\"page\">\n<h1>文稿目录</h1>\n<ul>\n"
                 "{% for d in docs %}<li><a href=\"{{ d.href }}\">{{ d.title }}</a> <span>{{ d.name }}</span></li>\n{% endfor %}"
                 "</ul>\n</div>\n</body>\n</html>\n")
    (out / "index.html.j2").write_text(itemplate, encoding="utf-8")


def write_atomic(path, text, durable=False):
    tmp = path.with_name("." + path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
        if durable:  # what Foundation's Data.write(options: .atomic) does before the rename
            f.flush()
            os.fsync(f.fileno())
    os.replace(tmp, path)


def build(root, layouts, out, front_matter=False, durable=False):
    import cmarkgfm
    import jinja2
    from cmarkgfm.cmark import Options

    root, layouts, out = Path(root), Path(layouts), Path(out)
    data = load_data(root)
    text_env = jinja2.Environment(autoescape=False, finalize=md_escape, keep_trailing_newline=True)
    text_env.globals.update(change=change, date=cn_date)
    html_env = jinja2.Environment(autoescape=True, keep_trailing_newline=True)
    body = text_env.from_string(BODY)
    front = {k: text_env.from_string(v) for k, v in FRONT.items()}
    output_name = text_env.from_string(OUTPUT)
    layout = html_env.from_string((layouts / "layout.html.j2").read_text(encoding="utf-8"))
    index = html_env.from_string((layouts / "index.html.j2").read_text(encoding="utf-8"))
    options = Options.CMARK_OPT_FOOTNOTES
    extensions = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    out.mkdir(parents=True, exist_ok=True)
    if front_matter:
        (out / "pandoc").mkdir(exist_ok=True)
    docs, written = [], []
    for city in data["cities"]:
        context = dict(data)
        context.update(city)
        markdown = body.render(context)
        fields = {k: t.render(context) for k, t in front.items()}
        name = output_name.render(context)
        content = number_headings(cmarkgfm.markdown_to_html_with_extensions(markdown, options, extensions))
        page = layout.render(content=jinja2.filters.Markup(content), **fields)
        write_atomic(out / (name + ".html"), page, durable)
        write_atomic(out / (name + ".md"), markdown, durable)
        written += [name + ".html", name + ".md"]
        docs.append({"href": name + ".html", "title": fields["title"], "name": name})
        if front_matter:
            header = "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in fields.items()) + "---\n"
            (out / "pandoc" / (name + ".md")).write_text(header + markdown, encoding="utf-8")
    write_atomic(out / "index.html", index.render(docs=docs), durable)
    write_atomic(out / ".manifest", "\n".join(written + ["index.html"]) + "\n", durable)


def time_runs(n, setup, cmd):
    times = []
    for _ in range(n):
        subprocess.run(setup, shell=True, check=True)
        start = time.perf_counter()
        result = subprocess.run(cmd, stdout=subprocess.DEVNULL)
        elapsed = time.perf_counter() - start
        if result.returncode != 0:
            sys.exit(f"command failed ({result.returncode}): {' '.join(cmd)}")
        times.append(elapsed)
    print("runs " + " ".join(f"{t:.3f}" for t in times))
    print(f"median {statistics.median(times):.4f}")


def main(argv):
    if argv[0] == "gen-csv":
        gen_csv(int(argv[1]), argv[2])
    elif argv[0] == "prepare":
        prepare(argv[1], argv[2], argv[3])
    elif argv[0] == "build":
        build(argv[1], argv[2], argv[3], front_matter="--front-matter" in argv, durable="--fsync" in argv)
    elif argv[0] == "time":
        sep = argv.index("--")
        time_runs(int(argv[1]), argv[2], argv[sep + 1:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
