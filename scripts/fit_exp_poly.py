#!/usr/bin/env python3
"""Fit the polynomial Q(r) ~ (exp(r) - 1 - r) / r^2 used by sigtab's exact kernels.

The kernels compute exp(r) = 1 + r + r^2 * Q(r) on |r| <= R (R a little above ln2/2),
keeping 1 + r exact as a double-word, so only r^2 * Q(r) needs to be accurate to a
small absolute error. This script prints the coefficients (rounded to the working
precision) and the measured max |r^2 * (Q(r) - Q_true(r))| of the *rounded* coefficients.

Reproduce: python3 scripts/fit_exp_poly.py   (needs mpmath: pip install mpmath)
"""
import mpmath as mp
import struct

mp.mp.dps = 60
R = mp.mpf("0.3466") + mp.mpf("0.0005")  # ln2/2 = 0.34657..., plus margin for rounding of k


def q_true(r):
    if r == 0:
        return mp.mpf(1) / 2
    return (mp.exp(r) - 1 - r) / (r * r)


def round_f32(v):
    return mp.mpf(struct.unpack("f", struct.pack("f", float(v)))[0])


def fit(degree, rounder):
    coeffs, _ = mp.chebyfit(q_true, [-R, R], degree + 1, error=True)
    coeffs = coeffs[::-1]  # mpmath returns highest degree first
    coeffs = [rounder(c) for c in coeffs]
    coeffs[0] = mp.mpf(1) / 2  # exact, keeps the leading term exact
    worst = mp.mpf(0)
    n = 4000
    for i in range(n + 1):
        r = -R + 2 * R * i / n
        approx = mp.polyval(coeffs[::-1], r)
        err = abs(r * r * (approx - q_true(r)))
        worst = max(worst, err)
    return coeffs, worst


for name, deg, rounder in (("f64", 10, lambda c: mp.mpf(float(c))), ("f32", 5, round_f32)):
    coeffs, worst = fit(deg, rounder)
    print(f"// {name}: Q of degree {deg} on |r| <= {mp.nstr(R, 6)}; max |r^2 (Q - Q_true)| = {mp.nstr(worst, 3)} "
          f"(2^{mp.nstr(mp.log(worst, 2), 4)})")
    for i, c in enumerate(coeffs):
        if name == "f64":
            bits = struct.unpack("<Q", struct.pack("<d", float(c)))[0]
            print(f"    f64::from_bits(0x{bits:016x}), // c{i} = {float(c)!r}")
        else:
            bits = struct.unpack("<I", struct.pack("<f", float(c)))[0]
            print(f"    f32::from_bits(0x{bits:08x}), // c{i} = {float(c)!r}")
