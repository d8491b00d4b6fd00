//! All cores: the slice functions of [`crate::exact`], [`crate::table`] and
//! [`crate::table::hermite`] split across rayon's thread pool (feature `parallel`).
//!
//! `sigtab::par::exact::sigmoid_slice` is `sigtab::exact::sigmoid_slice` on every core, and so on
//! name for name: the mirror is kept, and switching is again one word in the path. Slices shorter
//! than [`MIN_PARALLEL_LEN`] stay on the calling thread, and longer ones are split into tasks of at
//! least [`MIN_TASK_LEN`] elements (waking the pool costs more than it saves below that). Every
//! element equals the single-threaded result bit for bit: the work is split into chunks, never
//! changed.
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

/// Elements per task, at least (about: the last task of a slice may be a few elements short).
///
/// Handing a task to another thread costs microseconds (a steal, a wake-up), so tasks must be
/// long enough to hide it, and the limit is per task rather than per slice so that a machine
/// with many threads does not cut a mid-sized slice into many short tasks. The old policy (any
/// slice of 64Ki elements or more, in tasks of 16Ki) made `par` slower than one thread on a
/// many-core Intel at 65536 f64 elements (1.93 against 1.29 ns per element), and tasks of 16Ki
/// lose on 2 cores too. Measured on a 2-core Zen 4 (KVM guest), exact `sigmoid_and_grad_slice`,
/// calls back to back, speed-up over one thread by task length:
///
/// | n | tasks of 16Ki | 32Ki | 64Ki | n/2 |
/// | ---: | ---: | ---: | ---: | ---: |
/// | 128Ki f32 | 0.98x | 1.48x | 1.46x | 1.49x |
/// | 128Ki f64 | 1.19x | 1.76x | 1.77x | 1.77x |
/// | 1Mi f32 | 1.70x | 1.89x | 1.88x | 1.89x |
/// | 16Mi f32 | 1.88x | 1.92x | 1.92x | 1.98x |
///
/// 64Ki elements is 25 µs of the cheapest kernel (exact f32, 0.4 ns per element here) and
/// 75 µs in f64; the table kernels cost more per element, so their tasks are longer still.
///
/// # Example
/// ```
/// assert_eq!(sigtab::par::MIN_TASK_LEN, 1 << 16);
/// ```
pub const MIN_TASK_LEN: usize = 1 << 16;

/// Below this many elements (two tasks) the `par` functions run on the calling thread, as they
/// do when rayon's pool has one thread.
///
/// A slice of `n >= MIN_PARALLEL_LEN` elements is split into `n / MIN_TASK_LEN` tasks of equal
/// length, so a slice only wakes as many threads as it has tasks of [`MIN_TASK_LEN`].
///
/// A call that finds the pool asleep (nothing ran on it for a while) first waits for a worker to
/// wake: 50 to 100 µs on the 2-core Zen 4 of [`MIN_TASK_LEN`]'s table, which one-thread calls of
/// a few hundred thousand elements do not take. Called back to back, as in a loop over batches, the
/// pool stays awake and that table's speed-ups hold; a program that calls `par` now and then on mid-sized slices is faster
/// with the one-thread functions (`cargo bench --features parallel -- parallel/` measures yours).
///
/// # Example
/// ```
/// use sigtab::par::{MIN_PARALLEL_LEN, MIN_TASK_LEN};
/// assert_eq!(MIN_PARALLEL_LEN, 2 * MIN_TASK_LEN);
/// ```
pub const MIN_PARALLEL_LEN: usize = 2 * MIN_TASK_LEN;

/// The task length for a slice of `n` elements, or `None` to stay on the calling thread.
fn task_len(n: usize) -> Option<usize> {
    if n < MIN_PARALLEL_LEN || rayon::current_num_threads() < 2 {
        return None;
    }
    // `n / MIN_TASK_LEN` tasks (>= 2) of equal length, each at least MIN_TASK_LEN but for the
    // last, which is short by fewer elements than there are tasks.
    Some(n.div_ceil(n / MIN_TASK_LEN))
}

