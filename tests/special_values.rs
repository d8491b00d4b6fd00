//! Special values and the tails, for every kernel family (`exact`, `table`, `table::hermite`), on
//! every backend, scalar and slice: NaN, ±inf, ±0, subnormal inputs and results, the saturation
//! points, and the values the docs promise.

use sigtab::{Backend, grad_from_output};

macro_rules! special_values {
    ($($family:ident)::+) => {
use sigtab::$($family)::+::Kernels;


fn each_backend(mut f: impl FnMut(Kernels)) {
    for b in Backend::available() {
        f(Kernels::new(b).unwrap());
    }
}

/// Scalar, slice, in-place and fused forms agree; returns `(s, s')`.
fn both<T: sigtab::Float + PartialEq>(k: Kernels, x: T) -> (T, T) {
    let (s, g) = (k.sigmoid(x), k.sigmoid_grad(x));
    let (mut ys, mut gs) = ([T::default()], [T::default()]);
    k.sigmoid_slice(&[x], &mut ys);
    k.sigmoid_grad_slice(&[x], &mut gs);
    let (mut y2, mut g2) = ([T::default()], [T::default()]);
    k.sigmoid_and_grad_slice(&[x], &mut y2, &mut g2);
    let mut inplace = [x];
    k.sigmoid_in_place(&mut inplace);
    let mut ginplace = [x];
    k.sigmoid_grad_in_place(&mut ginplace);
    let same = |a: T, b: T| a == b || (a != a && b != b);
    for (name, v) in [
        ("slice", ys[0]),
        ("fused slice", y2[0]),
        ("in place", inplace[0]),
        ("fused", k.sigmoid_and_grad(x).0),
    ] {
        assert!(
            same(v, s),
            "{:?} {name} s({x:?}) = {v:?}, scalar {s:?}",
            k.backend()
        );
    }
    for (name, v) in [
        ("slice", gs[0]),
        ("fused slice", g2[0]),
        ("in place", ginplace[0]),
        ("fused", k.sigmoid_and_grad(x).1),
    ] {
        assert!(
            same(v, g),
            "{:?} {name} s'({x:?}) = {v:?}, scalar {g:?}",
            k.backend()
        );
    }
    (s, g)
}

#[test]
fn nan_gives_nan() {
    each_backend(|k| {
        for x in [f64::NAN, -f64::NAN, f64::from_bits(0x7ff0_0000_0000_0001)] {
            let (s, g) = both(k, x);
            assert!(s.is_nan() && g.is_nan());
        }
        for x in [f32::NAN, -f32::NAN, f32::from_bits(0x7f80_0001)] {
            let (s, g) = both(k, x);
            assert!(s.is_nan() && g.is_nan());
        }
    });
}

#[test]
fn infinities_give_the_limits() {
    each_backend(|k| {
        assert_eq!(both(k, f64::INFINITY), (1.0, 0.0));
        assert_eq!(both(k, f64::NEG_INFINITY), (0.0, 0.0));
        assert_eq!(both(k, f32::INFINITY), (1.0, 0.0));
        assert_eq!(both(k, f32::NEG_INFINITY), (0.0, 0.0));
        assert_eq!(both(k, f64::MAX), (1.0, 0.0));
        assert_eq!(both(k, f64::MIN), (0.0, 0.0));
        assert_eq!(both(k, f32::MAX), (1.0, 0.0));
        assert_eq!(both(k, f32::MIN), (0.0, 0.0));
    });
}

#[test]
fn zeros_and_subnormal_inputs() {
    each_backend(|k| {
        assert_eq!(both(k, 0.0f64), (0.5, 0.25));
        assert_eq!(both(k, -0.0f64), (0.5, 0.25));
        assert_eq!(both(k, 0.0f32), (0.5, 0.25));
        assert_eq!(both(k, -0.0f32), (0.5, 0.25));
        for x in [5e-324, -5e-324, f64::MIN_POSITIVE, -f64::MIN_POSITIVE] {
            assert_eq!(both(k, x), (0.5, 0.25));
        }
        for x in [1e-45f32, -1e-45, f32::MIN_POSITIVE, -f32::MIN_POSITIVE] {
            assert_eq!(both(k, x), (0.5, 0.25));
        }
    });
}

#[test]
fn tails_keep_their_subnormals() {
    each_backend(|k| {
        assert_eq!(k.sigmoid(-745.0f64), 5e-324);
        // e^-720 = 2.03e-313, a subnormal scipy.special.expit flushes to 0.
        let s = k.sigmoid(-720.0f64);
        assert!(s > 2.0e-313 && s < 2.1e-313, "{s:e}");
        assert_eq!(k.sigmoid(-746.0f64), 0.0);
        assert_eq!(both(k, -500.0f64).1, 7.124576406741286e-218);
        assert_eq!(both(k, 500.0f64).1, 7.124576406741286e-218);
        // f32: e^-103 = 1.8e-45 rounds to the smallest subnormal, 1.4e-45.
        assert_eq!(k.sigmoid(-103.0f32), 1e-45);
        assert_eq!(k.sigmoid(-104.0f32), 0.0);
        assert_eq!(k.sigmoid_grad(100.0f32), k.sigmoid(-100.0f32));
    });
}

#[test]
fn saturation_points() {
    each_backend(|k| {
        // f64: s rounds to 1 from about 37.43 on. e^-36 = 2.09 ulps of 1^-, so s(36) = 1 - 2^-52.
        assert_eq!(k.sigmoid(37.5f64), 1.0);
        assert_eq!(k.sigmoid(36.0f64), 1.0 - f64::EPSILON);
        assert!(k.sigmoid_grad(37.5f64) > 0.0);
        // f32: from about 17.33 on. e^-16 = 1.89 ulps of 1^-, so s(16) = 1 - 2^-23.
        assert_eq!(k.sigmoid(17.5f32), 1.0);
        assert_eq!(k.sigmoid(16.0f32), 1.0 - f32::EPSILON);
        assert!(k.sigmoid_grad(17.5f32) > 0.0);
    });
}

#[test]
fn grad_is_even_and_bounded() {
    each_backend(|k| {
        let mut x = -120.0f64;
        while x < 120.0 {
            let g = k.sigmoid_grad(x);
            assert_eq!(g.to_bits(), k.sigmoid_grad(-x).to_bits(), "x = {x}");
            assert!((0.0..=0.25).contains(&g));
            let s = k.sigmoid(x);
            assert!((0.0..=1.0).contains(&s));
            x += if cfg!(miri) { 3.7 } else { 0.0137 };
        }
    });
}

    };
}

mod exact_kernels {
    use super::*;
    special_values!(exact);
}

mod table_linear {
    use super::*;
    special_values!(table);
}

mod table_hermite {
    use super::*;
    special_values!(table::hermite);
}

#[test]
fn grad_from_output_loses_the_tail_and_says_so() {
    // The documented behaviour: exactly 0 once y rounds to 1.
    assert_eq!(grad_from_output(sigtab::exact::sigmoid(17.5f32)), 0.0);
    assert_eq!(grad_from_output(sigtab::exact::sigmoid(37.5f64)), 0.0);
    assert!(sigtab::exact::sigmoid_grad(37.5f64) > 1e-17);
    assert_eq!(grad_from_output(0.5f32), 0.25);
    assert!(grad_from_output(f64::NAN).is_nan());
}
