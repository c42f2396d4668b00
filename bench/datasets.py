"""Deterministic synthetic datasets for the end-to-end benchmark (docs/benchmarks.md).

Sources are random crops of the sample images (sample-dataset/images and masks), drawn from a
fixed seed: source i of a pipeline is the same file whatever the dataset's size, so the dataset of
100 sources is the first 100 of the one of 1,000. Every source is written once into a pool
(artifacts/bench/pool/<pipeline>/) and each dataset hard-links the first N of them.

- segmentation: 8-bit gray 512x512 PNG crops of the two micrographs (cell, coins), scaled up where
  the micrograph is smaller, with their label masks (nearest-neighbour), flipped and turned at random.
- classification: colour crops of the photographs of 320 to 480 pixels a side, written as JPEG
  (quality 95), as photographs in a classification dataset usually are.
"""
import hashlib
import multiprocessing
import os
import shutil

import cv2
import numpy as np

SEED = 20240611
GENERATOR_VERSION = "1"

SEG_SIZE = 512
SEG_SOURCES = [("cell.png", "cell.png"), ("coins.png", "coins.png")]
CLS_SOURCES = ["astronaut.png", "chelsea.png", "coffee.png", "rocket.jpg", "horse.png"]


_SAMPLES = {}


def _sample(samples, relative, flags):
    """A sample image, read once per process (libpng warns about one photograph's colour profile)."""
    key = (samples, relative, flags)
    if key not in _SAMPLES:
        _SAMPLES[key] = cv2.imread(os.path.join(samples, relative), flags)
    return _SAMPLES[key]


def _rng(pipeline, index):
    digest = hashlib.sha256(f"{SEED}/{pipeline}/{index}".encode()).digest()
    return np.random.default_rng(int.from_bytes(digest[:8], "little"))


def _orient(rng, *planes):
    """The same random flip and quarter turn for every plane."""
    k = int(rng.integers(0, 4))
    flip = bool(rng.integers(0, 2))
    out = []
    for p in planes:
        p = np.rot90(p, k)
        if flip:
            p = p[:, ::-1]
        out.append(np.ascontiguousarray(p))
    return out


def segmentation_source(samples, index):
    rng = _rng("segmentation", index)
    image_name, mask_name = SEG_SOURCES[int(rng.integers(0, len(SEG_SOURCES)))]
    image = _sample(samples, "images/" + image_name, cv2.IMREAD_GRAYSCALE)
    mask = _sample(samples, "masks/" + mask_name, cv2.IMREAD_UNCHANGED)
    h, w = image.shape
    least = SEG_SIZE / min(w, h)
    scale = max(least, 1.0) * float(rng.uniform(1.0, 1.6))
    size = (int(np.ceil(w * scale)), int(np.ceil(h * scale)))
    image = cv2.resize(image, size, interpolation=cv2.INTER_LINEAR)
    mask = cv2.resize(mask, size, interpolation=cv2.INTER_NEAREST)
    x = int(rng.integers(0, size[0] - SEG_SIZE + 1))
    y = int(rng.integers(0, size[1] - SEG_SIZE + 1))
    image = image[y:y + SEG_SIZE, x:x + SEG_SIZE]
    mask = mask[y:y + SEG_SIZE, x:x + SEG_SIZE]
    image, mask = _orient(rng, image, mask)
    return image, mask


def classification_source(samples, index):
    rng = _rng("classification", index)
    name = CLS_SOURCES[int(rng.integers(0, len(CLS_SOURCES)))]
    image = _sample(samples, "images/" + name, cv2.IMREAD_COLOR)
    h, w = image.shape[:2]
    cw, ch = int(rng.integers(320, 481)), int(rng.integers(320, 481))
    scale = max(cw / w, ch / h, 1.0) * float(rng.uniform(1.0, 1.5))
    if scale != 1.0:
        image = cv2.resize(image, (int(np.ceil(w * scale)), int(np.ceil(h * scale))), interpolation=cv2.INTER_LINEAR)
    h, w = image.shape[:2]
    x = int(rng.integers(0, w - cw + 1))
    y = int(rng.integers(0, h - ch + 1))
    (image,) = _orient(rng, image[y:y + ch, x:x + cw])
    if image.shape[0] != ch:  # a quarter turn swapped the sides; keep them as drawn
        image = np.ascontiguousarray(np.rot90(image))
    return image


def source_name(index):
    return f"s{index:05d}"


def _write(path, image, params):
    ok, data = cv2.imencode(os.path.splitext(path)[1], image, params)
    assert ok, path
    temp = path + ".tmp"
    with open(temp, "wb") as f:
        f.write(data.tobytes())
    os.replace(temp, path)


def write_source(pipeline, samples, folder, index, altered=False):
    """Writes source `index` of `pipeline` into `folder` (images/, masks/); `altered` writes a changed version."""
    name = source_name(index)
    if pipeline == "segmentation":
        image, mask = segmentation_source(samples, index)
        if altered:
            image = 255 - image
        _write(os.path.join(folder, "images", name + ".png"), image, [])
        _write(os.path.join(folder, "masks", name + ".png"), mask, [])
    else:
        image = classification_source(samples, index)
        if altered:
            image = 255 - image
        _write(os.path.join(folder, "images", name + ".jpg"), image, [cv2.IMWRITE_JPEG_QUALITY, 95])


def files_of(pipeline, index):
    name = source_name(index)
    if pipeline == "segmentation":
        return [f"images/{name}.png", f"masks/{name}.png"]
    return [f"images/{name}.jpg"]


def _pool_worker(args):
    cv2.setNumThreads(1)
    pipeline, samples, pool, start, stop = args
    for index in range(start, stop):
        write_source(pipeline, samples, pool, index)
    return stop - start


def ensure_pool(pipeline, samples, pool, count, processes):
    """Makes sure the pool holds sources 0..count-1 of the current generator version."""
    stamp_path = os.path.join(pool, "stamp")
    stamp = f"{GENERATOR_VERSION} {SEED} {cv2.__version__}"
    have = 0
    if os.path.exists(stamp_path):
        with open(stamp_path) as f:
            parts = f.read().split("\n")
        if parts[0] == stamp:
            have = int(parts[1])
    if have >= count:
        return False
    if have == 0 and os.path.exists(pool):
        shutil.rmtree(pool)
    for sub in ("images", "masks") if pipeline == "segmentation" else ("images",):
        os.makedirs(os.path.join(pool, sub), exist_ok=True)
    chunk = 250
    jobs = [(pipeline, samples, pool, s, min(s + chunk, count)) for s in range(have, count, chunk)]
    with multiprocessing.Pool(processes) as workers:
        for _ in workers.imap_unordered(_pool_worker, jobs):
            pass
    with open(stamp_path, "w") as f:
        f.write(f"{stamp}\n{count}\n")
    return True


def link_dataset(pipeline, pool, folder, count, config_text):
    """A dataset folder holding sources 0..count-1 (hard links into the pool) and its augment.yaml."""
    if os.path.exists(folder):
        shutil.rmtree(folder)
    for sub in ("images", "masks") if pipeline == "segmentation" else ("images",):
        os.makedirs(os.path.join(folder, sub))
    for index in range(count):
        for relative in files_of(pipeline, index):
            os.link(os.path.join(pool, relative), os.path.join(folder, relative))
    with open(os.path.join(folder, "augment.yaml"), "w") as f:
        f.write(config_text)
