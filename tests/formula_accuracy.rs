//! The f64 formulas of the logistic family (`src/formula.rs`: the f32 sweeps' reference) against
//! the 256-bit reference (`common::reference`), in f64 ulps of the exact value, on f32 inputs:
//! every 2^18-th f32 over the whole line, plus every f32 in windows around the points where a
//! formula could lose accuracy (zeros, cancellations, regime changes, the underflow of the
//! results). The bounds asserted are the ones the formulas' docs state; an f32 ulp is 2^29 f64
//! ulps, so each formula is within 2^-26 f32 ulp wherever it was measured.
//!
//! `cargo test --release --test formula_accuracy -- --nocapture` for the full sample (about 50 s
//! on 2 shared cores, 1.1M reference evaluations); an unoptimized build takes a sparser one.

mod common;

use astro_float::{BigFloat, Consts};
use common::{Rng, Worst, formula, ordered, par_chunks, reference};

/// Every `stride`-th f32 over the whole line and every f32 within `half_width` f32 steps of each
/// center (both sides).
fn inputs(centers: &[f32]) -> Vec<f32> {
    let (stride, half_width) = if cfg!(debug_assertions) {
        (1 << 22, 64)
    } else {
        (1 << 18, 1 << 10)
    };
    inputs_with(centers, stride, half_width)
}

fn inputs_with(centers: &[f32], stride: usize, half_width: usize) -> Vec<f32> {
    let mut x: Vec<f32> = (0..common::ORDERED_F32)
        .step_by(stride)
        .map(ordered)
        .collect();
    for &c in centers {
        let mut up = c;
        let mut down = c;
        for _ in 0..half_width {
            x.push(up);
            x.push(down);
            up = up.next_up();
            down = down.next_down();
        }
    }
    x
}

/// The formula's error in f64 ulps of the exact value `r`, except that the ulp is at least 2^-178
/// (2^-29 of the smallest f32 subnormal, the f64 ulp's ratio to the f32 ulp above 2^-126): an f32
/// result below 2^-126 has an absolute precision of 2^-149, and the f64 formula's result may be an
/// f64 subnormal, with less relative precision, where the f32 is 0. Exact agreement required
/// where `r` is not a finite non-zero number.
fn err(y: f64, r: &BigFloat) -> f64 {
    if r.is_nan() {
        return if y.is_nan() { 0.0 } else { f64::INFINITY };
    }
    if r.is_inf_pos() || r.is_inf_neg() {
        let want = if r.is_inf_pos() {
            f64::INFINITY
        } else {
            f64::NEG_INFINITY
        };
        return if y == want { 0.0 } else { f64::INFINITY };
    }
    if r.is_zero() {
        return if y == 0.0 { 0.0 } else { f64::INFINITY };
    }
    let exp = r.exponent().unwrap();
    // r in [2^(exp - 1), 2^exp): its f64 ulp is 2^(exp - 53), at least 2^-1074.
    let ulp64 = (exp - 53).max(-1074);
    let e = reference::ulps(y, r);
    if ulp64 < -178 {
        e * 2f64.powi(ulp64 + 178)
    } else {
        e
    }
}

/// The largest error of `f` against `r` over `xs` (finite inputs: the reference takes no
/// infinities; the formulas' limits there are checked separately).
fn measure(
    xs: &[f32],
    f: impl Fn(f64) -> f64 + Sync,
    r: impl Fn(f64, &mut Consts) -> BigFloat + Sync,
) -> Worst {
    const CHUNK: u64 = 1 << 12;
    par_chunks(xs.len() as u64, CHUNK, |start, len| {
        let mut cc = Consts::new().unwrap();
        let mut w = Worst::default();
        for &x in &xs[start as usize..(start + len) as usize] {
            if !x.is_finite() {
                continue;
            }
            let x = x as f64;
            w.see(err(f(x), &r(x, &mut cc)), x);
        }
        w
    })
    .into_iter()
    .fold(Worst::default(), Worst::merge)
}

fn check(name: &str, w: Worst, bound: f64, n: usize) {
    println!(
        "formula::{name}: max {:.3} f64 ulp (= {:.1e} f32 ulp) at x = {:e}, {n} f32 inputs",
        w.ulps,
        w.ulps / 2f64.powi(29),
        w.at
    );
    assert!(
        w.ulps <= bound,
        "formula::{name}: {w:?}, documented {bound}"
    );
}

/// Centers where softplus and log_sigmoid change regime or their results underflow, in f32.
const SOFTPLUS_CENTERS: [f32; 13] = [
    0.0, 1.0, -1.0, 16.0, -16.0, 17.33, 88.72, -88.72, -103.28, -104.0, 36.0, -36.0, 0.3466,
];

#[test]
fn softplus_and_log_sigmoid() {
    let x = inputs(&SOFTPLUS_CENTERS);
    let neg: Vec<f32> = SOFTPLUS_CENTERS.iter().map(|c| -c).collect();
    let xl = inputs(&neg);
    check(
        "softplus",
        measure(&x, formula::softplus, reference::softplus),
        1.5,
        x.len(),
    );
    check(
        "log_sigmoid",
        measure(&xl, formula::log_sigmoid, reference::log_sigmoid),
        1.5,
        xl.len(),
    );
}

