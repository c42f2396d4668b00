"""The end-to-end dataset benchmark (docs/benchmarks.md); build/bench.sh runs it.

For each pipeline (bench/configs) and size, on datasets from bench/datasets.py, measured in one run
on one machine, each as a separate process under /usr/bin/time (wall seconds, user and system CPU
seconds, max RSS):
  floor     bench/Floor: decode every source once, encode every output, no op, J in parallel,
            right before the build at J
  build     dotnet-augment build --json --jobs J into an empty output folder (its own cache)
  peer      bench/peer.py, the hand-written cv2 loop, over J processes, right after the build at J
            (at the largest size, floor, build and peer in rounds at each J: at least two, up to
            five while they fit in ROUND_BUDGET; the fastest of each kept, every round recorded)
  noop      the same build again: nothing to do (three runs, the median)
  change    one source's content rewritten, then the same build again (three sources in turn, the
            median)
Results go to artifacts/bench/results.json (rewritten after every measurement, so a cut run keeps
what it measured); bench/report.py turns them into docs/benchmarks.md.

    python3 bench/run.py --tool PATH --floor PATH [--sizes 100,1000,10000] [--jobs 1,2] [--skip-peer]
"""
import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import cv2
import numpy

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import datasets  # noqa: E402

PIPELINES = ["segmentation", "classification"]


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def cpu_times():
    """The machine's CPU time counters (the first line of /proc/stat): (steal, total) in ticks."""
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    return fields[7] if len(fields) > 7 else 0, sum(fields[:8])


def timed(command, env=None):
    """Runs `command`; returns its stdout's last JSON line and /usr/bin/time's measurements, with
    the share of the machine's CPU time its hypervisor took away (steal) while it ran."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as stats:
        full_env = dict(os.environ, **(env or {}))
        load = os.getloadavg()[0]
        steal_before, total_before = cpu_times()
        result = subprocess.run(
            ["/usr/bin/time", "-f", "%e %U %S %M", "-o", stats.name] + command,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=full_env)
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed ({result.returncode}):\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}")
        wall, user, system, rss = stats.read().split()[-4:]
        steal_after, total_after = cpu_times()
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    output = json.loads(lines[-1]) if lines else {}
    return {
        "wall": float(wall), "cpu": round(float(user) + float(system), 2), "rssMb": round(int(rss) / 1024, 1),
        "load": round(load, 2), "reported": output,
        "stealPercent": round(100 * (steal_after - steal_before) / max(1, total_after - total_before), 1),
    }


def is_readytorun(path):
    """Whether a managed assembly carries ReadyToRun code: its CLI header names a ManagedNativeHeader
    that starts with the signature "RTR" (ECMA-335 II.25.3.3; crossgen2 writes it)."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:2] != b"MZ":
        return False
    pe = int.from_bytes(data[0x3C:0x40], "little")
    sections = int.from_bytes(data[pe + 6:pe + 8], "little")
    optional_size = int.from_bytes(data[pe + 20:pe + 22], "little")
    optional = pe + 24
    directories = optional + (112 if int.from_bytes(data[optional:optional + 2], "little") == 0x20B else 96)
    cli_rva = int.from_bytes(data[directories + 14 * 8:directories + 14 * 8 + 4], "little")

    def offset(rva):
        for i in range(sections):
            header = optional + optional_size + 40 * i
            size, address = (int.from_bytes(data[header + k:header + k + 4], "little") for k in (8, 12))
            if address <= rva < address + size:
                return rva - address + int.from_bytes(data[header + 20:header + 24], "little")
        return None

    cli = offset(cli_rva) if cli_rva else None
    native_rva = int.from_bytes(data[cli + 64:cli + 68], "little") if cli is not None else 0
    native = offset(native_rva) if native_rva else None
    return native is not None and data[native:native + 4] == b"RTR\0"


def tool_build(tool):
    """How the measured tool was compiled (which of its assemblies are ReadyToRun) and the runtime
    settings of its runtimeconfig.json."""
    folder = os.path.dirname(os.path.realpath(tool))
    assemblies = sorted(f for f in os.listdir(folder) if f.endswith(".dll"))
    readytorun = [f for f in assemblies if is_readytorun(os.path.join(folder, f))]
    with open(os.path.join(folder, "dotnet-augment.runtimeconfig.json")) as f:
        settings = json.load(f)["runtimeOptions"].get("configProperties", {})
    return {
        "folder": os.path.relpath(folder, ROOT) if folder.startswith(ROOT) else folder,
        "assemblies": assemblies, "readyToRun": readytorun,
        "runtimeSettings": {k: v for k, v in settings.items() if k.startswith(("System.GC.", "System.Runtime.Tiered"))},
    }


