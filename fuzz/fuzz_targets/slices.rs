//! Fuzzes the slice API of every kernel family on every backend with arbitrary lengths, offsets
//! and bit patterns, in each form: separate (`sigmoid_slice`, `sigmoid_grad_slice`), fused
//! (`sigmoid_and_grad_slice`), in place (`sigmoid_in_place`, `sigmoid_grad_in_place`) and scalar.
//! Asserts, for every backend:
//! - nothing outside the output slice is written (guard elements on both sides), in every form;
//! - fused, in-place and scalar results equal the separate slice results bit for bit (NaN for
//!   NaN, whatever its sign and payload);
//! - the portable reference is matched bit for bit by the backends with FMA, and within twice the
//!   error bound by SSE2, for the sigmoid and the gradient;
//! - outputs are in range (`s` in [0, 1], `s'` in [0, 0.25]) and NaN in gives NaN out;
//! - the gradient agrees with the sigmoid: `s'(x) = s(x) s(-x)`, within the two kernels' error
//!   bounds (relative for the exact kernels, absolute for the tables).
//!
//! `cargo +nightly fuzz run slices` (from the repository root).
#![no_main]

use libfuzzer_sys::fuzz_target;
use sigtab::{Backend, table};

const GUARD: u64 = 0x7ff8_dead_beef_0001;

/// How far two results may be apart: between backends (`backend`, absolute, for `s` and `s'`),
/// and between `s'(x)` and `s(x) s(-x)` (`rel` times the larger of the two, plus `abs`).
#[derive(Clone, Copy)]
struct Tol {
    backend_s: f64,
    backend_g: f64,
    rel: f64,
    abs: f64,
}

/// For the exact kernels: each result within 1 ulp, so two differ by at most 2 ulps of 1, and
/// `s(x) s(-x)` (three roundings) is within 4 ulps relative of the gradient, or a few of the
/// smallest subnormals where the results are subnormal.
fn exact_tol(eps: f64, tiny: f64) -> Tol {
    Tol {
        backend_s: 2.0 * eps,
        backend_g: 2.0 * eps,
        rel: 4.0 * eps,
        abs: 4.0 * tiny,
    }
}

/// For a table with bounds `e` (absolute): `|s' - s(x) s(-x)| <= e.grad + 2 e.sigmoid`, as
/// `s(x), s(-x) <= 1`; a few ulps for the roundings on top.
fn table_tol(e: table::MaxErr, eps: f64) -> Tol {
    Tol {
        backend_s: 2.0 * e.sigmoid.max(eps),
        backend_g: 2.0 * e.sigmoid_grad.max(eps),
        rel: 0.0,
        abs: e.sigmoid_grad + 2.0 * e.sigmoid + 4.0 * eps,
    }
}