/// `f(x_chunk, out_chunk)` over matching chunks, on the pool above the threshold.
fn map<T: Float>(x: &[T], out: &mut [T], f: impl Fn(&[T], &mut [T]) + Sync) {
    match task_len(x.len()) {
        None => f(x, out),
        Some(len) => x
            .par_chunks(len)
            .zip(out.par_chunks_mut(len))
            .for_each(|(x, out)| f(x, out)),
    }
}

/// `f(x_chunk, y_chunk, dy_chunk)` over matching chunks.
fn map2<T: Float>(x: &[T], y: &mut [T], dy: &mut [T], f: impl Fn(&[T], &mut [T], &mut [T]) + Sync) {
    match task_len(x.len()) {
        None => f(x, y, dy),
        Some(len) => x
            .par_chunks(len)
            .zip(y.par_chunks_mut(len))
            .zip(dy.par_chunks_mut(len))
            .for_each(|((x, y), dy)| f(x, y, dy)),
    }
}

/// `f(x_chunk, target_chunk, out_chunk)` over matching chunks of the two inputs and the output.
fn map_binary<T: Float>(
    x: &[T],
    target: &[T],
    out: &mut [T],
    f: impl Fn(&[T], &[T], &mut [T]) + Sync,
) {
    match task_len(x.len()) {
        None => f(x, target, out),
        Some(len) => x
            .par_chunks(len)
            .zip(target.par_chunks(len))
            .zip(out.par_chunks_mut(len))
            .for_each(|((x, target), out)| f(x, target, out)),
    }
}

