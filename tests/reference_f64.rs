//! The f64 exact kernels against arbitrary precision (astro-float, 256-bit) on a sample that
//! stresses the tails, the subnormal range and the saturation point (`common::f64_sample`), on
//! every backend this CPU runs. Prints the largest error found, in ulps of the exact value.
//!
//! `cargo test --release --test reference_f64 -- --nocapture`

mod common;

use astro_float::{BigFloat, Consts};
use common::Worst;
use sigtab::{Backend, exact::Kernels};

/// Published bounds of the exact f64 kernels, in ulps.
const SIGMOID_BOUND: f64 = 1.0;
const GRAD_BOUND: f64 = 1.0;

use common::reference::{P, RM, ulps};

#[test]
fn f64_kernels_within_bounds_against_256_bit_reference() {
    let n = if cfg!(debug_assertions) {
        2_000
    } else {
        40_000
    };
    let x = common::f64_sample(n);
    let mut cc = Consts::new().unwrap();
    let refs: Vec<(BigFloat, BigFloat)> = x
        .iter()
        .map(|&v| common::reference::sigmoid_and_grad(v, &mut cc))
        .collect();
    let (mut ps, mut pg) = (vec![0.0; x.len()], vec![0.0; x.len()]);
    Kernels::new(Backend::Portable)
        .unwrap()
        .sigmoid_and_grad_slice(&x, &mut ps, &mut pg);
    for backend in Backend::available() {
        let k = Kernels::new(backend).unwrap();
        let (mut s, mut g) = (vec![0.0; x.len()], vec![0.0; x.len()]);
        k.sigmoid_and_grad_slice(&x, &mut s, &mut g);
        // Against the portable reference: FMA backends bit for bit, SSE2 within 2 ulps.
        let mut gap = 0.0f64;
        for i in 0..x.len() {
            if backend == Backend::Sse2 {
                for (a, b) in [(s[i], ps[i]), (g[i], pg[i])] {
                    if a != b {
                        gap = gap.max(
                            (a - b).abs() / (a.abs().max(b.abs()) * f64::EPSILON / 2.0).max(5e-324),
                        );
                    }
                }
            } else {
                assert_eq!(
                    (s[i].to_bits(), g[i].to_bits()),
                    (ps[i].to_bits(), pg[i].to_bits()),
                    "{backend:?} at {}",
                    x[i]
                );
            }
        }
        assert!(gap <= 4.0, "{backend:?} differs from portable by {gap} ulp");
        let (mut ws, mut wg) = (Worst::default(), Worst::default());
        for i in 0..x.len() {
            let (rs, rg) = &refs[i];
            if rs.is_zero() {
                // Below 2^-1075^-ish the exact value is positive but rounds to 0.
                assert!(s[i] == 0.0 || s[i] == 5e-324, "s({}) = {:e}", x[i], s[i]);
            } else {
                ws.see(ulps(s[i], rs), x[i]);
            }
            if !rg.is_zero() {
                wg.see(ulps(g[i], rg), x[i]);
            }
        }
        println!(
            "exact f64 on {:>9}: {} inputs, sigmoid max {:.4} ulp (x = {:e}), sigmoid_grad max {:.4} ulp (x = {:e}); \
             largest difference from portable {:.2} ulp",
            backend.name(),
            x.len(),
            ws.ulps,
            ws.at,
            wg.ulps,
            wg.at,
            gap
        );
        assert!(ws.ulps <= SIGMOID_BOUND, "{backend:?} sigmoid {ws:?}");
        assert!(wg.ulps <= GRAD_BOUND, "{backend:?} sigmoid_grad {wg:?}");
    }
}

#[test]
fn the_ulp_measure_itself() {
    let mut cc = Consts::new().unwrap();
    let third = BigFloat::from_f64(1.0, P).div(&BigFloat::from_f64(3.0, P), P, RM);
    let y = 1.0f64 / 3.0;
    // fl(1/3) is 1/3 ulp below 1/3, and the next float up is 2/3 ulp above it.
    let e0 = ulps(y, &third);
    let e1 = ulps(f64::from_bits(y.to_bits() + 1), &third);
    assert!((e0 - 1.0 / 3.0).abs() < 1e-9, "{e0}");
    assert!((e0 + e1 - 1.0).abs() < 1e-9, "{e0} {e1}");
    // Subnormal: 5e-324 against itself. (Built as 2^-537 squared: astro-float 0.9's `from_f64`
    // is one binade off for subnormal f64 inputs, which the kernels' tests never feed it: a
    // subnormal x only enters the reference through exp(-|x|) ~ 1.)
    let half = BigFloat::from_f64(2f64.powi(-537), P);
    let tiny = half.mul(&half, P, RM);
    assert_eq!(ulps(5e-324, &tiny), 0.0);
    assert!((ulps(1e-323, &tiny) - 1.0).abs() < 1e-12);
    let _ = &mut cc;
}

