#!/usr/bin/env python3
"""Values of the logistic family from mpmath, for the unit tests of the 256-bit references
(`tests/common/reference.rs`, checked by `tests/reference_vs_mpmath.rs`).

Writes `tests/data/logistic_mpmath.txt`: one line per point,

    name  x_bits  t_bits  value

with `x_bits`, `t_bits` the f64 inputs' bits in hex (`t_bits` is `-` for the unary functions) and
`value` either `0`, `-0`, `inf`, `-inf`, `nan`, or `sign exp hi lo`: the exact value rounded to a
128-bit mantissa, `(-1)^sign * 0.m * 2^exp` with `m = hi:lo` (hex words, top bit set), the
convention of astro-float's `BigFloat::from_words`.

Needs mpmath: `python3 scripts/logistic_mpmath.py` from the repository's root. Deterministic
(fixed seed, mpmath at 1000 bits).
"""
import math
import random
import struct
import sys

from mpmath import mp, mpf

mp.prec = 1000


def bits(v):
    return struct.unpack("<Q", struct.pack("<d", v))[0]


def from_bits(b):
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def nxt(v, k):
    """The float k steps away from v in the order of the bits (k may be negative)."""
    if v < 0:
        return -from_bits(bits(-v) + k)
    return from_bits(bits(v) + k)


def f32(v):
    return struct.unpack("<f", struct.pack("<f", v))[0]


def f32_next(v, k):
    b = struct.unpack("<I", struct.pack("<f", abs(v)))[0] + k
    r = struct.unpack("<f", struct.pack("<I", b))[0]
    return -r if v < 0 else r


def softplus(x):
    return mp.log1p(mp.exp(x))


def log_sigmoid(x):
    return -softplus(-x)


def logit(p):
    if p < 0 or p > 1:
        return mp.nan
    if p == 0:
        return mp.ninf
    if p == 1:
        return mp.inf
    return mp.log(p) - mp.log1p(-p)


def sigmoid(x):
    return 1 / (1 + mp.exp(-x))


def silu(x):
    return x * sigmoid(x)


def silu_grad(x):
    s = sigmoid(x)
    return s * (1 + x * (1 - s))


def bce(x, t):
    return t * softplus(-x) + (1 - t) * softplus(x)


def encode(v):
    if mp.isnan(v):
        return "nan"
    if mp.isinf(v):
        return "inf" if v > 0 else "-inf"
    if v == 0:
        return "0"
    sign = 1 if v < 0 else 0
    m, e = mp.frexp(abs(v))  # m in [0.5, 1)
    big = int(mp.nint(mp.ldexp(m, 128)))
    if big == 1 << 128:
        big, e = 1 << 127, e + 1
    return "%d %d %016x %016x" % (sign, e, big >> 64, big & ((1 << 64) - 1))


def main():
    rng = random.Random(0x5167)
    # Arguments where the kernels change regime, with a few neighbours, both signs.
    edges = [0.0, 5e-324, 1e-310, 2.2250738585072014e-308, 1e-300, 1e-20, 2.0**-30, 1e-8,
             0.5, math.log(2) / 2, 1.0, 2.0, 10.0, 17.3, 36.0, 37.42994775023705, 37.5, 40.0,
             88.7, 103.0, 104.0, 700.0, 708.39, 709.782712893384, 710.0, 744.44, 745.0,
             745.1332191019411, 745.2, 746.0, 1000.0, 1e6, 1e10, 1e100, 1e300,
             1.7976931348623157e308]
    xs = []
    for v in edges:
        for w in (v, -v):
            xs.append(w)
    for v in (37.42994775023705, -745.1332191019411, 709.782712893384):
        xs += [nxt(v, 1), nxt(v, -1)]
    for _ in range(20):
        xs.append(rng.uniform(-50.0, 50.0))
        mag = 10 ** rng.uniform(-300, 300)
        xs.append(mag if rng.random() < 0.5 else -mag)
    xs = list(dict.fromkeys(xs))

    x0 = -1 - mp.lambertw(1 / mp.e).real  # silu_grad's zero
    near_x0 = [nxt(float(x0), k) for k in range(-3, 4)]
    near_x0 += [f32_next(f32(float(x0)), k) for k in range(-3, 4)]
    near_x0 += [-1.27, -1.28, -1.3, -1.25]

    ps = [0.0, -0.0, 5e-324, 1e-310, 2.2250738585072014e-308, 1e-300, 1e-20, 2.0**-30, 1e-3,
          0.1, 0.25, nxt(0.25, -1), nxt(0.25, 1), 0.3, 0.5, nxt(0.5, -1), nxt(0.5, 1),
          nxt(0.5, -2), nxt(0.5, 2), 0.5 + 2.0**-30, 0.5 - 2.0**-30, 0.6, 0.75, nxt(0.75, -1),
          nxt(0.75, 1), 0.9, 0.999, 1 - 2.0**-30, nxt(1.0, -1), nxt(1.0, -2), 1.0,
          f32(0.1), f32(0.3), nxt(1.0, -1) + 0.0, -1e-300, 1.5, -0.5,
          float(f32_next(0.5, -1)), float(f32_next(1.0, -1)), 1e-45]
    for _ in range(20):
        ps.append(rng.random())
        ps.append(10 ** rng.uniform(-320, 0))
        ps.append(1 - 10 ** rng.uniform(-16, 0))
    ps = list(dict.fromkeys(ps))

    out = []

    def line(name, x, t, v):
        out.append("%s %016x %s %s" % (name, bits(x), "-" if t is None else "%016x" % bits(t),
                                       encode(v)))

    for name, f in (("softplus", softplus), ("log_sigmoid", log_sigmoid), ("silu", silu),
                    ("silu_grad", silu_grad)):
        for x in xs + (near_x0 if name == "silu_grad" else []):
            line(name, x, None, f(mpf(x)))
    for p in ps:
        line("logit", p, None, logit(mpf(p)))
    loss_x = [0.0, -0.0, 5e-324, -5e-324, 1e-300, -1e-300, 0.5, -0.5, 2.0, -2.0, 30.0, -30.0,
              40.0, -40.0, 710.0, -710.0, 745.2, -745.2, 800.0, -800.0, 1e10, -1e10, 1e300,
              -1e300]
    for t in (0.0, 1.0, 0.5, 0.25, 0.7, 1e-300, nxt(1.0, -1)):
        for x in loss_x:
            line("binary_cross_entropy_with_logits", x, t, bce(mpf(x), mpf(t)))
    for _ in range(40):
        x = rng.uniform(-60.0, 60.0) if rng.random() < 0.7 else 10 ** rng.uniform(-10, 300)
        t = rng.random()
        line("binary_cross_entropy_with_logits", x, t, bce(mpf(x), mpf(t)))
    path = sys.argv[1] if len(sys.argv) > 1 else "tests/data/logistic_mpmath.txt"
    with open(path, "w") as fh:
        fh.write("# Generated by scripts/logistic_mpmath.py (mpmath, 1000 bits); see there.\n")
        fh.write("\n".join(out) + "\n")
    print(len(out), "lines to", path)


if __name__ == "__main__":
    main()
