#!/usr/bin/env python3
"""An independent implementation of docs/randomness.md, written from the document rather than from
the C# code, that prints the test vectors the document publishes and the C# tests check."""
import hashlib
import math
import struct

M64 = (1 << 64) - 1


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & M64


class Xoshiro256StarStar:
    def __init__(self, s):
        self.s = list(s)

    def next(self):
        s = self.s
        result = (rotl((s[1] * 5) & M64, 7) * 9) & M64
        t = (s[1] << 17) & M64
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result


def item_seed(master, path, variant):
    p = path.encode()
    msg = b"augment.build/item-seed/v1\0" + struct.pack("<Q", master) + struct.pack("<I", len(p)) + p + struct.pack("<I", variant)
    return hashlib.sha256(msg).digest()


def op_stream(seed, op_path):
    p = op_path.encode()
    msg = b"augment.build/op-stream/v1\0" + seed + struct.pack("<I", len(p)) + p
    return Xoshiro256StarStar(struct.unpack("<4Q", hashlib.sha256(msg).digest()))


def field_stream(field_seed):
    msg = b"augment.build/field/v1\0" + struct.pack("<Q", field_seed)
    return Xoshiro256StarStar(struct.unpack("<4Q", hashlib.sha256(msg).digest()))


def next_double(g):
    return (g.next() >> 11) * 2.0 ** -53


# FieldNormal: Doornik's 128-layer ziggurat (ZIGNOR), one output per attempt.
ZIG_R = 3.442619855899
ZIG_V = 9.91256303526217e-3


def ziggurat_tables():
    x = [0.0] * 129
    f = math.exp(-0.5 * ZIG_R * ZIG_R)
    x[0] = ZIG_V / f
    x[1] = ZIG_R
    for i in range(2, 128):
        x[i] = math.sqrt(-2 * math.log(ZIG_V / x[i - 1] + f))
        f = math.exp(-0.5 * x[i] * x[i])
    return x, [x[i + 1] / x[i] for i in range(128)]


ZIG_X, ZIG_RATIO = ziggurat_tables()


def field_normal(g):
    while True:
        bits = g.next()
        layer = bits & 0x7F
        u = 2.0 * ((bits >> 11) * 2.0 ** -53) - 1.0
        if abs(u) < ZIG_RATIO[layer]:
            return u * ZIG_X[layer]
        if layer == 0:
            while True:
                x = math.log(1.0 - next_double(g)) / ZIG_R
                y = math.log(1.0 - next_double(g))
                if not -2.0 * y < x * x:
                    return x - ZIG_R if u < 0 else ZIG_R - x
        x = u * ZIG_X[layer]
        f0 = math.exp(-0.5 * (ZIG_X[layer] * ZIG_X[layer] - x * x))
        f1 = math.exp(-0.5 * (ZIG_X[layer + 1] * ZIG_X[layer + 1] - x * x))
        if f1 + next_double(g) * (f0 - f1) < 1.0:
            return x


if __name__ == "__main__":
    g = Xoshiro256StarStar([1, 2, 3, 4])
    print("xoshiro256** from state (1, 2, 3, 4):", [g.next() for _ in range(6)])
    seed = item_seed(42, "images/a.png", 0)
    print("item seed (42, images/a.png, 0):", seed.hex())
    print("item seed (42, images/a.png, 1):", item_seed(42, "images/a.png", 1).hex())
    print("item seed (7, sub/dir/b.jpg, 3):", item_seed(7, "sub/dir/b.jpg", 3).hex())
    g = op_stream(seed, "0")
    print("op 0 of (42, images/a.png, 0), first 4 outputs:", [g.next() for _ in range(4)])
    g = op_stream(seed, "2.1")
    print("op 2.1 of (42, images/a.png, 0), first 3 doubles:", [repr(next_double(g)) for _ in range(3)])
    g = field_stream(12345)
    print("field stream of seed 12345, first 3 outputs:", [g.next() for _ in range(3)])
    g = field_stream(12345)
    print("field stream of seed 12345, first 5 FieldNormal():", [repr(field_normal(g)) for _ in range(5)])
    g = Xoshiro256StarStar([1, 2, 3, 4])
    print("FieldNormal() from state (1, 2, 3, 4), first 3 (the tail: its first outputs are tiny):", [repr(field_normal(g)) for _ in range(3)])
    g = field_stream(12345)
    digest = hashlib.sha256(b"".join(struct.pack("<d", field_normal(g)) for _ in range(100000)))
    print("field stream of seed 12345, SHA-256 of the first 100000 FieldNormal() as little-endian doubles:", digest.hexdigest())
    print("  the output after them:", g.next())