// The logistic family (issue #14): each function on its own f64 sample against the 256-bit
// reference (`common::reference`, checked against mpmath by `tests/reference_vs_mpmath.rs`), on
// every backend: within 1 ulp (the loss within 2), and every FMA backend bit for bit equal to
// portable (SSE2 is measured on its own). A reference of exactly 0 (`silu(±0)`, `logit(1/2)`,
// or a value the reference drops as below e^-1e6) requires a result of ±0; an infinite or NaN
// one the same result.

use common::{Rng, formula, par_chunks};

/// Published bounds of the logistic family, in ulps.
const FAMILY_BOUND: f64 = 1.0;
const LOSS_BOUND: f64 = 2.0;

fn family_n() -> usize {
    if cfg!(debug_assertions) { 600 } else { 20_000 }
}

/// `c` and the `n` floats on each side of it, walking the bit patterns (through zero, from -0 to
/// 0 and on).
fn walk(c: f64, n: usize) -> Vec<f64> {
    let step = |v: f64, up: bool| -> f64 { if up { v.next_up() } else { v.next_down() } };
    let mut x = vec![c];
    let (mut up, mut down) = (c, c);
    for _ in 0..n {
        up = step(up, true);
        down = step(down, false);
        x.push(up);
        x.push(down);
    }
    x
}

/// The error of `y` against the reference `r`, in ulps; exact agreement where `r` is 0, infinite
/// or NaN.
fn family_err(y: f64, r: &BigFloat) -> f64 {
    if r.is_nan() {
        return if y.is_nan() { 0.0 } else { f64::INFINITY };
    }
    if r.is_inf_pos() {
        return if y == f64::INFINITY {
            0.0
        } else {
            f64::INFINITY
        };
    }
    if r.is_inf_neg() {
        return if y == f64::NEG_INFINITY {
            0.0
        } else {
            f64::INFINITY
        };
    }
    if r.is_zero() {
        return if y == 0.0 { 0.0 } else { f64::INFINITY };
    }
    if !y.is_finite() {
        return f64::INFINITY;
    }
    ulps(y, r)
}

