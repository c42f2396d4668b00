"""The peer of docs/benchmarks.md: the hand-written Python loop over cv2 that users write today.

The same pipelines as bench/configs/*.yaml, op by op, with the same parameter ranges and the same
encodings as the tool (PNG images at zlib level 3; PNG masks through OpenCV's speed-tuned path with
the run-length strategy, as EncodeSettings.Mask; JPEG at quality 90),
each source read once, fanned out over a multiprocessing pool of PROCESSES workers. As the tool
does, a worker leaves OpenCV's own thread pool alone when there is one process and sets it to one
thread when there are several. Like Albumentations (and unlike the tool, which fuses them into one
pass), every spatial op resamples on its own; colour ops on 8-bit images go through lookup tables
as Albumentations does. The parameters are drawn with numpy from a seed per item: reproducible
here, but not the tool's draws, and nothing records them.

    python3 bench/peer.py segmentation|classification DATASET_DIR OUTPUT_DIR PROCESSES
"""
import glob
import hashlib
import json
import math
import multiprocessing
import os
import sys
import time

import cv2
import numpy as np

PNG = [cv2.IMWRITE_PNG_COMPRESSION, 3]  # the tool's default for PNG images
# The tool's masks (EncodeSettings.Mask): no level, so OpenCV's speed-tuned path (SUB filter, zlib
# level 1), with the run-length strategy.
MASK_PNG = [cv2.IMWRITE_PNG_STRATEGY, cv2.IMWRITE_PNG_STRATEGY_RLE]
JPEG = [cv2.IMWRITE_JPEG_QUALITY, 90]
MASK_FILL = 255


def item_rng(pipeline, stem, variant=0):
    digest = hashlib.sha256(f"peer/{pipeline}/{stem}/{variant}".encode()).digest()
    return np.random.default_rng(int.from_bytes(digest[:8], "little"))


def brightness_contrast_lut(rng, brightness_limit=0.2, contrast_limit=0.2):
    alpha = 1.0 + rng.uniform(-contrast_limit, contrast_limit)
    beta = rng.uniform(-brightness_limit, brightness_limit) * 255.0
    return np.clip(np.round(np.arange(256, dtype=np.float64) * alpha + beta), 0, 255).astype(np.uint8)


def segmentation(rng, image, mask):
    h, w = image.shape[:2]
    if rng.random() < 0.5:  # HorizontalFlip
        image, mask = cv2.flip(image, 1), cv2.flip(mask, 1)
    if rng.random() < 0.5:  # VerticalFlip
        image, mask = cv2.flip(image, 0), cv2.flip(mask, 0)
    # Affine: rotate [-15, 15], scale [0.9, 1.1], translate_percent [-0.06, 0.06], p 1
    angle = rng.uniform(-15, 15)
    scale = rng.uniform(0.9, 1.1)
    tx, ty = rng.uniform(-0.06, 0.06) * w, rng.uniform(-0.06, 0.06) * h
    m = cv2.getRotationMatrix2D(((w - 1) / 2, (h - 1) / 2), angle, scale)
    m[0, 2] += tx
    m[1, 2] += ty
    image = cv2.warpAffine(image, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=0)
    mask = cv2.warpAffine(mask, m, (w, h), flags=cv2.INTER_NEAREST, borderMode=cv2.BORDER_CONSTANT, borderValue=MASK_FILL)
    if rng.random() < 0.5:  # ElasticTransform: alpha 34, sigma 4, gaussian noise, reflect101
        alpha, sigma = 34.0, 4.0
        dx = rng.standard_normal((h, w), dtype=np.float32)
        dy = rng.standard_normal((h, w), dtype=np.float32)
        cv2.GaussianBlur(dx, (0, 0), sigma, dst=dx, borderType=cv2.BORDER_REFLECT_101)
        cv2.GaussianBlur(dy, (0, 0), sigma, dst=dy, borderType=cv2.BORDER_REFLECT_101)
        xs, ys = np.meshgrid(np.arange(w, dtype=np.float32), np.arange(h, dtype=np.float32))
        map_x = xs + dx * alpha
        map_y = ys + dy * alpha
        image = cv2.remap(image, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT_101)
        mask = cv2.remap(mask, map_x, map_y, cv2.INTER_NEAREST, borderMode=cv2.BORDER_CONSTANT, borderValue=MASK_FILL)
    if rng.random() < 0.5:  # RandomBrightnessContrast 0.2 / 0.2
        image = cv2.LUT(image, brightness_contrast_lut(rng))
    if rng.random() < 0.3:  # GaussNoise: std_range [0.02, 0.08] of 255, per channel
        std = rng.uniform(0.02, 0.08) * 255.0
        noise = rng.normal(0.0, std, image.shape)
        image = np.clip(np.round(image + noise), 0, 255).astype(np.uint8)
    return image, mask


