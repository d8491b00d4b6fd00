//! Fuzzes the slice API of every kernel family on every backend with arbitrary lengths, offsets
//! and bit patterns. For every function of the list (`src/registry.rs`, included below), in each
//! form (scalar, slice, in place; the exact-only functions in the exact family only; the second
//! input of a function of two inputs, its target, in [0, 1] from the bits of the first), asserts
//! on every backend:
//! - nothing outside the output slice is written (guard elements on both sides);
//! - in-place and scalar results equal the slice results bit for bit (NaN for NaN, whatever its
//!   sign and payload);
//! - the portable reference is matched bit for bit by the backends with FMA, and by SSE2 within
//!   the two results' error budgets.
//!
//! Then, for the sigmoid and its gradient themselves (properties of these two functions, written
//! by hand): outputs are in range (`s` in [0, 1], `s'` in [0, 0.25]) and NaN in gives NaN out;
//! the gradient agrees with the sigmoid: `s'(x) = s(x) s(-x)`, within the two kernels' error
//! bounds (relative for the exact kernels, absolute for the tables); the fused form equals the
//! separate ones.
//!
//! `cargo +nightly fuzz run slices` (from the repository root).
#![no_main]

use libfuzzer_sys::fuzz_target;
use sigtab::{Backend, table};

#[path = "../../src/registry.rs"]
mod registry;
use registry::for_each_function;

const GUARD: u64 = 0x7ff8_dead_beef_0001;

/// How far two results may be apart: between backends (`budget`), and between `s'(x)` and
/// `s(x) s(-x)` (`rel` times the larger of the two, plus `abs`).
#[derive(Clone, Copy)]
struct Tol {
    budget: Budget,
    rel: f64,
    abs: f64,
}

/// A family's error budget in one precision, for the difference between two backends' results.
#[derive(Clone, Copy)]
enum Budget {
    /// The exact kernels: within the listed number of ulps of the true value each (`eps` and
    /// `tiny`, the precision's epsilon and smallest subnormal).
    Exact { eps: f64, tiny: f64 },
    /// The tables: within their published bounds (absolute) each, and a few ulps of rounding.
    Table { max_err: table::MaxErr, eps: f64 },
}

impl Budget {
    /// Whether `a` and `b`, two backends' results for an output bounded by `ulps` (exact kernels)
    /// or by `field` of the table's `MaxErr`, are close enough.
    fn close(self, a: f64, b: f64, ulps: f64, field: fn(&table::MaxErr) -> f64) -> bool {
        let d = (a - b).abs();
        match self {
            // Each within `ulps` ulp(r) of the true value r: apart by at most twice that, where
            // ulp(r) <= eps |r| (and |r| is within 1% of the larger result), or the subnormal ulp.
            Budget::Exact { eps, tiny } => {
                d <= 2.0 * ulps * (1.01 * eps * a.abs().max(b.abs()) + tiny)
            }
            Budget::Table { max_err, eps } => d <= 2.0 * field(&max_err).max(eps),
        }
    }
}

/// For the exact kernels: each result within 1 ulp, so two differ by at most 2 ulps of 1, and
/// `s(x) s(-x)` (three roundings) is within 4 ulps relative of the gradient, or a few of the
/// smallest subnormals where the results are subnormal.
fn exact_tol(eps: f64, tiny: f64) -> Tol {
    Tol {
        budget: Budget::Exact { eps, tiny },
        rel: 4.0 * eps,
        abs: 4.0 * tiny,
    }
}

/// For a table with bounds `e` (absolute): `|s' - s(x) s(-x)| <= e.grad + 2 e.sigmoid`, as
/// `s(x), s(-x) <= 1`; a few ulps for the roundings on top.
fn table_tol(e: table::MaxErr, eps: f64) -> Tol {
    Tol {
        budget: Budget::Table { max_err: e, eps },
        rel: 0.0,
        abs: e.sigmoid_grad + 2.0 * e.sigmoid + 4.0 * eps,
    }
}

