//! The public API every kernel family shares, written once: `exact`, `table` and
//! `table::hermite` expand `kernel_api!` with their own kernels, so they mirror each other name
//! for name and switching is a one-word path change.

/// Expands to a `Kernels` type and the free functions `sigmoid`, `sigmoid_grad`,
/// `sigmoid_and_grad`, `sigmoid_slice`, `sigmoid_grad_slice`, `sigmoid_and_grad_slice`,
/// `sigmoid_in_place` and `sigmoid_grad_in_place` over the given kernel types. `$path` is the
/// module's path for the doc examples; `$acc` the accuracy guarantee, in words; `$inline`
/// whether the scalar functions run the kernel inline when the build has FMA (`INLINE_FMA`): the
/// exact kernels do (branch-free, so a caller's loop vectorizes); the tables do not, since a
/// caller's loop over their branchy kernel, vectorized for AVX2, came out 5-9x slower than the
/// dispatched call (`-C target-cpu=x86-64-v3`, measured on Zen 4).
macro_rules! kernel_api {
    ($path:literal, $acc:literal, inline = $inline:literal, $sig:ty, $grad:ty, $both:ty) => {
        use $crate::Float;
        use $crate::arch::{Backend, INLINE_FMA, dispatch};
        use $crate::real::Fused;
        use $crate::slice::{Map, Map2, check_len};

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

            /// See [`sigmoid`]. Always a call to this backend's function, which cannot be
            /// inlined: in a loop, the free function (inlined when the build has FMA) or the slice
            /// form is faster.
            ///
            /// # Example
            /// ```
            #[doc = concat!("assert_eq!(sigtab::", $path, "::Kernels::detect().sigmoid(0.0f32), 0.5);")]
            /// ```
            #[inline]
            pub fn sigmoid<T: Float>(self, x: T) -> T {
                dispatch!(self.backend, scalar::<T, $sig>(x))
            }

            /// See [`sigmoid_grad`]. Always a call to this backend's function, which cannot be
            /// inlined: in a loop, the free function (inlined when the build has FMA) or the slice
            /// form is faster.
            ///
            /// # Example
            /// ```
            #[doc = concat!("assert_eq!(sigtab::", $path, "::Kernels::detect().sigmoid_grad(0.0f32), 0.25);")]
            /// ```
            #[inline]
            pub fn sigmoid_grad<T: Float>(self, x: T) -> T {
                dispatch!(self.backend, scalar::<T, $grad>(x))
            }

            /// See [`sigmoid_and_grad`]. Always a call to this backend's function, which cannot be
            /// inlined: in a loop, the free function (inlined when the build has FMA) or the slice
            /// form is faster.
            ///
            /// # Example
            /// ```
            #[doc = concat!("assert_eq!(sigtab::", $path, "::Kernels::detect().sigmoid_and_grad(0.0f64), (0.5, 0.25));")]
            /// ```
            #[inline]
            pub fn sigmoid_and_grad<T: Float>(self, x: T) -> (T, T) {
                dispatch!(self.backend, scalar2::<T, $both>(x))
            }

            /// See [`sigmoid_slice`].
            ///
            /// # Example
            /// ```
            /// let mut y = [0.0f32; 2];
            #[doc = concat!("sigtab::", $path, "::Kernels::detect().sigmoid_slice(&[0.0, 100.0], &mut y);")]
            /// assert_eq!(y, [0.5, 1.0]);
            /// ```
            #[track_caller]
            pub fn sigmoid_slice<T: Float>(self, x: &[T], out: &mut [T]) {
                check_len("sigmoid_slice", x.len(), out.len());
                dispatch!(self.backend, map::<T, $sig>(x, out))
            }

            /// See [`sigmoid_grad_slice`].
            ///
            /// # Example
            /// ```
            /// let mut dy = [0.0f32; 2];
            #[doc = concat!("sigtab::", $path, "::Kernels::detect().sigmoid_grad_slice(&[0.0, 200.0], &mut dy);")]
            /// assert_eq!(dy, [0.25, 0.0]);
            /// ```
            #[track_caller]
            pub fn sigmoid_grad_slice<T: Float>(self, x: &[T], out: &mut [T]) {
                check_len("sigmoid_grad_slice", x.len(), out.len());
                dispatch!(self.backend, map::<T, $grad>(x, out))
            }

            /// See [`sigmoid_and_grad_slice`].
            ///
            /// # Example
            /// ```
            /// let (mut y, mut dy) = ([0.0f64; 1], [0.0f64; 1]);
            #[doc = concat!("sigtab::", $path, "::Kernels::detect().sigmoid_and_grad_slice(&[0.0], &mut y, &mut dy);")]
            /// assert_eq!((y[0], dy[0]), (0.5, 0.25));
            /// ```
            #[track_caller]
            pub fn sigmoid_and_grad_slice<T: Float>(self, x: &[T], y: &mut [T], dy: &mut [T]) {
                check_len("sigmoid_and_grad_slice (y)", x.len(), y.len());
                check_len("sigmoid_and_grad_slice (dy)", x.len(), dy.len());
                dispatch!(self.backend, map2::<T, $both>(x, y, dy))
            }

            /// See [`sigmoid_in_place`].
            ///
            /// # Example
            /// ```
            /// let mut x = [0.0f64, -1000.0];
            #[doc = concat!("sigtab::", $path, "::Kernels::detect().sigmoid_in_place(&mut x);")]
            /// assert_eq!(x, [0.5, 0.0]);
            /// ```
            pub fn sigmoid_in_place<T: Float>(self, x: &mut [T]) {
                dispatch!(self.backend, map_in_place::<T, $sig>(x))
            }

            /// See [`sigmoid_grad_in_place`].
            ///
            /// # Example
            /// ```
            /// let mut x = [0.0f64];
            #[doc = concat!("sigtab::", $path, "::Kernels::detect().sigmoid_grad_in_place(&mut x);")]
            /// assert_eq!(x, [0.25]);
            /// ```
            pub fn sigmoid_grad_in_place<T: Float>(self, x: &mut [T]) {
                dispatch!(self.backend, map_in_place::<T, $grad>(x))
            }
        }

        #[doc = concat!("The logistic sigmoid `s(x) = 1 / (1 + e^-x)`, ", $acc, ".")]
        ///
        /// Naive equivalent: `1.0 / (1.0 + (-x).exp())`. The negative tail keeps its subnormals
        /// (`sigmoid(-745.0) == 5e-324`, where the naive form and `scipy.special.expit` flush to 0
        /// below -709.79).
        ///
        /// # Cost
        /// Measured on an AMD Zen 4 (AVX-512) by the report's "scalar call in your own loop" and
        /// "dependent scalar chain" sections; run it on your machine. Built with FMA and AVX2
        /// (`-C target-cpu=native`, `x86-64-v3` or higher; aarch64), the exact kernel is inlined
        /// into your code with no dispatch, and being branch-free, your loop of calls vectorizes
        /// for your build's features (`native` on AVX-512: 0.34 ns (f32) and 0.81 ns (f64) per
        /// element, 1.2x the slice form). The tables are always called through the run-time
        /// backend choice (their branchy kernel, inlined into a loop vectorized for AVX2, ran 5-9x
        /// slower). In a default build every call goes through that choice to a function that
        /// cannot be inlined: about 5.1 ns (f32) and 5.9 ns (f64) per exact call in a loop, 20 and
        /// 22 ns when each call waits for the previous result (a linear table call: 3.2 and 4.0
        /// ns in a loop, 10 ns in a chain), where the naive formula costs 1.4 / 2.5 and 12 / 14 ns.
        /// The slice form costs 0.27 ns (f32) and 0.67 ns (f64) per element, vectorized on every
        /// build. For many values,
        /// call [`sigmoid_slice`] (or [`sigmoid_in_place`]) instead.
        ///
        /// # Example
        /// ```
        #[doc = concat!("use sigtab::", $path, "::sigmoid;")]
        /// assert_eq!(sigmoid(0.0f64), 0.5);
        /// assert_eq!(sigmoid(-745.0f64), 5e-324);
        /// assert_eq!(sigmoid(f32::INFINITY), 1.0);
        /// assert!(sigmoid(f64::NAN).is_nan());
        /// ```
        #[inline]
        pub fn sigmoid<T: Float>(x: T) -> T {
            if $inline && INLINE_FMA {
                <$sig as Map<T>>::eval::<Fused>(x)
            } else {
                Kernels::detect().sigmoid(x)
            }
        }

        #[doc = concat!("The derivative `s'(x) = s(x) (1 - s(x))`, computed from `x`, ", $acc, ", never overflowing, and exactly even: `sigmoid_grad(-x) == sigmoid_grad(x)`.")]
        ///
        /// Naive equivalent: `let e = (-x).exp(); e / ((1.0 + e) * (1.0 + e))`, which overflows to
        /// `inf / inf = NaN` below about -355 (f64). Unlike [`crate::grad_from_output`] it keeps its
        /// precision where `s(x)` rounds to 1.
        ///
        /// # Cost
        /// Measured on an AMD Zen 4 (AVX-512) by the report's "scalar call in your own loop" and
        /// "dependent scalar chain" sections; run it on your machine. Built with FMA and AVX2
        /// (`-C target-cpu=native`, `x86-64-v3` or higher; aarch64), the exact kernel is inlined
        /// into your code with no dispatch, and being branch-free, your loop of calls vectorizes
        /// for your build's features (`native` on AVX-512: 0.34 ns (f32) and 0.81 ns (f64) per
        /// element, 1.2x the slice form). The tables are always called through the run-time
        /// backend choice (their branchy kernel, inlined into a loop vectorized for AVX2, ran 5-9x
        /// slower). In a default build every call goes through that choice to a function that
        /// cannot be inlined: about 5.1 ns (f32) and 5.9 ns (f64) per exact call in a loop, 20 and
        /// 22 ns when each call waits for the previous result (a linear table call: 3.2 and 4.0
        /// ns in a loop, 10 ns in a chain), where the naive formula costs 1.4 / 2.5 and 12 / 14 ns.
        /// The slice form costs 0.27 ns (f32) and 0.67 ns (f64) per element, vectorized on every
        /// build. For many values,
        /// call [`sigmoid_grad_slice`] (or [`sigmoid_grad_in_place`]) instead.
        ///
        /// # Example
        /// ```
        #[doc = concat!("use sigtab::", $path, "::sigmoid_grad;")]
        /// assert_eq!(sigmoid_grad(-500.0f64), 7.124576406741286e-218);
        /// assert_eq!(sigmoid_grad(500.0f64), 7.124576406741286e-218);
        /// assert_eq!(sigmoid_grad(0.0f32), 0.25);
        /// ```
        #[inline]
        pub fn sigmoid_grad<T: Float>(x: T) -> T {
            if $inline && INLINE_FMA {
                <$grad as Map<T>>::eval::<Fused>(x)
            } else {
                Kernels::detect().sigmoid_grad(x)
            }
        }

        /// `(sigmoid(x), sigmoid_grad(x))` from one evaluation: bit-identical to the two calls,
        /// cheaper than both.
        ///
        /// # Cost
        /// Measured on an AMD Zen 4 (AVX-512) by the report's "scalar call in your own loop" and
        /// "dependent scalar chain" sections; run it on your machine. Built with FMA and AVX2
        /// (`-C target-cpu=native`, `x86-64-v3` or higher; aarch64), the exact kernel is inlined
        /// into your code with no dispatch, and being branch-free, your loop of calls vectorizes
        /// for your build's features (`native` on AVX-512: 0.34 ns (f32) and 0.81 ns (f64) per
        /// element, 1.2x the slice form). The tables are always called through the run-time
        /// backend choice (their branchy kernel, inlined into a loop vectorized for AVX2, ran 5-9x
        /// slower). In a default build every call goes through that choice to a function that
        /// cannot be inlined: about 5.1 ns (f32) and 5.9 ns (f64) per exact call in a loop, 20 and
        /// 22 ns when each call waits for the previous result (a linear table call: 3.2 and 4.0
        /// ns in a loop, 10 ns in a chain), where the naive formula costs 1.4 / 2.5 and 12 / 14 ns.
        /// The slice form costs 0.27 ns (f32) and 0.67 ns (f64) per element, vectorized on every
        /// build. For many values,
        /// call [`sigmoid_and_grad_slice`] instead.
        ///
        /// # Example
        /// ```
        #[doc = concat!("use sigtab::", $path, "::{sigmoid, sigmoid_and_grad, sigmoid_grad};")]
        /// let x = -3.25f32;
        /// assert_eq!(sigmoid_and_grad(x), (sigmoid(x), sigmoid_grad(x)));
        /// ```
        #[inline]
        pub fn sigmoid_and_grad<T: Float>(x: T) -> (T, T) {
            if $inline && INLINE_FMA {
                <$both as Map2<T>>::eval2::<Fused>(x)
            } else {
                Kernels::detect().sigmoid_and_grad(x)
            }
        }

        /// `out[i] = sigmoid(x[i])`, vectorized; each element equals the scalar call.
        ///
        /// # Panics
        /// If `x.len() != out.len()`, with both lengths in the message.
        ///
        /// # Example
        /// ```
        /// let x = [-745.0f64, 0.0, 40.0];
        /// let mut y = [0.0; 3];
        #[doc = concat!("sigtab::", $path, "::sigmoid_slice(&x, &mut y);")]
        /// assert_eq!(y, [5e-324, 0.5, 1.0]);
        /// ```
        #[track_caller]
        pub fn sigmoid_slice<T: Float>(x: &[T], out: &mut [T]) {
            Kernels::detect().sigmoid_slice(x, out)
        }

        /// `out[i] = sigmoid_grad(x[i])`, vectorized; each element equals the scalar call.
        ///
        /// # Panics
        /// If `x.len() != out.len()`, with both lengths in the message.
        ///
        /// # Example
        /// ```
        /// let x = [-500.0f64, 0.0];
        /// let mut dy = [0.0; 2];
        #[doc = concat!("sigtab::", $path, "::sigmoid_grad_slice(&x, &mut dy);")]
        /// assert_eq!(dy, [7.124576406741286e-218, 0.25]);
        /// ```
        #[track_caller]
        pub fn sigmoid_grad_slice<T: Float>(x: &[T], out: &mut [T]) {
            Kernels::detect().sigmoid_grad_slice(x, out)
        }

        /// `(y[i], dy[i]) = sigmoid_and_grad(x[i])`, vectorized.
        ///
        /// # Panics
        /// If `y` or `dy` is not as long as `x`, with the lengths in the message.
        ///
        /// # Example
        /// ```
        /// let x = [0.0f32, 1.0];
        /// let (mut y, mut dy) = ([0.0; 2], [0.0; 2]);
        #[doc = concat!("sigtab::", $path, "::sigmoid_and_grad_slice(&x, &mut y, &mut dy);")]
        /// assert_eq!((y[0], dy[0]), (0.5, 0.25));
        #[doc = concat!("assert_eq!(dy[1], sigtab::", $path, "::sigmoid_grad(1.0f32));")]
        /// ```
        #[track_caller]
        pub fn sigmoid_and_grad_slice<T: Float>(x: &[T], y: &mut [T], dy: &mut [T]) {
            Kernels::detect().sigmoid_and_grad_slice(x, y, dy)
        }

        /// `x[i] = sigmoid(x[i])`, vectorized.
        ///
        /// # Example
        /// ```
        /// let mut x = [0.0f32, f32::NEG_INFINITY];
        #[doc = concat!("sigtab::", $path, "::sigmoid_in_place(&mut x);")]
        /// assert_eq!(x, [0.5, 0.0]);
        /// ```
        pub fn sigmoid_in_place<T: Float>(x: &mut [T]) {
            Kernels::detect().sigmoid_in_place(x)
        }

        /// `x[i] = sigmoid_grad(x[i])`, vectorized.
        ///
        /// # Example
        /// ```
        /// let mut x = [0.0f32, f32::INFINITY];
        #[doc = concat!("sigtab::", $path, "::sigmoid_grad_in_place(&mut x);")]
        /// assert_eq!(x, [0.25, 0.0]);
        /// ```
        pub fn sigmoid_grad_in_place<T: Float>(x: &mut [T]) {
            Kernels::detect().sigmoid_grad_in_place(x)
        }
    };
}
pub(crate) use kernel_api;
