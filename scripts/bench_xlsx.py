#!/usr/bin/python3
"""Helper of scripts/bench-xlsx.sh: the benchmark table, and the Python readers huiwen is
compared with.

  gen DIR                      DIR/table.csv and DIR/openpyxl.xlsx: the same 20,000 rows of 12
                               columns (seeded): text, a text code with a leading zero, counts,
                               decimals, a date, a boolean; openpyxl writes inline strings
  time READER FILE RUNS        reads FILE RUNS times into Python values in one process and
                               prints "runs (ms): …"; READER is calamine (python-calamine) or
                               openpyxl (read-only mode, values only)
  sheet FILE                   the uncompressed size of the first sheet's XML, in bytes
  summary DIR                  medians of the runs files DIR/*.runs, one line per measure
"""
import csv
import datetime
import os
import random
import statistics
import sys
import time
import zipfile

HEADER = ["地区", "人民政府", "区号", "事故起数.current", "事故起数.previous", "死亡人数.current",
          "死亡人数.previous", "比例", "占比", "填报日期", "备注", "核实"]


def rows(count=20_000):
    rng = random.Random(9704)
    for index in range(1, count + 1):
        name = f"城市{index:05d}"
        previous = rng.randint(150, 2000)
        current = round(previous * rng.uniform(0.55, 1.15))
        deaths_previous = max(1, round(previous * rng.uniform(0.18, 0.4)))
        deaths = max(0, round(deaths_previous * rng.uniform(0.6, 1.2)))
        day = datetime.date(2025, 1, 1) + datetime.timedelta(days=rng.randint(0, 364))
        yield [name, name + "人民政府", f"07{30 + index % 70:02d}", current, previous, deaths, deaths_previous,
               round(rng.uniform(0, 100), 2), round(rng.uniform(0, 1), 4), day,
               rng.choice(["按时报送", "逾期报送", "补报", "已核实"]), rng.choice([True, False])]


def gen(folder):
    import openpyxl
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "各市州"
    sheet.append(HEADER)
    with open(os.path.join(folder, "table.csv"), "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(HEADER)
        for row in rows():
            sheet.append(row)
            sheet.cell(row=sheet.max_row, column=10).number_format = "yyyy-mm-dd"
            writer.writerow([("TRUE" if value else "FALSE") if isinstance(value, bool)
                             else value.isoformat() if isinstance(value, datetime.date) else value for value in row])
    workbook.save(os.path.join(folder, "openpyxl.xlsx"))


def read_calamine(path):
    from python_calamine import CalamineWorkbook
    return CalamineWorkbook.from_path(path).get_sheet_by_index(0).to_python()


def read_openpyxl(path):
    import openpyxl
    workbook = openpyxl.load_workbook(path, read_only=True)
    values = [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    workbook.close()
    return values


def time_reads(reader, path, runs):
    read = {"calamine": read_calamine, "openpyxl": read_openpyxl}[reader]
    read(path)  # imports and caches warm, as huiwen's first read is not counted either
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        values = read(path)
        times.append((time.perf_counter() - start) * 1000)
    print(f"{reader}: {len(values)} rows; first data row {values[1][:4]}")
    print("runs (ms): " + " ".join(f"{value:.1f}" for value in times))


def sheet_size(path):
    with zipfile.ZipFile(path) as package:
        print(package.getinfo("xl/worksheets/sheet1.xml").file_size)


def summary(folder):
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".runs"):
            continue
        values = [float(value) for value in open(os.path.join(folder, name)).read().split()]
        print(f"{name[:-5]:32} median {statistics.median(values):8.1f} ms  (min {min(values):.1f}, {len(values)} runs)")


if __name__ == "__main__":
    command = sys.argv[1:2]
    if command == ["gen"]:
        gen(sys.argv[2])
    elif command == ["time"]:
        time_reads(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    elif command == ["sheet"]:
        sheet_size(sys.argv[2])
    elif command == ["summary"]:
        summary(sys.argv[2])
    else:
        raise SystemExit(__doc__)
