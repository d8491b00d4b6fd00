//! The list of functions: each one once, with everything the crate, its tests, the fuzz target
//! and the Python bindings generate from it (after libm's `for_each_function!`,
//! `crates/libm-macros` in rust-lang/compiler-builtins).
//!
//! `for_each_function!(callback)` or `for_each_function!(callback, extra tokens...)` expands to
//! `callback! { [extra tokens...] entry entry ... }`, the whole list in one call, so a callback
//! can lay the functions out form by form (every scalar function, then every slice function, as
//! the docs list them). `for_each_function!(tables: callback, ...)` is the same with only the
//! entries the table families have (see `error` below): what the callbacks expanded for `table`,
//! `table::hermite` and Python's `sigtab.table` use, so that they never see an exact-only entry.
//! Each entry, in this order:
//!
//! - its Rust name (the scalar form), then `{`
//! - `arity: inputs -> outputs`: `1 -> 1`, `1 -> 2` (one input, two outputs) or `2 -> 1` (two
//!   inputs, `x` and `target`, one output; the slice traits are named by arity: `Unary`,
//!   `UnaryPair`, `Binary` in `slice.rs`);
//! - `forms`: the name of each form: `scalar`, `slice`, and `in_place` for `1 -> 1`;
//! - `kernel`: the kernel type, by the name every family gives it: `exact` uses it as is
//!   (`exact/kernel.rs`), the tables with their interpolation (`Sigmoid<Linear>`,
//!   `Sigmoid<Hermite>`, `table/kernels.rs`);
//! - `computes`: what it computes, in one line (`s(x)`, `s'(x)`); the generated docs quote it;
//! - `error`: its error budget: `exact_ulps`, the bound of the exact kernels in ulps of the
//!   result, and `table`, either the fields of `table::MaxErr` bounding each output of the tables
//!   (`[sigmoid]`), or `none`: the function is exact-only, the table families have no kernel for
//!   it, and `for_each_function!(tables: ...)` leaves it out;
//! - `python`: the name of its numpy ufunc;
//! - `docs`: the examples of each form on each site (`free`: the free functions of `exact`,
//!   `table` and `table::hermite`, whose scalar form also gives its summary; `kernels`: the
//!   `Kernels` methods; `par`, `half`, `ndarray`), the forms the arity has (`par` has no scalar
//!   form, `ndarray` no slice form: its `scalar` is the method returning a new array). The text
//!   around them (headers, panics, cost) is the callbacks', the same for every function of an
//!   arity. Inside a doc, `family!()` is the family's module path (`"exact"`, `"table::hermite"`)
//!   and `accuracy!()` its accuracy in words: every callback that expands docs defines both.
//!
//! Adding a function is one entry here, plus what cannot be generated: its kernel type (in every
//! family, or `table: none`), its references (`tests/common/reference.rs`, `src/formula.rs`: the
//! generated tests do not compile without them), its Python docstring (`python/src/lib.rs`: the
//! import fails without it) and its line in the Python stubs (`python/sigtab/*.pyi`, Python
//! files). `tests/registry.rs` fails for a public function written outside this list. A new
//! arity is an arm in each callback (`api.rs`, `par.rs`, `half.rs`, `ndarray.rs`,
//! `tests/registry.rs`, the fuzz target, `python/src/`) and its slice trait and loops
//! (`slice.rs`, `backend!` in `arch/mod.rs`).
//!
//! `for_each_function!` calls itself by its bare name: call it with the name in scope (`use
//! ...::registry::for_each_function;`), not by a path.
//!
//! This file is plain `macro_rules!` with no path into the crate, so that the tests, the fuzz
//! target and the Python bindings include it by `#[path]`: one list for all of them.