macro_rules! check {
    ($t:ty, $bits:ty, $data:expr, $off:expr, $tol:expr, $family:ident $(:: $rest:ident)*) => {{
        let tol: Tol = $tol;
        let size = std::mem::size_of::<$t>();
        let x: Vec<$t> = $data
            .chunks_exact(size)
            .map(|c| <$t>::from_bits(<$bits>::from_le_bytes(c.try_into().unwrap())))
            .collect();
        let neg: Vec<$t> = x.iter().map(|&v| -v).collect();
        let (n, off) = (x.len(), $off);
        let guard = <$t>::from_bits(GUARD as $bits);
        // Bit for bit, except that any NaN equals any NaN: Rust leaves the sign and payload of
        // a NaN result unspecified (they follow operand order, which LLVM may choose differently
        // where it compiles the same kernel into the scalar call and into a slice loop). A NaN
        // input with its sign bit set gave the SSE2 scalar call and slice different NaNs.
        let same = |a: &[$t], b: &[$t]| {
            a.iter().zip(b).all(|(p, q)| p.to_bits() == q.to_bits() || (p.is_nan() && q.is_nan()))
        };
        let untouched =
            |v: &[$t]| v[..off].iter().chain(&v[off + n..]).all(|w| w.to_bits() == guard.to_bits());
        let reference = sigtab::$family$(::$rest)*::Kernels::new(Backend::Portable).unwrap();
        let (mut rs, mut rg) = (vec![0.0 as $t; n], vec![0.0 as $t; n]);
        reference.sigmoid_and_grad_slice(&x, &mut rs, &mut rg);
        for backend in Backend::available() {
            let k = sigtab::$family$(::$rest)*::Kernels::new(backend).unwrap();
            let buf = || vec![guard; off + n + 3];
            // Separate.
            let (mut s, mut g, mut sn) = (buf(), buf(), buf());
            k.sigmoid_slice(&x, &mut s[off..off + n]);
            k.sigmoid_grad_slice(&x, &mut g[off..off + n]);
            k.sigmoid_slice(&neg, &mut sn[off..off + n]);
            // Fused.
            let (mut fs, mut fg) = (buf(), buf());
            k.sigmoid_and_grad_slice(&x, &mut fs[off..off + n], &mut fg[off..off + n]);
            // In place.
            let (mut is, mut ig) = (buf(), buf());
            is[off..off + n].copy_from_slice(&x);
            ig[off..off + n].copy_from_slice(&x);
            k.sigmoid_in_place(&mut is[off..off + n]);
            k.sigmoid_grad_in_place(&mut ig[off..off + n]);
            for v in [&s, &g, &sn, &fs, &fg, &is, &ig] {
                assert!(untouched(v), "{backend:?}: wrote outside the output");
            }
            let (s, g, sn) = (&s[off..off + n], &g[off..off + n], &sn[off..off + n]);
            assert!(same(s, &fs[off..off + n]) && same(g, &fg[off..off + n]), "{backend:?}: fused != separate");
            assert!(same(s, &is[off..off + n]) && same(g, &ig[off..off + n]), "{backend:?}: in place != slice");
            let fma = backend != Backend::Sse2;
            for i in 0..n {
                let (xi, si, gi) = (x[i], s[i], g[i]);
                let (ss, sg) = k.sigmoid_and_grad(xi);
                assert!(same(&[ss, sg, k.sigmoid(xi), k.sigmoid_grad(xi)], &[si, gi, si, gi]), "{backend:?}: scalar != slice at {xi:e}");
                if xi.is_nan() {
                    assert!(si.is_nan() && gi.is_nan() && sn[i].is_nan(), "{backend:?}: NaN in, number out");
                    continue;
                }
                assert!((0.0..=1.0).contains(&si) && (0.0..=0.25).contains(&gi), "{backend:?}: range at {xi:e}");
                if fma {
                    assert!(same(&[si, gi], &[rs[i], rg[i]]), "{backend:?} != portable at {xi:e}");
                } else {
                    assert!(((si - rs[i]) as f64).abs() <= tol.backend_s, "{backend:?} s at {xi:e}");
                    assert!(((gi - rg[i]) as f64).abs() <= tol.backend_g, "{backend:?} s' at {xi:e}");
                }
                // s'(x) = s(x) (1 - s(x)) = s(x) s(-x); the second form keeps its precision where
                // s(x) rounds to 1.
                let (gi, prod) = (gi as f64, si as f64 * sn[i] as f64);
                assert!(
                    (gi - prod).abs() <= tol.rel * gi.max(prod) + tol.abs,
                    "{backend:?}: s'({xi:e}) = {gi:e}, but s(x) s(-x) = {prod:e}"
                );
            }
        }
    }};
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    let (head, rest) = data.split_at(2);
    let off = (head[1] % 16) as usize;
    let e32 = f32::EPSILON as f64;
    let e64 = f64::EPSILON;
    let t32 = f32::from_bits(1) as f64;
    let t64 = f64::from_bits(1);
    match head[0] % 6 {
        0 => check!(f32, u32, rest, off, exact_tol(e32, t32), exact),
        1 => check!(f64, u64, rest, off, exact_tol(e64, t64), exact),
        2 => check!(
            f32,
            u32,
            rest,
            off,
            table_tol(table::MAX_ERR_LINEAR_F32, e32),
            table
        ),
        3 => check!(
            f64,
            u64,
            rest,
            off,
            table_tol(table::MAX_ERR_LINEAR_F64, e64),
            table
        ),
        4 => check!(
            f32,
            u32,
            rest,
            off,
            table_tol(table::hermite::MAX_ERR_F32, e32),
            table::hermite
        ),
        _ => check!(
            f64,
            u64,
            rest,
            off,
            table_tol(table::hermite::MAX_ERR_F64, e64),
            table::hermite
        ),
    }
});
