//! All cores: the slice functions of [`crate::exact`], [`crate::table`] and
//! [`crate::table::hermite`] split across rayon's thread pool (feature `parallel`).
//!
//! `sigtab::par::exact::sigmoid_slice` is `sigtab::exact::sigmoid_slice` on every core, and so on
//! name for name: the mirror is kept, and switching is again one word in the path. Slices shorter
//! than [`MIN_PARALLEL_LEN`] stay on the calling thread (waking the pool costs more than it saves
//! there). Every element equals the single-threaded result bit for bit: the work is split into
//! chunks, never changed.
//!
//! # Example
//! ```
//! let x: Vec<f32> = (0..1_000_000).map(|i| i as f32 * 1e-5 - 5.0).collect();
//! let mut y = vec![0.0; x.len()];
//! sigtab::par::exact::sigmoid_slice(&x, &mut y);
//! assert_eq!(y[500_000], sigtab::exact::sigmoid(x[500_000]));
//! ```

use rayon::prelude::*;

use crate::Float;

/// Below this many elements the `par` functions run on the calling thread.
///
/// Measured with `cargo bench --features parallel -- parallel/` on 2 cores (Zen 4), exact f32
/// `sigmoid_and_grad_slice`: at 32K elements splitting is slower than one thread (27 µs against
/// 24 µs: waking the pool costs a few microseconds), at 64K it is 1.45x faster, at 256K 1.7x,
/// at 16M 1.95x. f64 and the tables cost more per element, so they gain from here on too.
///
/// # Example
/// ```
/// assert!(sigtab::par::MIN_PARALLEL_LEN >= sigtab::par::CHUNK_LEN);
/// ```
pub const MIN_PARALLEL_LEN: usize = 1 << 16;

/// Elements per task once a slice is split: large enough that the per-task cost is noise, small
/// enough that the cores finish together.
///
/// # Example
/// ```
/// assert_eq!(sigtab::par::CHUNK_LEN % 64, 0);
/// ```
pub const CHUNK_LEN: usize = 1 << 14;

/// `f(x_chunk, out_chunk)` over matching chunks, on the pool above the threshold.
fn map<T: Float>(x: &[T], out: &mut [T], f: impl Fn(&[T], &mut [T]) + Sync) {
    if x.len() < MIN_PARALLEL_LEN {
        f(x, out);
    } else {
        x.par_chunks(CHUNK_LEN)
            .zip(out.par_chunks_mut(CHUNK_LEN))
            .for_each(|(x, out)| f(x, out));
    }
}

/// `f(x_chunk, y_chunk, dy_chunk)` over matching chunks.
fn map2<T: Float>(x: &[T], y: &mut [T], dy: &mut [T], f: impl Fn(&[T], &mut [T], &mut [T]) + Sync) {
    if x.len() < MIN_PARALLEL_LEN {
        f(x, y, dy);
    } else {
        x.par_chunks(CHUNK_LEN)
            .zip(y.par_chunks_mut(CHUNK_LEN))
            .zip(dy.par_chunks_mut(CHUNK_LEN))
            .for_each(|((x, y), dy)| f(x, y, dy));
    }
}

/// `f(chunk)` over the chunks of `x`.
fn map_in_place<T: Float>(x: &mut [T], f: impl Fn(&mut [T]) + Sync) {
    if x.len() < MIN_PARALLEL_LEN {
        f(x);
    } else {
        x.par_chunks_mut(CHUNK_LEN).for_each(&f);
    }
}

