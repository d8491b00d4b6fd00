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

/// The logistic family (issue #14), exact kernels only: `log_sigmoid`, `softplus`, `logit`,
/// `silu`, `silu_grad` and `binary_cross_entropy_with_logits`, for f32 and f64, on every backend,
/// each value through the scalar method, the slice form (a slice of 37 copies, so that the SIMD
/// blocks run, not only the remainder) and the in-place form, all equal, and the free functions
/// equal to the detected backend's.
///
/// Signs of zero: asserted where the function's sign is fixed and every natural form gives it:
/// `silu(-0) = -0`, `silu(-inf) = -0` (the limit of `x s(x)` from below), `silu(+0) = +0`,
/// `softplus(-inf) = +0` (softplus is positive). Not asserted (either sign passes) where the
/// kernel's form decides: `log_sigmoid(+inf)` (the limit is -0, but `min(x, 0) - log1p(e^-|x|)`
/// gives +0), `silu_grad(-inf)` (the limit is -0: `silu'(x) ~ x e^x`), `logit(1/2)`, and the
/// loss's zeros (`(inf, 1)`, `(-inf, 0)`).
mod logistic_family {
    use sigtab::Backend;
    use sigtab::exact::Kernels;

    /// f32 and f64, as far as these tests need.
    pub trait F: sigtab::Float + PartialEq + std::fmt::LowerExp {
        fn bits(self) -> u64;
        fn of(v: f64) -> Self;
        fn get(self) -> f64;
        fn nan(self) -> bool;
        /// The ulp of 1 and the smallest subnormal.
        const EPS: f64;
        const TINY: f64;
        const MAX: Self;
        const INF: Self;
        const NAN: Self;
    }
    impl F for f32 {
        fn bits(self) -> u64 {
            self.to_bits() as u64
        }
        fn of(v: f64) -> f32 {
            v as f32
        }
        fn get(self) -> f64 {
            self as f64
        }
        fn nan(self) -> bool {
            self.is_nan()
        }
        const EPS: f64 = f32::EPSILON as f64;
        const TINY: f64 = 1.401298464324817e-45;
        const MAX: f32 = f32::MAX;
        const INF: f32 = f32::INFINITY;
        const NAN: f32 = f32::NAN;
    }
    impl F for f64 {
        fn bits(self) -> u64 {
            self.to_bits()
        }
        fn of(v: f64) -> f64 {
            v
        }
        fn get(self) -> f64 {
            self
        }
        fn nan(self) -> bool {
            self.is_nan()
        }
        const EPS: f64 = f64::EPSILON;
        const TINY: f64 = 5e-324;
        const MAX: f64 = f64::MAX;
        const INF: f64 = f64::INFINITY;
        const NAN: f64 = f64::NAN;
    }

    fn same<T: F>(a: T, b: T) -> bool {
        a.bits() == b.bits() || (a.nan() && b.nan())
    }

    /// Whether `y` is within `n` ulps of `want` (a value of `T`; its ulp at least the smallest
    /// subnormal).
    fn within<T: F>(y: T, want: f64, n: f64) -> bool {
        let ulp = if want == 0.0 {
            T::TINY
        } else {
            (T::EPS * 2f64.powi(want.abs().log2().floor() as i32)).max(T::TINY)
        };
        (y.get() - want).abs() <= n * ulp
    }

    fn each_backend(mut f: impl FnMut(Kernels)) {
        for b in Backend::available() {
            f(Kernels::new(b).unwrap());
        }
    }

    /// For each unary function, a function of the same name: `k`'s scalar result for `x`, after
    /// checking that the slice and in-place forms (and the free functions on the detected
    /// backend) give the same bits.
    macro_rules! unary_forms {
        ($($name:ident $slice:ident $in_place:ident),* $(,)?) => {$(
            fn $name<T: F>(k: Kernels, x: T) -> T {
                let b = k.backend();
                let y = k.$name(x);
                let xs = vec![x; 37];
                let mut out = vec![T::default(); 37];
                k.$slice(&xs, &mut out);
                let mut inplace = xs.clone();
                k.$in_place(&mut inplace);
                for (form, v) in out
                    .iter()
                    .map(|&v| ("slice", v))
                    .chain(inplace.iter().map(|&v| ("in place", v)))
                {
                    assert!(
                        same(v, y),
                        "{b:?}: {} {form}({x:e}) = {v:e}, scalar {y:e}",
                        stringify!($name)
                    );
                }
                if b == Backend::detect() {
                    let free = sigtab::exact::$name(x);
                    let mut fs = vec![T::default(); 37];
                    sigtab::exact::$slice(&xs, &mut fs);
                    let mut fi = xs.clone();
                    sigtab::exact::$in_place(&mut fi);
                    assert!(
                        same(free, y) && fs.iter().chain(&fi).all(|&v| same(v, y)),
                        "{b:?}: free {}({x:e}) = {free:e}, method {y:e}",
                        stringify!($name)
                    );
                }
                y
            }
        )*};
    }
    unary_forms!(
        log_sigmoid log_sigmoid_slice log_sigmoid_in_place,
        softplus softplus_slice softplus_in_place,
        logit logit_slice logit_in_place,
        silu silu_slice silu_in_place,
        silu_grad silu_grad_slice silu_grad_in_place,
    );

