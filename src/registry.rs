//! The list of functions: each one once, with everything the crate, its tests, the fuzz target
//! and the Python bindings generate from it (after libm's `for_each_function!`,
//! `crates/libm-macros` in rust-lang/compiler-builtins).
//!
//! `for_each_function!(callback)` or `for_each_function!(callback, extra tokens...)` expands to
//! `callback! { [extra tokens...] entry entry ... }`, the whole list in one call, so a callback
//! can lay the functions out form by form (every scalar function, then every slice function, as
//! the docs list them). Each entry, in this order:
//!
//! - its Rust name (the scalar form), then `{`
//! - `arity: inputs -> outputs`: `1 -> 1` or `1 -> 2` (one input, two outputs);
//! - `forms`: the name of each form: `scalar`, `slice`, and `in_place` for `1 -> 1`;
//! - `kernel`: the kernel type, by the name every family gives it: `exact` uses it as is
//!   (`exact/kernel.rs`), the tables with their interpolation (`Sigmoid<Linear>`,
//!   `Sigmoid<Hermite>`, `table/kernels.rs`);
//! - `computes`: what it computes, in one line (`s(x)`, `s'(x)`); the generated docs quote it;
//! - `error`: its error budget: `exact_ulps`, the bound of the exact kernels in ulps of the
//!   result, and `table`, the field of `table::MaxErr` bounding each output of the tables;
//! - `python`: the name of its numpy ufunc;
//! - `docs`: the examples of each form on each site (`free`: the free functions of `exact`,
//!   `table` and `table::hermite`, whose scalar form also gives its summary; `kernels`: the
//!   `Kernels` methods; `par`, `half`, `ndarray`). The text around them (headers, panics, cost)
//!   is the callbacks', the same for every function of an arity. Inside a doc,
//!   `family!()` is the family's module path (`"exact"`, `"table::hermite"`) and `accuracy!()`
//!   its accuracy in words: every callback that expands docs defines both.
//!
//! Adding a function is one entry here, plus what cannot be generated: its kernel type, its
//! references (`tests/common/reference.rs`, `src/formula.rs`: the generated tests do not compile
//! without them), its Python docstring (`python/src/lib.rs`: the import fails without it) and its
//! line in the Python stubs (`python/sigtab/*.pyi`, Python files). `tests/registry.rs` fails for
//! a public function written outside this list.
//!
//! This file is plain `macro_rules!` with no path into the crate, so that the tests, the fuzz
//! target and the Python bindings include it by `#[path]`: one list for all of them.

