//! Backends and run-time dispatch.
//!
//! A backend is one instantiation of the generic slice loops (`crate::slice`) under a set of
//! target features: `portable.rs` (none, fused multiply-add as written), `x86_64/sse2.rs`
//! (baseline, no FMA), `x86_64/avx2.rs` (AVX2+FMA), `x86_64/avx512.rs` (AVX-512 F/VL/DQ/BW and
//! FMA), `aarch64/neon.rs` (baseline NEON). The best one is detected once and cached; [`Backend`]
//! lets tests and benchmarks force any available one.

use core::sync::atomic::{AtomicU8, Ordering};

/// Writes the backend functions for one multiply-add kind and one optional feature set, and
/// optionally the lane type (an associated type of `slice::Element`) the exact kernels' slice
/// loops run on explicitly.
///
/// Every function is `unsafe` with one contract: the CPU supports the features named in the
/// `#[target_feature]` attribute (none for the baseline backends).
macro_rules! backend {
    (@scalar $mul:ty $(, $feat:literal)?) => {
        use crate::slice::{self, Binary, Unary, UnaryPair};

        /// `K(x)`.
        ///
        /// # Safety
        /// The CPU must support this backend's target features.
        $(#[target_feature(enable = $feat)])?
        #[inline]
        pub(crate) unsafe fn scalar<F: Copy, K: Unary<F>>(x: F) -> F {
            K::eval_one::<crate::real::Indexed<$mul>>(x)
        }

        /// `K(x)` for a pair of functions.
        ///
        /// # Safety
        /// The CPU must support this backend's target features.
        $(#[target_feature(enable = $feat)])?
        #[inline]
        pub(crate) unsafe fn scalar2<F: Copy, K: UnaryPair<F>>(x: F) -> (F, F) {
            K::eval2_one::<crate::real::Indexed<$mul>>(x)
        }

        /// `K(x, t)` for a function of two inputs.
        ///
        /// # Safety
        /// The CPU must support this backend's target features.
        $(#[target_feature(enable = $feat)])?
        #[inline]
        pub(crate) unsafe fn scalar_binary<F: Copy, K: Binary<F>>(x: F, t: F) -> F {
            K::eval_one::<crate::real::Indexed<$mul>>(x, t)
        }
    };
    ($mul:ty $(, $feat:literal)?) => {
        backend!(@scalar $mul $(, $feat)?);

        /// `out[i] = K(x[i])` (lengths checked by the caller; extra elements are ignored).
        ///
        /// # Safety
        /// The CPU must support this backend's target features.
        $(#[target_feature(enable = $feat)])?
        pub(crate) unsafe fn map<F: slice::Element, K: Unary<F>>(x: &[F], out: &mut [F]) {
            slice::map::<F, $mul, K>(x, out)
        }

        /// `x[i] = K(x[i])`.
        ///
        /// # Safety
        /// The CPU must support this backend's target features.
        $(#[target_feature(enable = $feat)])?
        pub(crate) unsafe fn map_in_place<F: slice::Element, K: Unary<F>>(x: &mut [F]) {
            slice::map_in_place::<F, $mul, K>(x)
        }

        /// `(y[i], dy[i]) = K(x[i])`.
        ///
        /// # Safety
        /// The CPU must support this backend's target features.
        $(#[target_feature(enable = $feat)])?
        pub(crate) unsafe fn map2<F: slice::Element, K: UnaryPair<F>>(x: &[F], y: &mut [F], dy: &mut [F]) {
            slice::map2::<F, $mul, K>(x, y, dy)
        }

        /// `out[i] = K(x[i], t[i])` (lengths checked by the caller; extra elements are ignored).
        ///
        /// # Safety
        /// The CPU must support this backend's target features.
        $(#[target_feature(enable = $feat)])?
        pub(crate) unsafe fn map_binary<F: slice::Element, K: Binary<F>>(x: &[F], t: &[F], out: &mut [F]) {
            slice::map_binary::<F, $mul, K>(x, t, out)
        }
    };
    ($mul:ty, $feat:literal, lanes = $lanes:ident) => {
        backend!(@scalar $mul, $feat);

        /// `out[i] = K(x[i])` (lengths checked by the caller; extra elements are ignored), on
        /// explicit lanes where the kernel runs on them.
        ///
        /// # Safety
        /// The CPU must support this backend's target features.
        #[target_feature(enable = $feat)]
        pub(crate) unsafe fn map<F: slice::Element, K: Unary<F>>(x: &[F], out: &mut [F]) {
            // SAFETY: the lane type needs this function's features, which the caller vouches for.
            unsafe { slice::map_lanes::<F, $mul, K, F::$lanes>(x, out) }
        }

        /// `x[i] = K(x[i])`, on explicit lanes where the kernel runs on them.
        ///
        /// # Safety
        /// The CPU must support this backend's target features.
        #[target_feature(enable = $feat)]
        pub(crate) unsafe fn map_in_place<F: slice::Element, K: Unary<F>>(x: &mut [F]) {
            // SAFETY: as in `map`.
            unsafe { slice::map_in_place_lanes::<F, $mul, K, F::$lanes>(x) }
        }

        /// `(y[i], dy[i]) = K(x[i])`, on explicit lanes where the kernel runs on them.
        ///
        /// # Safety
        /// The CPU must support this backend's target features.
        #[target_feature(enable = $feat)]
        pub(crate) unsafe fn map2<F: slice::Element, K: UnaryPair<F>>(x: &[F], y: &mut [F], dy: &mut [F]) {
            // SAFETY: as in `map`.
            unsafe { slice::map2_lanes::<F, $mul, K, F::$lanes>(x, y, dy) }
        }

        /// `out[i] = K(x[i], t[i])` (lengths checked by the caller; extra elements are ignored),
        /// on explicit lanes where the kernel runs on them.
        ///
        /// # Safety
        /// The CPU must support this backend's target features.
        #[target_feature(enable = $feat)]
        pub(crate) unsafe fn map_binary<F: slice::Element, K: Binary<F>>(x: &[F], t: &[F], out: &mut [F]) {
            // SAFETY: as in `map`.
            unsafe { slice::map_binary_lanes::<F, $mul, K, F::$lanes>(x, t, out) }
        }
    };
}

pub(crate) mod portable;

#[cfg(target_arch = "x86_64")]
pub(crate) mod x86_64;

#[cfg(target_arch = "aarch64")]
pub(crate) mod aarch64;

/// A set of CPU features the kernels can be compiled for.
///
/// [`Backend::detect`] picks the fastest one this CPU supports (once; the choice is cached).
/// Every backend meets the same accuracy bounds; the ones with fused multiply-add (portable,
/// AVX2+FMA, AVX-512, NEON) return bit-identical results, and SSE2 (no FMA) stays within the
/// bounds.
///
/// # Example
/// ```
/// use sigtab::Backend;
/// let best = Backend::detect();
/// assert!(best.is_available());
/// assert!(Backend::available().any(|b| b == best));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Backend {
    /// Plain Rust, no target features: the reference, and what Miri runs.
    Portable,
    /// x86_64 baseline: SSE2, no FMA.
    Sse2,
    /// x86_64 with AVX2 and FMA.
    Avx2Fma,
    /// x86_64 with AVX-512 (F, VL, DQ, BW) and FMA.
    Avx512,
    /// aarch64 baseline: NEON with FMA.
    Neon,
}

/// Every backend, in order of preference (last is best). `ALL[b as usize] == b`: the detection
/// cache stores `b as u8` and reads it back through this array (checked below at compile time).
const ALL: [Backend; 5] = [
    Backend::Portable,
    Backend::Sse2,
    Backend::Avx2Fma,
    Backend::Avx512,
    Backend::Neon,
];

// The cache's round trip `ALL[b as u8 as usize] == b`: reordering the array or the enum fails the
// build, and so does a backend whose index would collide with the empty-cache mark.
const _: () = {
    let mut i = 0;
    while i < ALL.len() {
        assert!(
            ALL[i] as usize == i,
            "ALL must list the backends in declaration order"
        );
        i += 1;
    }
    assert!(
        ALL.len() <= u8::MAX as usize,
        "u8::MAX marks the empty cache"
    );
};

/// The build itself has fused multiply-add (x86_64 built with AVX2 and FMA, e.g.
/// `-C target-cpu=native` or `x86-64-v3`; aarch64): the free scalar functions then run the
/// generic kernel inline in the caller's code, with no dispatch, and a caller's loop over them
/// vectorizes for the build's features. The results are the FMA backends' bits, and the slices
/// run on an FMA backend too: such a build only runs on CPUs with AVX2 and FMA, which detection
/// (or, without `std`, the same target features) turns into AVX2+FMA or AVX-512. FMA alone is not
/// enough: without AVX2 the slices would run on SSE2, whose last bits differ.
pub(crate) const INLINE_FMA: bool = cfg!(any(
    all(
        target_arch = "x86_64",
        target_feature = "fma",
        target_feature = "avx2"
    ),
    all(target_arch = "aarch64", target_feature = "neon")
));

static DETECTED: AtomicU8 = AtomicU8::new(u8::MAX);

impl Backend {
    /// The fastest backend this CPU supports, detected on first use and cached.
    ///
    /// # Example
    /// ```
    /// println!("sigtab uses {}", sigtab::Backend::detect().name());
    /// ```
    #[inline]
    pub fn detect() -> Backend {
        let cached = DETECTED.load(Ordering::Relaxed);
        if let Some(&b) = ALL.get(cached as usize) {
            return b;
        }
        let best = ALL
            .iter()
            .rev()
            .copied()
            .find(|b| b.is_available())
            .unwrap_or(Backend::Portable);
        DETECTED.store(best as u8, Ordering::Relaxed);
        best
    }

    /// Whether this CPU (and this build) can run the backend.
    ///
    /// # Example
    /// ```
    /// assert!(sigtab::Backend::Portable.is_available());
    /// ```
    pub fn is_available(self) -> bool {
        match self {
            Backend::Portable => true,
            Backend::Sse2 => cfg!(target_arch = "x86_64"),
            Backend::Avx2Fma => has_avx2_fma(),
            Backend::Avx512 => has_avx512(),
            Backend::Neon => cfg!(target_arch = "aarch64"),
        }
    }

    /// The backends this CPU can run, portable first.
    ///
    /// # Example
    /// ```
    /// assert!(sigtab::Backend::available().count() >= 1);
    /// ```
    pub fn available() -> impl Iterator<Item = Backend> {
        ALL.into_iter().filter(|b| b.is_available())
    }

    /// A short name: `"portable"`, `"sse2"`, `"avx2+fma"`, `"avx512"` or `"neon"`.
    ///
    /// # Example
    /// ```
    /// assert_eq!(sigtab::Backend::Portable.name(), "portable");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Backend::Portable => "portable",
            Backend::Sse2 => "sse2",
            Backend::Avx2Fma => "avx2+fma",
            Backend::Avx512 => "avx512",
            Backend::Neon => "neon",
        }
    }
}

// Under Miri only the plain-Rust backends (portable, SSE2) run: Miri does not emulate CPUID.
#[cfg(all(target_arch = "x86_64", feature = "std", not(miri)))]
fn has_avx2_fma() -> bool {
    std::is_x86_feature_detected!("avx2") && std::is_x86_feature_detected!("fma")
}

#[cfg(not(all(target_arch = "x86_64", feature = "std", not(miri))))]
fn has_avx2_fma() -> bool {
    // Without std there is no run-time detection: the build's target features decide.
    cfg!(all(
        target_arch = "x86_64",
        target_feature = "avx2",
        target_feature = "fma"
    ))
}

#[cfg(all(target_arch = "x86_64", feature = "std", not(miri)))]
fn has_avx512() -> bool {
    std::is_x86_feature_detected!("avx512f")
        && std::is_x86_feature_detected!("avx512vl")
        && std::is_x86_feature_detected!("avx512dq")
        && std::is_x86_feature_detected!("avx512bw")
        && std::is_x86_feature_detected!("fma")
}

#[cfg(not(all(target_arch = "x86_64", feature = "std", not(miri))))]
fn has_avx512() -> bool {
    cfg!(all(
        target_arch = "x86_64",
        target_feature = "avx512f",
        target_feature = "avx512vl",
        target_feature = "avx512dq",
        target_feature = "avx512bw",
        target_feature = "fma"
    ))
}

/// Calls `$f::<generics>(args)` of the module of backend `$b`.
///
/// `$b` must be available (`Backend::is_available`): every constructor of a backend value that
/// reaches here checks it, which is what makes the `unsafe` calls sound.
macro_rules! dispatch {
    ($b:expr, $f:ident::<$($g:ty),*>($($arg:expr),*)) => {{
        match $b {
            #[cfg(target_arch = "x86_64")]
            // SAFETY: the caller holds an available backend; this one needs only SSE2 (baseline).
            $crate::arch::Backend::Sse2 => unsafe { $crate::arch::x86_64::sse2::$f::<$($g),*>($($arg),*) },
            #[cfg(target_arch = "x86_64")]
            // SAFETY: Avx2Fma is only handed out after AVX2 and FMA were detected.
            $crate::arch::Backend::Avx2Fma => unsafe { $crate::arch::x86_64::avx2::$f::<$($g),*>($($arg),*) },
            #[cfg(target_arch = "x86_64")]
            // SAFETY: Avx512 is only handed out after AVX-512 F/VL/DQ/BW and FMA were detected.
            $crate::arch::Backend::Avx512 => unsafe { $crate::arch::x86_64::avx512::$f::<$($g),*>($($arg),*) },
            #[cfg(target_arch = "aarch64")]
            // SAFETY: NEON is part of the aarch64 baseline.
            $crate::arch::Backend::Neon => unsafe { $crate::arch::aarch64::neon::$f::<$($g),*>($($arg),*) },
            // SAFETY: the portable backend enables no target features.
            _ => unsafe { $crate::arch::portable::$f::<$($g),*>($($arg),*) },
        }
    }};
}
pub(crate) use dispatch;