    /// The loss through its scalar method and slice form (and the free functions on the detected
    /// backend), all equal.
    fn loss<T: F>(k: Kernels, x: T, t: T) -> T {
        let b = k.backend();
        let y = k.binary_cross_entropy_with_logits(x, t);
        let (xs, ts) = (vec![x; 37], vec![t; 37]);
        let mut out = vec![T::default(); 37];
        k.binary_cross_entropy_with_logits_slice(&xs, &ts, &mut out);
        assert!(
            out.iter().all(|&v| same(v, y)),
            "{b:?}: loss slice ({x:e}, {t:e}) = {:e}, scalar {y:e}",
            out[0]
        );
        if b == Backend::detect() {
            let free = sigtab::exact::binary_cross_entropy_with_logits(x, t);
            let mut fs = vec![T::default(); 37];
            sigtab::exact::binary_cross_entropy_with_logits_slice(&xs, &ts, &mut fs);
            assert!(
                same(free, y) && fs.iter().all(|&v| same(v, y)),
                "{b:?}: free loss({x:e}, {t:e}) = {free:e}, method {y:e}"
            );
        }
        y
    }

    fn nan_gives_nan_for<T: F>(k: Kernels) {
        let b = k.backend();
        let nans = [T::NAN, T::of(-f64::NAN)];
        for x in nans {
            for (name, y) in [
                ("log_sigmoid", log_sigmoid(k, x)),
                ("softplus", softplus(k, x)),
                ("logit", logit(k, x)),
                ("silu", silu(k, x)),
                ("silu_grad", silu_grad(k, x)),
            ] {
                assert!(y.nan(), "{b:?}: {name}(NaN) = {y:e}");
            }
            for other in [
                0.0,
                -0.0,
                0.5,
                1.0,
                -1.0,
                100.0,
                -100.0,
                f64::INFINITY,
                f64::NEG_INFINITY,
            ] {
                let o = T::of(other);
                let (a, c) = (loss(k, x, o), loss(k, o, x));
                assert!(a.nan(), "{b:?}: loss(NaN, {other}) = {a:e}");
                assert!(c.nan(), "{b:?}: loss({other}, NaN) = {c:e}");
            }
        }
    }

    #[test]
    fn nan_gives_nan() {
        each_backend(|k| {
            nan_gives_nan_for::<f32>(k);
            nan_gives_nan_for::<f64>(k);
        });
    }