/// `f(chunk)` over the chunks of `x`.
fn map_in_place<T: Float>(x: &mut [T], f: impl Fn(&mut [T]) + Sync) {
    match task_len(x.len()) {
        None => f(x),
        Some(len) => x.par_chunks_mut(len).for_each(&f),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every task has about MIN_TASK_LEN elements or more, and there are at least two.
    #[test]
    fn tasks_are_never_small() {
        assert_eq!(task_len(MIN_PARALLEL_LEN - 1), None);
        if rayon::current_num_threads() < 2 {
            return;
        }
        for n in [
            MIN_PARALLEL_LEN,
            MIN_PARALLEL_LEN + 5,
            3 * MIN_TASK_LEN - 1,
            1 << 24,
            (1 << 24) + 12345,
        ] {
            let len = task_len(n).unwrap();
            let tasks = n.div_ceil(len);
            let last = n - (tasks - 1) * len;
            assert!(
                tasks >= 2 && len >= MIN_TASK_LEN,
                "n = {n}: {tasks} tasks of {len}"
            );
            assert!(last + tasks > MIN_TASK_LEN, "n = {n}: last task {last}");
        }
    }
}

/// The slice and in-place functions of one kernel family, on the pool: one of each for every
/// function of the list (`registry.rs`) the family has (`list = tables`: the table families,
/// without the exact-only functions).
macro_rules! par_api {
    ($path:literal, list = tables, $($family:ident)::+) => {
        par_api!(@api [tables:] $path, $($family)::+);
    };
    ($path:literal, $($family:ident)::+) => {
        par_api!(@api [] $path, $($family)::+);
    };
    (@api [$($list:tt)*] $path:literal, $($family:ident)::+) => {
        use $crate::Float;
        use $crate::registry::for_each_function;
        use $crate::slice::check_len;
        use $crate::$($family)::+::Kernels;

        // The family in the docs of the listed functions (see `registry.rs`).
        macro_rules! family {
            () => {
                $path
            };
        }

        for_each_function!($($list)* par_functions);
    };
}

/// The `par` functions of every listed function: its slice form, then its in-place form (with
/// one output). A callback of `for_each_function!`.
macro_rules! par_functions {
    ([] $($name:ident {
        arity: $i:tt -> $o:tt,
        forms: $forms:tt,
        kernel: $kernel:ident,
        computes: $computes:literal,
        error: $error:tt,
        python: $python:ident,
        docs: {
            free: $free:tt,
            kernels: $kernels:tt,
            par: $docs:tt,
            half: $half:tt,
            ndarray: $ndarray:tt $(,)?
        } $(,)?
    })*) => {
        $(par_functions!(@slice ($i -> $o) $forms $docs);)*
        $(par_functions!(@in_place ($i -> $o) $forms $docs);)*
    };
    (@slice $arity:tt { scalar: $_s:ident, slice: $slice:ident $($_f:tt)* }
        { slice: { $($example:tt)* } $($_d:tt)* }) => {
        par_functions!(@slice_fn $arity $slice [
            #[doc = concat!(" [`", family!(), "::", stringify!($slice), "`](crate::", family!(), "::", stringify!($slice), ") on every core.")]
        ] [
            ///
            /// # Example
            /// ```
            $($example)*
            /// ```
        ]);
    };
    (@slice_fn (1 -> 1) $slice:ident [$($head:tt)*] [$($doc:tt)*]) => {
        $crate::api::documented! {
            [
                $($head)*
                ///
                /// # Panics
                /// If `x.len() != out.len()`, with both lengths in the message.
                $($doc)*
            ]
            #[track_caller]
            pub fn $slice<T: Float>(x: &[T], out: &mut [T]) {
                check_len(stringify!($slice), x.len(), out.len());
                let k = Kernels::detect();
                map(x, out, |x, out| k.$slice(x, out));
            }
        }
    };
    (@slice_fn (1 -> 2) $slice:ident [$($head:tt)*] [$($doc:tt)*]) => {
        $crate::api::documented! {
            [
                $($head)*
                ///
                /// # Panics
                /// If `y` or `dy` is not as long as `x`, with the lengths in the message.
                $($doc)*
            ]
            #[track_caller]
            pub fn $slice<T: Float>(x: &[T], y: &mut [T], dy: &mut [T]) {
                check_len(concat!(stringify!($slice), " (y)"), x.len(), y.len());
                check_len(concat!(stringify!($slice), " (dy)"), x.len(), dy.len());
                let k = Kernels::detect();
                map2(x, y, dy, |x, y, dy| k.$slice(x, y, dy));
            }
        }
    };
    (@slice_fn (2 -> 1) $slice:ident [$($head:tt)*] [$($doc:tt)*]) => {
        $crate::api::documented! {
            [
                $($head)*
                ///
                /// # Panics
                /// If `target` or `out` is not as long as `x`, with both lengths in the message.
                $($doc)*
            ]
            #[track_caller]
            pub fn $slice<T: Float>(x: &[T], target: &[T], out: &mut [T]) {
                $crate::slice::check_target_len(stringify!($slice), x.len(), target.len());
                check_len(stringify!($slice), x.len(), out.len());
                let k = Kernels::detect();
                $crate::par::map_binary(x, target, out, |x, target, out| k.$slice(x, target, out));
            }
        }
    };
    (@in_place (1 -> 1) { scalar: $_s:ident, slice: $_l:ident, in_place: $in_place:ident $(,)? }
        { slice: $_dl:tt, in_place: { $($example:tt)* } $(,)? }) => {
        $crate::api::documented! {
            [
                #[doc = concat!(" [`", family!(), "::", stringify!($in_place), "`](crate::", family!(), "::", stringify!($in_place), ") on every core.")]
                ///
                /// # Example
                /// ```
                $($example)*
                /// ```
            ]
            pub fn $in_place<T: Float>(x: &mut [T]) {
                let k = Kernels::detect();
                map_in_place(x, |x| k.$in_place(x));
            }
        }
    };
    (@in_place (1 -> 2) $($_:tt)*) => {};
    (@in_place (2 -> 1) $($_:tt)*) => {};
}

/// [`crate::exact`]'s slice functions on every core.
pub mod exact {
    use super::{map, map_in_place, map2};
    par_api!("exact", exact);
}

/// [`crate::table`]'s slice functions on every core.
pub mod table {
    use super::{map, map_in_place, map2};
    par_api!("table", list = tables, table);

    /// [`crate::table::hermite`]'s slice functions on every core.
    pub mod hermite {
        use super::super::{map, map_in_place, map2};
        par_api!("table::hermite", list = tables, table::hermite);
    }
}
