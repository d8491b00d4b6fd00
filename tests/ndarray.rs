//! `SigmoidExt` on arrays of every layout equals the exact scalar kernels element for element:
//! 0-d, 1-d, 3-d, C and Fortran order (kept in the result), strided and permuted views, in place.
#![cfg(feature = "ndarray")]

use ndarray::{Array, Array0, Array3, ArrayD, Axis, IxDyn, ShapeBuilder, s};
use sigtab::exact;
use sigtab::ndarray::SigmoidExt;

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
    for (((&x, &s), &g), (&s2, &g2)) in a.iter().zip(&y).zip(&dy).zip(y2.iter().zip(&dy2)) {
        let want = (
            exact::sigmoid(x).to_bits(),
            exact::sigmoid_grad(x).to_bits(),
        );
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
    let y32 = a32.sigmoid();
    assert!(
        a32.iter()
            .zip(&y32)
            .all(|(&x, &s)| s.to_bits() == exact::sigmoid(x).to_bits())
    );
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
    assert!(
        y.t().is_standard_layout(),
        "F-order input gives an F-order result"
    );
    assert_eq!(y.strides(), a.strides());
    let mut b = filled((4, 5, 6), false);
    let before = b.clone();
    b.slice_mut(s![.., ..;2, ..]).sigmoid_in_place();
    for ((i, j, k), &v) in b.indexed_iter() {
        let x = before[[i, j, k]];
        let want = if j % 2 == 0 { exact::sigmoid(x) } else { x };
        assert_eq!(v, want);
    }
}