    fn limits_for<T: F>(k: Kernels) {
        let b = k.backend();
        let (inf, ninf) = (T::INF, T::of(f64::NEG_INFINITY));
        let zero = |v: T| v.get() == 0.0;
        let pos_zero = |v: T| v.bits() == 0;
        let neg_zero = |v: T| v.bits() == T::of(-0.0).bits();
        assert_eq!(softplus(k, inf), inf, "{b:?}");
        assert!(pos_zero(softplus(k, ninf)), "{b:?}: softplus(-inf)");
        assert_eq!(log_sigmoid(k, ninf), ninf, "{b:?}");
        assert!(zero(log_sigmoid(k, inf)), "{b:?}: log_sigmoid(inf)");
        assert_eq!(logit(k, T::of(0.0)), ninf, "{b:?}");
        assert_eq!(logit(k, T::of(-0.0)), ninf, "{b:?}: logit(-0)");
        assert_eq!(logit(k, T::of(1.0)), inf, "{b:?}");
        for p in [
            -T::TINY,
            -0.5,
            -1.0,
            1.0 + T::EPS,
            2.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            -1e30,
        ] {
            let y = logit(k, T::of(p));
            assert!(y.nan(), "{b:?}: logit({p:e}) = {y:e}");
        }
        assert_eq!(silu(k, inf), inf, "{b:?}");
        assert!(neg_zero(silu(k, ninf)), "{b:?}: silu(-inf)");
        assert_eq!(silu_grad(k, inf), T::of(1.0), "{b:?}");
        assert!(zero(silu_grad(k, ninf)), "{b:?}: silu_grad(-inf)");
        // The loss: infinite where the weight of the infinite softplus is positive, 0 where it is 0.
        assert_eq!(loss(k, ninf, T::of(0.9)), inf, "{b:?}");
        assert_eq!(loss(k, ninf, T::of(1.0)), inf, "{b:?}");
        assert!(zero(loss(k, ninf, T::of(0.0))), "{b:?}: loss(-inf, 0)");
        assert!(zero(loss(k, inf, T::of(1.0))), "{b:?}: loss(inf, 1)");
        assert_eq!(loss(k, inf, T::of(0.0)), inf, "{b:?}");
        assert_eq!(loss(k, inf, T::of(0.5)), inf, "{b:?}");
        // The largest finite inputs.
        let (max, min) = (T::MAX, T::of(-T::MAX.get()));
        assert_eq!(softplus(k, max), max, "{b:?}");
        assert!(pos_zero(softplus(k, min)), "{b:?}: softplus(MIN)");
        assert_eq!(log_sigmoid(k, min), min, "{b:?}");
        assert!(zero(log_sigmoid(k, max)), "{b:?}");
        assert_eq!(silu(k, max), max, "{b:?}");
        assert!(zero(silu(k, min)), "{b:?}");
        assert_eq!(silu_grad(k, max), T::of(1.0), "{b:?}");
        assert!(zero(silu_grad(k, min)), "{b:?}");
        assert_eq!(loss(k, max, T::of(0.0)), max, "{b:?}");
        assert_eq!(loss(k, min, T::of(1.0)), max, "{b:?}");
        assert!(zero(loss(k, max, T::of(1.0))), "{b:?}");
        assert!(zero(loss(k, min, T::of(0.0))), "{b:?}");
        assert!(
            within(loss(k, max, T::of(0.5)), max.get() / 2.0, 2.0),
            "{b:?}"
        );
    }

    #[test]
    fn infinities_and_the_largest_inputs_give_the_limits() {
        each_backend(|k| {
            limits_for::<f32>(k);
            limits_for::<f64>(k);
        });
    }

    fn zeros_and_subnormals_for<T: F>(k: Kernels) {
        let b = k.backend();
        let ln2 = std::f64::consts::LN_2;
        for x in [
            0.0,
            -0.0,
            T::TINY,
            -T::TINY,
            1e-300,
            -1e-300,
            f64::MIN_POSITIVE,
        ] {
            // 1e-300 and 2^-1022 are 0 in f32.
            let x = T::of(x);
            assert!(within(softplus(k, x), ln2, 1.0), "{b:?}: softplus({x:e})");
            assert!(
                within(log_sigmoid(k, x), -ln2, 1.0),
                "{b:?}: log_sigmoid({x:e})"
            );
            assert!(within(silu_grad(k, x), 0.5, 1.0), "{b:?}: silu_grad({x:e})");
            for t in [0.0, 0.3, 1.0, T::TINY] {
                let y = loss(k, x, T::of(t));
                assert!(within(y, ln2, 2.0), "{b:?}: loss({x:e}, {t:e}) = {y:e}");
            }
            // silu(x) = x / 2 (1 + x / 2 + ...): within an ulp (2^-1074 or 2^-149) of x / 2, with
            // x's sign (or 0).
            let s = silu(k, x);
            assert!(within(s, x.get() / 2.0, 1.0), "{b:?}: silu({x:e}) = {s:e}");
            assert!(
                s.get() == 0.0 || (s.get() < 0.0) == (x.get() < 0.0),
                "{b:?}: silu({x:e}) = {s:e}"
            );
        }
        assert_eq!(softplus(k, T::of(0.0)), softplus(k, T::of(-0.0)), "{b:?}");
        assert!(silu(k, T::of(0.0)).bits() == 0, "{b:?}: silu(0)");
        assert!(
            silu(k, T::of(-0.0)).bits() == T::of(-0.0).bits(),
            "{b:?}: silu(-0)"
        );
        assert!(
            silu_grad(k, T::of(0.0)) == T::of(0.5),
            "{b:?}: silu_grad(0)"
        );
        assert!(zero(logit(k, T::of(0.5))), "{b:?}: logit(1/2)");
        // logit of the smallest subnormal, and of the largest value below 1.
        let (tiny_logit, top_logit, below_one) = if T::EPS == f64::EPSILON {
            (
                -744.4400719213812,
                36.7368005696771,
                1.0 - f64::EPSILON / 2.0,
            )
        } else {
            (
                -103.27892990343184,
                16.63553227383404,
                1.0 - f32::EPSILON as f64 / 2.0,
            )
        };
        assert!(within(logit(k, T::of(T::TINY)), tiny_logit, 1.0), "{b:?}");
        assert!(within(logit(k, T::of(below_one)), top_logit, 1.0), "{b:?}");
        fn zero<T: F>(v: T) -> bool {
            v.get() == 0.0
        }
    }

