"""The "Distributed builds" section of docs/benchmarks.md, from results["distributed"] (bench/distributed.py).

report.py writes it into a page of a whole run. After `build/bench.sh --distributed-only` on a machine
that holds no whole run's results, it is written into the page as it stands:

    python3 bench/report_distributed.py RESULTS PAGE
"""
import json
import os
import sys

HEADING = "## Distributed builds"
NEXT = "## Where the time goes"


def mb(count):
    return f"{count / 1e6:,.1f} MB"


def verdict(ratio, target, inclusive):
    held = ratio <= target if inclusive else ratio < target
    return f"{ratio:.3f} {'PASS' if held else 'FAIL'}"


def section(r, w):
    d = r.get("distributed")
    if not d:
        return
    w("## Distributed builds (issue 18)")
    w("")
    when = "after the rest of the run, on the same machine and datasets" if "runs" in r else (
        "on its own (`build/bench.sh --distributed-only`); the tables above come from the whole run they name, on the same machine, "
        "with datasets of the same generator")
    w(f"Measured by `bench/distributed.py` on {d['started']} ({d.get('seconds', 0) // 60} min in all), {when}. **one machine**: `build --jobs 2` into an empty folder with an empty cache. **two shards**: `build --shard 0/2` and `--shard 1/2` "
      "at `--jobs 1` each, started together (as two machines of one core each would run them, here sharing two cores and the "
      "server), into a real nginx (WebDAV PUT, `127.0.0.1`), each with an empty local cache; the wall time until both are done. **gather**: "
      "`build --require-cached --cache-url` on an empty folder with an empty local cache, `--jobs 2`; its folder and manifest were checked to be "
      "byte-identical to the one-machine build's, and its requests counted in nginx's access log.")
    w("")
    w("| pipeline | sources | one machine, jobs 2 | two shards, jobs 1 each | shards / one machine (target ≤ 1.15) | gather | gather / one machine (target < 0.10) | gather requests | gather bytes | gather peak RSS |")
    w("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for pipeline, run in d["runs"].items():
        single, gather = run["single"]["wall"], run["gather"]["wall"]
        requests = run["gather"]["requests"]
        count = sum(v["requests"] for v in requests.values())
        detail = ", ".join(f"{v['requests']:,} {k}" for k, v in sorted(requests.items()))
        received = sum(v["bytesOut"] for v in requests.values())
        each = ", ".join("%.2f" % s["wall"] for s in run["shards"])
        w(f"| {pipeline} | {run['size']:,} | {single:.2f} s | {run['shardsWall']:.2f} s ({each}) "
          f"| {verdict(run['shardsWall'] / single, 1.15, True)} | {gather:.2f} s | {verdict(gather / single, 0.10, False)} | {count:,} ({detail}) | {mb(received)} | {run['gather']['rssMb']:.0f} MB |")
    w("")
    sim = d.get("simulation")
    if sim:
        g = sim["gather"]
        requests = g["requests"]
        count = sum(v["requests"] for v in requests.values())
        received = sum(v["bytesOut"] for v in requests.values())
        kinds = ", ".join("%s %s" % (format(v["requests"], ","), k) for k, v in sorted(requests.items()))
        w(f"**Simulated gather at {sim['size']:,} items** (16x16 gray PNG sources, one variant, one flip: the objects are tiny, so what is "
          f"measured is the per-item cost): built by two shards in {sim['shardsWall']:.1f} s, gathered in **{g['wall']:.2f} s** "
          f"(cpu {g['cpu']:.1f} s, peak RSS {g['rssMb']:.0f} MB), {count:,} requests "
          f"({kinds}), {mb(received)} received. "
          "docs/distributed.md extrapolates it to 1,000,000 items.")
        w("")


def splice(results_path, page_path):
    """Replaces the page's distributed section (or puts it before "Where the time goes") with one from the results."""
    with open(results_path) as f:
        r = json.load(f)
    lines = []
    section(r, lines.append)
    with open(page_path) as f:
        page = f.read().split("\n")
    start = next((i for i, line in enumerate(page) if line.startswith(HEADING)), None)
    if start is None:
        start = end = page.index(NEXT)
    else:
        end = next(i for i in range(start + 1, len(page)) if page[i].startswith("## "))
    page[start:end] = lines
    with open(page_path + ".tmp", "w") as f:
        f.write("\n".join(page))
    os.replace(page_path + ".tmp", page_path)


if __name__ == "__main__":
    splice(sys.argv[1], sys.argv[2])
