#!/usr/bin/env python3
"""Tables of 2^(j/N) and the polynomial of exp(r) - 1 used by sigtab's exact kernels.

The kernels write exp(-a) = 2^floor(q) * 2^(j/N) * exp(r), with q = -a/ln2 rounded to a multiple
of 1/N, j = N * (q - floor(q)) and |r| <= ln2/(2N) (plus a little for the rounding of q). They
read 2^(j/N) from a table as two words (T_hi + T_lo, |T_lo| <= ulp(T_hi)/2) and compute
exp(r) - 1 = r + r^2 U(r), U a polynomial fitted here (Chebyshev, near-minimax) and rounded to
the working precision.

N = 8 entries for f32 (one AVX2 `vpermps`, one AVX-512 `vpermps`), 16 for f64 (one AVX-512
`vpermt2pd`). This script prints the tables and coefficients as Rust, and the measured
max |r + r^2 U(r) - (exp(r) - 1)| of the *rounded* coefficients over the interval, which is the
polynomial's part of the kernels' error budget.

Reproduce: python3 scripts/fit_exp_table.py   (needs mpmath: pip install mpmath)
"""
import struct

import mpmath as mp

mp.mp.dps = 60


def round_f32(v):
    return mp.mpf(struct.unpack("<f", struct.pack("<f", float(v)))[0])


def round_f64(v):
    return mp.mpf(float(v))


def u_true(r):
    if r == 0:
        return mp.mpf(1) / 2
    return (mp.exp(r) - 1 - r) / (r * r)


def fit(degree, rounder, radius):
    coeffs, _ = mp.chebyfit(u_true, [-radius, radius], degree + 1, error=True)
    coeffs = [rounder(c) for c in coeffs[::-1]]  # constant term first
    worst = mp.mpf(0)
    n = 4000
    for i in range(n + 1):
        r = -radius + 2 * radius * i / n
        approx = r + r * r * mp.polyval(coeffs[::-1], r)
        worst = max(worst, abs(approx - mp.expm1(r)))
    return coeffs, worst


def bits(name, v):
    if name == "f32":
        return f"f32::from_bits(0x{struct.unpack('<I', struct.pack('<f', float(v)))[0]:08x})"
    return f"f64::from_bits(0x{struct.unpack('<Q', struct.pack('<d', float(v)))[0]:016x})"


for name, n, degree, rounder in (("f32", 8, 2, round_f32), ("f64", 16, 5, round_f64)):
    # |r| <= ln2/(2N), plus the rounding of q = fl(-a * LOG2E) for |a| up to the clamp (A_MAX).
    radius = mp.log(2) / (2 * n) + mp.mpf("1e-5")
    coeffs, worst = fit(degree, rounder, radius)
    print(f"// {name}: N = {n}; U of degree {degree} on |r| <= {mp.nstr(radius, 6)}; "
          f"max |r + r^2 U(r) - expm1(r)| = {mp.nstr(worst, 3)} (2^{mp.nstr(mp.log(worst, 2), 4)})")
    print(f"const U: &'static [{name}] = &[")
    for i, c in enumerate(coeffs):
        print(f"    {bits(name, c)}, // {mp.nstr(c, 17)}")
    print("];")
    for part in ("hi", "lo"):
        print(f"const T_{part.upper()}: &'static [{name}] = &[")
        for j in range(n):
            exact = mp.power(2, mp.mpf(j) / n)
            hi = rounder(exact)
            v = hi if part == "hi" else rounder(exact - hi)
            print(f"    {bits(name, v)}, // {mp.nstr(v, 17)}")
        print("];")
