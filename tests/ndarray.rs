//! `SigmoidExt` of every kernel family (`sigtab::ndarray::{exact, table, table::hermite}`) on
//! arrays of every layout equals that family's scalar kernels element for element: 0-d, 1-d, 3-d,
//! C and Fortran order (kept in the result), strided and permuted views, in place. The
//! re-exported `sigtab::ndarray::ndarray` is the crate the traits are implemented for.
#![cfg(feature = "ndarray")]

use ndarray::{Array, Array0, Array3, ArrayD, Axis, IxDyn, ShapeBuilder, s};

fn filled(shape: (usize, usize, usize), fortran: bool) -> Array3<f64> {
    let mut k = 0u32;
    let f = |_| {
        k += 1;
        (k as f64 * 0.618_034).fract() * 80.0 - 40.0
    };
    if fortran {
        Array::from_shape_fn(shape.f(), f)
    } else {
        Array::from_shape_fn(shape, f)
    }
}

/// The tests of one family: `$ext` is its `SigmoidExt` module, `$scalar` its scalar functions.
macro_rules! family {
    ($name:ident, $($ext:ident)::+, $($scalar:ident)::+) => {
        mod $name {
            use super::*;
            use $($ext)::+::SigmoidExt;
            use $($scalar)::+ as scalar;

            /// Every function of the trait on `a` (any storage), against the scalar kernels.
            fn check<S, D>(a: &ndarray::ArrayBase<S, D>)
            where
                S: ndarray::Data<Elem = f64>,
                D: ndarray::Dimension,
            {
                let y = a.sigmoid();
                let dy = a.sigmoid_grad();
                let (y2, dy2) = a.sigmoid_and_grad();
                assert_eq!(y.shape(), a.shape());
                assert_eq!((dy.shape(), y2.shape(), dy2.shape()), (a.shape(), a.shape(), a.shape()));
                for (((&x, &s), &g), (&s2, &g2)) in a.iter().zip(&y).zip(&dy).zip(y2.iter().zip(&dy2)) {
                    let want = (scalar::sigmoid(x).to_bits(), scalar::sigmoid_grad(x).to_bits());
                    assert_eq!((s.to_bits(), g.to_bits()), want, "at {x}");
                    assert_eq!((s2.to_bits(), g2.to_bits()), want, "fused at {x}");
                }
                let bits = |v: &f64| v.to_bits();
                let mut b = a.to_owned();
                b.sigmoid_in_place();
                assert_eq!(b.map(bits), y.map(bits));
                let mut b = a.to_owned();
                b.sigmoid_grad_in_place();
                assert_eq!(b.map(bits), dy.map(bits));
                // f32 too.
                let a32 = a.mapv(|v| v as f32);
                let (y32, dy32) = (a32.sigmoid(), a32.sigmoid_grad());
                for ((&x, &s), &g) in a32.iter().zip(&y32).zip(&dy32) {
                    let want = (scalar::sigmoid(x).to_bits(), scalar::sigmoid_grad(x).to_bits());
                    assert_eq!((s.to_bits(), g.to_bits()), want, "f32 at {x}");
                }
            }

            #[test]
            fn every_layout_gives_the_scalar_results() {
                for fortran in [false, true] {
                    let a = filled((7, 9, 33), fortran);
                    check(&a);
                    check(&a.slice(s![.., 1..;2, ..]));
                    check(&a.slice(s![..;-1, .., 3..]));
                    check(&a.view().permuted_axes([2, 0, 1]));
                    check(&a.index_axis(Axis(1), 4));
                    check(&a.clone().into_dyn());
                }
                check(&Array0::from_elem((), -500.0));
                check(&ArrayD::<f64>::zeros(IxDyn(&[0, 3])));
                check(&ndarray::arr1(&[f64::NAN, f64::INFINITY, -0.0, -745.0]).mapv(|v| v));
            }

            #[test]
            fn fortran_order_is_kept_and_views_write_through() {
                let a = filled((4, 5, 6), true);
                let y = a.sigmoid();
                assert!(y.t().is_standard_layout(), "F-order input gives an F-order result");
                assert_eq!(y.strides(), a.strides());
                let (y, dy) = a.sigmoid_and_grad();
                assert_eq!((y.strides(), dy.strides()), (a.strides(), a.strides()));
                let mut b = filled((4, 5, 6), false);
                let before = b.clone();
                b.slice_mut(s![.., ..;2, ..]).sigmoid_in_place();
                for ((i, j, k), &v) in b.indexed_iter() {
                    let x = before[[i, j, k]];
                    let want = if j % 2 == 0 { scalar::sigmoid(x) } else { x };
                    assert_eq!(v.to_bits(), want.to_bits());
                }
            }
        }
    };
}

family!(exact, sigtab::ndarray::exact, sigtab::exact);
family!(table, sigtab::ndarray::table, sigtab::table);
family!(
    hermite,
    sigtab::ndarray::table::hermite,
    sigtab::table::hermite
);

#[test]
fn the_default_trait_is_the_exact_one_and_the_reexport_is_the_same_crate() {
    use sigtab::ndarray::SigmoidExt;
    // Same crate, same type: an array built through the re-export is an `ndarray` 0.17 array.
    let a: sigtab::ndarray::ndarray::Array1<f64> = ndarray::arr1(&[-500.0, -1.5, 0.3, 20.0]);
    let y = a.sigmoid();
    for (&x, &v) in a.iter().zip(&y) {
        assert_eq!(v.to_bits(), sigtab::exact::sigmoid(x).to_bits());
    }
    // The table kernels differ from the exact ones inside the table, so the test above can tell
    // which family ran.
    let t = sigtab::ndarray::table::SigmoidExt::sigmoid(&a);
    assert_ne!(t[1].to_bits(), y[1].to_bits());
}

/// With `std` (a default feature) the re-exported `ndarray` has its std-only constructors, so a
/// user who depends on sigtab alone can build arrays with it.
#[test]
fn the_reexport_has_the_std_constructors() {
    use sigtab::ndarray::SigmoidExt;
    let a = sigtab::ndarray::ndarray::Array1::<f64>::linspace(-1.0, 1.0, 5);
    assert_eq!(a.sigmoid()[2], 0.5);
}
