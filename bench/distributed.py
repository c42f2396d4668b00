"""The distributed row of the benchmark (docs/benchmarks.md, docs/distributed.md); build/bench.sh runs it.

For each pipeline at the largest size, in one run, each a separate process under /usr/bin/time:
  single    dotnet-augment build --jobs 2 into an empty output folder with an empty cache
  shards    two shards (--shard 0/2 and 1/2) at --jobs 1 each, started together, into a real nginx
            (WebDAV PUT on 127.0.0.1, a free port) with empty local caches: the wall time until both
            are done, as two machines would take
  gather    --require-cached --cache-url on an empty output folder and an empty local cache, --jobs 2;
            checked to hold the bytes of the single build, and its requests and bytes read from
            nginx's access log
Then the simulation (docs/distributed.md, "What a gather costs"): SIM_SIZE tiny sources (16x16 gray
PNG, one variant, one flip), built by two shards into nginx, then gathered: the cost of a gather
when the objects are small, i.e. its per-item overhead (requests, memory, time).
Results are merged into artifacts/bench/results.json under "distributed".

    python3 bench/distributed.py --tool PATH [--size 10000] [--pipelines segmentation,classification] [--simulate 100000]
"""
import argparse
import datetime
import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time

import cv2
import numpy

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import datasets  # noqa: E402
from run import log, save, timed  # noqa: E402


class Nginx:
    """Debian's nginx serving WebDAV PUT on 127.0.0.1 from a config written into `folder`."""

    def __init__(self, folder):
        self.folder = folder
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(os.path.join(folder, "root"))
        os.makedirs(os.path.join(folder, "logs"))
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        user = "user root;\n" if os.geteuid() == 0 else ""
        with open(os.path.join(folder, "nginx.conf"), "w") as f:
            f.write(f"""{user}worker_processes 2;
pid {folder}/nginx.pid;
error_log {folder}/logs/error.log;
events {{ worker_connections 512; }}
http {{
  log_format requests '$request_method $uri $status $body_bytes_sent $request_length';
  access_log {folder}/logs/access.log requests;
  client_body_temp_path {folder}/body;
  proxy_temp_path {folder}/proxy;
  fastcgi_temp_path {folder}/fastcgi;
  uwsgi_temp_path {folder}/uwsgi;
  scgi_temp_path {folder}/scgi;
  client_max_body_size 0;
  keepalive_requests 1000000;
  sendfile on;
  server {{
    listen 127.0.0.1:{self.port};
    root {folder}/root;
    location / {{
      dav_methods PUT;
      create_full_put_path on;
      dav_access user:rw group:r all:r;
    }}
  }}
}}
""")
        nginx = "/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else "nginx"
        self.process = subprocess.Popen([nginx, "-p", folder, "-c", os.path.join(folder, "nginx.conf"), "-g", "daemon off;"])
        for _ in range(500):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.02)
        self.url = f"http://127.0.0.1:{self.port}/"

    def log_size(self):
        path = os.path.join(self.folder, "logs", "access.log")
        return os.path.getsize(path) if os.path.exists(path) else 0

    def requests_since(self, offset):
        """Requests, response bytes and request bytes logged after `offset`, by method."""
        counts = {}
        with open(os.path.join(self.folder, "logs", "access.log")) as f:
            f.seek(offset)
            for line in f:
                method, path, status, sent, length = line.split()
                kind = f"{method} /{path.split('/')[1]}/"
                entry = counts.setdefault(kind, {"requests": 0, "bytesOut": 0, "bytesIn": 0})
                entry["requests"] += 1
                entry["bytesOut"] += int(sent)
                entry["bytesIn"] += int(length)
        return counts

    def stop(self):
        self.process.terminate()
        self.process.wait()


def tree_hashes(folder):
    """SHA-256 of every file under `folder` (the .augment state left out), by relative path."""
    hashes = {}
    for base, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if d != ".augment"]
        for name in files:
            path = os.path.join(base, name)
            with open(path, "rb") as f:
                hashes[os.path.relpath(path, folder)] = hashlib.sha256(f.read()).hexdigest()
    return hashes


def fresh(path):
    shutil.rmtree(path, ignore_errors=True)
    return path


def shards_together(tool, config, url, work, count=2):
    """`count` shards at one job each, started at once; the wall time until all are done."""
    os.sync()
    started = time.time()
    processes = []
    for i in range(count):
        stats = os.path.join(work, f"shard{i}.time")
        env = dict(os.environ, XDG_CACHE_HOME=fresh(os.path.join(work, f"home{i}")))
        out = open(os.path.join(work, f"shard{i}.out"), "w")
        processes.append((subprocess.Popen(
            ["/usr/bin/time", "-f", "%e %U %S %M", "-o", stats, tool, "build", config, "--json", "--jobs", "1", "--shard", f"{i}/{count}", "--cache-url", url],
            stdout=out, stderr=subprocess.STDOUT, env=env), out, stats))
    shards = []
    for process, out, stats in processes:
        if process.wait() != 0:
            raise RuntimeError(f"a shard failed: {open(out.name).read()[-3000:]}")
        out.close()
        wall, user, system, rss = open(stats).read().split()[-4:]
        reported = json.loads([line for line in open(out.name) if line.startswith("{")][-1])
        shards.append({"wall": float(wall), "cpu": round(float(user) + float(system), 2), "rssMb": round(int(rss) / 1024, 1), "reported": reported})
    return round(time.time() - started, 2), shards


