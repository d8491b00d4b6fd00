//! The 256-bit references of the logistic family (`common::reference`: `softplus`,
//! `log_sigmoid`, `logit`, `silu`, `silu_grad`, `binary_cross_entropy_with_logits`) against
//! mpmath at 1000 bits, on the 790 points of `tests/data/logistic_mpmath.txt`
//! (`scripts/logistic_mpmath.py` writes it): every regime boundary of the kernels, the tails to
//! `f64::MAX`, subnormal inputs and results, `logit` around 0, 1/2 and 1, `silu_grad` around its
//! zero (the f64 and f32 nearest it), the loss at targets 0, 1, 1/2 and others.
//!
//! The data keeps 128 bits of each value (rounded to nearest): a reference passes within 2^-126 of
//! it, relative, so it is right to at least 125 bits; the ulp measure (`reference::ulps`) reads 126.

mod common;

use astro_float::{BigFloat, Consts, Sign};
use common::reference::{self, P, RM};

const DATA: &str = include_str!("data/logistic_mpmath.txt");

/// A value of the data file.
enum Want {
    Zero,
    Inf(bool),
    Nan,
    /// `(-1)^neg 0.m 2^exp`, `m` 128 bits, most significant word first (`exp` as an f64: for
    /// `softplus(-1e300)` it is beyond any integer type).
    Value {
        neg: bool,
        exp: f64,
        hi: u64,
        lo: u64,
    },
}

fn parse(fields: &[&str]) -> Want {
    match fields {
        ["0"] | ["-0"] => Want::Zero,
        ["inf"] => Want::Inf(false),
        ["-inf"] => Want::Inf(true),
        ["nan"] => Want::Nan,
        [s, e, hi, lo] => Want::Value {
            neg: *s == "1",
            exp: e.parse().unwrap(),
            hi: u64::from_str_radix(hi, 16).unwrap(),
            lo: u64::from_str_radix(lo, 16).unwrap(),
        },
        _ => panic!("bad value {fields:?}"),
    }
}

fn eval(name: &str, x: f64, t: Option<f64>, cc: &mut Consts) -> BigFloat {
    match (name, t) {
        ("softplus", None) => reference::softplus(x, cc),
        ("log_sigmoid", None) => reference::log_sigmoid(x, cc),
        ("logit", None) => reference::logit(x, cc),
        ("silu", None) => reference::silu(x, cc),
        ("silu_grad", None) => reference::silu_grad(x, cc),
        ("binary_cross_entropy_with_logits", Some(t)) => {
            reference::binary_cross_entropy_with_logits(x, t, cc)
        }
        _ => panic!("unknown {name}"),
    }
}

#[test]
fn references_agree_with_mpmath_to_125_bits() {
    let mut cc = Consts::new().unwrap();
    let mut checked = std::collections::BTreeMap::<&str, usize>::new();
    let mut worst = f64::NEG_INFINITY;
    for line in DATA.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.split_whitespace().collect();
        let (name, x) = (f[0], f64::from_bits(u64::from_str_radix(f[1], 16).unwrap()));
        let t = (f[2] != "-").then(|| f64::from_bits(u64::from_str_radix(f[2], 16).unwrap()));
        let got = eval(name, x, t, &mut cc);
        let at = format!(
            "{name}({x:e}{})",
            t.map_or(String::new(), |t| format!(", {t:e}"))
        );
        match parse(&f[3..]) {
            Want::Nan => assert!(got.is_nan(), "{at} = {got:?}, want NaN"),
            Want::Inf(neg) => assert!(
                if neg {
                    got.is_inf_neg()
                } else {
                    got.is_inf_pos()
                },
                "{at} = {got:?}, want {}inf",
                if neg { "-" } else { "+" }
            ),
            Want::Zero => assert!(got.is_zero(), "{at} = {got:?}, want 0"),
            Want::Value { neg, exp, hi, lo } => {
                if got.is_zero() {
                    // Dropped as below e^-EXP_CUT (2^-1442695): the value must be far below any
                    // float, and the zero has its sign.
                    assert!(exp < -1.4e6, "{at} = 0, want 2^{exp}");
                    assert_eq!(got.is_negative(), neg, "{at}: sign of the dropped value");
                } else {
                    let sign = if neg { Sign::Neg } else { Sign::Pos };
                    let want = BigFloat::from_words(&[lo, hi], sign, exp as i32);
                    assert!(!want.is_nan(), "{at}: bad data");
                    let err = got.sub(&want, P, RM).div(&want, P, RM).abs();
                    let bound = BigFloat::from_f64(2f64.powi(-126), P);
                    assert!(
                        err.cmp(&bound) != Some(1),
                        "{at}: reference {got:?}, mpmath {want:?}, relative difference {err:?}"
                    );
                    // For the report: the difference in bits.
                    let e = err.exponent().unwrap_or(i32::MIN);
                    if !err.is_zero() {
                        worst = worst.max(e as f64);
                    }
                }
            }
        }
        *checked.entry(name).or_default() += 1;
    }
    println!("checked {checked:?}; largest relative difference below 2^{worst}");
    assert_eq!(checked.values().sum::<usize>(), 790);
}

#[test]
fn exact_conversion_of_subnormals() {
    // 2^-1074 = (2^-537)^2, built without `from_f64` on a subnormal.
    let half = BigFloat::from_f64(2f64.powi(-537), P);
    assert_eq!(reference::big(5e-324).cmp(&half.mul(&half, P, RM)), Some(0));
    let three = BigFloat::from_f64(-3.0, P)
        .mul(&half, P, RM)
        .mul(&half, P, RM);
    assert_eq!(reference::big(-1.5e-323).cmp(&three), Some(0));
    assert_eq!(reference::ulps(1e-310, &reference::big(1e-310)), 0.0);
}

#[test]
fn exactly_representable_results() {
    let mut cc = Consts::new().unwrap();
    assert!(reference::logit(0.5, &mut cc).is_zero());
    assert!(reference::silu(0.0, &mut cc).is_zero());
    assert!(reference::silu(-0.0, &mut cc).is_zero());
    let one = BigFloat::from_f64(1.0, P);
    assert_eq!(reference::silu_grad(1e300, &mut cc).cmp(&one), Some(0));
    let x = 1e300;
    assert_eq!(
        reference::softplus(x, &mut cc).cmp(&BigFloat::from_f64(x, P)),
        Some(0)
    );
    assert_eq!(
        reference::binary_cross_entropy_with_logits(x, 0.0, &mut cc).cmp(&BigFloat::from_f64(x, P)),
        Some(0)
    );
    assert!(reference::binary_cross_entropy_with_logits(x, 1.0, &mut cc).is_zero());
    assert!(reference::binary_cross_entropy_with_logits(-x, 0.0, &mut cc).is_zero());
    assert!(reference::log_sigmoid(1e7, &mut cc).is_zero());
    assert!(reference::softplus(-1e7, &mut cc).is_zero());
    // softplus(-745) = 4.97e-324 rounds to the smallest subnormal.
    assert!(reference::ulps(5e-324, &reference::softplus(-745.0, &mut cc)) < 0.5);
}
