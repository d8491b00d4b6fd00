//! The public API every kernel family shares, written once: `exact`, `table` and
//! `table::hermite` expand `kernel_api!` with their own kernels, so they mirror each other name
//! for name and switching is a one-word path change. The functions are the list of
//! `registry.rs`: `kernel_methods!` and `free_functions!` are its callbacks.

/// Expands to a `Kernels` type and, for every function of the list (`registry.rs`), its free
/// functions (scalar, slice and, with one input and one output, in place) and the same `Kernels` methods, over
/// the family's kernel types: each entry's `kernel` followed by `$interp` (nothing for the exact
/// kernels, `<Linear>` or `<Hermite>` for the tables). `$path` is the module's path for the doc
/// examples; `$acc` the accuracy guarantee, in words; `$inline` whether the scalar functions run
/// the kernel inline when the build has FMA (`INLINE_FMA`): the exact kernels do (branch-free, so
/// a caller's loop vectorizes); the tables do not, since a caller's loop over their branchy
/// kernel, vectorized for AVX2, came out 5-9x slower than the dispatched call
/// (`-C target-cpu=x86-64-v3`, measured on Zen 4). `list = tables` (the table families) leaves
/// out the exact-only functions (`table: none` in `registry.rs`); without it, every listed
/// function is written.
macro_rules! kernel_api {
    ($path:literal, $acc:literal, inline = $inline:literal, list = tables, kernel = _ $($interp:tt)*) => {
        $crate::api::kernel_api!(@api [tables:] $path, $acc, $inline, [$($interp)*]);
    };
    ($path:literal, $acc:literal, inline = $inline:literal, kernel = _ $($interp:tt)*) => {
        $crate::api::kernel_api!(@api [] $path, $acc, $inline, [$($interp)*]);
    };
    (@api [$($list:tt)*] $path:literal, $acc:literal, $inline:literal, [$($interp:tt)*]) => {
        use $crate::Float;
        use $crate::api::{free_functions, kernel_methods};
        use $crate::arch::{Backend, INLINE_FMA, dispatch};
        use $crate::real::Fused;
        use $crate::registry::for_each_function;
        use $crate::slice::{Unary, UnaryPair, check_len};

        // The family in the docs of the listed functions (see `registry.rs`).
        macro_rules! family {
            () => {
                $path
            };
        }
        macro_rules! accuracy {
            () => {
                $acc
            };
        }

        #[doc = concat!("The kernels of `", $path, "` on one [`Backend`](crate::Backend): the same functions as the free functions of this module, which use [`Backend::detect`](crate::Backend::detect).")]
        ///
        /// # Example
        /// ```
        #[doc = concat!("use sigtab::{Backend, ", $path, "::Kernels};")]
        /// let x = [-1.0f64, 0.0, 1.0];
        /// let mut y = [0.0; 3];
        /// for backend in Backend::available() {
        ///     let k = Kernels::new(backend).unwrap();
        ///     k.sigmoid_slice(&x, &mut y);
        ///     assert_eq!(y[1], 0.5);
        /// }
        /// ```
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub struct Kernels {
            backend: Backend,
        }

        impl Kernels {
            /// The kernels on `backend`, or `None` if this CPU cannot run it.
            ///
            /// # Example
            /// ```
            #[doc = concat!("assert!(sigtab::", $path, "::Kernels::new(sigtab::Backend::Portable).is_some());")]
            /// ```
            pub fn new(backend: Backend) -> Option<Kernels> {
                backend.is_available().then_some(Kernels { backend })
            }

            /// The kernels on the detected backend.
            ///
            /// # Example
            /// ```
            #[doc = concat!("let k = sigtab::", $path, "::Kernels::detect();")]
            /// assert_eq!(k.backend(), sigtab::Backend::detect());
            /// ```
            #[inline]
            pub fn detect() -> Kernels {
                Kernels { backend: Backend::detect() }
            }

            /// The backend these kernels run on.
            ///
            /// # Example
            /// ```
            #[doc = concat!("let k = sigtab::", $path, "::Kernels::new(sigtab::Backend::Portable).unwrap();")]
            /// assert_eq!(k.backend(), sigtab::Backend::Portable);
            /// ```
            pub fn backend(self) -> Backend {
                self.backend
            }

            for_each_function!($($list)* kernel_methods, [$($interp)*]);
        }

        for_each_function!($($list)* free_functions, $inline, [$($interp)*]);
    };
}
pub(crate) use kernel_api;

