//! The tests every listed function gets (`src/registry.rs`), generated from the list, and the
//! check that the list is complete (after libm's `tests/check_coverage.rs`).
//!
//! For each function, in each family (`exact`, `table`, `table::hermite`): on every backend the
//! slice and in-place forms equal the scalar one element by element, and the free functions equal
//! the detected backend's; the exact f64 kernel is within its budget in ulps of a 256-bit
//! reference (`common::reference`, one function per listed name), the exact f32 kernel within
//! it against the f64 formula (`common::formula`, idem), the tables within their published
//! `MaxErr` field. With their features: `par` equals the single-threaded forms, `half` the f32
//! kernel rounded once, and the `ndarray` methods the slice forms, contiguous or strided. A
//! function of two inputs is called with each input and every target of `TARGETS`; the
//! exact-only functions (`table: none`) get no table tests.

mod common;

use astro_float::{BigFloat, Consts};
use common::registry::for_each_function;
use sigtab::{Backend, Float};

/// Inputs: every regime of the kernels, the table edges, the tails, special values, and the
/// unit interval (the domain of `logit`).
fn inputs<T: Float>(conv: impl Fn(f64) -> T) -> Vec<T> {
    let mut x: Vec<f64> = (0..4000).map(|i| i as f64 * 0.02 - 40.0).collect();
    x.extend([
        -800.0,
        -745.0,
        -100.0,
        -16.0,
        -0.0,
        0.0,
        16.0,
        17.5,
        37.5,
        100.0,
        800.0,
        1e-30,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
    ]);
    x.extend(unit_interval());
    x.into_iter().map(conv).collect()
}

/// Points of `[0, 1]` and just outside it: a grid, both ends up close, and tiny values.
fn unit_interval() -> Vec<f64> {
    let mut x: Vec<f64> = (1..1000).map(|i| i as f64 / 1000.0).collect();
    x.extend([
        1.0,
        1e-300,
        5e-324,
        1e-10,
        1e-4,
        1.0 - 1e-12,
        1.0 - 1e-6,
        0.9999,
        1.5,
        -0.5,
    ]);
    x
}

/// The targets of the functions of two inputs (`x`, `target`): probabilities in `[0, 1]`.
const TARGETS: [f64; 8] = [0.0, 0.25, 0.5, 1.0, 1e-3, 0.1, 0.9, 0.999];

/// Every input of `x` with every target: the arguments of a function of two inputs.
fn with_targets<T: Copy>(x: &[T], conv: impl Fn(f64) -> T) -> (Vec<T>, Vec<T>) {
    let (mut xs, mut ts) = (Vec::new(), Vec::new());
    for t in TARGETS {
        xs.extend_from_slice(x);
        ts.extend(x.iter().map(|_| conv(t)));
    }
    (xs, ts)
}

fn same<T: Float + PartialEq>(a: T, b: T) -> bool {
    #[allow(clippy::eq_op)]
    let nan = |v: T| v != v;
    a == b || (nan(a) && nan(b))
}

/// A result against a non-finite true value: `Some(whether it is that value)` (NaN for NaN),
/// `None` when the true value is finite and the ulp distance decides.
fn special(y: f64, want_nan: bool, want_inf: Option<bool>) -> Option<bool> {
    if want_nan {
        Some(y.is_nan())
    } else {
        want_inf.map(|positive| {
            y == if positive {
                f64::INFINITY
            } else {
                f64::NEG_INFINITY
            }
        })
    }
}

/// A scalar result as its outputs, whatever the arity.
trait Outputs {
    fn outputs(self) -> Vec<f64>;
}
impl Outputs for f64 {
    fn outputs(self) -> Vec<f64> {
        vec![self]
    }
}
impl Outputs for f32 {
    fn outputs(self) -> Vec<f64> {
        vec![self as f64]
    }
}
impl<T: Outputs> Outputs for (T, T) {
    fn outputs(self) -> Vec<f64> {
        let mut v = self.0.outputs();
        v.extend(self.1.outputs());
        v
    }
}

/// A reference result as its outputs.
trait RefOutputs {
    fn outputs(self) -> Vec<BigFloat>;
}
impl RefOutputs for BigFloat {
    fn outputs(self) -> Vec<BigFloat> {
        vec![self]
    }
}
impl RefOutputs for (BigFloat, BigFloat) {
    fn outputs(self) -> Vec<BigFloat> {
        vec![self.0, self.1]
    }
}