/// The five slice functions of one kernel family, on the pool.
macro_rules! par_api {
    ($path:literal, $($family:ident)::+) => {
        use $crate::Float;
        use $crate::slice::check_len;
        use $crate::$($family)::+::Kernels;

        #[doc = concat!("[`", $path, "::sigmoid_slice`](crate::", $path, "::sigmoid_slice) on every core.")]
        ///
        /// # Panics
        /// If `x.len() != out.len()`, with both lengths in the message.
        ///
        /// # Example
        /// ```
        /// let x = vec![0.0f64; 100_000];
        /// let mut y = vec![1.0; 100_000];
        #[doc = concat!("sigtab::par::", $path, "::sigmoid_slice(&x, &mut y);")]
        /// assert!(y.iter().all(|&v| v == 0.5));
        /// ```
        #[track_caller]
        pub fn sigmoid_slice<T: Float>(x: &[T], out: &mut [T]) {
            check_len("sigmoid_slice", x.len(), out.len());
            let k = Kernels::detect();
            map(x, out, |x, out| k.sigmoid_slice(x, out));
        }

        #[doc = concat!("[`", $path, "::sigmoid_grad_slice`](crate::", $path, "::sigmoid_grad_slice) on every core.")]
        ///
        /// # Panics
        /// If `x.len() != out.len()`, with both lengths in the message.
        ///
        /// # Example
        /// ```
        /// let x = vec![0.0f32; 100_000];
        /// let mut dy = vec![0.0; 100_000];
        #[doc = concat!("sigtab::par::", $path, "::sigmoid_grad_slice(&x, &mut dy);")]
        /// assert!(dy.iter().all(|&v| v == 0.25));
        /// ```
        #[track_caller]
        pub fn sigmoid_grad_slice<T: Float>(x: &[T], out: &mut [T]) {
            check_len("sigmoid_grad_slice", x.len(), out.len());
            let k = Kernels::detect();
            map(x, out, |x, out| k.sigmoid_grad_slice(x, out));
        }

        #[doc = concat!("[`", $path, "::sigmoid_and_grad_slice`](crate::", $path, "::sigmoid_and_grad_slice) on every core.")]
        ///
        /// # Panics
        /// If `y` or `dy` is not as long as `x`, with the lengths in the message.
        ///
        /// # Example
        /// ```
        /// let x = vec![0.0f64; 100_000];
        /// let (mut y, mut dy) = (vec![0.0; 100_000], vec![0.0; 100_000]);
        #[doc = concat!("sigtab::par::", $path, "::sigmoid_and_grad_slice(&x, &mut y, &mut dy);")]
        /// assert_eq!((y[99_999], dy[99_999]), (0.5, 0.25));
        /// ```
        #[track_caller]
        pub fn sigmoid_and_grad_slice<T: Float>(x: &[T], y: &mut [T], dy: &mut [T]) {
            check_len("sigmoid_and_grad_slice (y)", x.len(), y.len());
            check_len("sigmoid_and_grad_slice (dy)", x.len(), dy.len());
            let k = Kernels::detect();
            map2(x, y, dy, |x, y, dy| k.sigmoid_and_grad_slice(x, y, dy));
        }

        #[doc = concat!("[`", $path, "::sigmoid_in_place`](crate::", $path, "::sigmoid_in_place) on every core.")]
        ///
        /// # Example
        /// ```
        /// let mut x = vec![0.0f32; 100_000];
        #[doc = concat!("sigtab::par::", $path, "::sigmoid_in_place(&mut x);")]
        /// assert!(x.iter().all(|&v| v == 0.5));
        /// ```
        pub fn sigmoid_in_place<T: Float>(x: &mut [T]) {
            let k = Kernels::detect();
            map_in_place(x, |x| k.sigmoid_in_place(x));
        }

        #[doc = concat!("[`", $path, "::sigmoid_grad_in_place`](crate::", $path, "::sigmoid_grad_in_place) on every core.")]
        ///
        /// # Example
        /// ```
        /// let mut x = vec![0.0f64; 100_000];
        #[doc = concat!("sigtab::par::", $path, "::sigmoid_grad_in_place(&mut x);")]
        /// assert!(x.iter().all(|&v| v == 0.25));
        /// ```
        pub fn sigmoid_grad_in_place<T: Float>(x: &mut [T]) {
            let k = Kernels::detect();
            map_in_place(x, |x| k.sigmoid_grad_in_place(x));
        }
    };
}

/// [`crate::exact`]'s slice functions on every core.
pub mod exact {
    use super::{map, map_in_place, map2};
    par_api!("exact", exact);
}

/// [`crate::table`]'s slice functions on every core.
pub mod table {
    use super::{map, map_in_place, map2};
    par_api!("table", table);

    /// [`crate::table::hermite`]'s slice functions on every core.
    pub mod hermite {
        use super::super::{map, map_in_place, map2};
        par_api!("table::hermite", table::hermite);
    }
}