/// The `Kernels` methods of every listed function, form by form: every scalar method, then every
/// slice method, then every in-place one (the order of the docs). A callback of
/// `for_each_function!`, given `[$interp]` (see [`kernel_api!`]).
macro_rules! kernel_methods {
    ([$interp:tt] $($name:ident {
        arity: $i:tt -> $o:tt,
        forms: $forms:tt,
        kernel: $kernel:ident,
        computes: $computes:literal,
        error: $error:tt,
        python: $python:ident,
        docs: {
            free: $free:tt,
            kernels: $docs:tt,
            par: $par:tt,
            half: $half:tt,
            ndarray: $ndarray:tt $(,)?
        } $(,)?
    })*) => {
        $(kernel_methods!(@scalar ($i -> $o) $forms $kernel $interp $docs);)*
        $(kernel_methods!(@slice ($i -> $o) $forms $kernel $interp $docs);)*
        $(kernel_methods!(@in_place ($i -> $o) $forms $kernel $interp $docs);)*
    };
    (@scalar $arity:tt { scalar: $scalar:ident, $($_f:tt)* } $kernel:ident $interp:tt
        { scalar: { $($example:tt)* } $($_d:tt)* }) => {
        kernel_methods!(@scalar_fn $arity $scalar $kernel $interp [
            #[doc = concat!(" See [`", stringify!($scalar), "`]. Always a call to this backend's function, which cannot be")]
            /// inlined: in a loop, the free function (inlined when the build has FMA) or the slice
            /// form is faster.
            ///
            /// # Example
            /// ```
            $($example)*
            /// ```
        ]);
    };
    (@scalar_fn (1 -> 1) $scalar:ident $kernel:ident [$($g:tt)*] [$($doc:tt)*]) => {
        $($doc)*
        #[inline]
        pub fn $scalar<T: Float>(self, x: T) -> T {
            dispatch!(self.backend, scalar::<T, $kernel $($g)*>(x))
        }
    };
    (@scalar_fn (1 -> 2) $scalar:ident $kernel:ident [$($g:tt)*] [$($doc:tt)*]) => {
        $($doc)*
        #[inline]
        pub fn $scalar<T: Float>(self, x: T) -> (T, T) {
            dispatch!(self.backend, scalar2::<T, $kernel $($g)*>(x))
        }
    };
    (@scalar_fn (2 -> 1) $scalar:ident $kernel:ident [$($g:tt)*] [$($doc:tt)*]) => {
        $($doc)*
        #[inline]
        pub fn $scalar<T: Float>(self, x: T, target: T) -> T {
            dispatch!(self.backend, scalar_binary::<T, $kernel $($g)*>(x, target))
        }
    };
    (@slice $arity:tt { scalar: $_s:ident, slice: $slice:ident $($_f:tt)* } $kernel:ident $interp:tt
        { scalar: $_ds:tt, slice: { $($example:tt)* } $($_d:tt)* }) => {
        kernel_methods!(@slice_fn $arity $slice $kernel $interp [
            #[doc = concat!(" See [`", stringify!($slice), "`].")]
            ///
            /// # Example
            /// ```
            $($example)*
            /// ```
        ]);
    };
    (@slice_fn (1 -> 1) $slice:ident $kernel:ident [$($g:tt)*] [$($doc:tt)*]) => {
        $($doc)*
        #[track_caller]
        pub fn $slice<T: Float>(self, x: &[T], out: &mut [T]) {
            check_len(stringify!($slice), x.len(), out.len());
            dispatch!(self.backend, map::<T, $kernel $($g)*>(x, out))
        }
    };
    (@slice_fn (1 -> 2) $slice:ident $kernel:ident [$($g:tt)*] [$($doc:tt)*]) => {
        $($doc)*
        #[track_caller]
        pub fn $slice<T: Float>(self, x: &[T], y: &mut [T], dy: &mut [T]) {
            check_len(concat!(stringify!($slice), " (y)"), x.len(), y.len());
            check_len(concat!(stringify!($slice), " (dy)"), x.len(), dy.len());
            dispatch!(self.backend, map2::<T, $kernel $($g)*>(x, y, dy))
        }
    };
    (@slice_fn (2 -> 1) $slice:ident $kernel:ident [$($g:tt)*] [$($doc:tt)*]) => {
        $($doc)*
        #[track_caller]
        pub fn $slice<T: Float>(self, x: &[T], target: &[T], out: &mut [T]) {
            $crate::slice::check_target_len(stringify!($slice), x.len(), target.len());
            check_len(stringify!($slice), x.len(), out.len());
            dispatch!(self.backend, map_binary::<T, $kernel $($g)*>(x, target, out))
        }
    };
    (@in_place (1 -> 1) { scalar: $_s:ident, slice: $_l:ident, in_place: $in_place:ident $(,)? }
        $kernel:ident [$($g:tt)*]
        { scalar: $_ds:tt, slice: $_dl:tt, in_place: { $($example:tt)* } $(,)? }) => {
        $crate::api::documented! {
            [
                #[doc = concat!(" See [`", stringify!($in_place), "`].")]
                ///
                /// # Example
                /// ```
                $($example)*
                /// ```
            ]
            pub fn $in_place<T: Float>(self, x: &mut [T]) {
                dispatch!(self.backend, map_in_place::<T, $kernel $($g)*>(x))
            }
        }
    };
    (@in_place (1 -> 2) $($_:tt)*) => {};
    (@in_place (2 -> 1) $($_:tt)*) => {};
}
pub(crate) use kernel_methods;

