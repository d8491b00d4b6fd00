// The front page is README.md with its plots drawn inline (build/front_page.rs), so that it needs
// no file beside it where it is rendered (docs.rs, a dependency's `cargo doc`).
#![doc = include_str!(concat!(env!("OUT_DIR"), "/front_page.md"))]
#![no_std]
#![deny(missing_docs)]
#![deny(unsafe_op_in_unsafe_fn)]
// docs.rs (`--cfg docsrs`, nightly) marks the items each feature adds.
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "ndarray")]
extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

mod api;
mod arch;
pub mod exact;
mod float;
#[cfg(feature = "half")]
#[cfg_attr(docsrs, doc(cfg(feature = "half")))]
pub mod half;
#[cfg(feature = "ndarray")]
#[cfg_attr(docsrs, doc(cfg(feature = "ndarray")))]
pub mod ndarray;
#[cfg(feature = "parallel")]
#[cfg_attr(docsrs, doc(cfg(feature = "parallel")))]
pub mod par;
mod real;
mod registry;
mod slice;
pub mod table;

pub use arch::Backend;
pub use float::Float;

/// The derivative from the sigmoid's output: `y * (1 - y)`, as training loops compute it.
///
/// Cheap (one multiply-subtract), but it loses the derivative once `y` rounds to 1: it returns
/// exactly 0 for x ≳ 17.3 in f32 and x ≳ 37.4 in f64, where [`exact::sigmoid_grad`] still returns
/// the correct tiny value (`sigmoid_grad(40.0f64) = 4.25e-18`).
///
/// # Example
/// ```
/// use sigtab::{exact, grad_from_output};
/// assert_eq!(grad_from_output(0.5f64), 0.25);
/// assert_eq!(grad_from_output(exact::sigmoid(40.0f64)), 0.0);
/// assert!(exact::sigmoid_grad(40.0f64) > 0.0);
/// ```
#[inline]
pub fn grad_from_output<T: Float>(y: T) -> T {
    y * (<T as real::Real>::ONE - y)
}

#[cfg(test)]
mod front_page {
    /// The crate's front page as rustdoc renders it.
    const PAGE: &str = include_str!(concat!(env!("OUT_DIR"), "/front_page.md"));

    /// The front page refers to no file: every plot the README shows is drawn inline, and no
    /// image or link points at a relative path (broken on docs.rs and crates.io alike).
    #[test]
    fn front_page_needs_no_file_beside_it() {
        let readme = include_str!("../README.md");
        let shown = readme.matches("](docs/plots/").count();
        assert!(shown > 0, "the README shows its plots");
        assert_eq!(PAGE.matches("<svg").count(), shown, "every plot inline");
        for (i, _) in PAGE.match_indices("](") {
            let target = &PAGE[i + 2..];
            assert!(
                target.starts_with('#') || target.starts_with("https://"),
                "relative link or image on the front page: {}",
                &target[..target.len().min(60)]
            );
        }
        assert!(!PAGE.contains("src=\""), "no <img src> on the front page");
    }
}