/// Expands `$callback! { [$($extra)*] entries }` over every function of the crate (see the
/// module docs for the entry format).
macro_rules! for_each_function {
    ($callback:ident $(, $($extra:tt)*)?) => {
        $callback! {
            [$($($extra)*)?]

            sigmoid {
                arity: 1 -> 1,
                forms: { scalar: sigmoid, slice: sigmoid_slice, in_place: sigmoid_in_place },
                kernel: Sigmoid,
                computes: "s(x)",
                error: { exact_ulps: 1.0, table: [sigmoid] },
                python: expit,
                docs: {
                    free: {
                        scalar: {
                            #[doc = concat!(" The logistic sigmoid `s(x) = 1 / (1 + e^-x)`, ", accuracy!(), ".")]
                            ///
                            /// Naive equivalent: `1.0 / (1.0 + (-x).exp())`. The negative tail keeps its subnormals
                            /// (`sigmoid(-745.0) == 5e-324`, where the naive form and `scipy.special.expit` flush to 0
                            /// below -709.79).
                        } {
                            #[doc = concat!(" use sigtab::", family!(), "::sigmoid;")]
                            /// assert_eq!(sigmoid(0.0f64), 0.5);
                            /// assert_eq!(sigmoid(-745.0f64), 5e-324);
                            /// assert_eq!(sigmoid(f32::INFINITY), 1.0);
                            /// assert!(sigmoid(f64::NAN).is_nan());
                        },
                        slice: {
                            /// let x = [-745.0f64, 0.0, 40.0];
                            /// let mut y = [0.0; 3];
                            #[doc = concat!(" sigtab::", family!(), "::sigmoid_slice(&x, &mut y);")]
                            /// assert_eq!(y, [5e-324, 0.5, 1.0]);
                        },
                        in_place: {
                            /// let mut x = [0.0f32, f32::NEG_INFINITY];
                            #[doc = concat!(" sigtab::", family!(), "::sigmoid_in_place(&mut x);")]
                            /// assert_eq!(x, [0.5, 0.0]);
                        },
                    },
                    kernels: {
                        scalar: {
                            #[doc = concat!(" assert_eq!(sigtab::", family!(), "::Kernels::detect().sigmoid(0.0f32), 0.5);")]
                        },
                        slice: {
                            /// let mut y = [0.0f32; 2];
                            #[doc = concat!(" sigtab::", family!(), "::Kernels::detect().sigmoid_slice(&[0.0, 100.0], &mut y);")]
                            /// assert_eq!(y, [0.5, 1.0]);
                        },
                        in_place: {
                            /// let mut x = [0.0f64, -1000.0];
                            #[doc = concat!(" sigtab::", family!(), "::Kernels::detect().sigmoid_in_place(&mut x);")]
                            /// assert_eq!(x, [0.5, 0.0]);
                        },
                    },
                    par: {
                        slice: {
                            /// let x = vec![0.0f64; 100_000];
                            /// let mut y = vec![1.0; 100_000];
                            #[doc = concat!(" sigtab::par::", family!(), "::sigmoid_slice(&x, &mut y);")]
                            /// assert!(y.iter().all(|&v| v == 0.5));
                        },
                        in_place: {
                            /// let mut x = vec![0.0f32; 100_000];
                            #[doc = concat!(" sigtab::par::", family!(), "::sigmoid_in_place(&mut x);")]
                            /// assert!(x.iter().all(|&v| v == 0.5));
                        },
                    },
                    half: {
                        scalar: {
                            /// use half::f16;
                            /// assert_eq!(sigtab::half::sigmoid(f16::INFINITY), f16::ONE);
                            /// // s(-20) = 2.06e-9: below f16's smallest subnormal (6e-8), so it rounds to 0.
                            /// assert_eq!(sigtab::half::sigmoid(f16::from_f32(-20.0)), f16::ZERO);
                            /// assert!(sigtab::half::sigmoid(f16::NAN).is_nan());
                        },
                        slice: {
                            /// use half::f16;
                            /// let x = [f16::ZERO, f16::NEG_INFINITY];
                            /// let mut y = [f16::ONE; 2];
                            /// sigtab::half::sigmoid_slice(&x, &mut y);
                            /// assert_eq!(y, [f16::from_f32(0.5), f16::ZERO]);
                        },
                        in_place: {
                            /// use half::f16;
                            /// let mut x = [f16::ZERO; 3];
                            /// sigtab::half::sigmoid_in_place(&mut x);
                            /// assert_eq!(x, [f16::from_f32(0.5); 3]);
                        },
                    },
                    ndarray: {
                        scalar: {
                            #[doc = concat!(" use sigtab::ndarray::", family!(), "::SigmoidExt;")]
                            /// let y = ndarray::arr1(&[0.0f32, f32::INFINITY]).sigmoid();
                            /// assert_eq!(y, ndarray::arr1(&[0.5, 1.0]));
                        },
                        in_place: {
                            #[doc = concat!(" use sigtab::ndarray::", family!(), "::SigmoidExt;")]
                            /// let mut a = ndarray::arr1(&[0.0f64, f64::NEG_INFINITY]);
                            /// a.sigmoid_in_place();
                            /// assert_eq!(a, ndarray::arr1(&[0.5, 0.0]));
                        },
                    },
                },
            }

            sigmoid_grad {
                arity: 1 -> 1,
                forms: {
                    scalar: sigmoid_grad,
                    slice: sigmoid_grad_slice,
                    in_place: sigmoid_grad_in_place,
                },
                kernel: Grad,
                computes: "s'(x)",
                error: { exact_ulps: 1.0, table: [sigmoid_grad] },
                python: expit_grad,
                docs: {
                    free: {
                        scalar: {
                            #[doc = concat!(" The derivative `s'(x) = s(x) (1 - s(x))`, computed from `x`, ", accuracy!(), ", never overflowing, and exactly even: `sigmoid_grad(-x) == sigmoid_grad(x)`.")]
                            ///
                            /// Naive equivalent: `let e = (-x).exp(); e / ((1.0 + e) * (1.0 + e))`, which overflows to
                            /// `inf / inf = NaN` below about -355 (f64). Unlike [`crate::grad_from_output`] it keeps its
                            /// precision where `s(x)` rounds to 1.
                        } {
                            #[doc = concat!(" use sigtab::", family!(), "::sigmoid_grad;")]
                            /// assert_eq!(sigmoid_grad(-500.0f64), 7.124576406741286e-218);
                            /// assert_eq!(sigmoid_grad(500.0f64), 7.124576406741286e-218);
                            /// assert_eq!(sigmoid_grad(0.0f32), 0.25);
                        },
                        slice: {
                            /// let x = [-500.0f64, 0.0];
                            /// let mut dy = [0.0; 2];
                            #[doc = concat!(" sigtab::", family!(), "::sigmoid_grad_slice(&x, &mut dy);")]
                            /// assert_eq!(dy, [7.124576406741286e-218, 0.25]);
                        },
                        in_place: {
                            /// let mut x = [0.0f32, f32::INFINITY];
                            #[doc = concat!(" sigtab::", family!(), "::sigmoid_grad_in_place(&mut x);")]
                            /// assert_eq!(x, [0.25, 0.0]);
                        },
                    },
                    kernels: {
                        scalar: {
                            #[doc = concat!(" assert_eq!(sigtab::", family!(), "::Kernels::detect().sigmoid_grad(0.0f32), 0.25);")]
                        },
                        slice: {
                            /// let mut dy = [0.0f32; 2];
                            #[doc = concat!(" sigtab::", family!(), "::Kernels::detect().sigmoid_grad_slice(&[0.0, 200.0], &mut dy);")]
                            /// assert_eq!(dy, [0.25, 0.0]);
                        },
                        in_place: {
                            /// let mut x = [0.0f64];
                            #[doc = concat!(" sigtab::", family!(), "::Kernels::detect().sigmoid_grad_in_place(&mut x);")]
                            /// assert_eq!(x, [0.25]);
                        },
                    },
                    par: {
                        slice: {
                            /// let x = vec![0.0f32; 100_000];
                            /// let mut dy = vec![0.0; 100_000];
                            #[doc = concat!(" sigtab::par::", family!(), "::sigmoid_grad_slice(&x, &mut dy);")]
                            /// assert!(dy.iter().all(|&v| v == 0.25));
                        },
                        in_place: {
                            /// let mut x = vec![0.0f64; 100_000];
                            #[doc = concat!(" sigtab::par::", family!(), "::sigmoid_grad_in_place(&mut x);")]
                            /// assert!(x.iter().all(|&v| v == 0.25));
                        },
                    },
                    half: {
                        scalar: {
                            /// use half::bf16;
                            /// let g = sigtab::half::sigmoid_grad(bf16::from_f32(-500.0));
                            /// assert_eq!(g, bf16::from_f32(sigtab::exact::sigmoid_grad(-500.0f32)));
                        },
                        slice: {
                            /// use half::bf16;
                            /// let x = [bf16::ZERO];
                            /// let mut dy = [bf16::ZERO];
                            /// sigtab::half::sigmoid_grad_slice(&x, &mut dy);
                            /// assert_eq!(dy[0].to_f32(), 0.25);
                        },
                        in_place: {
                            /// use half::bf16;
                            /// let mut x = [bf16::ZERO; 3];
                            /// sigtab::half::sigmoid_grad_in_place(&mut x);
                            /// assert_eq!(x, [bf16::from_f32(0.25); 3]);
                        },
                    },
                    ndarray: {
                        scalar: {
                            #[doc = concat!(" use sigtab::ndarray::", family!(), "::SigmoidExt;")]
                            /// let dy = ndarray::arr1(&[0.0f64, -500.0]).sigmoid_grad();
                            /// assert_eq!(dy, ndarray::arr1(&[0.25, 7.124576406741286e-218]));
                        },
                        in_place: {
                            #[doc = concat!(" use sigtab::ndarray::", family!(), "::SigmoidExt;")]
                            /// let mut a = ndarray::arr1(&[0.0f32, f32::INFINITY]);
                            /// a.view_mut().sigmoid_grad_in_place();
                            /// assert_eq!(a, ndarray::arr1(&[0.25, 0.0]));
                        },
                    },
                },
            }

            sigmoid_and_grad {
                arity: 1 -> 2,
                forms: { scalar: sigmoid_and_grad, slice: sigmoid_and_grad_slice },
                kernel: SigmoidAndGrad,
                computes: "(s(x), s'(x))",
                error: { exact_ulps: 1.0, table: [sigmoid, sigmoid_grad] },
                python: expit_and_grad,
                docs: {
                    free: {
                        scalar: {
                            /// `(sigmoid(x), sigmoid_grad(x))` from one evaluation: bit-identical to the two calls,
                            /// cheaper than both.
                        } {
                            #[doc = concat!(" use sigtab::", family!(), "::{sigmoid, sigmoid_and_grad, sigmoid_grad};")]
                            /// let x = -3.25f32;
                            /// assert_eq!(sigmoid_and_grad(x), (sigmoid(x), sigmoid_grad(x)));
                        },
                        slice: {
                            /// let x = [0.0f32, 1.0];
                            /// let (mut y, mut dy) = ([0.0; 2], [0.0; 2]);
                            #[doc = concat!(" sigtab::", family!(), "::sigmoid_and_grad_slice(&x, &mut y, &mut dy);")]
                            /// assert_eq!((y[0], dy[0]), (0.5, 0.25));
                            #[doc = concat!(" assert_eq!(dy[1], sigtab::", family!(), "::sigmoid_grad(1.0f32));")]
                        },
                    },
                    kernels: {
                        scalar: {
                            #[doc = concat!(" assert_eq!(sigtab::", family!(), "::Kernels::detect().sigmoid_and_grad(0.0f64), (0.5, 0.25));")]
                        },
                        slice: {
                            /// let (mut y, mut dy) = ([0.0f64; 1], [0.0f64; 1]);
                            #[doc = concat!(" sigtab::", family!(), "::Kernels::detect().sigmoid_and_grad_slice(&[0.0], &mut y, &mut dy);")]
                            /// assert_eq!((y[0], dy[0]), (0.5, 0.25));
                        },
                    },
                    par: {
                        slice: {
                            /// let x = vec![0.0f64; 100_000];
                            /// let (mut y, mut dy) = (vec![0.0; 100_000], vec![0.0; 100_000]);
                            #[doc = concat!(" sigtab::par::", family!(), "::sigmoid_and_grad_slice(&x, &mut y, &mut dy);")]
                            /// assert_eq!((y[99_999], dy[99_999]), (0.5, 0.25));
                        },
                    },
                    half: {
                        scalar: {
                            /// use half::f16;
                            /// let x = f16::from_f32(1.5);
                            /// assert_eq!(sigtab::half::sigmoid_and_grad(x), (sigtab::half::sigmoid(x), sigtab::half::sigmoid_grad(x)));
                        },
                        slice: {
                            /// use half::f16;
                            /// let x = [f16::ZERO];
                            /// let (mut y, mut dy) = ([f16::ZERO], [f16::ZERO]);
                            /// sigtab::half::sigmoid_and_grad_slice(&x, &mut y, &mut dy);
                            /// assert_eq!((y[0].to_f32(), dy[0].to_f32()), (0.5, 0.25));
                        },
                    },
                    ndarray: {
                        scalar: {
                            #[doc = concat!(" use sigtab::ndarray::", family!(), "::SigmoidExt;")]
                            /// let (y, dy) = ndarray::arr2(&[[0.0f32]]).sigmoid_and_grad();
                            /// assert_eq!((y[[0, 0]], dy[[0, 0]]), (0.5, 0.25));
                        },
                    },
                },
            }
        }
    };
}
pub(crate) use for_each_function;