/// The free functions of every listed function: the scalar one runs the kernel inline when
/// `$inline` and the build has FMA, else the detected backend's; the slice and in-place ones the
/// detected backend's. A callback of `for_each_function!`, given `[$inline, $interp]` (see
/// [`kernel_api!`]).
macro_rules! free_functions {
    ([$inline:tt, $interp:tt] $($name:ident {
        arity: $i:tt -> $o:tt,
        forms: $forms:tt,
        kernel: $kernel:ident,
        computes: $computes:literal,
        error: $error:tt,
        python: $python:ident,
        docs: {
            free: $docs:tt,
            kernels: $kernels:tt,
            par: $par:tt,
            half: $half:tt,
            ndarray: $ndarray:tt $(,)?
        } $(,)?
    })*) => {
        $(free_functions!(@scalar $inline ($i -> $o) $forms $kernel $interp $docs);)*
        $(free_functions!(@slice ($i -> $o) $forms $docs);)*
        $(free_functions!(@in_place ($i -> $o) $forms $docs);)*
    };
    (@scalar $inline:tt $arity:tt
        { scalar: $scalar:ident, slice: $slice:ident $(, in_place: $in_place:ident)? $(,)? }
        $kernel:ident $interp:tt
        { scalar: { $($summary:tt)* } { $($example:tt)* } $($_d:tt)* }) => {
        free_functions!(@scalar_fn $inline $arity $scalar $kernel $interp [
            $($summary)*
            ///
            /// # Cost
            /// The figures are `sigmoid`'s; the logistic family's kernels cost 1.1x to 2.2x as much
            /// (the report's family section measures each). Measured on an AMD Zen 4 (AVX-512) by
            /// the report's "scalar call in your own loop" and "dependent scalar chain" sections;
            /// run it on your machine. Built with FMA and AVX2
            /// (`-C target-cpu=native`, `x86-64-v3` or higher; aarch64), the exact kernel is inlined
            /// into your code with no dispatch, and being branch-free, your loop of calls vectorizes
            /// for your build's features (`native` on AVX-512: 0.45 ns (f32) and 1.17 ns (f64) per
            /// element, 1.8x the slice form, which reads the exponential's small table by register
            /// permutes where your loop selects among its entries). The tables are
            /// always called through the run-time backend choice (their branchy kernel, inlined into
            /// a loop vectorized for AVX2, ran 5-9x slower). In a default build every call goes
            /// through that choice to a function that cannot be inlined: about 4.2 ns (f32) and 5.1
            /// ns (f64) per exact call in a loop, 18 and 21 ns when each call waits for the previous
            /// result (a linear table call: 3.0 and 4.0 ns in a loop, 10 ns in a chain), where the
            /// naive formula costs 1.4 / 2.5 and 12 / 14 ns. The slice form costs 0.25 ns (f32) and
            /// 0.67 ns (f64) per element, vectorized on every build. For many values,
            #[doc = concat!(" call [`", stringify!($slice), "`]", $(" (or [`", stringify!($in_place), "`])",)? " instead.")]
            ///
            /// # Example
            /// ```
            $($example)*
            /// ```
        ]);
    };
    (@scalar_fn $inline:tt (1 -> 1) $scalar:ident $kernel:ident [$($g:tt)*] [$($doc:tt)*]) => {
        $($doc)*
        #[inline]
        pub fn $scalar<T: Float>(x: T) -> T {
            if $inline && INLINE_FMA {
                <$kernel $($g)* as Unary<T>>::eval::<Fused>(x)
            } else {
                Kernels::detect().$scalar(x)
            }
        }
    };
    (@scalar_fn $inline:tt (1 -> 2) $scalar:ident $kernel:ident [$($g:tt)*] [$($doc:tt)*]) => {
        $($doc)*
        #[inline]
        pub fn $scalar<T: Float>(x: T) -> (T, T) {
            if $inline && INLINE_FMA {
                <$kernel $($g)* as UnaryPair<T>>::eval2::<Fused>(x)
            } else {
                Kernels::detect().$scalar(x)
            }
        }
    };
    (@scalar_fn $inline:tt (2 -> 1) $scalar:ident $kernel:ident [$($g:tt)*] [$($doc:tt)*]) => {
        $($doc)*
        #[inline]
        pub fn $scalar<T: Float>(x: T, target: T) -> T {
            if $inline && INLINE_FMA {
                <$kernel $($g)* as $crate::slice::Binary<T>>::eval::<Fused>(x, target)
            } else {
                Kernels::detect().$scalar(x, target)
            }
        }
    };
    (@slice (1 -> 1) { scalar: $scalar:ident, slice: $slice:ident $($_f:tt)* }
        { scalar: $_s:tt $_e:tt, slice: { $($example:tt)* } $($_d:tt)* }) => {
        $crate::api::documented! {
            [
                #[doc = concat!(" `out[i] = ", stringify!($scalar), "(x[i])`, vectorized; each element equals the scalar call.")]
                ///
                /// # Panics
                /// If `x.len() != out.len()`, with both lengths in the message.
                ///
                /// # Example
                /// ```
                $($example)*
                /// ```
            ]
            #[track_caller]
            pub fn $slice<T: Float>(x: &[T], out: &mut [T]) {
                Kernels::detect().$slice(x, out)
            }
        }
    };
    (@slice (1 -> 2) { scalar: $scalar:ident, slice: $slice:ident $($_f:tt)* }
        { scalar: $_s:tt $_e:tt, slice: { $($example:tt)* } $($_d:tt)* }) => {
        $crate::api::documented! {
            [
                #[doc = concat!(" `(y[i], dy[i]) = ", stringify!($scalar), "(x[i])`, vectorized.")]
                ///
                /// # Panics
                /// If `y` or `dy` is not as long as `x`, with the lengths in the message.
                ///
                /// # Example
                /// ```
                $($example)*
                /// ```
            ]
            #[track_caller]
            pub fn $slice<T: Float>(x: &[T], y: &mut [T], dy: &mut [T]) {
                Kernels::detect().$slice(x, y, dy)
            }
        }
    };
    (@slice (2 -> 1) { scalar: $scalar:ident, slice: $slice:ident $($_f:tt)* }
        { scalar: $_s:tt $_e:tt, slice: { $($example:tt)* } $($_d:tt)* }) => {
        $crate::api::documented! {
            [
                #[doc = concat!(" `out[i] = ", stringify!($scalar), "(x[i], target[i])`, vectorized; each element equals the scalar call.")]
                ///
                /// # Panics
                /// If `target` or `out` is not as long as `x`, with both lengths in the message.
                ///
                /// # Example
                /// ```
                $($example)*
                /// ```
            ]
            #[track_caller]
            pub fn $slice<T: Float>(x: &[T], target: &[T], out: &mut [T]) {
                Kernels::detect().$slice(x, target, out)
            }
        }
    };
    (@in_place (1 -> 1) { scalar: $scalar:ident, slice: $_l:ident, in_place: $in_place:ident $(,)? }
        { scalar: $_s:tt $_e:tt, slice: $_dl:tt, in_place: { $($example:tt)* } $(,)? }) => {
        $crate::api::documented! {
            [
                #[doc = concat!(" `x[i] = ", stringify!($scalar), "(x[i])`, vectorized.")]
                ///
                /// # Example
                /// ```
                $($example)*
                /// ```
            ]
            pub fn $in_place<T: Float>(x: &mut [T]) {
                Kernels::detect().$in_place(x)
            }
        }
    };
    (@in_place (1 -> 2) $($_:tt)*) => {};
    (@in_place (2 -> 1) $($_:tt)*) => {};
}
pub(crate) use free_functions;

/// `$item` under the doc attributes `$doc`: every generated function's docs come through here (or
/// another token-tree capture), which turns each `///` line into a plain `#[doc = "..."]` like
/// the `concat!` lines. rustdoc unindents a doc made of one kind alike, where a mix of the two
/// kinds leaves the `concat!` lines indented; so each of them begins with a space, as a `///` line
/// does.
macro_rules! documented {
    ([$($doc:tt)*] $($item:tt)*) => {
        $($doc)*
        $($item)*
    };
}
pub(crate) use documented;
