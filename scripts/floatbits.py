"""Rounding an mpmath value to a binary float of p bits, and its bits as Rust writes them: shared
by the fitting scripts (`fit_log_table.py`, `fit_silu_grad.py`)."""
import struct

import mpmath as mp


def rnd(v, p):
    """`v` rounded to nearest with `p` significant bits (24: f32, 53: f64); 0 stays 0."""
    if v == 0:
        return mp.mpf(0)
    e = mp.floor(mp.log(abs(v), 2))
    s = mp.mpf(2) ** (p - 1 - e)
    return mp.nint(v * s) / s


def hexf(v, p):
    """The bits of `v` (already rounded to `p` bits) as f32 (p = 24) or f64, in hex."""
    if p == 24:
        return "0x%08x" % struct.unpack("<I", struct.pack("<f", float(v)))[0]
    return "0x%016x" % struct.unpack("<Q", struct.pack("<d", float(v)))[0]
