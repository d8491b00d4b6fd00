//! Every one of the 2^16 inputs of `half::f16` and `half::bf16` through `sigtab::half`, against
//! the f64 reference: within 0.5 ulp plus the final rounding (see `src/half.rs`), 1 ulp at worst;
//! NaN gives NaN; the scalar, slice, fused and in-place forms agree bit for bit.
//!
//! `cargo test --release --features half --test half -- --nocapture` prints how many results are
//! not correctly rounded.
#![cfg(feature = "half")]

mod common;

use common::formula;
use half::{bf16, f16};
use sigtab::half as h;

/// Error of `y` against the exact `v` in ulps of a binary format with `mant` stored mantissa
/// bits and smallest normal exponent `emin`.
fn ulps(y: f64, v: f64, mant: i32, emin: i32) -> f64 {
    let e = if v.abs() < 2f64.powi(emin) {
        emin
    } else {
        ((v.abs().to_bits() >> 52) as i32) - 1023
    };
    (y - v).abs() / 2f64.powi(e - mant)
}

fn check<T: sigtab::half::Half + PartialEq + std::fmt::Debug>(
    name: &str,
    all: Vec<T>,
    to64: fn(T) -> f64,
    is_nan: fn(T) -> bool,
    mant: i32,
    emin: i32,
) {
    let n = all.len();
    let (mut s, mut g, mut s2, mut g2) = (
        vec![T::default(); n],
        vec![T::default(); n],
        vec![T::default(); n],
        vec![T::default(); n],
    );
    h::sigmoid_slice(&all, &mut s);
    h::sigmoid_grad_slice(&all, &mut g);
    h::sigmoid_and_grad_slice(&all, &mut s2, &mut g2);
    let (mut ip_s, mut ip_g) = (all.clone(), all.clone());
    h::sigmoid_in_place(&mut ip_s);
    h::sigmoid_grad_in_place(&mut ip_g);
    // 0.5 ulp plus the f32 kernel's error (< 1 f32 ulp) scaled to this format.
    let bound = 0.5 + 2f64.powi(mant - 23);
    let (mut worst_s, mut worst_g, mut not_cr) = ((0.0f64, 0.0), (0.0f64, 0.0), 0u32);
    for i in 0..n {
        let x = all[i];
        let same = |a: T, b: T| a == b || (is_nan(a) && is_nan(b));
        assert!(
            same(s[i], h::sigmoid(x)) && same(g[i], h::sigmoid_grad(x)),
            "{name}: scalar differs at {x:?}"
        );
        assert!(
            same(s[i], s2[i]) && same(g[i], g2[i]),
            "{name}: fused differs at {x:?}"
        );
        assert!(
            same(s[i], ip_s[i]) && same(g[i], ip_g[i]),
            "{name}: in-place differs at {x:?}"
        );
        assert!(
            same(h::sigmoid_and_grad(x).0, s[i]),
            "{name}: scalar fused differs at {x:?}"
        );
        if is_nan(x) {
            assert!(
                is_nan(s[i]) && is_nan(g[i]),
                "{name}: NaN in must give NaN out"
            );
            continue;
        }
        let (ts, tg) = formula::sigmoid_and_grad(to64(x));
        let (es, eg) = (
            ulps(to64(s[i]), ts, mant, emin),
            ulps(to64(g[i]), tg, mant, emin),
        );
        if es > worst_s.0 {
            worst_s = (es, to64(x));
        }
        if eg > worst_g.0 {
            worst_g = (eg, to64(x));
        }
        not_cr += (es > 0.5) as u32 + (eg > 0.5) as u32;
    }
    println!(
        "{name}: sigmoid max {:.6} ulp (x = {}), sigmoid_grad max {:.6} ulp (x = {}); \
         {not_cr} of {} results not correctly rounded; bound {bound:.6}",
        worst_s.0,
        worst_s.1,
        worst_g.0,
        worst_g.1,
        2 * n
    );
    assert!(worst_s.0 <= bound, "{name} sigmoid {worst_s:?}");
    assert!(worst_g.0 <= bound, "{name} sigmoid_grad {worst_g:?}");
}

#[test]
fn every_f16_within_half_an_ulp_plus_the_final_rounding() {
    let all: Vec<f16> = (0..=u16::MAX).map(f16::from_bits).collect();
    check("f16", all, |v| v.to_f64(), |v| v.is_nan(), 10, -14);
}

#[test]
fn every_bf16_within_half_an_ulp_plus_the_final_rounding() {
    let all: Vec<bf16> = (0..=u16::MAX).map(bf16::from_bits).collect();
    check("bf16", all, |v| v.to_f64(), |v| v.is_nan(), 7, -126);
}

#[test]
fn special_values_and_lengths() {
    assert_eq!(h::sigmoid(f16::INFINITY), f16::ONE);
    assert_eq!(h::sigmoid(f16::NEG_INFINITY), f16::ZERO);
    assert_eq!(h::sigmoid(f16::NEG_ZERO), f16::from_f32(0.5));
    assert_eq!(h::sigmoid_grad(bf16::INFINITY), bf16::ZERO);
    assert_eq!(h::sigmoid_grad(bf16::NEG_INFINITY), bf16::ZERO);
    // bf16 has f32's range: the subnormal tail survives.
    assert!(h::sigmoid(bf16::from_f32(-90.0)) > bf16::ZERO); // 8.2e-40, a subnormal
    let r = std::panic::catch_unwind(|| h::sigmoid_slice(&[f16::ZERO; 3], &mut [f16::ZERO; 2]));
    let msg = *r.unwrap_err().downcast::<String>().unwrap();
    assert!(
        msg.contains("length 3") && msg.contains("length 2"),
        "{msg}"
    );
    for n in [0, 1, 255, 256, 257, 1000] {
        let x: Vec<f16> = (0..n)
            .map(|i| f16::from_f32(i as f32 * 0.01 - 5.0))
            .collect();
        let mut y = vec![f16::ZERO; n];
        h::sigmoid_slice(&x, &mut y);
        assert!(
            x.iter().zip(&y).all(|(&a, &b)| h::sigmoid(a) == b),
            "length {n}"
        );
    }
}