def random_resized_crop(rng, image, size=256, scale=(0.3, 1.0), ratio=(3 / 4, 4 / 3)):
    h, w = image.shape[:2]
    area = h * w
    crop = None
    for _ in range(10):
        target = area * rng.uniform(*scale)
        r = math.exp(rng.uniform(math.log(ratio[0]), math.log(ratio[1])))
        cw, ch = int(round(math.sqrt(target * r))), int(round(math.sqrt(target / r)))
        if 0 < cw <= w and 0 < ch <= h:
            x, y = int(rng.integers(0, w - cw + 1)), int(rng.integers(0, h - ch + 1))
            crop = (x, y, cw, ch)
            break
    if crop is None:
        crop = (0, 0, w, h)
    x, y, cw, ch = crop
    return cv2.resize(image[y:y + ch, x:x + cw], (size, size), interpolation=cv2.INTER_LINEAR)


def hue_saturation_value(rng, image, hue=20, sat=30, val=20):
    hue_shift = rng.uniform(-hue, hue)
    sat_shift = rng.uniform(-sat, sat)
    val_shift = rng.uniform(-val, val)
    hsv = cv2.cvtColor(image, cv2.COLOR_BGR2HSV)
    h, s, v = cv2.split(hsv)
    x = np.arange(256, dtype=np.int16)
    h = cv2.LUT(h, ((x + hue_shift) % 180).astype(np.uint8))
    s = cv2.LUT(s, np.clip(x + sat_shift, 0, 255).astype(np.uint8))
    v = cv2.LUT(v, np.clip(x + val_shift, 0, 255).astype(np.uint8))
    return cv2.cvtColor(cv2.merge((h, s, v)), cv2.COLOR_HSV2BGR)


def classification(rng, image):
    image = random_resized_crop(rng, image)
    if rng.random() < 0.5:  # HorizontalFlip
        image = cv2.flip(image, 1)
    if rng.random() < 0.5:  # HueSaturationValue 20 / 30 / 20
        image = hue_saturation_value(rng, image)
    if rng.random() < 0.5:  # RandomBrightnessContrast 0.2 / 0.2
        image = cv2.LUT(image, brightness_contrast_lut(rng))
    if rng.random() < 0.2:  # GaussianBlur: odd kernel in [3, 7], sigma [0.5, 3]
        k = int(rng.choice([3, 5, 7]))
        sigma = rng.uniform(0.5, 3.0)
        image = cv2.GaussianBlur(image, (k, k), sigma)
    return image


def write(path, image, params):
    ok = cv2.imwrite(path, image, params)
    if not ok:
        raise RuntimeError(f"could not write {path}")


def render(task):
    pipeline, dataset, output, image_path = task
    stem = os.path.splitext(os.path.basename(image_path))[0]
    rng = item_rng(pipeline, stem)
    image = cv2.imread(image_path, cv2.IMREAD_UNCHANGED)
    if pipeline == "segmentation":
        mask = cv2.imread(os.path.join(dataset, "masks", stem + ".png"), cv2.IMREAD_UNCHANGED)
        image, mask = segmentation(rng, image, mask)
        write(os.path.join(output, "images", f"{stem}_000.png"), image, PNG)
        write(os.path.join(output, "masks", f"{stem}_000.png"), mask, MASK_PNG)
    else:
        image = classification(rng, image)
        write(os.path.join(output, "images", f"{stem}_000.jpg"), image, JPEG)
    return 1


def init_worker(processes):
    if processes > 1:
        cv2.setNumThreads(1)


def main():
    pipeline, dataset, output, processes = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    start = time.perf_counter()
    pattern = "*.png" if pipeline == "segmentation" else "*.jpg"
    sources = sorted(glob.glob(os.path.join(dataset, "images", pattern)))
    for sub in ("images", "masks") if pipeline == "segmentation" else ("images",):
        os.makedirs(os.path.join(output, sub), exist_ok=True)
    tasks = [(pipeline, dataset, output, s) for s in sources]
    if processes == 1:
        init_worker(1)
        items = sum(map(render, tasks))
    else:
        with multiprocessing.Pool(processes, initializer=init_worker, initargs=(processes,)) as pool:
            items = sum(pool.imap_unordered(render, tasks, chunksize=8))
    print(json.dumps({"items": items, "seconds": round(time.perf_counter() - start, 3)}))


if __name__ == "__main__":
    main()
