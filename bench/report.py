"""Writes docs/benchmarks.md from artifacts/bench/results.json (bench/run.py) and the hand-written
analysis in bench/analysis.md. Every number in the page comes from the results file.

    python3 bench/report.py RESULTS.json OUTPUT.md
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import report_distributed  # noqa: E402

TITLES = {
    "segmentation": "Segmentation: gray 512x512 PNG with label masks; HorizontalFlip, VerticalFlip, Affine, "
                    "ElasticTransform (p 0.5), RandomBrightnessContrast, GaussNoise (p 0.3); PNG out",
    "classification": "Classification: colour JPEG photographs of 320-480 px a side; RandomResizedCrop 256, "
                      "HorizontalFlip, HueSaturationValue, RandomBrightnessContrast, GaussianBlur (p 0.2); JPEG (quality 90) out",
}

# Phases of the build profile (src/Augment.Core/Diagnostics/BuildProfile.cs) shown in the tables.
PROFILE_NOTES = {
    "load": "everything before planning",
    "load.config": "read and bind the config (YAML), with the JIT",
    "load.scan": "expand the input globs",
    "load.names": "name and check every output",
    "load.state": "lock, leftovers, input and output records",
    "load.leftovers": "look for temporary files a killed build left",
    "load.inputs-record": "read the input hash record",
    "load.outputs-record": "read the output record",
    "load.manifest": "read the previous manifest (without ops), when needed (on a second core after a change)",
    "stamp": "the no-op check: read .augment/up-to-date, stat every file it names (OpenCV not loaded)",
    "stamp.read": "read the stamp",
    "stamp.stat": "one stat per library, input folder, source and output, over both cores",
    "plan": "input hashes, item keys, up-to-date checks",
    "plan.hash-inputs": "stat (and, if new or changed, read and hash) every source",
    "plan.key": "compute every item key",
    "plan.decide": "up to date, restore or render, and why",
    "execute": "render, store and commit every item that needs it",
    "render.read": "read source files",
    "render.hash-source": "hash the bytes read (the planner's hash re-checked)",
    "render.decode": "decode sources (libjpeg, zlib or OpenCV)",
    "render.sample": "draw every op's parameters",
    "render.resample": "one resampling pass per target (warp or remap)",
    "render.encode": "encode outputs (libjpeg, zlib or OpenCV)",
    "render.store": "hash outputs, write cache objects (no fsync: synced by group)",
    "render.sync": "one syncfs(2) per 32 items, on the commit thread",
    "render.commit": "key record and hard links, after the group's sync (commit thread)",
    "render.key-record": "append key records to the build's pack",
    "render.materialize": "hard-link outputs into the output folder",
    "finish": "remove stale outputs, write the records and the manifest",
    "finish.manifest": "write manifest.json (only when something changed)",
    "finish.records": "write the input and output records (only when they changed)",
    "finish.stamp": "write .augment/up-to-date after a complete build (a stat per file again)",
    "finish.stamp.engine": "list the mapped engine libraries (/proc/self/maps) and stat them",
    "finish.stamp.files": "stat every input folder, source and output again (each must be as the build used it)",
    "finish.stamp.write": "write the stamp",
}


def fmt(value, digits=2):
    return "—" if value is None else f"{value:.{digits}f}"


def get(run, *path):
    for key in path:
        if run is None or key not in run:
            return None
        run = run[key]
    return run


def compiled(build):
    """How the measured tool was compiled, from the assemblies bench/run.py found beside it."""
    total, r2r = len(build["assemblies"]), len(build["readyToRun"])
    if r2r == 0:
        return "JIT only (no assembly is ReadyToRun)"
    which = "all" if r2r == total else f"{r2r} of"
    return f"ReadyToRun-compiled (crossgen2): {which} {total} assemblies ({', '.join(build['readyToRun'])})"


def stolen_measurements(results, threshold=5.0):
    """(pipeline, sources, measurement, steal %) of every measurement with at least `threshold` percent
    of the machine's CPU time stolen by the hypervisor while it ran (results recorded since
    bench/run.py measures steal; older ones have none)."""
    found = []
    for pipeline, sizes in results.get("runs", {}).items():
        for size, run in sorted(sizes.items(), key=lambda kv: int(kv[0])):
            for kind, value in run.items():
                measured = value.items() if kind in ("floor", "build", "peer") else [(value.get("jobs"), value)]
                for jobs, m in measured:
                    steal = m.get("stealPercent") if isinstance(m, dict) else None
                    if steal is not None and steal >= threshold:
                        found.append((pipeline, size, f"{kind}, jobs {jobs}", steal))
    return found


def verdict(ok):
    return "PASS" if ok else "**FAIL**"


# The figures of a page (bench/figures.json, committed with docs/benchmarks.md) and of the page it
# replaced (bench/previous.json): a full run shows the previous page's figures beside its own.
FIGURES = os.path.join(HERE, "figures.json")
PREVIOUS = os.path.join(HERE, "previous.json")
COMMITTED_PAGE = os.path.join(os.path.dirname(HERE), "docs", "benchmarks.md")


def figures(r):
    """The figures a later page compares itself with: wall seconds per pipeline, size and jobs."""
    out = {"started": r["started"], "tool": r["machine"]["tool"], "runs": {}}
    for pipeline, sizes in r["runs"].items():
        for size, run in sizes.items():
            entry = out["runs"].setdefault(pipeline, {}).setdefault(size, {"jobs": {}})
            for j in run.get("build", {}):
                entry["jobs"][j] = {k: get(run, k, j, "wall") for k in ("floor", "build", "peer")}
            for kind in ("noop", "change"):
                if run.get(kind):
                    entry[kind] = run[kind]["wall"]
    size, j = "1000", str(r["jobs"][0])
    profiles = {p: get(r["runs"], p, size, "build", j, "profile") for p in r["runs"]}
    if all(profiles.values()):
        out["profile"] = {"size": size, "jobs": j, "msPerItem": {
            p: {phase: round(1000 * e["seconds"] / int(size), 2) for phase, e in prof.items()} for p, prof in profiles.items()}}
    return out


def load_json(path):
    if os.path.exists(path):
        with open(path) as f:
            return json.load(f)
    return None


def previous_figures(r, output_path):
    """The previous page's figures. Writing the committed page moves the figures of the page it
    replaces to bench/previous.json (once per run: a --report-only rewrite keeps them) and records
    its own in bench/figures.json; any other output is compared with the committed page."""
    current = load_json(FIGURES)
    if os.path.realpath(output_path) != os.path.realpath(COMMITTED_PAGE):
        return current if current and current["started"] != r["started"] else load_json(PREVIOUS)
    if current and current["started"] != r["started"]:
        os.replace(FIGURES, PREVIOUS)
    if "seconds" in r:  # a finished run only
        with open(FIGURES + ".tmp", "w") as f:
            json.dump(figures(r), f, indent=1)
            f.write("\n")
        os.replace(FIGURES + ".tmp", FIGURES)
    return load_json(PREVIOUS)


def quotient(a, b):
    return a / b if a and b else None


def was(value):
    return f" ({value:.2f}x)" if value is not None else ""


def main():
    results_path, output_path = sys.argv[1], sys.argv[2]
    with open(results_path) as f:
        r = json.load(f)
    m = r["machine"]
    jobs = [str(j) for j in r["jobs"]]
    top = jobs[-1]
    before = previous_figures(r, output_path)
    lines = []
    w = lines.append

    w("# Benchmarks")
    w("")
    w("<!-- Generated by build/bench.sh (bench/report.py) from artifacts/bench/results.json. Do not edit by hand: "
      "rerun the benchmark; the prose of the last section lives in bench/analysis.md. -->")
    w("")
    w(f"Generated by `bash build/bench.sh` on {r['started']}"
      + (f", {r['seconds'] // 60} min {r['seconds'] % 60} s in all" if "seconds" in r else " (the run did not finish; partial results)")
      + ". Results are never edited by hand.")
    w("")
    w("## Machine")
    w("")
    w("| | |")
    w("|---|---|")
    for label, key in [("CPU", "cpu"), ("cores", "cores"), ("memory", "memoryGb"), ("OS", "os"), ("kernel", "kernel"),
                       ("file system", "filesystem"), (".NET runtime", "dotnet"), ("tool", "tool"),
                       ("peer", None)]:
        if key is None:
            w(f"| peer | Python {m['python']}, cv2 {m['cv2']} (python3-opencv), numpy {m['numpy']} |")
        else:
            w(f"| {label} | {m[key]}{' GB' if key == 'memoryGb' else ''} |")
        build = m.get("toolBuild")
        if key == "tool" and build:
            w(f"| tool build | {compiled(build)}, from `{build['folder']}` |")
            settings = ", ".join(f"`{k}`: {json.dumps(v)}" for k, v in sorted(build["runtimeSettings"].items()))
            w(f"| tool runtime settings | {settings or 'the runtime defaults'} (its runtimeconfig.json) |")
    w("")
    w("## What is measured")
    w("")
    w("Each figure is one process measured by `/usr/bin/time` (wall seconds; max RSS); the CPU seconds "
      "(user + system) are shown beside the wall time because they tell a busy machine from a slow program. "
      "Datasets come from `bench/datasets.py` (fixed seed, random crops of `sample-dataset/images` and masks), "
      "one variant per source, so items = sources. Pipelines: `bench/configs/`.")
    w("")
    build = m.get("toolBuild")
    if build:
        if build["readyToRun"]:
            w("The tool is run as it ships: the linux-x64 publish output of `src/Augment.Cli` "
              "(`dotnet publish -c Release -r linux-x64`, the files both packages carry); " + compiled(build) + ".")
        else:
            w("The tool is run JIT-only: " + compiled(build) + ".")
        w("")
    w("| measurement | command |")
    w("|---|---|")
    w("| codec floor | `Augment.Bench.Floor DATASET/augment.yaml OUT J`: every source decoded once and every output encoded "
      "with the build's codec settings (Core's `ImageCodec`), no op, J in parallel, files written (`bench/Floor`), "
      "run right before the full build at the same J |")
    w("| full build | `dotnet-augment build DATASET/augment.yaml -o OUT --json --jobs J` into an empty folder (empty cache) |")
    w(f"| no-op rebuild | the same command again with nothing to do (jobs {top}); the median of three |")
    w(f"| one change | one source's pixels rewritten (inverted), then the same command (jobs {top}); one item renders; "
      "three sources in turn (each change kept), the median of the three |")
    w("| peer | `python3 bench/peer.py PIPELINE DATASET OUT J`: the hand-written cv2 loop over J processes "
      "(same ops, parameter ranges and encodings), run right after the full build at the same J |")
    w(f"| repeated runs | at {int(max(r['sizes'])):,} sources, at each number of jobs, the codec floor, the full build and the peer "
      "are run in turn, in rounds: at least two, and more (up to five) while they fit in six minutes; the fastest run of "
      "each is shown, and every round under its table: the machine's speed drifts by 10-40% over minutes, and noise "
      "only ever slows a run down |")
    w("| peak memory | max RSS of the process (for the peer: of its largest process) |")
    w("")

    for pipeline in r["pipelines"]:
        runs = r["runs"].get(pipeline, {})
        if not runs:
            continue
        w(f"## {TITLES.get(pipeline, pipeline)}")
        w("")
        w("### Full builds")
        w("")
        if before:
            w(f"In brackets after each ratio, and in the last column: the previous page's figures ({before['started']}, "
              f"{before['tool']}), measured on the same kind of machine on another day.")
            w("")
        head = "| sources | jobs | codec floor s | build s (cpu s) | items/s | build / floor |"
        sep = "|---:|---:|---:|---:|---:|---:|"
        if r.get("peer"):
            head += " peer s (cpu s) | peer items/s | tool speed-up |"
            sep += "---:|---:|---:|"
        if before:
            head += " previous floor / build / peer s |"
            sep += "---:|"
        w(head)
        w(sep)
        for size, run in sorted(runs.items(), key=lambda kv: int(kv[0])):
            for j in jobs:
                floor = get(run, "floor", j)
                build = get(run, "build", j)
                peer = get(run, "peer", j)
                old = get(before, "runs", pipeline, size, "jobs", j) or {}
                row = f"| {int(size):,} | {j} | {fmt(get(floor, 'wall'))} | {fmt(get(build, 'wall'))} ({fmt(get(build, 'cpu'), 1)}) | "
                row += f"{fmt(int(size) / build['wall'], 0) if build else '—'} | "
                row += f"{fmt(build['wall'] / floor['wall']) + 'x' if build and floor else '—'}{was(quotient(old.get('build'), old.get('floor')))} |"
                if r.get("peer"):
                    row += f" {fmt(get(peer, 'wall'))} ({fmt(get(peer, 'cpu'), 1)}) | {fmt(int(size) / peer['wall'], 0) if peer else '—'} | "
                    row += f"{fmt(peer['wall'] / build['wall']) + 'x' if peer and build else '—'}{was(quotient(old.get('peer'), old.get('build')))} |"
                if before:
                    row += f" {' / '.join(fmt(old.get(k)) for k in ('floor', 'build', 'peer')) if old else '—'} |"
                w(row)
        w("")
        largest_run = runs.get(str(max(r["sizes"])), {})
        if largest_run.get("rounds"):
            w(f"#### Rounds at {int(max(r['sizes'])):,} sources")
            w("")
            w("Each round runs the codec floor, the build and the peer one after the other; the table above shows the "
              "fastest of each. The ratio of a round's build to its own floor shows how far the machine's drift moves it.")
            w("")
            w("| jobs | round | codec floor s | build s | build / floor | peer s |")
            w("|---:|---:|---:|---:|---:|---:|")
            for j in jobs:
                for i, rnd in enumerate(largest_run["rounds"].get(j, []), 1):
                    w(f"| {j} | {i} | {fmt(rnd['floor'])} | {fmt(rnd['build'])} | {fmt(rnd['build'] / rnd['floor'])}x | "
                      f"{fmt(rnd.get('peer'))} |")
            w("")
        w("### Rebuilds and memory")
        w("")
        w(f"| sources | no-op rebuild s (tool's own s) | one change s (tool's own s) | one change / full build (jobs {top}) | "
          "peak RSS build MB (jobs " + ", ".join(jobs) + ") | peak RSS floor MB | peak RSS peer MB |")
        w("|---:|---:|---:|---:|---:|---:|---:|")
        for size, run in sorted(runs.items(), key=lambda kv: int(kv[0])):
            noop, change, build = run.get("noop"), run.get("change"), get(run, "build", top)
            share = f"{100 * change['wall'] / build['wall']:.1f}%" if change and build else "—"
            w(f"| {int(size):,} | {fmt(get(noop, 'wall'), 3)} ({fmt(get(noop, 'reported', 'seconds'), 3)}) | "
              f"{fmt(get(change, 'wall'), 3)} ({fmt(get(change, 'reported', 'seconds'), 3)}) | {share} | "
              + ", ".join(fmt(get(run, "build", j, "rssMb"), 0) for j in jobs) + " | "
              + fmt(max((get(run, "floor", j, "rssMb") or 0) for j in jobs), 0) + " | "
              + (fmt(max((get(run, "peer", j, "rssMb") or 0) for j in jobs), 0) if r.get("peer") else "—") + " |")
        w("")

    stolen = stolen_measurements(r)
    if stolen:
        w("### Machine noise")
        w("")
        w("The development machine is a virtual machine; its hypervisor sometimes takes CPU time away (steal). "
          "Measurements during which it took 5% or more of the machine's CPU time, which makes their wall time "
          "longer than the program alone would be:")
        w("")
        w("| pipeline | sources | measurement | steal |")
        w("|---|---:|---|---:|")
        for pipeline, size, label, steal in stolen:
            w(f"| {pipeline} | {int(size):,} | {label} | {steal:.0f}% |")
        w("")
    if before:
        w("## Compared with the previous page")
        w("")
        w(f"Every ratio of the full-build tables beside the previous page's ({before['started']}, {before['tool']}). "
          "Build / floor is better when lower, the tool's speed-up over the peer when higher.")
        w("")
        w("| pipeline | sources | jobs | build / floor now (before) | speed-up now (before) | worse than before |")
        w("|---|---:|---:|---:|---:|---|")
        for pipeline in r["pipelines"]:
            for size, run in sorted(r["runs"].get(pipeline, {}).items(), key=lambda kv: int(kv[0])):
                for j in jobs:
                    old = get(before, "runs", pipeline, size, "jobs", j)
                    if not old:
                        continue
                    now_floor = quotient(get(run, "build", j, "wall"), get(run, "floor", j, "wall"))
                    now_peer = quotient(get(run, "peer", j, "wall"), get(run, "build", j, "wall"))
                    old_floor, old_peer = quotient(old.get("build"), old.get("floor")), quotient(old.get("peer"), old.get("build"))
                    worse = []
                    if now_floor and old_floor and round(now_floor, 2) > round(old_floor, 2):
                        worse.append("build / floor")
                    if now_peer and old_peer and round(now_peer, 2) < round(old_peer, 2):
                        worse.append("speed-up")
                    w(f"| {pipeline} | {int(size):,} | {j} | {fmt(now_floor)}x ({fmt(old_floor)}x) | "
                      f"{fmt(now_peer)}x ({fmt(old_peer)}x) | {', '.join(worse) if worse else 'no'} |")
        w("")
    w("## Targets (PRODUCT.md section 11)")
    w("")
    w("| target | pipeline | measured | verdict |")
    w("|---|---|---|---|")
    largest = str(max(r["sizes"]))
    for pipeline in r["pipelines"]:
        runs = r["runs"].get(pipeline, {})
        run = runs.get(largest)
        for j in jobs:
            floor, build = get(run, "floor", j), get(run, "build", j)
            if floor and build:
                ratio = build["wall"] / floor["wall"]
                w(f"| full build at most 1.5x the codec floor ({int(largest):,} sources, jobs {j}) | {pipeline} | {ratio:.2f}x | {verdict(ratio <= 1.5)} |")
        noop = get(runs, "10000", "noop")
        if noop:
            w(f"| no-op rebuild of 10,000 items under 0.3 s (process wall time; tool's own in brackets) | {pipeline} | "
              f"{noop['wall']:.3f} s ({noop['reported']['seconds']:.3f} s) | {verdict(noop['wall'] < 0.3)} |")
        else:
            w(f"| no-op rebuild of 10,000 items under 0.3 s | {pipeline} | not measured (run with size 10000) | — |")
        change, build = get(runs, "1000", "change"), get(runs, "1000", "build", top)
        if change and build:
            share = change["wall"] / build["wall"]
            w(f"| one of 1,000 sources changed: under 3% of a full build (jobs {top}) | {pipeline} | {100 * share:.2f}% | {verdict(share < 0.03)} |")
        else:
            w(f"| one of 1,000 sources changed: under 3% of a full build | {pipeline} | not measured (run with size 1000) | — |")
        big = runs.get("10000")
        if big and big.get("build"):
            rss = max(b["rssMb"] for b in big["build"].values())
            w(f"| peak memory of a 10,000-item build under 300 MB (worst of jobs {', '.join(jobs)}) | {pipeline} | {rss:.0f} MB | {verdict(rss < 300)} |")
        else:
            w(f"| peak memory of a 10,000-item build under 300 MB | {pipeline} | not measured (run with size 10000) | — |")
        if r.get("peer"):
            for j in jobs:
                peer, build = get(run, "peer", j), get(run, "build", j)
                if peer and build:
                    factor = peer["wall"] / build["wall"]
                    w(f"| faster than the Python cv2 peer at the same process count ({int(largest):,} sources, {j}) | {pipeline} | "
                      f"{factor:.2f}x | {verdict(factor > 1)} |")
    w("")

    report_distributed.section(r, w)
    w("## Where the time goes")
    w("")
    w("From the build's own profile (`AUGMENT_PROFILE=FILE`, `src/Augment.Core/Diagnostics/BuildProfile.cs`), recorded "
      "during the jobs-1 full builds of the tables above: thread time per phase, per item. Nested phases are part of "
      "`execute`; \"ops\" is what the pipeline's ops cost (field generation, resampling, pixel ops).")
    w("")
    size = "1000" if all(get(r["runs"], p, "1000", "build", jobs[0], "profile") for p in r["pipelines"]) else largest
    cols = [p for p in r["pipelines"] if get(r["runs"], p, size, "build", jobs[0], "profile")]
    if cols:
        old_profile = get(before, "profile")
        if old_profile and (old_profile["size"], old_profile["jobs"]) != (size, jobs[0]):
            old_profile = None
        old_cols = [p for p in cols if old_profile and p in old_profile["msPerItem"]]
        if old_cols:
            w(f"The columns headed \"before\" are the previous page's profile ({before['started']}, {before['tool']}).")
            w("")
        w(f"| phase ({int(size):,} sources, jobs {jobs[0]}) | " + " | ".join(f"{p} ms/item" for p in cols)
          + "".join(f" | {p} before" for p in old_cols) + " | what |")
        w("|---|" + "---:|" * (len(cols) + len(old_cols)) + "---|")
        profiles = {p: get(r["runs"], p, size, "build", jobs[0], "profile") for p in cols}
        phases = sorted({k for prof in profiles.values() for k in prof}, key=lambda k: (not k.startswith(("load", "plan")), k.startswith("finish"), k))
        for phase in phases:
            cells = []
            for p in cols:
                entry = profiles[p].get(phase)
                cells.append(fmt(1000 * entry["seconds"] / int(size), 2) if entry else "—")
            for p in old_cols:
                cells.append(fmt(old_profile["msPerItem"][p].get(phase), 2))
            note = PROFILE_NOTES.get(phase, "")
            if phase.startswith("render.spatial."):
                note = "build the op's mapping (displacement field for elastic ops)"
            elif phase.startswith("render.pixel."):
                note = "pixel op, applied items only"
            w(f"| `{phase}` | " + " | ".join(cells) + f" | {note} |")
        floor_row = []
        for p in cols:
            floor = get(r["runs"], p, size, "floor", jobs[0])
            floor_row.append(fmt(1000 * floor["wall"] / int(size), 2) if floor else "—")
        for p in old_cols:
            old_floor = get(before, "runs", p, size, "jobs", jobs[0], "floor")
            floor_row.append(fmt(1000 * old_floor / int(size), 2) if old_floor else "—")
        w("| codec floor, whole process, for comparison | " + " | ".join(floor_row) + " | decode + encode, no op |")
        w("")

    # Rebuilds: fixed costs rather than per-item ones, so whole seconds.
    noop_size = largest
    change_size = "1000" if any(get(r["runs"], p, "1000", "change") for p in r["pipelines"]) else largest
    rebuilds = [(f"no-op, {int(noop_size):,} sources", p, get(r["runs"], p, noop_size, "noop")) for p in r["pipelines"]]
    rebuilds += [(f"one change, {int(change_size):,} sources", p, get(r["runs"], p, change_size, "change")) for p in r["pipelines"]]
    rebuilds = [(label, p, m) for label, p, m in rebuilds if m and m.get("profile")]
    if rebuilds:
        w("### Rebuilds")
        w("")
        startup = r.get("startup", {})
        if startup:
            w(f"Any run of the tool first pays for the .NET runtime and its command line: `dotnet-augment build --help` takes "
              f"{startup.get('help', 0):.3f} s, and `dotnet-augment --version`, which also loads OpenCV, "
              f"{startup.get('version', 0):.3f} s (medians of five). A rebuild's own phases, in seconds (the tool's profile, "
              "which starts after the command line is parsed):")
            w("")
        w("| phase | " + " | ".join(f"{label}: {p}" for label, p, _ in rebuilds) + " |")
        w("|---|" + "---:|" * len(rebuilds))
        phases = sorted({k for _, _, m in rebuilds for k in m["profile"] if not k.startswith("render.")},
                        key=lambda k: (not k.startswith(("load", "plan")), k.startswith("finish"), k))
        for phase in phases:
            cells = [f"{m['profile'][phase]['seconds']:.3f}" if phase in m["profile"] else "—" for _, _, m in rebuilds]
            w(f"| `{phase}` | " + " | ".join(cells) + " |")
        w("| whole process (wall) | " + " | ".join(f"{m['wall']:.3f}" for _, _, m in rebuilds) + " |")
        w("")

    analysis = os.path.join(HERE, "analysis.md")
    if os.path.exists(analysis):
        w("## Analysis")
        w("")
        w(f"<!-- Included from bench/analysis.md (prose, written by hand; the numbers above are generated). -->")
        w("")
        with open(analysis) as f:
            lines.extend(f.read().rstrip("\n").split("\n"))
        w("")

    temp = output_path + ".tmp"
    with open(temp, "w") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(temp, output_path)


if __name__ == "__main__":
    main()