def machine(tool):
    def read(path):
        try:
            with open(path) as f:
                return f.read()
        except OSError:
            return ""

    cpu = next((line.split(":", 1)[1].strip() for line in read("/proc/cpuinfo").splitlines() if line.startswith("model name")), platform.processor())
    mem_kb = next((int(line.split()[1]) for line in read("/proc/meminfo").splitlines() if line.startswith("MemTotal")), 0)
    os_name = next((line.split("=", 1)[1].strip('"') for line in read("/etc/os-release").splitlines() if line.startswith("PRETTY_NAME")), platform.system())
    version = subprocess.run([tool, "--version"], stdout=subprocess.PIPE, text=True).stdout.strip()
    runtimes = subprocess.run(["dotnet", "--list-runtimes"], stdout=subprocess.PIPE, text=True).stdout
    netcore = [line.split()[1] for line in runtimes.splitlines() if line.startswith("Microsoft.NETCore.App")]
    fs = subprocess.run(["df", "-T", os.path.join(ROOT, "artifacts")], stdout=subprocess.PIPE, text=True).stdout.splitlines()[-1].split()[1]
    return {
        "cpu": cpu, "cores": os.cpu_count(), "memoryGb": round(mem_kb / 1024 / 1024, 1), "os": os_name,
        "kernel": platform.release(), "dotnet": ", ".join(netcore), "tool": version.replace("\n", "; "),
        "python": platform.python_version(), "cv2": cv2.__version__, "numpy": numpy.__version__, "filesystem": fs,
        "toolBuild": tool_build(tool),
    }


def save(results, path):
    temp = path + ".tmp"
    with open(temp, "w") as f:
        json.dump(results, f, indent=1)
    os.replace(temp, path)


# At the largest size: rounds of floor, build and peer per process count, at least two, more while
# they fit in this many seconds (a classification round takes 1-1.5 minutes, a segmentation one 8-13).
ROUND_BUDGET = 360
MAX_ROUNDS = 5


def fastest(measurements):
    """The fastest of repeated runs, with every run's wall time and the largest peak memory."""
    best = dict(min(measurements, key=lambda m: m["wall"]))
    if len(measurements) > 1:
        best["walls"] = [m["wall"] for m in measurements]
        best["rssMb"] = max(m["rssMb"] for m in measurements)
    return best