    #[test]
    fn zeros_and_subnormal_inputs() {
        each_backend(|k| {
            zeros_and_subnormals_for::<f32>(k);
            zeros_and_subnormals_for::<f64>(k);
        });
    }

    #[test]
    fn tails_keep_their_subnormals() {
        each_backend(|k| {
            let b = k.backend();
            // softplus(-745) = 2.8e-324: 0.57 of the smallest subnormal, rounds to it.
            assert_eq!(softplus(k, -745.0f64), 5e-324, "{b:?}");
            assert_eq!(log_sigmoid(k, 745.0f64), -5e-324, "{b:?}");
            // e^-746 = 1.04e-324 rounds to 0.
            assert_eq!(softplus(k, -746.0f64), 0.0, "{b:?}");
            let s = softplus(k, -720.0f64);
            assert!(within(s, 2.0322308024e-313, 1.0), "{b:?}: {s:e}");
            // x e^x: subnormal and negative.
            assert!(within(silu(k, -745.0f64), -2.105e-321, 1.0), "{b:?}");
            assert!(within(silu_grad(k, -745.0f64), -2.1e-321, 1.0), "{b:?}");
            // f32: e^-103 = 1.85e-45 rounds to 1.4e-45; e^-104 = 6.8e-46 (0.486 of it) to 0,
            // or within the ulp budget to 1.4e-45.
            assert_eq!(softplus(k, -103.0f32), 1e-45, "{b:?}");
            assert!([0.0, 1e-45].contains(&softplus(k, -104.0f32)), "{b:?}");
            let y = silu(k, -100.0f32);
            assert!(within(y, -3.720075976020836e-42, 1.0), "{b:?}: {y:e}");
            let y = silu_grad(k, -100.0f32);
            assert!(within(y, -3.682875216260628e-42, 1.0), "{b:?}: {y:e}");
        });
    }

    #[test]
    fn silu_grad_near_its_zero() {
        // x0 = -1.27846454276107379...: the nearest f64 (2^-53 away) and the nearest f32
        // (-1.2784646f32 = -1.2784645557403564, 2^-26.2 away), where the result is a cancellation of 53 and 26 bits (mpmath values).
        each_backend(|k| {
            let b = k.backend();
            let y = silu_grad(k, -1.2784645427610737f64);
            assert!(within(y, 2.3843834755243115e-17, 1.0), "{b:?}: {y:e}");
            let y = silu_grad(k, -1.2784646f32);
            assert!(within(y, -2.8270396683554365e-09, 1.0), "{b:?}: {y:e}");
        });
    }

    #[test]
    fn saturation_points() {
        each_backend(|k| {
            let b = k.backend();
            // softplus(x) rounds to x from about 36.7 on (f64) and 16.6 (f32); log_sigmoid to 0.
            assert_eq!(softplus(k, 40.0f64), 40.0, "{b:?}");
            assert_eq!(softplus(k, 20.0f32), 20.0, "{b:?}");
            assert!(
                within(log_sigmoid(k, 40.0f64), -4.248354255291589e-18, 1.0),
                "{b:?}"
            );
            assert!(within(silu(k, 40.0f64), 40.0, 1.0), "{b:?}");
            assert!(within(silu_grad(k, 40.0f64), 1.0, 1.0), "{b:?}");
            // softplus(1), from mpmath.
            assert!(
                within(softplus(k, 1.0f64), 1.3132616875182228, 1.0),
                "{b:?}"
            );
            assert!(
                within(softplus(k, 1.0f32), 1.3132616875182228, 1.0),
                "{b:?}"
            );
        });
    }
}
