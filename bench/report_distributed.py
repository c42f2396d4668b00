"""The "Distributed builds" section of docs/benchmarks.md, from results["distributed"] (bench/distributed.py)."""


def mb(count):
    return f"{count / 1e6:,.1f} MB"


def section(r, w):
    d = r.get("distributed")
    if not d:
        return
    w("## Distributed builds (issue 18)")
    w("")
    w(f"Measured by `bench/distributed.py` on {d['started']} ({d.get('seconds', 0) // 60} min in all), after the rest of the run, on the same machine "
      "and datasets. **one machine**: `build --jobs 2` into an empty folder with an empty cache. **two shards**: `build --shard 0/2` and `--shard 1/2` "
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
          f"| {run['shardsWall'] / single:.2f} | {gather:.2f} s | {gather / single:.3f} | {count:,} ({detail}) | {mb(received)} | {run['gather']['rssMb']:.0f} MB |")
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
