"""Compare two crawls (bench/crawl.py --json), e.g. the 1k and the 1M database.

    .venv/bin/python bench/crawl_compare.py /tmp/crawl_1k.json /tmp/crawl_1m.json

Concrete URLs differ between databases, so pages are compared by pattern (route name plus query
parameter names), taking the worst page of each pattern over every role: its time, size and query count.
Flags: ⏱ time ratio > 1.5, ⇪ size ratio > 1.2, ≠ query counts differ, 🐢 > 1 s, 💥 a 5xx in either run,
⌛ a page stopped at the crawler's --timeout (its time is the cap, so its ratio is a lower bound).
"""

import argparse
import json
import sys
from pathlib import Path

TIME_RATIO, SIZE_RATIO, SLOW_MS = 1.5, 1.2, 1000
LEGEND = "⏱ thời gian B/A > 1,5 · ⇪ cỡ B/A > 1,2 · ≠ số truy vấn khác · 🐢 > 1 s · 💥 lỗi 5xx · ⌛ quá giờ"


def worst_by_pattern(pages: list[dict]) -> dict[str, dict]:
    """Per pattern: the highest time, size, query count and status over its pages."""
    worst = {}
    for page in pages:
        w = worst.setdefault(
            page["pattern"], {"ms": 0.0, "bytes": 0, "queries": 0, "status": 0, "pages": 0, "timeouts": 0}
        )
        w["ms"] = max(w["ms"], page["ms"])
        w["bytes"] = max(w["bytes"], page["bytes"])
        w["queries"] = max(w["queries"], page["queries"])
        w["status"] = max(w["status"], page["status"])
        w["pages"] += 1
        w["timeouts"] += page["status"] == 0  # stopped at the crawler's cap
    return worst


def compare(a: dict, b: dict) -> list[dict]:
    """One row per pattern seen in either crawl, with its figures at both sizes and its flags."""
    wa, wb = worst_by_pattern(a["pages"]), worst_by_pattern(b["pages"])
    rows = []
    for pattern in sorted(wa.keys() | wb.keys()):
        x, y = wa.get(pattern), wb.get(pattern)
        row = {"pattern": pattern, "a": x, "b": y, "time_ratio": None, "size_ratio": None, "flags": []}
        if x and y:
            row["time_ratio"] = y["ms"] / x["ms"] if x["ms"] else None
            row["size_ratio"] = y["bytes"] / x["bytes"] if x["bytes"] else None
            if row["time_ratio"] and row["time_ratio"] > TIME_RATIO:
                row["flags"].append("⏱")
            if row["size_ratio"] and row["size_ratio"] > SIZE_RATIO:
                row["flags"].append("⇪")
            if x["queries"] != y["queries"]:
                row["flags"].append("≠")
        if any(w and w["ms"] > SLOW_MS for w in (x, y)):
            row["flags"].append("🐢")
        if any(w and w["status"] >= 500 for w in (x, y)):
            row["flags"].append("💥")
        if any(w and w.get("timeouts") for w in (x, y)):
            row["flags"].append("⌛")
        rows.append(row)
    return rows


def _fmt(value, spec, missing="—"):
    return missing if value is None else format(value, spec)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("a", help="crawl JSON of the small database")
    parser.add_argument("b", help="crawl JSON of the large database")
    args = parser.parse_args(argv)
    a, b = (json.loads(Path(p).read_text()) for p in (args.a, args.b))
    print(f"A = {a['database']} ({a['households']:,} hộ), B = {b['database']} ({b['households']:,} hộ)\n")
    print("| pattern | ms A | ms B | B/A | KB A | KB B | size B/A | truy vấn A | truy vấn B | cờ |")
    print("|---|--:|--:|--:|--:|--:|--:|--:|--:|---|")
    rows = compare(a, b)
    for row in rows:
        x, y = row["a"] or {}, row["b"] or {}
        kb = {k: _fmt(w.get("bytes") and w["bytes"] / 1024, ".1f") for k, w in (("a", x), ("b", y))}
        print(
            f"| {row['pattern']} | {_fmt(x.get('ms'), '.1f')} | {_fmt(y.get('ms'), '.1f')} "
            f"| {_fmt(row['time_ratio'], '.2f')} | {kb['a']} | {kb['b']} | {_fmt(row['size_ratio'], '.2f')} "
            f"| {_fmt(x.get('queries'), 'd')} | {_fmt(y.get('queries'), 'd')} | {' '.join(row['flags'])} |"
        )
    flagged = [row for row in rows if row["flags"]]
    print(f"\n{len(rows)} pattern, {len(flagged)} gắn cờ — {LEGEND}")
    return 1 if any("💥" in row["flags"] for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