/// One module per listed function, with its tests; `LISTED`, every form's name. The table
/// families' tests are generated for the functions they have (`table: [...]`), not for the
/// exact-only ones (`table: none`).
macro_rules! registry_tests {
    ([] $($name:ident {
        arity: $i:tt -> $o:tt,
        forms: $forms:tt,
        kernel: $kernel:ident,
        computes: $computes:literal,
        error: { exact_ulps: $ulps:literal, table: $table:tt $(,)? },
        python: $python:ident,
        docs: $docs:tt $(,)?
    })*) => {
        /// The name of every form of every listed function.
        const LISTED: &[&[&str]] = &[$(registry_tests!(@names $forms)),*];

        $(
            mod $name {
                use super::*;

                registry_tests!(@forms exact [exact] ($i -> $o) $forms);
                registry_tests!(@tables $table ($i -> $o) $forms);
                registry_tests!(@budget ($i -> $o) $name $ulps);
                registry_tests!(@table_budget $table $name);
                #[cfg(feature = "half")]
                registry_tests!(@half ($i -> $o) $forms);
                #[cfg(feature = "ndarray")]
                registry_tests!(@ndarray ($i -> $o) $forms);
            }
        )*
    };
    (@names { scalar: $s:ident, slice: $l:ident $(, in_place: $p:ident)? $(,)? }) => {
        &[stringify!($s), stringify!($l) $(, stringify!($p))?]
    };
    (@tables none $($_:tt)*) => {};
    (@tables [$($field:ident),+ $(,)?] $arity:tt $forms:tt) => {
        registry_tests!(@forms table [table] $arity $forms);
        registry_tests!(@forms hermite [table::hermite] $arity $forms);
    };

    // Every form of one family on every backend, and with `parallel` the `par` forms.
    (@forms $mod:ident [$($family:ident)::+] $arity:tt { scalar: $s:ident, slice: $l:ident $(, in_place: $p:ident)? $(,)? }) => {
        mod $mod {
            use super::*;
            use sigtab::$($family)::+ as f;

            /// `x`, and `t` the targets of a function of two inputs (unused by the others).
            fn check<T: Float + PartialEq + std::fmt::Debug>(x: &[T], t: &[T]) {
                let n = x.len();
                for backend in Backend::available() {
                    let k = f::Kernels::new(backend).unwrap();
                    let scalar: Vec<_> = (0..n).map(|i| registry_tests!(@call $arity [k.$s], x[i], t[i])).collect();
                    let outs = registry_tests!(@slice $arity [k.$l], x, t);
                    for (j, out) in outs.iter().enumerate() {
                        for i in 0..n {
                            let want = registry_tests!(@output $arity scalar[i], j);
                            assert!(same(out[i], want), "{backend:?} {}[{j}] at {:?}, {:?}", stringify!($l), x[i], t[i]);
                        }
                    }
                    $(
                        let mut ip = x.to_vec();
                        k.$p(&mut ip);
                        assert!(ip.iter().zip(&outs[0]).all(|(&a, &b)| same(a, b)), "{backend:?} {}", stringify!($p));
                    )?
                }
                // The free functions are the detected backend's.
                let k = f::Kernels::detect();
                for i in 0..n {
                    let a = registry_tests!(@call $arity [f::$s], x[i], t[i]);
                    let b = registry_tests!(@call $arity [k.$s], x[i], t[i]);
                    assert!(registry_tests!(@same $arity a, b), "{} at {:?}, {:?}", stringify!($s), x[i], t[i]);
                }
                let free = registry_tests!(@slice $arity [f::$l], x, t);
                let detected = registry_tests!(@slice $arity [k.$l], x, t);
                for (a, b) in free.iter().zip(&detected) {
                    assert!(a.iter().zip(b).all(|(&a, &b)| same(a, b)), "{}", stringify!($l));
                }
                $(
                    let mut ip = x.to_vec();
                    f::$p(&mut ip);
                    assert!(ip.iter().zip(&free[0]).all(|(&a, &b)| same(a, b)));
                )?
            }

            #[test]
            fn forms_agree_on_every_backend() {
                let (x, t) = registry_tests!(@args $arity inputs(|v| v as f32), |v| v as f32);
                check(&x, &t);
                let (x, t) = registry_tests!(@args $arity inputs(|v| v), |v| v);
                check(&x, &t);
            }

            #[cfg(feature = "parallel")]
            #[test]
            fn par_equals_one_thread() {
                use sigtab::par::$($family)::+ as p;
                let n = sigtab::par::MIN_PARALLEL_LEN + 17;
                let x: Vec<f32> = (0..n).map(|i| (i as f32 * 0.618).fract() * 80.0 - 40.0).collect();
                let t: Vec<f32> = (0..n).map(|i| TARGETS[i % TARGETS.len()] as f32).collect();
                let one = registry_tests!(@slice $arity [f::$l], &x[..], &t[..]);
                let par = registry_tests!(@slice $arity [p::$l], &x[..], &t[..]);
                assert!(one == par, "{}", stringify!($l));
                $(
                    let (mut a, mut b) = (x.clone(), x.clone());
                    f::$p(&mut a);
                    p::$p(&mut b);
                    assert!(a == b, "{}", stringify!($p));
                )?
            }
        }
    };

    // The arguments `(x, t)` from the inputs `$x`: each input with every target for a function
    // of two inputs, else the inputs themselves (and `t`, unused, a copy).
    (@args (2 -> 1) $x:expr, $conv:expr) => {{
        let x = $x;
        with_targets(&x, $conv)
    }};
    (@args $arity:tt $x:expr, $conv:expr) => {{
        let x = $x;
        (x.clone(), x)
    }};
    // The scalar form on one element.
    (@call (2 -> 1) [$($f:tt)*], $x:expr, $t:expr) => {
        $($f)*($x, $t)
    };
    (@call $arity:tt [$($f:tt)*], $x:expr, $t:expr) => {{
        let _ = $t;
        $($f)*($x)
    }};
    // The slice form's outputs, one vector each: `[function]` on the slices `$x` (and `$t`).
    (@slice (1 -> 1) [$($f:tt)*], $x:expr, $t:expr) => {{
        let (x, _) = ($x, $t);
        let mut out = vec![Default::default(); x.len()];
        $($f)*(x, &mut out);
        vec![out]
    }};
    (@slice (1 -> 2) [$($f:tt)*], $x:expr, $t:expr) => {{
        let (x, _) = ($x, $t);
        let (mut y, mut dy) = (vec![Default::default(); x.len()], vec![Default::default(); x.len()]);
        $($f)*(x, &mut y, &mut dy);
        vec![y, dy]
    }};
    (@slice (2 -> 1) [$($f:tt)*], $x:expr, $t:expr) => {{
        let (x, t) = ($x, $t);
        let mut out = vec![Default::default(); x.len()];
        $($f)*(x, t, &mut out);
        vec![out]
    }};
    (@output (1 -> 2) $v:expr, $j:expr) => {
        if $j == 0 { $v.0 } else { $v.1 }
    };
    (@output $arity:tt $v:expr, $j:expr) => {{
        let _ = $j;
        $v
    }};
    (@same (1 -> 2) $a:expr, $b:expr) => {
        same($a.0, $b.0) && same($a.1, $b.1)
    };
    (@same $arity:tt $a:expr, $b:expr) => {
        same($a, $b)
    };
    // Where a failure happened: the input, and the target of a function of two inputs.
    (@at (2 -> 1) $v:expr, $w:expr) => {
        format!("{:e}, target {:e}", $v, $w)
    };
    (@at $arity:tt $v:expr, $w:expr) => {{
        let _ = $w;
        format!("{:e}", $v)
    }};
    // The references of one element: 256-bit (`cc`) or f64 (`f64`).
    (@reference (2 -> 1) $s:ident, $x:expr, $t:expr, $cc:expr) => {
        common::reference::$s($x, $t, $cc)
    };
    (@reference $arity:tt $s:ident, $x:expr, $t:expr, $cc:expr) => {{
        let _ = $t;
        common::reference::$s($x, $cc)
    }};
    (@formula (2 -> 1) $s:ident, $x:expr, $t:expr) => {
        common::formula::$s($x, $t)
    };
    (@formula $arity:tt $s:ident, $x:expr, $t:expr) => {{
        let _ = $t;
        common::formula::$s($x)
    }};

    // The error budget of the exact kernels, in ulps.
    (@budget $arity:tt $s:ident $ulps:literal) => {
        #[test]
        fn exact_f64_within_budget_against_256_bit_reference() {
            let mut cc = Consts::new().unwrap();
            let mut x = common::f64_sample(if cfg!(debug_assertions) { 200 } else { 2_000 });
            x.extend(unit_interval());
            let (x, t) = registry_tests!(@args $arity x, |v| v);
            let refs: Vec<_> = x
                .iter()
                .zip(&t)
                .map(|(&v, &w)| RefOutputs::outputs(registry_tests!(@reference $arity $s, v, w, &mut cc)))
                .collect();
            for backend in Backend::available() {
                let k = sigtab::exact::Kernels::new(backend).unwrap();
                for ((&v, &w), r) in x.iter().zip(&t).zip(&refs) {
                    let y = Outputs::outputs(registry_tests!(@call $arity [k.$s], v, w));
                    for (y, r) in y.iter().zip(r) {
                        let inf = r.is_inf().then(|| r.is_inf_pos());
                        if let Some(ok) = special(*y, r.is_nan(), inf) {
                            assert!(ok, "{backend:?} at {}: {y:e}, reference {r}", registry_tests!(@at $arity v, w));
                        } else if r.is_zero() {
                            assert!(*y == 0.0 || *y == 5e-324, "{backend:?} at {}: {y:e}", registry_tests!(@at $arity v, w));
                        } else {
                            let e = common::reference::ulps(*y, r);
                            assert!(e <= $ulps, "{backend:?} at {}: {e} ulp", registry_tests!(@at $arity v, w));
                        }
                    }
                }
            }
        }

        #[test]
        fn exact_f32_within_budget_against_the_f64_formula() {
            let (x, t) = registry_tests!(@args $arity inputs(|v| v as f32), |v| v as f32);
            for backend in Backend::available() {
                let k = sigtab::exact::Kernels::new(backend).unwrap();
                for (&v, &w) in x.iter().zip(&t) {
                    if v.is_nan() {
                        continue;
                    }
                    let want = Outputs::outputs(registry_tests!(@formula $arity $s, v as f64, w as f64));
                    let got = Outputs::outputs(registry_tests!(@call $arity [k.$s], v, w));
                    for (y, f) in got.iter().zip(&want) {
                        let inf = f.is_infinite().then(|| *f > 0.0);
                        if let Some(ok) = special(*y, f.is_nan(), inf) {
                            assert!(ok, "{backend:?} at {}: {y:e}, formula {f:e}", registry_tests!(@at $arity v, w));
                        } else {
                            let e = common::ulps_f32(*y as f32, *f);
                            assert!(e <= $ulps, "{backend:?} at {}: {e} ulp", registry_tests!(@at $arity v, w));
                        }
                    }
                }
            }
        }
    };

    // The tables within their published `MaxErr` fields (functions of one input only).
    (@table_budget none $s:ident) => {};
    (@table_budget [$($field:ident),+ $(,)?] $s:ident) => {
        #[test]
        fn tables_within_their_published_bounds() {
            let bounds = [
                ("linear", sigtab::table::MAX_ERR_LINEAR_F32, sigtab::table::MAX_ERR_LINEAR_F64),
                ("hermite", sigtab::table::hermite::MAX_ERR_F32, sigtab::table::hermite::MAX_ERR_F64),
            ];
            for (name, e32, e64) in bounds {
                let (b32, b64) = ([$(e32.$field),+], [$(e64.$field),+]);
                for backend in Backend::available() {
                    let lin = sigtab::table::Kernels::new(backend).unwrap();
                    let her = sigtab::table::hermite::Kernels::new(backend).unwrap();
                    for v in inputs(|v| v) {
                        if v.is_nan() {
                            continue;
                        }
                        let want = Outputs::outputs(common::formula::$s(v));
                        let (y32, y64) = if name == "linear" {
                            (lin.$s(v as f32), lin.$s(v))
                        } else {
                            (her.$s(v as f32), her.$s(v))
                        };
                        let want32 = Outputs::outputs(common::formula::$s(v as f32 as f64));
                        for j in 0..want.len() {
                            let (a, b) = (Outputs::outputs(y32)[j], Outputs::outputs(y64)[j]);
                            assert!((a - want32[j]).abs() <= b32[j], "{name} f32 {backend:?} at {v:e}[{j}]");
                            assert!((b - want[j]).abs() <= b64[j], "{name} f64 {backend:?} at {v:e}[{j}]");
                        }
                    }
                }
            }
        }
    };

    // `sigtab::half`: the exact f32 kernel rounded once, in every form.
    (@half $arity:tt { scalar: $s:ident, slice: $l:ident $(, in_place: $p:ident)? $(,)? }) => {
        #[test]
        fn half_is_the_f32_kernel_rounded_once() {
            use half::f16;
            let all: Vec<f16> = (0..=u16::MAX).map(f16::from_bits).collect();
            let (x, t) = registry_tests!(@args $arity all, f16::from_f64);
            let narrow = |v: f32| f16::from_f32(v);
            let scalar: Vec<_> = x.iter().zip(&t).map(|(&v, &w)| registry_tests!(@call $arity [sigtab::half::$s], v, w)).collect();
            for ((&v, &w), &y) in x.iter().zip(&t).zip(&scalar) {
                let want = registry_tests!(@map $arity registry_tests!(@call $arity [sigtab::exact::$s], v.to_f32(), w.to_f32()), narrow);
                assert!(format!("{want:?}") == format!("{y:?}"), "{} at {v:?}, {w:?}", stringify!($s));
            }
            let outs = registry_tests!(@slice $arity [sigtab::half::$l], &x[..], &t[..]);
            for (j, out) in outs.iter().enumerate() {
                for i in 0..x.len() {
                    let want = registry_tests!(@output $arity scalar[i], j);
                    assert!(out[i] == want || (out[i].is_nan() && want.is_nan()));
                }
            }
            $(
                let mut ip = x.clone();
                sigtab::half::$p(&mut ip);
                assert!(ip.iter().zip(&outs[0]).all(|(a, b)| a == b || (a.is_nan() && b.is_nan())));
            )?
        }
    };
    (@map (1 -> 2) $v:expr, $f:expr) => {{
        let (a, b) = $v;
        ($f(a), $f(b))
    }};
    (@map $arity:tt $v:expr, $f:expr) => {
        $f($v)
    };

    // The `ndarray` methods: the slice forms' results, for contiguous and strided arrays.
    (@ndarray (2 -> 1) { scalar: $s:ident, slice: $l:ident $(,)? }) => {
        #[test]
        fn ndarray_methods_equal_the_slice_forms() {
            use sigtab::ndarray::ndarray::{Array2, ShapeBuilder, s};
            use sigtab::ndarray::SigmoidExt;
            let x = inputs(|v| v);
            let rows = x.len() / 5;
            let a = Array2::from_shape_vec((rows, 5), x[..rows * 5].to_vec()).unwrap();
            let t: Vec<f64> = (0..rows * 5).map(|i| TARGETS[i % TARGETS.len()]).collect();
            let b = Array2::from_shape_vec((rows, 5), t).unwrap();
            // The same shape in the other memory order (the elementwise path).
            let mut b_fortran = Array2::zeros((rows, 5).f());
            b_fortran.assign(&b);
            let b_t_c = b.t().as_standard_layout().into_owned();
            let cases = [
                (a.view(), b.view()),
                (a.slice(s![.., ..;2]), b.slice(s![.., ..;2])),
                (a.t(), b.t()),
                (a.view(), b_fortran.view()),
                (a.t(), b_t_c.view()),
            ];
            for (va, vb) in cases {
                let flat: Vec<f64> = va.iter().copied().collect();
                let flat_t: Vec<f64> = vb.iter().copied().collect();
                let want = registry_tests!(@slice (2 -> 1) [sigtab::exact::$l], &flat[..], &flat_t[..]);
                let got: Vec<f64> = va.$s(&vb).iter().copied().collect();
                assert!(got.iter().zip(&want[0]).all(|(&a, &b)| same(a, b)), "{}", stringify!($s));
            }
            // Shapes that differ panic, naming both.
            let r = std::panic::catch_unwind(|| a.t().$s(&b));
            let msg = *r.unwrap_err().downcast::<String>().unwrap();
            assert!(
                msg.starts_with(stringify!($s))
                    && msg.contains(&format!("{:?}", [5, rows]))
                    && msg.contains(&format!("{:?}", [rows, 5])),
                "{msg}"
            );
        }
    };
    (@ndarray $arity:tt { scalar: $s:ident, slice: $l:ident $(, in_place: $p:ident)? $(,)? }) => {
        #[test]
        fn ndarray_methods_equal_the_slice_forms() {
            use sigtab::ndarray::ndarray::{Array2, s};
            use sigtab::ndarray::SigmoidExt;
            let x = inputs(|v| v);
            let a = Array2::from_shape_vec((x.len() / 5, 5), x[..x.len() / 5 * 5].to_vec()).unwrap();
            for view in [a.view(), a.slice(s![.., ..;2]), a.t()] {
                let flat: Vec<f64> = view.iter().copied().collect();
                let want = registry_tests!(@slice $arity [sigtab::exact::$l], &flat[..], ());
                let got = registry_tests!(@arrays $arity view.$s());
                for (g, w) in got.iter().zip(&want) {
                    assert!(g.iter().zip(w).all(|(&a, &b)| same(a, b)), "{}", stringify!($s));
                }
                $(
                    let mut b = view.to_owned();
                    b.$p();
                    assert!(b.iter().zip(&want[0]).all(|(&a, &b)| same(a, b)), "{}", stringify!($p));
                )?
            }
        }
    };
    (@arrays (1 -> 1) $e:expr) => {
        vec![$e.iter().copied().collect::<Vec<f64>>()]
    };
    (@arrays (1 -> 2) $e:expr) => {{
        let (y, dy) = $e;
        vec![y.iter().copied().collect::<Vec<f64>>(), dy.iter().copied().collect()]
    }};
}

