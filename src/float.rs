//! The sealed float trait the public API is generic over.

/// `f32` or `f64`: the precisions sigtab computes in. Sealed: it cannot be implemented outside
/// this crate.
///
/// Only `f32` and `f64`. For `half::f16` and `half::bf16` use `sigtab::half` (feature `half`: the
/// same functions, through the f32 kernels, rounded once); convert other types to one of these
/// first (`x as f64`). Passing another type is a compile error that says so:
///
/// ```compile_fail,E0277
/// sigtab::exact::sigmoid(1u8); // error: sigtab computes in f32 or f64, not `u8`
/// ```
///
/// Only the bounds written here are API. The sealed supertrait carries the kernels' internal
/// constants and bit operations; Rust lets generic code reach them through `T: Float` (for
/// example `x.abs()` or `T::ONE`), but they are implementation details that may change in any
/// release. For arithmetic on `T` beyond these bounds, add your own bound (`num-traits`' `Float`,
/// say) next to this one.
///
/// # Example
/// ```
/// fn logistic<T: sigtab::Float>(x: T) -> T {
///     sigtab::exact::sigmoid(x)
/// }
/// assert_eq!(logistic(0.0f32), 0.5);
/// assert_eq!(logistic(0.0f64), 0.5);
/// ```
#[diagnostic::on_unimplemented(
    message = "sigtab computes in f32 or f64, not `{Self}`",
    label = "not f32 or f64",
    note = "for half::f16 and half::bf16 use `sigtab::half::*` (feature `half`); convert other types to f32 or f64 first"
)]
pub trait Float:
    sealed::Sealed + Copy + PartialOrd + core::fmt::Debug + Default + Send + Sync + 'static
{
}

impl Float for f32 {}
impl Float for f64 {}

pub(crate) mod sealed {
    /// What every precision must provide to the kernels.
    pub trait Sealed:
        crate::exact::kernel::Consts + crate::table::lookup::TableData + crate::slice::Element
    {
    }
    impl Sealed for f32 {}
    impl Sealed for f64 {}
}
