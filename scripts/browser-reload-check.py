#!/usr/bin/env python3
"""Checks live reload in a real browser: starts `huiwen serve` on a copy of the example
project, opens the outline in headless Chromium (DevTools protocol), edits a data file, breaks
and fixes a template, and reads what the page shows after each step.

Needs: chromium (Debian package), websocket-client (pip), a built huiwen (swift build).
Usage: python3 scripts/browser-reload-check.py [path/to/huiwen]
Exits 0 when the page followed every step, 1 otherwise.
"""
import json, os, re, shutil, signal, subprocess, sys, tempfile, time, urllib.request

import websocket  # pip install websocket-client

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
huiwen = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, ".build/debug/huiwen")
figures = re.compile(r"同比分别下降[0-9.]+%和[0-9.]+%")

work = tempfile.mkdtemp(prefix="huiwen-browser-")
for folder in ("templates", "data"):
    shutil.copytree(os.path.join(root, folder), os.path.join(work, folder))
server = subprocess.Popen([huiwen, "serve", "--port", "0"], cwd=work, stdout=subprocess.PIPE, text=True)
browser = None
try:
    line = server.stdout.readline()
    port = re.search(r"127\.0\.0\.1:(\d+)", line).group(1)
    browser = subprocess.Popen(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-port=9333", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            targets = json.load(urllib.request.urlopen("http://127.0.0.1:9333/json"))
            break
        except OSError:
            time.sleep(0.1)
    page = [t for t in targets if t["type"] == "page"][0]
    ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=10)
    counter = [0]

    def call(method, **params):
        counter[0] += 1
        ws.send(json.dumps({"id": counter[0], "method": method, "params": params}))
        while True:
            message = json.loads(ws.recv())
            if message.get("id") == counter[0]:
                return message.get("result", {})

    def text():
        return call("Runtime.evaluate", expression="document.body ? document.body.innerText : ''")["result"].get("value", "")

    def wait_for(predicate, seconds=5):
        start = time.time()
        while time.time() - start < seconds:
            if predicate(text()):
                return time.time() - start
            time.sleep(0.05)
        return None

    def edit(path, old, new):
        full = os.path.join(work, path)
        with open(full, encoding="utf-8") as f:
            content = f.read()
        with open(full, "w", encoding="utf-8") as f:
            f.write(content.replace(old, new))

    call("Page.enable")
    call("Page.navigate", url=f"http://127.0.0.1:{port}/outline.html")
    steps = []
    steps.append(("page shows 16.7%", wait_for(lambda t: "和16.7%" in t)))
    edit("data/statistics.yaml", "current: &deaths 3009", "current: &deaths 3109")
    steps.append(("data edit reloads to 13.9%", wait_for(lambda t: "和13.9%" in t)))
    edit("templates/outline.md", "{{rate(statistics.deaths)}}", "{{rate(statistics.death)}}")
    steps.append(("broken template shows its position", wait_for(lambda t: "templates/outline.md:12:86: error:" in t)))
    edit("templates/outline.md", "{{rate(statistics.death)}}", "{{rate(statistics.deaths)}}")
    steps.append(("fixed template brings the page back", wait_for(lambda t: "和13.9%" in t)))
    for name, seconds in steps:
        print(f"{'ok  ' if seconds is not None else 'FAIL'} {name}" + (f" ({seconds:.2f} s)" if seconds is not None else ""))
    sys.exit(0 if all(seconds is not None for _, seconds in steps) else 1)
finally:
    if browser:
        browser.terminate()
    server.send_signal(signal.SIGINT)
    server.wait(timeout=10)
    shutil.rmtree(work, ignore_errors=True)