macro_rules! check {
    ($t:ty, $bits:ty, $data:expr, $off:expr, $tol:expr, [$($list:tt)*] $family:ident $(:: $rest:ident)*) => {{
        let tol: Tol = $tol;
        let size = std::mem::size_of::<$t>();
        let x: Vec<$t> = $data
            .chunks_exact(size)
            .map(|c| <$t>::from_bits(<$bits>::from_le_bytes(c.try_into().unwrap())))
            .collect();
        let neg: Vec<$t> = x.iter().map(|&v| -v).collect();
        // Targets of the functions of two inputs, in [0, 1] (both ends included): the top bits
        // of each input's pattern as a fraction.
        let top = (<$bits>::MAX >> 8) as f64;
        let targets: Vec<$t> = x.iter().map(|v| ((v.to_bits() >> 8) as f64 / top) as $t).collect();
        let (n, off) = (x.len(), $off);
        let guard = <$t>::from_bits(GUARD as $bits);
        // Bit for bit, except that any NaN equals any NaN: Rust leaves the sign and payload of
        // a NaN result unspecified (they follow operand order, which LLVM may choose differently
        // where it compiles the same kernel into the scalar call and into a slice loop). A NaN
        // input with its sign bit set gave the SSE2 scalar call and slice different NaNs.
        let same = |a: &[$t], b: &[$t]| {
            a.iter().zip(b).all(|(p, q)| p.to_bits() == q.to_bits() || (p.is_nan() && q.is_nan()))
        };
        // Every listed function, in every form, on every backend.
        for_each_function!($($list)* forms, $t, [$family $(:: $rest)*], &x, &targets, off, guard, tol.budget);
        // The sigmoid and its gradient: their own properties.
        for backend in Backend::available() {
            let k = sigtab::$family$(::$rest)*::Kernels::new(backend).unwrap();
            let zeros = || vec![0.0 as $t; n];
            let (mut s, mut g, mut sn, mut fs, mut fg) = (zeros(), zeros(), zeros(), zeros(), zeros());
            k.sigmoid_slice(&x, &mut s);
            k.sigmoid_grad_slice(&x, &mut g);
            k.sigmoid_slice(&neg, &mut sn);
            k.sigmoid_and_grad_slice(&x, &mut fs, &mut fg);
            assert!(same(&s, &fs) && same(&g, &fg), "{backend:?}: fused != separate");
            for i in 0..n {
                let (xi, si, gi) = (x[i], s[i], g[i]);
                if xi.is_nan() {
                    assert!(si.is_nan() && gi.is_nan() && sn[i].is_nan(), "{backend:?}: NaN in, number out");
                    continue;
                }
                assert!((0.0..=1.0).contains(&si) && (0.0..=0.25).contains(&gi), "{backend:?}: range at {xi:e}");
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

/// Every listed function (`src/registry.rs`) of one family, on every backend: each form writes
/// nothing outside its output; the in-place and scalar forms equal the slice form bit for bit;
/// the backends with FMA equal the portable reference bit for bit, SSE2 within the budget. A
/// callback of `for_each_function!`.
macro_rules! forms {
    ([$t:ty, $family:tt, $x:expr, $targets:expr, $off:expr, $guard:expr, $budget:expr] $($name:ident {
        arity: $i:tt -> $o:tt,
        forms: $forms:tt,
        kernel: $kernel:ident,
        computes: $computes:literal,
        error: { exact_ulps: $ulps:literal, table: $table:tt $(,)? },
        python: $python:ident,
        docs: $docs:tt $(,)?
    })*) => {
        $(forms!(@one ($i -> $o) $forms $t, $family, $x, $targets, $off, $guard, $budget, $ulps, $table);)*
    };
    (@one $arity:tt { scalar: $s:ident, slice: $l:ident $(, in_place: $p:ident)? $(,)? }
        $t:ty, [$($family:tt)*], $x:expr, $targets:expr, $off:expr, $guard:expr, $budget:expr, $ulps:literal, $table:tt) => {{
        let (x, targets, off, guard, budget): (&[$t], &[$t], usize, $t, Budget) = ($x, $targets, $off, $guard, $budget);
        let n = x.len();
        let fields = forms!(@fields $table);
        let same = |a: &[$t], b: &[$t]| {
            a.iter().zip(b).all(|(p, q)| p.to_bits() == q.to_bits() || (p.is_nan() && q.is_nan()))
        };
        let untouched =
            |v: &[$t]| v[..off].iter().chain(&v[off + n..]).all(|w| w.to_bits() == guard.to_bits());
        let portable = sigtab::$($family)*::Kernels::new(Backend::Portable).unwrap();
        let reference = forms!(@slice $arity [portable.$l], x, targets, off, guard);
        for backend in Backend::available() {
            let k = sigtab::$($family)*::Kernels::new(backend).unwrap();
            let outs = forms!(@slice $arity [k.$l], x, targets, off, guard);
            for (j, (out, r)) in outs.iter().zip(&reference).enumerate() {
                assert!(untouched(out), "{backend:?}: {} wrote outside the output", stringify!($l));
                let (out, r) = (&out[off..off + n], &r[off..off + n]);
                for i in 0..n {
                    let want = forms!(@output $arity forms!(@scalar $arity [k.$s], x[i], targets[i]), j);
                    assert!(same(&[out[i]], &[want]), "{backend:?}: {} != {} at {:e}", stringify!($s), stringify!($l), x[i]);
                }
                if backend != Backend::Sse2 {
                    assert!(same(out, r), "{backend:?}: {} != portable", stringify!($l));
                } else {
                    for i in 0..n {
                        let (a, b) = (out[i] as f64, r[i] as f64);
                        assert!(
                            same(&[out[i]], &[r[i]]) || budget.close(a, b, $ulps, fields[j]),
                            "{backend:?}: {}[{j}] at {:e}: {a:e}, portable {b:e}", stringify!($l), x[i]
                        );
                    }
                }
            }
            $(
                let mut ip = vec![guard; off + n + 3];
                ip[off..off + n].copy_from_slice(x);
                k.$p(&mut ip[off..off + n]);
                assert!(untouched(&ip), "{backend:?}: {} wrote outside", stringify!($p));
                assert!(same(&ip[off..off + n], &outs[0][off..off + n]), "{backend:?}: {} != {}", stringify!($p), stringify!($l));
            )?
        }
    }};
    // The `MaxErr` field of each output of a table kernel; none for an exact-only function (a
    // field never read: only the tables' budget reads it).
    (@fields none) => {
        [(|_: &table::MaxErr| f64::NAN) as fn(&table::MaxErr) -> f64]
    };
    (@fields [$($field:ident),+ $(,)?]) => {
        [$((|e: &table::MaxErr| e.$field) as fn(&table::MaxErr) -> f64),+]
    };
    // The scalar form on one element (`$t`, the target, for functions of two inputs).
    (@scalar (2 -> 1) [$($f:tt)*], $x:expr, $t:expr) => {
        $($f)*($x, $t)
    };
    (@scalar $arity:tt [$($f:tt)*], $x:expr, $t:expr) => {{
        let _ = $t;
        $($f)*($x)
    }};
    // The slice form's outputs, each in a buffer with guard elements on both sides.
    (@slice (1 -> 1) [$($f:tt)*], $x:expr, $t:expr, $off:expr, $guard:expr) => {{
        let (x, _, off) = ($x, $t, $off);
        let mut out = vec![$guard; off + x.len() + 3];
        $($f)*(x, &mut out[off..off + x.len()]);
        vec![out]
    }};
    (@slice (1 -> 2) [$($f:tt)*], $x:expr, $t:expr, $off:expr, $guard:expr) => {{
        let (x, _, off) = ($x, $t, $off);
        let (mut y, mut dy) = (vec![$guard; off + x.len() + 3], vec![$guard; off + x.len() + 3]);
        $($f)*(x, &mut y[off..off + x.len()], &mut dy[off..off + x.len()]);
        vec![y, dy]
    }};
    (@slice (2 -> 1) [$($f:tt)*], $x:expr, $t:expr, $off:expr, $guard:expr) => {{
        let (x, t, off) = ($x, $t, $off);
        let mut out = vec![$guard; off + x.len() + 3];
        $($f)*(x, t, &mut out[off..off + x.len()]);
        vec![out]
    }};
    (@output (1 -> 2) $v:expr, $j:expr) => {
        if $j == 0 { $v.0 } else { $v.1 }
    };
    (@output $arity:tt $v:expr, $j:expr) => {{
        let _ = $j;
        $v
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
        0 => check!(f32, u32, rest, off, exact_tol(e32, t32), [] exact),
        1 => check!(f64, u64, rest, off, exact_tol(e64, t64), [] exact),
        2 => check!(
            f32,
            u32,
            rest,
            off,
            table_tol(table::MAX_ERR_LINEAR_F32, e32),
            [tables:] table
        ),
        3 => check!(
            f64,
            u64,
            rest,
            off,
            table_tol(table::MAX_ERR_LINEAR_F64, e64),
            [tables:] table
        ),
        4 => check!(
            f32,
            u32,
            rest,
            off,
            table_tol(table::hermite::MAX_ERR_F32, e32),
            [tables:] table::hermite
        ),
        _ => check!(
            f64,
            u64,
            rest,
            off,
            table_tol(table::hermite::MAX_ERR_F64, e64),
            [tables:] table::hermite
        ),
    }
});