/// Runs `slice` (the function on `(x, t)`; unary ones ignore `t`) on every backend and checks it
/// against `reference` within `bound` ulps, and FMA backends against portable bit for bit.
fn check_family(
    name: &str,
    bound: f64,
    x: &[f64],
    t: &[f64],
    slice: impl Fn(Kernels, &[f64], &[f64], &mut [f64]),
    reference: impl Fn(f64, f64, &mut Consts) -> BigFloat + Sync,
) {
    assert_eq!(x.len(), t.len());
    // Unoptimized (the quick `cargo test`), every 8th input: astro-float is slow there; and
    // every `SIGTAB_F64_STRIDE`-th where the environment says so (CI's aarch64 tier, under qemu,
    // where NEON is also compared with portable bit for bit).
    let stride: usize = std::env::var("SIGTAB_F64_STRIDE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    let keep = stride.max(if cfg!(debug_assertions) { 8 } else { 1 });
    let x: Vec<f64> = x.iter().copied().step_by(keep).collect();
    let t: Vec<f64> = t.iter().copied().step_by(keep).collect();
    let (x, t) = (&x[..], &t[..]);
    // The references, on every core (a few tens of microseconds each).
    const CHUNK: u64 = 1024;
    let mut parts = par_chunks(x.len() as u64, CHUNK, |start, len| {
        let mut cc = Consts::new().unwrap();
        let r: Vec<BigFloat> = (start..start + len)
            .map(|i| reference(x[i as usize], t[i as usize], &mut cc))
            .collect();
        (start, r)
    });
    parts.sort_by_key(|p| p.0);
    let refs: Vec<BigFloat> = parts.into_iter().flat_map(|p| p.1).collect();
    let mut portable = vec![0.0; x.len()];
    slice(
        Kernels::new(Backend::Portable).unwrap(),
        x,
        t,
        &mut portable,
    );
    for backend in Backend::available() {
        let mut y = vec![0.0; x.len()];
        slice(Kernels::new(backend).unwrap(), x, t, &mut y);
        let mut differ = 0;
        let mut w = Worst::default();
        let mut w_t = 0.0;
        for i in 0..x.len() {
            if y[i].to_bits() != portable[i].to_bits() && !(y[i].is_nan() && portable[i].is_nan()) {
                assert!(
                    backend == Backend::Sse2,
                    "{backend:?} {name} differs from portable at (x, t) = ({:e}, {:e}): {:e} vs {:e}",
                    x[i],
                    t[i],
                    y[i],
                    portable[i]
                );
                differ += 1;
            }
            let e = family_err(y[i], &refs[i]);
            if e > w.ulps || e.is_nan() {
                w = Worst { ulps: e, at: x[i] };
                w_t = t[i];
            }
        }
        println!(
            "exact f64 on {:>9}: {name} max {:.4} ulp (x = {:e}, t = {:e}) over {} inputs; \
             differs from portable on {differ}",
            backend.name(),
            w.ulps,
            w.at,
            w_t,
            x.len(),
        );
        assert!(w.ulps <= bound, "{backend:?} {name}: {w:?} (t = {w_t:e})");
    }
}

/// `x` of the unary sample: `common::f64_sample` (uniform, log-uniform magnitudes, the core, the
/// subnormal tail of s, the saturation point, walks around the sigmoid kernel's regime changes)
/// and walks around both signs of every regime boundary of softplus and log_sigmoid: ±36.04
/// (e^-|x| = 2^-52), ±37.43 (s rounds to 1), ±709.78 (e^x overflows),
/// ±745.13 (e^-x underflows), ±0 through the subnormals.
fn unary_sample() -> Vec<f64> {
    let mut x = common::f64_sample(family_n());
    for c in [
        36.04365338911715,
        37.42994775023705,
        709.782712893384,
        745.1332191019411,
        1.0,
    ] {
        x.extend(walk(c, 200));
        x.extend(walk(-c, 200));
    }
    x.extend(walk(0.0, 300));
    x
}

macro_rules! unary_family {
    ($name:ident, $slice:ident, $x:expr) => {{
        let x: Vec<f64> = $x;
        let t = vec![0.0; x.len()];
        check_family(
            stringify!($name),
            FAMILY_BOUND,
            &x,
            &t,
            |k: Kernels, x: &[f64], _t: &[f64], y: &mut [f64]| k.$slice(x, y),
            |x: f64, _t: f64, cc: &mut Consts| common::reference::$name(x, cc),
        );
    }};
}

#[test]
fn log_sigmoid_within_one_ulp_against_256_bit_reference() {
    unary_family!(log_sigmoid, log_sigmoid_slice, unary_sample());
}

#[test]
fn softplus_within_one_ulp_against_256_bit_reference() {
    unary_family!(softplus, softplus_slice, unary_sample());
}

#[test]
fn silu_within_one_ulp_against_256_bit_reference() {
    unary_family!(silu, silu_slice, unary_sample());
}

#[test]
fn silu_grad_within_one_ulp_against_256_bit_reference() {
    // Also: 400 f64 on each side of the zero x0 = -1.27846..., and uniform within 1/2 of it.
    let mut x = unary_sample();
    x.extend(walk(formula::SILU_GRAD_X0_HI, 400));
    let mut rng = Rng(0x5117);
    x.extend((0..family_n()).map(|_| formula::SILU_GRAD_X0_HI + rng.uniform(-0.5, 0.5)));
    unary_family!(silu_grad, silu_grad_slice, x);
}

#[test]
fn logit_within_one_ulp_against_256_bit_reference() {
    // p: uniform in [0, 1], log-uniform down to the subnormals, 1 - log-uniform up to 1 - 2^-53,
    // walks around 0 (through the subnormals, and the negatives: NaN), 1/4, 1/2, 3/4, and 1
    // (below: 1 - k 2^-53; above: NaN), and outside [0, 1] (NaN).
    let mut rng = Rng(0x1091);
    let mut x = Vec::new();
    for _ in 0..family_n() {
        x.push(rng.uniform(0.0, 1.0));
        x.push(10f64.powf(rng.uniform(-323.3, 0.0)));
        x.push(1.0 - 10f64.powf(rng.uniform(-16.0, 0.0)));
        x.push(rng.uniform(0.49, 0.51));
        x.push(rng.uniform(-2.0, 3.0));
    }
    for c in [0.0, 0.25, 0.5, 0.75, 1.0, f64::MIN_POSITIVE] {
        x.extend(walk(c, 300));
    }
    x.extend([
        f64::MAX,
        f64::MIN,
        1e300,
        -1e300,
        5e-324,
        1.0 - f64::EPSILON / 2.0,
    ]);
    unary_family!(logit, logit_slice, x);
}

#[test]
fn loss_within_two_ulps_against_256_bit_reference() {
    // x: the unary sample; t: 0, 1, 1/2 for every x, a random t in [0, 1] for every x, and for a
    // quarter of them tiny targets (log-uniform down to the subnormals) and 1 - tiny.
    let xs = unary_sample();
    let mut rng = Rng(0xb0e);
    let (mut x, mut t) = (Vec::new(), Vec::new());
    for (i, &xi) in xs.iter().enumerate() {
        let mut targets = vec![0.0, 1.0, 0.5, rng.uniform(0.0, 1.0)];
        if i % 4 == 0 {
            targets.push(10f64.powf(rng.uniform(-323.3, 0.0)));
            targets.push(1.0 - 10f64.powf(rng.uniform(-16.0, 0.0)));
        }
        for ti in targets {
            x.push(xi);
            t.push(ti);
        }
    }
    check_family(
        "binary_cross_entropy_with_logits",
        LOSS_BOUND,
        &x,
        &t,
        |k: Kernels, x: &[f64], t: &[f64], y: &mut [f64]| {
            k.binary_cross_entropy_with_logits_slice(x, t, y)
        },
        |x: f64, t: f64, cc: &mut Consts| {
            common::reference::binary_cross_entropy_with_logits(x, t, cc)
        },
    );
}