/// Expands `$callback! { [$($extra)*] entries }` over every function of the crate (see the
/// module docs for the entry format).
macro_rules! for_each_function {
    (tables: $callback:ident $(, $($extra:tt)*)?) => {
        for_each_function! { @list [tables] $callback [$($($extra)*)?] }
    };
    ($callback:ident $(, $($extra:tt)*)?) => {
        for_each_function! { @list [all] $callback [$($($extra)*)?] }
    };
    // Every entry.
    (@select [all] $callback:ident [$($extra:tt)*] [] $($entry:tt)*) => {
        $callback! { [$($extra)*] $($entry)* }
    };
    // The entries with table kernels: an entry whose `error` has `table: none` is dropped.
    (@select [tables] $callback:ident $extra:tt [$($kept:tt)*]
        $name:ident {
            arity: $i:tt -> $o:tt,
            forms: $forms:tt,
            kernel: $kernel:ident,
            computes: $computes:literal,
            error: { exact_ulps: $ulps:literal, table: none $(,)? },
            $($rest:tt)*
        }
        $($more:tt)*) => {
        for_each_function! { @select [tables] $callback $extra [$($kept)*] $($more)* }
    };
    (@select [tables] $callback:ident $extra:tt [$($kept:tt)*] $name:ident $body:tt $($more:tt)*) => {
        for_each_function! { @select [tables] $callback $extra [$($kept)* $name $body] $($more)* }
    };
    (@select [tables] $callback:ident [$($extra:tt)*] [$($kept:tt)*]) => {
        $callback! { [$($extra)*] $($kept)* }
    };
    // The list.
    (@list $which:tt $callback:ident $extra:tt) => {
        for_each_function! {
            @select $which $callback $extra []

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

            log_sigmoid {
                arity: 1 -> 1,
                forms: {
                    scalar: log_sigmoid,
                    slice: log_sigmoid_slice,
                    in_place: log_sigmoid_in_place,
                },
                kernel: LogSigmoid,
                computes: "log s(x)",
                error: { exact_ulps: 1.0, table: none },
                python: log_expit,
                docs: {
                    free: {
                        scalar: {
                            #[doc = concat!(" The log-sigmoid `log s(x) = -softplus(-x)`, ", accuracy!(), ".")]
                            ///
                            /// Naive equivalent: `-(-x).exp().ln_1p()`, which overflows to `-inf` below about -709.8
                            /// (f64), where the true value is `x`: `log_sigmoid(-1000.0) == -1000.0`.
                        } {
                            #[doc = concat!(" use sigtab::", family!(), "::log_sigmoid;")]
                            /// assert_eq!(log_sigmoid(-1000.0f64), -1000.0);
                            /// assert_eq!(log_sigmoid(f32::NEG_INFINITY), f32::NEG_INFINITY);
                            /// let top = log_sigmoid(f64::INFINITY); // -0.0: the limit, from below
                            /// assert!(top == 0.0 && top.is_sign_negative());
                            /// assert!((log_sigmoid(0.0f64) + core::f64::consts::LN_2).abs() < 1e-15);
                            /// assert!(log_sigmoid(f64::NAN).is_nan());
                        },
                        slice: {
                            /// let x = [-1000.0f64, f64::NEG_INFINITY, f64::INFINITY];
                            /// let mut y = [1.0; 3];
                            #[doc = concat!(" sigtab::", family!(), "::log_sigmoid_slice(&x, &mut y);")]
                            /// assert_eq!(y, [-1000.0, f64::NEG_INFINITY, 0.0]);
                        },
                        in_place: {
                            /// let mut x = [-1000.0f32, f32::NEG_INFINITY];
                            #[doc = concat!(" sigtab::", family!(), "::log_sigmoid_in_place(&mut x);")]
                            /// assert_eq!(x, [-1000.0, f32::NEG_INFINITY]);
                        },
                    },
                    kernels: {
                        scalar: {
                            #[doc = concat!(" assert_eq!(sigtab::", family!(), "::Kernels::detect().log_sigmoid(-1000.0f32), -1000.0);")]
                        },
                        slice: {
                            /// let mut y = [1.0f32; 2];
                            #[doc = concat!(" sigtab::", family!(), "::Kernels::detect().log_sigmoid_slice(&[-1000.0, f32::INFINITY], &mut y);")]
                            /// assert_eq!(y, [-1000.0, 0.0]);
                        },
                        in_place: {
                            /// let mut x = [f64::NEG_INFINITY, -1000.0];
                            #[doc = concat!(" sigtab::", family!(), "::Kernels::detect().log_sigmoid_in_place(&mut x);")]
                            /// assert_eq!(x, [f64::NEG_INFINITY, -1000.0]);
                        },
                    },
                    par: {
                        slice: {
                            /// let x = vec![-1000.0f64; 100_000];
                            /// let mut y = vec![0.0; 100_000];
                            #[doc = concat!(" sigtab::par::", family!(), "::log_sigmoid_slice(&x, &mut y);")]
                            /// assert!(y.iter().all(|&v| v == -1000.0));
                        },
                        in_place: {
                            /// let mut x = vec![f32::NEG_INFINITY; 100_000];
                            #[doc = concat!(" sigtab::par::", family!(), "::log_sigmoid_in_place(&mut x);")]
                            /// assert!(x.iter().all(|&v| v == f32::NEG_INFINITY));
                        },
                    },
                    half: {
                        scalar: {
                            /// use half::f16;
                            /// assert_eq!(sigtab::half::log_sigmoid(f16::NEG_INFINITY), f16::NEG_INFINITY);
                            /// assert_eq!(sigtab::half::log_sigmoid(f16::from_f32(-1000.0)), f16::from_f32(-1000.0));
                            /// assert_eq!(sigtab::half::log_sigmoid(f16::ZERO), f16::from_f32(-core::f32::consts::LN_2));
                        },
                        slice: {
                            /// use half::bf16;
                            /// let x = [bf16::NEG_INFINITY, bf16::INFINITY];
                            /// let mut y = [bf16::ONE; 2];
                            /// sigtab::half::log_sigmoid_slice(&x, &mut y);
                            /// assert_eq!(y, [bf16::NEG_INFINITY, bf16::ZERO]);
                        },
                        in_place: {
                            /// use half::f16;
                            /// let mut x = [f16::NEG_INFINITY; 3];
                            /// sigtab::half::log_sigmoid_in_place(&mut x);
                            /// assert_eq!(x, [f16::NEG_INFINITY; 3]);
                        },
                    },
                    ndarray: {
                        scalar: {
                            #[doc = concat!(" use sigtab::ndarray::", family!(), "::SigmoidExt;")]
                            /// let y = ndarray::arr1(&[-1000.0f64, f64::NEG_INFINITY]).log_sigmoid();
                            /// assert_eq!(y, ndarray::arr1(&[-1000.0, f64::NEG_INFINITY]));
                        },
                        in_place: {
                            #[doc = concat!(" use sigtab::ndarray::", family!(), "::SigmoidExt;")]
                            /// let mut a = ndarray::arr1(&[-1000.0f32, f32::INFINITY]);
                            /// a.log_sigmoid_in_place();
                            /// assert_eq!(a, ndarray::arr1(&[-1000.0, 0.0]));
                        },
                    },
                },
            }

            softplus {
                arity: 1 -> 1,
                forms: { scalar: softplus, slice: softplus_slice, in_place: softplus_in_place },
                kernel: Softplus,
                computes: "log(1 + e^x)",
                error: { exact_ulps: 1.0, table: none },
                python: softplus,
                docs: {
                    free: {
                        scalar: {
                            #[doc = concat!(" The softplus `log(1 + e^x)`, ", accuracy!(), ".")]
                            ///
                            /// Naive equivalent: `x.exp().ln_1p()`, which overflows to `inf` above about 709.8 (f64),
                            /// where the true value is `x`: `softplus(1000.0) == 1000.0`. The negative tail keeps its
                            /// subnormals (`softplus(-745.0) == 5e-324`).
                        } {
                            #[doc = concat!(" use sigtab::", family!(), "::softplus;")]
                            /// assert_eq!(softplus(1000.0f64), 1000.0);
                            /// assert_eq!(softplus(-745.0f64), 5e-324);
                            /// assert_eq!(softplus(f32::NEG_INFINITY), 0.0);
                            /// assert!((softplus(0.0f64) - core::f64::consts::LN_2).abs() < 1e-15);
                            /// assert!(softplus(f64::NAN).is_nan());
                        },
                        slice: {
                            /// let x = [-745.0f64, 1000.0, f64::INFINITY];
                            /// let mut y = [0.0; 3];
                            #[doc = concat!(" sigtab::", family!(), "::softplus_slice(&x, &mut y);")]
                            /// assert_eq!(y, [5e-324, 1000.0, f64::INFINITY]);
                        },
                        in_place: {
                            /// let mut x = [1000.0f32, f32::NEG_INFINITY];
                            #[doc = concat!(" sigtab::", family!(), "::softplus_in_place(&mut x);")]
                            /// assert_eq!(x, [1000.0, 0.0]);
                        },
                    },
                    kernels: {
                        scalar: {
                            #[doc = concat!(" assert_eq!(sigtab::", family!(), "::Kernels::detect().softplus(1000.0f32), 1000.0);")]
                        },
                        slice: {
                            /// let mut y = [1.0f32; 2];
                            #[doc = concat!(" sigtab::", family!(), "::Kernels::detect().softplus_slice(&[1000.0, f32::NEG_INFINITY], &mut y);")]
                            /// assert_eq!(y, [1000.0, 0.0]);
                        },
                        in_place: {
                            /// let mut x = [-745.0f64];
                            #[doc = concat!(" sigtab::", family!(), "::Kernels::detect().softplus_in_place(&mut x);")]
                            /// assert_eq!(x, [5e-324]);
                        },
                    },
                    par: {
                        slice: {
                            /// let x = vec![1000.0f64; 100_000];
                            /// let mut y = vec![0.0; 100_000];
                            #[doc = concat!(" sigtab::par::", family!(), "::softplus_slice(&x, &mut y);")]
                            /// assert!(y.iter().all(|&v| v == 1000.0));
                        },
                        in_place: {
                            /// let mut x = vec![f32::NEG_INFINITY; 100_000];
                            #[doc = concat!(" sigtab::par::", family!(), "::softplus_in_place(&mut x);")]
                            /// assert!(x.iter().all(|&v| v == 0.0));
                        },
                    },
                    half: {
                        scalar: {
                            /// use half::f16;
                            /// assert_eq!(sigtab::half::softplus(f16::ZERO), f16::from_f32(core::f32::consts::LN_2));
                            /// assert_eq!(sigtab::half::softplus(f16::from_f32(1000.0)), f16::from_f32(1000.0));
                            /// // softplus(-20) = 2.06e-9: below f16's smallest subnormal (6e-8), so it rounds to 0.
                            /// assert_eq!(sigtab::half::softplus(f16::from_f32(-20.0)), f16::ZERO);
                        },
                        slice: {
                            /// use half::bf16;
                            /// let x = [bf16::NEG_INFINITY, bf16::INFINITY];
                            /// let mut y = [bf16::ONE; 2];
                            /// sigtab::half::softplus_slice(&x, &mut y);
                            /// assert_eq!(y, [bf16::ZERO, bf16::INFINITY]);
                        },
                        in_place: {
                            /// use half::f16;
                            /// let mut x = [f16::NEG_INFINITY; 3];
                            /// sigtab::half::softplus_in_place(&mut x);
                            /// assert_eq!(x, [f16::ZERO; 3]);
                        },
                    },
                    ndarray: {
                        scalar: {
                            #[doc = concat!(" use sigtab::ndarray::", family!(), "::SigmoidExt;")]
                            /// let y = ndarray::arr1(&[1000.0f32, f32::NEG_INFINITY]).softplus();
                            /// assert_eq!(y, ndarray::arr1(&[1000.0, 0.0]));
                        },
                        in_place: {
                            #[doc = concat!(" use sigtab::ndarray::", family!(), "::SigmoidExt;")]
                            /// let mut a = ndarray::arr1(&[-745.0f64, 1000.0]);
                            /// a.softplus_in_place();
                            /// assert_eq!(a, ndarray::arr1(&[5e-324, 1000.0]));
                        },
                    },
                },
            }

            logit {
                arity: 1 -> 1,
                forms: { scalar: logit, slice: logit_slice, in_place: logit_in_place },
                kernel: Logit,
                computes: "log(p / (1 - p))",
                error: { exact_ulps: 1.0, table: none },
                python: logit,
                docs: {
                    free: {
                        scalar: {
                            #[doc = concat!(" The logit `log(p / (1 - p))`, the inverse of the sigmoid, ", accuracy!(), ".")]
                            ///
                            /// Naive equivalent: `(p / (1.0 - p)).ln()`. `logit(0) = -inf`, `logit(1) = inf`, and `p`
                            /// outside `[0, 1]` gives NaN.
                        } {
                            #[doc = concat!(" use sigtab::", family!(), "::logit;")]
                            /// assert_eq!(logit(0.5f64), 0.0);
                            /// assert_eq!(logit(1.0f64), f64::INFINITY);
                            /// assert_eq!(logit(0.0f32), f32::NEG_INFINITY);
                            /// assert!(logit(1.5f64).is_nan());
                            /// assert!(logit(-0.25f32).is_nan());
                        },
                        slice: {
                            /// let p = [0.0f64, 0.5, 1.0];
                            /// let mut x = [1.0; 3];
                            #[doc = concat!(" sigtab::", family!(), "::logit_slice(&p, &mut x);")]
                            /// assert_eq!(x, [f64::NEG_INFINITY, 0.0, f64::INFINITY]);
                        },
                        in_place: {
                            /// let mut p = [0.5f32, 1.0];
                            #[doc = concat!(" sigtab::", family!(), "::logit_in_place(&mut p);")]
                            /// assert_eq!(p, [0.0, f32::INFINITY]);
                        },
                    },
                    kernels: {
                        scalar: {
                            #[doc = concat!(" assert_eq!(sigtab::", family!(), "::Kernels::detect().logit(0.5f32), 0.0);")]
                        },
                        slice: {
                            /// let mut x = [1.0f32; 2];
                            #[doc = concat!(" sigtab::", family!(), "::Kernels::detect().logit_slice(&[0.5, 0.0], &mut x);")]
                            /// assert_eq!(x, [0.0, f32::NEG_INFINITY]);
                        },
                        in_place: {
                            /// let mut p = [1.0f64, 2.0];
                            #[doc = concat!(" sigtab::", family!(), "::Kernels::detect().logit_in_place(&mut p);")]
                            /// assert!(p[0] == f64::INFINITY && p[1].is_nan());
                        },
                    },
                    par: {
                        slice: {
                            /// let p = vec![0.5f64; 100_000];
                            /// let mut x = vec![1.0; 100_000];
                            #[doc = concat!(" sigtab::par::", family!(), "::logit_slice(&p, &mut x);")]
                            /// assert!(x.iter().all(|&v| v == 0.0));
                        },
                        in_place: {
                            /// let mut p = vec![1.0f32; 100_000];
                            #[doc = concat!(" sigtab::par::", family!(), "::logit_in_place(&mut p);")]
                            /// assert!(p.iter().all(|&v| v == f32::INFINITY));
                        },
                    },
                    half: {
                        scalar: {
                            /// use half::f16;
                            /// assert_eq!(sigtab::half::logit(f16::from_f32(0.5)), f16::ZERO);
                            /// assert_eq!(sigtab::half::logit(f16::ONE), f16::INFINITY);
                            /// assert!(sigtab::half::logit(f16::from_f32(1.5)).is_nan());
                        },
                        slice: {
                            /// use half::bf16;
                            /// let p = [bf16::ZERO, bf16::ONE];
                            /// let mut x = [bf16::ONE; 2];
                            /// sigtab::half::logit_slice(&p, &mut x);
                            /// assert_eq!(x, [bf16::NEG_INFINITY, bf16::INFINITY]);
                        },
                        in_place: {
                            /// use half::f16;
                            /// let mut p = [f16::from_f32(0.5); 3];
                            /// sigtab::half::logit_in_place(&mut p);
                            /// assert_eq!(p, [f16::ZERO; 3]);
                        },
                    },
                    ndarray: {
                        scalar: {
                            #[doc = concat!(" use sigtab::ndarray::", family!(), "::SigmoidExt;")]
                            /// let x = ndarray::arr1(&[0.0f64, 0.5, 1.0]).logit();
                            /// assert_eq!(x, ndarray::arr1(&[f64::NEG_INFINITY, 0.0, f64::INFINITY]));
                        },
                        in_place: {
                            #[doc = concat!(" use sigtab::ndarray::", family!(), "::SigmoidExt;")]
                            /// let mut a = ndarray::arr1(&[0.5f32, 1.0]);
                            /// a.logit_in_place();
                            /// assert_eq!(a, ndarray::arr1(&[0.0, f32::INFINITY]));
                        },
                    },
                },
            }

            silu {
                arity: 1 -> 1,
                forms: { scalar: silu, slice: silu_slice, in_place: silu_in_place },
                kernel: Silu,
                computes: "x s(x)",
                error: { exact_ulps: 1.0, table: none },
                python: silu,
                docs: {
                    free: {
                        scalar: {
                            #[doc = concat!(" The SiLU (swish) `x s(x)`, ", accuracy!(), ".")]
                            ///
                            /// Naive equivalent: `x / (1.0 + (-x).exp())`, which gives NaN at `-inf` (`-inf / inf`),
                            /// where the limit is `-0.0`.
                        } {
                            #[doc = concat!(" use sigtab::", family!(), "::silu;")]
                            /// assert_eq!(silu(0.0f64), 0.0);
                            /// assert_eq!(silu(f32::INFINITY), f32::INFINITY);
                            /// let y = silu(f64::NEG_INFINITY);
                            /// assert!(y == 0.0 && y.is_sign_negative());
                            /// assert!(silu(f64::NAN).is_nan());
                        },
                        slice: {
                            /// let x = [0.0f64, f64::INFINITY];
                            /// let mut y = [1.0; 2];
                            #[doc = concat!(" sigtab::", family!(), "::silu_slice(&x, &mut y);")]
                            /// assert_eq!(y, [0.0, f64::INFINITY]);
                        },
                        in_place: {
                            /// let mut x = [0.0f32, f32::NEG_INFINITY];
                            #[doc = concat!(" sigtab::", family!(), "::silu_in_place(&mut x);")]
                            /// assert_eq!(x, [0.0, 0.0]);
                            /// assert!(x[1].is_sign_negative());
                        },
                    },
                    kernels: {
                        scalar: {
                            #[doc = concat!(" assert_eq!(sigtab::", family!(), "::Kernels::detect().silu(0.0f32), 0.0);")]
                        },
                        slice: {
                            /// let mut y = [1.0f32; 2];
                            #[doc = concat!(" sigtab::", family!(), "::Kernels::detect().silu_slice(&[0.0, f32::INFINITY], &mut y);")]
                            /// assert_eq!(y, [0.0, f32::INFINITY]);
                        },
                        in_place: {
                            /// let mut x = [f64::NEG_INFINITY];
                            #[doc = concat!(" sigtab::", family!(), "::Kernels::detect().silu_in_place(&mut x);")]
                            /// assert!(x[0] == 0.0 && x[0].is_sign_negative());
                        },
                    },
                    par: {
                        slice: {
                            /// let x = vec![f64::INFINITY; 100_000];
                            /// let mut y = vec![0.0; 100_000];
                            #[doc = concat!(" sigtab::par::", family!(), "::silu_slice(&x, &mut y);")]
                            /// assert!(y.iter().all(|&v| v == f64::INFINITY));
                        },
                        in_place: {
                            /// let mut x = vec![0.0f32; 100_000];
                            #[doc = concat!(" sigtab::par::", family!(), "::silu_in_place(&mut x);")]
                            /// assert!(x.iter().all(|&v| v == 0.0));
                        },
                    },
                    half: {
                        scalar: {
                            /// use half::f16;
                            /// assert_eq!(sigtab::half::silu(f16::ZERO), f16::ZERO);
                            /// assert_eq!(sigtab::half::silu(f16::INFINITY), f16::INFINITY);
                            /// assert!(sigtab::half::silu(f16::NEG_INFINITY).is_sign_negative());
                        },
                        slice: {
                            /// use half::bf16;
                            /// let x = [bf16::ZERO, bf16::INFINITY];
                            /// let mut y = [bf16::ONE; 2];
                            /// sigtab::half::silu_slice(&x, &mut y);
                            /// assert_eq!(y, [bf16::ZERO, bf16::INFINITY]);
                        },
                        in_place: {
                            /// use half::f16;
                            /// let mut x = [f16::ZERO; 3];
                            /// sigtab::half::silu_in_place(&mut x);
                            /// assert_eq!(x, [f16::ZERO; 3]);
                        },
                    },
                    ndarray: {
                        scalar: {
                            #[doc = concat!(" use sigtab::ndarray::", family!(), "::SigmoidExt;")]
                            /// let y = ndarray::arr1(&[0.0f64, f64::INFINITY]).silu();
                            /// assert_eq!(y, ndarray::arr1(&[0.0, f64::INFINITY]));
                        },
                        in_place: {
                            #[doc = concat!(" use sigtab::ndarray::", family!(), "::SigmoidExt;")]
                            /// let mut a = ndarray::arr1(&[0.0f32, f32::NEG_INFINITY]);
                            /// a.silu_in_place();
                            /// assert_eq!(a, ndarray::arr1(&[0.0, 0.0]));
                        },
                    },
                },
            }

            silu_grad {
                arity: 1 -> 1,
                forms: { scalar: silu_grad, slice: silu_grad_slice, in_place: silu_grad_in_place },
                kernel: SiluGrad,
                computes: "s(x) (1 + x (1 - s(x)))",
                error: { exact_ulps: 1.0, table: none },
                python: silu_grad,
                docs: {
                    free: {
                        scalar: {
                            #[doc = concat!(" The derivative of the SiLU, `s(x) (1 + x (1 - s(x)))`, computed from `x`, ", accuracy!(), ".")]
                            ///
                            /// Naive equivalent: `let s = 1.0 / (1.0 + (-x).exp()); s * (1.0 + x * (1.0 - s))`, which
                            /// gives NaN at `-inf` (`0 * -inf`), where the limit is 0.
                        } {
                            #[doc = concat!(" use sigtab::", family!(), "::silu_grad;")]
                            /// assert_eq!(silu_grad(0.0f64), 0.5);
                            /// assert_eq!(silu_grad(f32::INFINITY), 1.0);
                            /// let low = silu_grad(f64::NEG_INFINITY); // -0.0: the limit, from below
                            /// assert!(low == 0.0 && low.is_sign_negative());
                            /// assert!(silu_grad(f64::NAN).is_nan());
                        },
                        slice: {
                            /// let x = [0.0f64, f64::INFINITY];
                            /// let mut dy = [0.0; 2];
                            #[doc = concat!(" sigtab::", family!(), "::silu_grad_slice(&x, &mut dy);")]
                            /// assert_eq!(dy, [0.5, 1.0]);
                        },
                        in_place: {
                            /// let mut x = [0.0f32, f32::INFINITY];
                            #[doc = concat!(" sigtab::", family!(), "::silu_grad_in_place(&mut x);")]
                            /// assert_eq!(x, [0.5, 1.0]);
                        },
                    },
                    kernels: {
                        scalar: {
                            #[doc = concat!(" assert_eq!(sigtab::", family!(), "::Kernels::detect().silu_grad(0.0f32), 0.5);")]
                        },
                        slice: {
                            /// let mut dy = [0.0f32; 2];
                            #[doc = concat!(" sigtab::", family!(), "::Kernels::detect().silu_grad_slice(&[0.0, f32::INFINITY], &mut dy);")]
                            /// assert_eq!(dy, [0.5, 1.0]);
                        },
                        in_place: {
                            /// let mut x = [0.0f64];
                            #[doc = concat!(" sigtab::", family!(), "::Kernels::detect().silu_grad_in_place(&mut x);")]
                            /// assert_eq!(x, [0.5]);
                        },
                    },
                    par: {
                        slice: {
                            /// let x = vec![0.0f32; 100_000];
                            /// let mut dy = vec![0.0; 100_000];
                            #[doc = concat!(" sigtab::par::", family!(), "::silu_grad_slice(&x, &mut dy);")]
                            /// assert!(dy.iter().all(|&v| v == 0.5));
                        },
                        in_place: {
                            /// let mut x = vec![0.0f64; 100_000];
                            #[doc = concat!(" sigtab::par::", family!(), "::silu_grad_in_place(&mut x);")]
                            /// assert!(x.iter().all(|&v| v == 0.5));
                        },
                    },
                    half: {
                        scalar: {
                            /// use half::bf16;
                            /// assert_eq!(sigtab::half::silu_grad(bf16::ZERO), bf16::from_f32(0.5));
                            /// assert_eq!(sigtab::half::silu_grad(bf16::INFINITY), bf16::ONE);
                        },
                        slice: {
                            /// use half::f16;
                            /// let x = [f16::ZERO];
                            /// let mut dy = [f16::ZERO];
                            /// sigtab::half::silu_grad_slice(&x, &mut dy);
                            /// assert_eq!(dy[0].to_f32(), 0.5);
                        },
                        in_place: {
                            /// use half::bf16;
                            /// let mut x = [bf16::ZERO; 3];
                            /// sigtab::half::silu_grad_in_place(&mut x);
                            /// assert_eq!(x, [bf16::from_f32(0.5); 3]);
                        },
                    },
                    ndarray: {
                        scalar: {
                            #[doc = concat!(" use sigtab::ndarray::", family!(), "::SigmoidExt;")]
                            /// let dy = ndarray::arr1(&[0.0f64, f64::INFINITY]).silu_grad();
                            /// assert_eq!(dy, ndarray::arr1(&[0.5, 1.0]));
                        },
                        in_place: {
                            #[doc = concat!(" use sigtab::ndarray::", family!(), "::SigmoidExt;")]
                            /// let mut a = ndarray::arr1(&[0.0f32, f32::INFINITY]);
                            /// a.view_mut().silu_grad_in_place();
                            /// assert_eq!(a, ndarray::arr1(&[0.5, 1.0]));
                        },
                    },
                },
            }

            binary_cross_entropy_with_logits {
                arity: 2 -> 1,
                forms: {
                    scalar: binary_cross_entropy_with_logits,
                    slice: binary_cross_entropy_with_logits_slice,
                },
                kernel: BinaryCrossEntropyWithLogits,
                computes: "t softplus(-x) + (1 - t) softplus(x)",
                error: { exact_ulps: 2.0, table: none },
                python: binary_cross_entropy_with_logits,
                docs: {
                    free: {
                        scalar: {
                            /// The binary cross-entropy of the logit `x` against the target `t` (a probability in
                            /// `[0, 1]`), `t softplus(-x) + (1 - t) softplus(x)`, within 2 ulps for `t` in `[0, 1]`:
                            /// the loss of `s(x)` as a prediction of `t`, computed from `x` without forming `s(x)`.
                            ///
                            /// Naive equivalent: `-(t * s.ln() + (1.0 - t) * (1.0 - s).ln())` with `s = sigmoid(x)`,
                            /// which is `inf` (or NaN) once `s` rounds to 0 or 1, where the true loss is finite:
                            /// `binary_cross_entropy_with_logits(1000.0, 0.0) == 1000.0`. A term whose weight is 0
                            /// is 0, even where its softplus is infinite.
                        } {
                            #[doc = concat!(" use sigtab::", family!(), "::binary_cross_entropy_with_logits as bce;")]
                            /// assert_eq!(bce(f64::NEG_INFINITY, 0.9), f64::INFINITY);
                            /// assert_eq!(bce(f64::NEG_INFINITY, 0.0), 0.0);
                            /// assert_eq!(bce(1000.0f64, 0.0), 1000.0);
                            /// assert_eq!(bce(f32::INFINITY, 1.0), 0.0);
                            /// assert!((bce(0.0f64, 0.25) - core::f64::consts::LN_2).abs() < 1e-15);
                            /// assert!(bce(f64::NAN, 0.5).is_nan());
                        },
                        slice: {
                            /// let x = [f64::NEG_INFINITY, 1000.0, f64::INFINITY];
                            /// let t = [0.0, 0.0, 1.0];
                            /// let mut loss = [1.0; 3];
                            #[doc = concat!(" sigtab::", family!(), "::binary_cross_entropy_with_logits_slice(&x, &t, &mut loss);")]
                            /// assert_eq!(loss, [0.0, 1000.0, 0.0]);
                        },
                    },
                    kernels: {
                        scalar: {
                            #[doc = concat!(" let k = sigtab::", family!(), "::Kernels::detect();")]
                            /// assert_eq!(k.binary_cross_entropy_with_logits(1000.0f32, 0.0), 1000.0);
                        },
                        slice: {
                            /// let mut loss = [1.0f32; 2];
                            #[doc = concat!(" let k = sigtab::", family!(), "::Kernels::detect();")]
                            /// k.binary_cross_entropy_with_logits_slice(&[f32::NEG_INFINITY; 2], &[0.0, 0.5], &mut loss);
                            /// assert_eq!(loss, [0.0, f32::INFINITY]);
                        },
                    },
                    par: {
                        slice: {
                            /// let x = vec![1000.0f64; 100_000];
                            /// let t = vec![0.0; 100_000];
                            /// let mut loss = vec![0.0; 100_000];
                            #[doc = concat!(" sigtab::par::", family!(), "::binary_cross_entropy_with_logits_slice(&x, &t, &mut loss);")]
                            /// assert!(loss.iter().all(|&v| v == 1000.0));
                        },
                    },
                    half: {
                        scalar: {
                            /// use half::f16;
                            /// use sigtab::half::binary_cross_entropy_with_logits as bce;
                            /// assert_eq!(bce(f16::ZERO, f16::from_f32(0.25)), f16::from_f32(core::f32::consts::LN_2));
                            /// assert_eq!(bce(f16::NEG_INFINITY, f16::ZERO), f16::ZERO);
                            /// assert_eq!(bce(f16::NEG_INFINITY, f16::ONE), f16::INFINITY);
                        },
                        slice: {
                            /// use half::bf16;
                            /// let x = [bf16::INFINITY, bf16::from_f32(100.0)];
                            /// let t = [bf16::ONE, bf16::ZERO];
                            /// let mut loss = [bf16::ONE; 2];
                            /// sigtab::half::binary_cross_entropy_with_logits_slice(&x, &t, &mut loss);
                            /// assert_eq!(loss, [bf16::ZERO, bf16::from_f32(100.0)]);
                        },
                    },
                    ndarray: {
                        scalar: {
                            #[doc = concat!(" use sigtab::ndarray::", family!(), "::SigmoidExt;")]
                            /// let x = ndarray::arr2(&[[f64::NEG_INFINITY, 1000.0]]);
                            /// let t = ndarray::arr2(&[[0.0, 0.0]]);
                            /// assert_eq!(x.binary_cross_entropy_with_logits(&t), ndarray::arr2(&[[0.0, 1000.0]]));
                        },
                    },
                },
            }
        }
    };
}
pub(crate) use for_each_function;