def gather(tool, config, url, out, cache, nginx):
    offset = nginx.log_size()
    os.sync()
    m = timed([tool, "build", config, "-o", fresh(out), "--cache-dir", fresh(cache), "--json", "--jobs", "2", "--require-cached", "--cache-url", url])
    m["requests"] = nginx.requests_since(offset)
    return m


def measure_pipeline(tool, pipeline, size, work):
    samples = os.path.join(ROOT, "sample-dataset")
    with open(os.path.join(HERE, "configs", pipeline + ".yaml")) as f:
        config_text = f.read()
    pool = os.path.join(work, "pool", pipeline)
    if datasets.ensure_pool(pipeline, samples, pool, size, processes=2):
        log(f"{pipeline}: generated {size} sources")
    dataset = os.path.join(work, "datasets", f"{pipeline}-{size}")
    datasets.link_dataset(pipeline, pool, dataset, size, config_text)
    config = os.path.join(dataset, "augment.yaml")
    dist = os.path.join(work, "distributed")
    os.makedirs(dist, exist_ok=True)

    os.sync()
    single = timed([tool, "build", config, "-o", fresh(os.path.join(dist, "single")), "--cache-dir", fresh(os.path.join(dist, "single-cache")), "--json", "--jobs", "2"])
    assert single["reported"]["rendered"] == size, single["reported"]
    log(f"distributed {pipeline} {size}: single build jobs 2: {single['wall']:.2f} s")

    nginx = Nginx(os.path.join(dist, "nginx"))
    try:
        wall, shards = shards_together(tool, config, nginx.url, dist)
        assert sum(s["reported"]["rendered"] for s in shards) == size, [s["reported"] for s in shards]
        log(f"distributed {pipeline} {size}: 2 shards at jobs 1: {wall:.2f} s ({', '.join('%.2f' % s['wall'] for s in shards)})")
        g = gather(tool, config, nginx.url, os.path.join(dist, "gather"), os.path.join(dist, "gather-cache"), nginx)
        assert g["reported"]["rendered"] == 0 and g["reported"]["restored"] == size, g["reported"]
        identical = tree_hashes(os.path.join(dist, "single")) == tree_hashes(os.path.join(dist, "gather"))
        assert identical, "the gather's folder differs from the single build's"
        log(f"distributed {pipeline} {size}: gather jobs 2: {g['wall']:.2f} s, identical to the single build")
    finally:
        nginx.stop()
    for name in ("single", "single-cache", "gather", "gather-cache", "nginx", "home0", "home1"):
        shutil.rmtree(os.path.join(dist, name), ignore_errors=True)
    return {"size": size, "single": single, "shardsWall": wall, "shards": shards, "gather": g, "identical": identical}


SIM_CONFIG = """version: 1
seed: 1
inputs:
  images: "images/*.png"
variants: 1
output:
  dir: out
  images: "images/{stem}_{variant:000}.png"
  format: png
pipeline:
  - HorizontalFlip: { p: 0.5 }
"""


def simulate(tool, size, work):
    """A gather of `size` items whose objects are tiny: what remains is the per-item cost."""
    sim = os.path.join(work, "distributed", "sim")
    images = os.path.join(sim, "images")
    if not os.path.exists(os.path.join(sim, f"ready-{size}")):
        fresh(sim)
        os.makedirs(images)
        rng = numpy.random.default_rng(size)
        for i in range(size):
            cv2.imwrite(os.path.join(images, f"t{i:07d}.png"), rng.integers(0, 256, (16, 16), dtype=numpy.uint8))
        open(os.path.join(sim, f"ready-{size}"), "w").close()
    config = os.path.join(sim, "augment.yaml")
    with open(config, "w") as f:
        f.write(SIM_CONFIG)
    nginx = Nginx(os.path.join(work, "distributed", "sim-nginx"))
    try:
        wall, shards = shards_together(tool, config, nginx.url, os.path.join(work, "distributed"))
        log(f"simulation {size}: 2 shards: {wall:.1f} s")
        g = gather(tool, config, nginx.url, os.path.join(sim, "gather"), os.path.join(sim, "gather-cache"), nginx)
        assert g["reported"]["restored"] == size and g["reported"]["rendered"] == 0, g["reported"]
        log(f"simulation {size}: gather: {g['wall']:.2f} s, {g['rssMb']:.0f} MB")
    finally:
        nginx.stop()
    for name in ("gather", "gather-cache"):
        shutil.rmtree(os.path.join(sim, name), ignore_errors=True)
    shutil.rmtree(os.path.join(work, "distributed", "sim-nginx"), ignore_errors=True)
    return {"size": size, "shardsWall": wall, "shards": shards, "gather": g}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tool", required=True)
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--pipelines", default="segmentation,classification")
    parser.add_argument("--simulate", type=int, default=100000)
    parser.add_argument("--work", default=os.path.join(ROOT, "artifacts", "bench"))
    parser.add_argument("--results", default=None)
    args = parser.parse_args()
    work = os.path.abspath(args.work)
    results_path = args.results or os.path.join(work, "results.json")
    results = json.load(open(results_path)) if os.path.exists(results_path) else {}
    started = time.time()
    distributed = results["distributed"] = {
        "started": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "runs": {},
    }
    for pipeline in [p for p in args.pipelines.split(",") if p]:
        distributed["runs"][pipeline] = measure_pipeline(args.tool, pipeline, args.size, work)
        save(results, results_path)
    if args.simulate:
        distributed["simulation"] = simulate(args.tool, args.simulate, work)
    distributed["seconds"] = round(time.time() - started)
    save(results, results_path)
    log(f"distributed: done in {distributed['seconds']} s")


if __name__ == "__main__":
    main()
