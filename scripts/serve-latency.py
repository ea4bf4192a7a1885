#!/usr/bin/env python3
"""Benchmark for `huiwen serve` (not a test): from saving a data file to the new page being served.

Copies the example project (templates/, data/) to a temporary folder, starts the given huiwen
binary with `serve --port 0`, then N times: rewrites data/statistics.yaml with a new figure and
asks for /notice.html every millisecond until the page differs. Prints the median, p90 and max.
Optionally (--load) runs wrk against the served page and prints its summary.

    swift build -c release --product huiwen
    python3 scripts/serve-latency.py .build/release/huiwen --edits 30 --load

Every wait is bounded; the server is stopped with SIGINT and must exit 0.
"""
import argparse, http.client, os, re, shutil, signal, statistics, subprocess, sys, tempfile, time

def get(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--project", default=os.path.join(os.path.dirname(__file__), ".."))
    parser.add_argument("--edits", type=int, default=30)
    parser.add_argument("--load", action="store_true", help="also run wrk for a few seconds")
    args = parser.parse_args()

    root = tempfile.mkdtemp(prefix="huiwen-serve-bench-")
    for folder in ("templates", "data"):
        shutil.copytree(os.path.join(args.project, folder), os.path.join(root, folder))
    stats_path = os.path.join(root, "data", "statistics.yaml")
    original = open(stats_path, encoding="utf-8").read()
    match = re.search(r"(accidents:\s*\n\s*current: &accidents \d+\s*\n\s*previous: )(\d+)", original)
    if not match:
        sys.exit("statistics.yaml has no accidents.previous to edit")

    server = subprocess.Popen([args.binary, "serve", "--root", root, "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        port_match = re.search(r"serving http://127\.0\.0\.1:(\d+)/", line)
        if not port_match:
            sys.exit("server did not start: " + line + server.stderr.read(2000))
        port = int(port_match.group(1))
        status, page = get(port, "/notice.html")
        assert status == 200, status

        latencies = []
        for edit in range(1, args.edits + 1):
            previous = int(match.group(2)) + edit * 150
            text = original[:match.start(2)] + str(previous) + original[match.end(2):]
            with open(stats_path, "w", encoding="utf-8") as handle:   # saved in place, as editors do
                handle.write(text)
            saved = time.perf_counter()
            deadline = saved + 5
            while True:
                status, body = get(port, "/notice.html")
                if status == 200 and body != page:
                    latencies.append((time.perf_counter() - saved) * 1000)
                    page = body
                    break
                if time.perf_counter() > deadline:
                    sys.exit(f"edit {edit}: page not updated within 5 s (status {status})")
                time.sleep(0.001)
            time.sleep(0.15)

        latencies.sort()
        p90 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.9))]
        print(f"save → new page served, {len(latencies)} edits: median {statistics.median(latencies):.1f} ms, "
              f"p90 {p90:.1f} ms, min {latencies[0]:.1f} ms, max {latencies[-1]:.1f} ms")

        if args.load:
            if shutil.which("wrk") is None:
                print("wrk not installed: load skipped (apt-get install -y wrk)")
            else:
                for path in ("/notice.html", "/"):
                    result = subprocess.run(["wrk", "-t2", "-c16", "-d5s", "--latency", f"http://127.0.0.1:{port}{path}"],
                                            capture_output=True, text=True, timeout=60)
                    print(f"wrk {path}:\n{result.stdout}")
    finally:
        server.send_signal(signal.SIGINT)
        try:
            code = server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            code = "killed after 10 s"
        log = server.stdout.read()
        rebuilds = re.findall(r"rendered .* in ([\d.]+) ms", log)
        if rebuilds:
            times = sorted(float(t) for t in rebuilds)
            print(f"server-side rebuild: median {statistics.median(times):.1f} ms over {len(times)} rebuilds")
        print(f"server exit status after SIGINT: {code}")
        shutil.rmtree(root, ignore_errors=True)

if __name__ == "__main__":
    main()
