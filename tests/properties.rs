//! Property tests (proptest) for every kernel family, precision and backend: symmetry
//! `s(x) + s(-x) = 1` within the error bound, monotonicity, exact evenness of the gradient, fused
//! equal to separate bit for bit, slices equal to scalar calls for any length and offset, and no
//! write outside the output. CI raises the case count with `PROPTEST_CASES`.
//!
//! "Bit for bit" takes any NaN as equal to any NaN: Rust leaves the sign and payload of a NaN
//! result unspecified (they follow operand order, which LLVM may choose differently where it
//! compiles the same kernel into the scalar call and into a SIMD loop).

use proptest::prelude::*;
use sigtab::{Backend, table};

/// Any f64 bit pattern, or a value in the interesting range.
fn any_f64() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<u64>().prop_map(f64::from_bits),
        -60.0f64..60.0,
        -800.0f64..800.0
    ]
}

/// The bits of `v`, with every NaN as one: what "bit for bit" compares.
trait Key {
    fn key(self) -> u64;
}
impl Key for f32 {
    fn key(self) -> u64 {
        if self.is_nan() {
            u64::MAX
        } else {
            self.to_bits() as u64
        }
    }
}
impl Key for f64 {
    fn key(self) -> u64 {
        if self.is_nan() {
            u64::MAX
        } else {
            self.to_bits()
        }
    }
}

fn any_f32() -> impl Strategy<Value = f32> {
    prop_oneof![
        any::<u32>().prop_map(f32::from_bits),
        -30.0f32..30.0,
        -120.0f32..120.0
    ]
}

macro_rules! properties {
    ($mod:ident, $($family:ident)::+, $sym32:expr, $sym64:expr) => {
        mod $mod {
            use super::*;
            use sigtab::$($family)::+::Kernels;

            fn each(mut f: impl FnMut(Kernels)) {
                for b in Backend::available() {
                    f(Kernels::new(b).unwrap());
                }
            }

            proptest! {
                #[test]
                fn symmetry_f64(x in any_f64()) {
                    prop_assume!(!x.is_nan());
                    each(|k| {
                        let sum = k.sigmoid(x) + k.sigmoid(-x);
                        assert!((sum - 1.0).abs() <= $sym64, "{:?}: s({x}) + s(-x) = {sum}", k.backend());
                    });
                }

                #[test]
                fn symmetry_f32(x in any_f32()) {
                    prop_assume!(!x.is_nan());
                    each(|k| {
                        let sum = k.sigmoid(x) as f64 + k.sigmoid(-x) as f64;
                        assert!((sum - 1.0).abs() <= $sym32, "{:?}: s({x}) + s(-x) = {sum}", k.backend());
                    });
                }

                #[test]
                fn monotone_and_in_range(a in any_f64(), b in any_f64()) {
                    prop_assume!(!a.is_nan() && !b.is_nan());
                    let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
                    each(|k| {
                        assert!(k.sigmoid(lo) <= k.sigmoid(hi), "{:?}: s({lo}) > s({hi})", k.backend());
                        assert!(k.sigmoid(lo as f32) <= k.sigmoid(hi as f32), "{:?}: f32 s({lo}) > s({hi})", k.backend());
                        let (s, g) = (k.sigmoid(a), k.sigmoid_grad(a));
                        assert!((0.0..=1.0).contains(&s) && (0.0..=0.25).contains(&g));
                    });
                }

                #[test]
                fn grad_is_exactly_even_and_fused_equals_separate(x in any_f64(), y in any_f32()) {
                    each(|k| {
                        assert_eq!(k.sigmoid_grad(x).key(), k.sigmoid_grad(-x).key());
                        assert_eq!(k.sigmoid_grad(y).key(), k.sigmoid_grad(-y).key());
                        let (s, g) = k.sigmoid_and_grad(x);
                        assert_eq!((s.key(), g.key()), (k.sigmoid(x).key(), k.sigmoid_grad(x).key()));
                        let (s, g) = k.sigmoid_and_grad(y);
                        assert_eq!((s.key(), g.key()), (k.sigmoid(y).key(), k.sigmoid_grad(y).key()));
                    });
                }

                #[test]
                fn slices_equal_scalars_and_stay_inside(
                    xs in prop::collection::vec(any_f32(), 0..300),
                    off in 0usize..16,
                    pad in 0usize..16,
                ) {
                    let guard = f32::from_bits(0x7fc0_dead);
                    each(|k| {
                        let n = xs.len();
                        let mut buf = vec![guard; off + n + pad];
                        k.sigmoid_slice(&xs, &mut buf[off..off + n]);
                        let mut gbuf = vec![guard; off + n + pad];
                        k.sigmoid_grad_slice(&xs, &mut gbuf[off..off + n]);
                        let (mut y, mut dy) = (vec![guard; off + n + pad], vec![guard; off + n + pad]);
                        k.sigmoid_and_grad_slice(&xs, &mut y[off..off + n], &mut dy[off..off + n]);
                        for (i, &x) in xs.iter().enumerate() {
                            assert_eq!(buf[off + i].key(), k.sigmoid(x).key(), "{:?} s({x})", k.backend());
                            assert_eq!(gbuf[off + i].key(), k.sigmoid_grad(x).key(), "{:?} s'({x})", k.backend());
                            assert_eq!((y[off + i].key(), dy[off + i].key()), (buf[off + i].key(), gbuf[off + i].key()));
                        }
                        for v in [&buf, &gbuf, &y, &dy] {
                            assert!(v[..off].iter().chain(&v[off + n..]).all(|g| g.key() == guard.key()));
                        }
                    });
                }
            }
        }
    };
}

// s(x) + s(-x) = 1: each term within 1 ulp (exact), or within the table's bound.
properties!(exact_kernels, exact, f32::EPSILON as f64, f64::EPSILON);
properties!(
    table_linear,
    table,
    2.0 * table::MAX_ERR_LINEAR_F32.sigmoid + f32::EPSILON as f64,
    2.0 * table::MAX_ERR_LINEAR_F64.sigmoid + f64::EPSILON
);
properties!(
    table_hermite,
    table::hermite,
    2.0 * table::hermite::MAX_ERR_F32.sigmoid + f32::EPSILON as f64,
    2.0 * table::hermite::MAX_ERR_F64.sigmoid + f64::EPSILON
);