def read_profile(path):
    phases = {}
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                phase, seconds, calls = line.rstrip("\n").split("\t")
                phases[phase] = {"seconds": float(seconds), "calls": int(calls)}
    return phases


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tool", required=True)
    parser.add_argument("--floor", required=True)
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--jobs", default="1,2")
    parser.add_argument("--pipelines", default=",".join(PIPELINES))
    parser.add_argument("--skip-peer", action="store_true")
    parser.add_argument("--work", default=os.path.join(ROOT, "artifacts", "bench"))
    parser.add_argument("--results", default=None)
    args = parser.parse_args()

    sizes = [int(s) for s in args.sizes.split(",")]
    jobs = [int(j) for j in args.jobs.split(",")]
    pipelines = args.pipelines.split(",")
    work = os.path.abspath(args.work)
    results_path = args.results or os.path.join(work, "results.json")
    samples = os.path.join(ROOT, "sample-dataset")
    os.makedirs(work, exist_ok=True)
    started = time.time()

    results = {
        "started": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "sizes": sizes, "jobs": jobs, "pipelines": pipelines, "peer": not args.skip_peer,
        "machine": machine(args.tool), "runs": {}, "timings": {},
    }
    # What any run of the tool costs before it looks at a dataset: the runtime and the command
    # line (`build --help`), and with OpenCV loaded (`--version`).
    results["startup"] = {
        name: statistics.median(timed([args.tool] + command)["wall"] for _ in range(5))
        for name, command in (("help", ["build", "--help"]), ("version", ["--version"]))
    }
    save(results, results_path)

    for pipeline in pipelines:
        with open(os.path.join(HERE, "configs", pipeline + ".yaml")) as f:
            config_text = f.read()
        pool = os.path.join(work, "pool", pipeline)
        t = time.time()
        if datasets.ensure_pool(pipeline, samples, pool, max(sizes), processes=max(jobs)):
            log(f"{pipeline}: generated {max(sizes)} sources in {time.time() - t:.0f} s")
        for size in sizes:
            t_size = time.time()
            run = results["runs"].setdefault(pipeline, {}).setdefault(str(size), {})
            dataset = os.path.join(work, "datasets", f"{pipeline}-{size}")
            datasets.link_dataset(pipeline, pool, dataset, size, config_text)
            config = os.path.join(dataset, "augment.yaml")
            out = os.path.join(work, "out")
            peer_out = os.path.join(work, "peer-out")

            def fresh():
                shutil.rmtree(out, ignore_errors=True)
                return out

            # Each full build comes right after the codec floor and right before the peer, at the same
            # process count, so that the three are measured at the same moment of a machine whose speed
            # drifts; at the largest size, whose figures the targets use, the three are measured in
            # rounds at each process count, at least two and as many as fit in ROUND_BUDGET seconds (up
            # to MAX_ROUNDS), and the fastest run of each kept (noise only ever slows a run down).
            for j in jobs:
                floors, builds, peers = [], [], []
                rounds_started = time.time()
                while True:
                    m = timed([args.floor, config, fresh(), str(j)])
                    floors.append(m)
                    log(f"{pipeline} {size}: floor   jobs {j}: {m['wall']:.2f} s (cpu {m['cpu']:.1f} s, {m['rssMb']:.0f} MB)")
                    profile = os.path.join(work, f"profile-{pipeline}-{size}-{j}.tsv")
                    if os.path.exists(profile):
                        os.remove(profile)
                    m = timed([args.tool, "build", config, "-o", fresh(), "--json", "--jobs", str(j)], env={"AUGMENT_PROFILE": profile})
                    m["profile"] = read_profile(profile)
                    assert m["reported"]["rendered"] == size and m["reported"]["failed"] == 0, m["reported"]
                    builds.append(m)
                    log(f"{pipeline} {size}: build   jobs {j}: {m['wall']:.2f} s (cpu {m['cpu']:.1f} s, {m['rssMb']:.0f} MB)")
                    if not args.skip_peer:
                        shutil.rmtree(peer_out, ignore_errors=True)
                        m = timed(["/usr/bin/python3", os.path.join(HERE, "peer.py"), pipeline, dataset, peer_out, str(j)])
                        assert m["reported"]["items"] == size, m["reported"]
                        peers.append(m)
                        log(f"{pipeline} {size}: peer    jobs {j}: {m['wall']:.2f} s (cpu {m['cpu']:.1f} s, {m['rssMb']:.0f} MB)")
                    done, spent = len(builds), time.time() - rounds_started
                    if size != max(sizes) or done >= MAX_ROUNDS or (done >= 2 and spent + spent / done > ROUND_BUDGET):
                        break
                run.setdefault("rounds", {})[str(j)] = [
                    {"floor": f["wall"], "build": b["wall"], **({"peer": peers[i]["wall"]} if peers else {})}
                    for i, (f, b) in enumerate(zip(floors, builds))
                ]
                run.setdefault("floor", {})[str(j)] = fastest(floors)
                run.setdefault("build", {})[str(j)] = fastest(builds)
                if peers:
                    run.setdefault("peer", {})[str(j)] = fastest(peers)
                save(results, results_path)
                shutil.rmtree(peer_out, ignore_errors=True)

            # The output of the last full build (the most jobs) is rebuilt with nothing to do, then
            # after one source changed.
            j = jobs[-1]
            build = [args.tool, "build", config, "-o", out, "--json", "--jobs", str(j)]
            noop_profile = os.path.join(work, f"profile-{pipeline}-{size}-noop.tsv")
            noops = []
            for _ in range(3):
                if os.path.exists(noop_profile):
                    os.remove(noop_profile)
                noops.append(timed(build, env={"AUGMENT_PROFILE": noop_profile}))
                noops[-1]["profile"] = read_profile(noop_profile)
            for m in noops:
                assert m["reported"]["rendered"] == 0 and m["reported"]["upToDate"] == size, m["reported"]
            run["noop"] = m = sorted(noops, key=lambda n: n["wall"])[1]
            m["jobs"] = j
            m["walls"] = [n["wall"] for n in noops]
            log(f"{pipeline} {size}: no-op   jobs {j}: {m['wall']:.3f} s (tool {m['reported']['seconds']:.3f} s, {m['rssMb']:.0f} MB)")

            # Three changes, one source each (a different one each time, the earlier ones staying
            # changed), so that each rebuild renders exactly one item; the median is shown.
            change_profile = os.path.join(work, f"profile-{pipeline}-{size}-change.tsv")
            changes = []
            for changed in range(size // 2, size // 2 + 3):
                datasets.write_source(pipeline, samples, dataset, changed, altered=True)
                if os.path.exists(change_profile):
                    os.remove(change_profile)
                m = timed(build, env={"AUGMENT_PROFILE": change_profile})
                m["profile"] = read_profile(change_profile)
                assert m["reported"]["rendered"] == 1 and m["reported"]["upToDate"] == size - 1, m["reported"]
                m["source"] = datasets.files_of(pipeline, changed)[0]
                changes.append(m)
                log(f"{pipeline} {size}: change  jobs {j}: {m['wall']:.3f} s (tool {m['reported']['seconds']:.3f} s)")
            run["change"] = m = sorted(changes, key=lambda c: c["wall"])[1]
            m["jobs"] = j
            m["walls"] = [c["wall"] for c in changes]
            for changed in range(size // 2, size // 2 + 3):
                for relative in datasets.files_of(pipeline, changed):  # back to the pool's content
                    temp = os.path.join(dataset, relative + ".restore")
                    os.link(os.path.join(pool, relative), temp)
                    os.replace(temp, os.path.join(dataset, relative))
            save(results, results_path)

            shutil.rmtree(out, ignore_errors=True)
            results["timings"][f"{pipeline}-{size}"] = round(time.time() - t_size)
            save(results, results_path)

    results["seconds"] = round(time.time() - started)
    results["finished"] = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    save(results, results_path)
    log(f"done in {results['seconds']} s; results in {results_path}")


if __name__ == "__main__":
    main()