#[test]
fn logit() {
    let x = inputs(&[0.5, 1.0, 0.25, 0.75, 0.0, 1e-30, 0.1]);
    check(
        "logit",
        measure(&x, formula::logit, reference::logit),
        2.0,
        x.len(),
    );
}

#[test]
fn silu() {
    let x = inputs(&[0.0, -1.0, 1.0, -17.0, -88.0, -100.0, -103.0, -110.0, 16.0]);
    check(
        "silu",
        measure(&x, formula::silu, reference::silu),
        2.5,
        x.len(),
    );
}

#[test]
fn silu_grad() {
    let x0 = formula::SILU_GRAD_X0_HI as f32;
    // Every f32 within 2^-8 of the zero (2^15 steps each side; 2^-14 unoptimized), the edges of
    // the window of the Taylor form (x0 +- 1/2), the regime change at 0 and the tails.
    let mut x = inputs_with(
        &[x0],
        usize::MAX,
        if cfg!(debug_assertions) {
            1 << 9
        } else {
            1 << 15
        },
    );
    x.extend(inputs(&[
        x0 + 0.5,
        x0 - 0.5,
        0.0,
        -17.0,
        17.0,
        -88.0,
        -100.0,
        -104.0,
        2.4,
    ]));
    check(
        "silu_grad",
        measure(&x, formula::silu_grad, reference::silu_grad),
        6.0,
        x.len(),
    );
}

#[test]
fn binary_cross_entropy_with_logits() {
    // Every input of the unary sample at fixed targets, and random (x, t) pairs with t in [0, 1]
    // (x from every binade, as an f32 bit pattern).
    let x = inputs(&[0.0, 1.0, -1.0, 16.0, -16.0, 88.0, -88.0, -103.0, 103.0]);
    let mut worst = Worst::default();
    let mut n = 0;
    let targets = [0.0f32, 1.0, 0.5, 0.25, 0.7, 1e-30, 1.0 - f32::EPSILON / 2.0];
    for &t in &targets {
        let t = t as f64;
        worst = worst.merge(measure(
            &x,
            |x| formula::binary_cross_entropy_with_logits(x, t),
            |x, cc| reference::binary_cross_entropy_with_logits(x, t, cc),
        ));
        n += x.len();
    }
    let mut rng = Rng(0xbce);
    let pairs: Vec<(f32, f32)> = (0..if cfg!(debug_assertions) {
        4000
    } else {
        400_000
    })
        .map(|_| {
            let x = f32::from_bits(rng.next_u64() as u32);
            let t = rng.uniform(0.0, 1.0) as f32;
            (if x.is_nan() { 0.0 } else { x }, t)
        })
        .collect();
    let idx: Vec<f32> = (0..pairs.len()).map(|i| i as f32).collect();
    worst = worst.merge(measure(
        &idx,
        |i| {
            let (x, t) = pairs[i as usize];
            formula::binary_cross_entropy_with_logits(x as f64, t as f64)
        },
        |i, cc| {
            let (x, t) = pairs[i as usize];
            reference::binary_cross_entropy_with_logits(x as f64, t as f64, cc)
        },
    ));
    n += pairs.len();
    // (For the random pairs `at` is the pair's index.)
    check("binary_cross_entropy_with_logits", worst, 2.5, n);
}

#[test]
fn limits_and_special_values() {
    let (inf, nan) = (f64::INFINITY, f64::NAN);
    assert_eq!(formula::softplus(inf), inf);
    assert_eq!(formula::softplus(-inf), 0.0);
    assert_eq!(formula::log_sigmoid(-inf), -inf);
    assert_eq!(formula::log_sigmoid(inf).to_bits(), (-0.0f64).to_bits());
    assert_eq!(formula::logit(0.0), -inf);
    assert_eq!(formula::logit(-0.0), -inf);
    assert_eq!(formula::logit(1.0), inf);
    assert_eq!(formula::logit(0.5).to_bits(), 0);
    for p in [-1e-300, -1.0, 1.0 + f64::EPSILON, 2.0, inf, -inf, nan] {
        assert!(formula::logit(p).is_nan(), "logit({p})");
    }
    assert_eq!(formula::silu(-inf).to_bits(), (-0.0f64).to_bits());
    assert_eq!(formula::silu(-0.0).to_bits(), (-0.0f64).to_bits());
    assert_eq!(formula::silu(inf), inf);
    assert_eq!(formula::silu_grad(inf), 1.0);
    assert_eq!(formula::silu_grad(-inf).to_bits(), (-0.0f64).to_bits());
    assert_eq!(formula::silu_grad(0.0), 0.5);
    let bce = formula::binary_cross_entropy_with_logits;
    assert_eq!(bce(-inf, 0.9), inf);
    assert_eq!(bce(-inf, 0.0), 0.0);
    assert_eq!(bce(inf, 1.0), 0.0);
    assert_eq!(bce(inf, 0.0), inf);
    assert_eq!(bce(0.0, 0.3), std::f64::consts::LN_2);
    for f in [
        formula::softplus,
        formula::log_sigmoid,
        formula::logit,
        formula::silu,
        formula::silu_grad,
    ] {
        assert!(f(nan).is_nan());
    }
    assert!(bce(nan, 0.5).is_nan() && bce(0.5, nan).is_nan());
    assert!(bce(nan, 0.0).is_nan() && bce(nan, 1.0).is_nan());
}