for_each_function!(registry_tests);

/// The files that write the public functions of `exact`, `table`, `table::hermite`, `par`,
/// `half` and `ndarray`, and the functions in them that are not in the list (the `Kernels`
/// constructors).
const API_FILES: [&str; 7] = [
    "src/api.rs",
    "src/exact/mod.rs",
    "src/table/mod.rs",
    "src/table/hermite.rs",
    "src/par.rs",
    "src/half.rs",
    "src/ndarray.rs",
];
const NOT_LISTED: [&str; 3] = ["new", "detect", "backend"];

/// The functions named in `src`: `pub fn name`, and the trait's `fn name(&self)` /
/// `fn name(&mut self)`. The generated ones are named by metavariables (`pub fn $scalar`), so
/// they are not found: only functions written by hand are.
fn functions_named_in(src: &str) -> Vec<String> {
    src.lines()
        .filter_map(|line| {
            let line = line.trim_start();
            line.strip_prefix("pub fn ").or_else(|| {
                line.strip_prefix("fn ")
                    .filter(|r| r.contains("(&self") || r.contains("(&mut self"))
            })
        })
        .map(|rest| {
            rest.chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect::<String>()
        })
        .filter(|name| !name.is_empty())
        .collect()
}

/// Every public function and `SigmoidExt` method written in the API's source is a form of a
/// listed function (or a `Kernels` constructor): a function added by hand outside the list fails
/// here, as it would lack the other families, forms and the tests above.
#[test]
fn every_public_function_is_in_the_list() {
    let listed: Vec<&str> = LISTED
        .iter()
        .flat_map(|forms| forms.iter().copied())
        .collect();
    for file in API_FILES {
        let path = format!("{}/{file}", env!("CARGO_MANIFEST_DIR"));
        let src = std::fs::read_to_string(&path).unwrap();
        for name in functions_named_in(&src) {
            assert!(
                NOT_LISTED.contains(&name.as_str()) || listed.contains(&name.as_str()),
                "{file}: `{name}` is not in the list of functions (src/registry.rs): add it there \
                 instead, so that every family, form and test has it"
            );
        }
    }
}

/// The scan finds a function written by hand, a trait method, and no generated function.
#[test]
fn the_scan_finds_functions_written_by_hand() {
    let src = "
        pub fn log_sigmoid<T: Float>(x: T) -> T {
        pub fn $scalar<T: Float>(x: T) -> T {
            fn softplus(&self) -> Array<Self::Elem, Self::Dim>;
            fn $in_place(&mut self)
        fn helper(x: f64) -> f64 {";
    assert_eq!(functions_named_in(src), ["log_sigmoid", "softplus"]);
}
