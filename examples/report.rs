//! sigtab's report: every kernel side by side on this machine, accuracy and speed.
//!
//! `cargo run --release --example report` (under a minute). Prints the CPU features and backend,
//! then for f32 and f64 one row per contender: ns per element at n = 1001, 65536 and 16M, the
//! largest error measured now (ulps for exact kernels, absolute and relative for approximations),
//! and the memory each uses; the projected time for 10^12 sigmoid+gradient evaluations; a
//! verdict computed from these numbers; and the logistic family (log_sigmoid,
//! softplus, logit, silu, silu_grad, the loss): each slice kernel's ns per element and its ratio
//! to `exact::sigmoid_slice` in the same run, its measured error, the naive formulas beside it,
//! and inputs where those fail.
//!
//! `cargo run --release --example report -- --plot DIR` also writes SVG plots into DIR: absolute
//! error against x over [-40, 40] for each kernel (`error_f32_table-N.svg`, `error_f64_table-N.svg`,
//! log scale, N the compiled table resolution), and ns per element against n (`speed_f32.svg`,
//! `speed_f64.svg`). `--low-memory` skips the one measurement that needs gigabytes (a HashMap
//! memo of 16M distinct inputs); `--help` lists the options.

use astro_float::{BigFloat, Consts};
use sigtab::{Backend, exact, table};
use std::collections::HashMap;
use std::hint::black_box;
use std::time::Instant;

#[path = "../src/formula.rs"]
mod formula;
#[path = "../tests/common/reference.rs"]
mod reference;

const SIZES: [usize; 3] = [1001, 65_536, 16 << 20];

/// `--low-memory`: skip the one measurement that needs gigabytes, the HashMap memo with all 16M
/// inputs distinct (its cell reads `-`).
static LOW_MEMORY: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

const USAGE: &str = "\
sigtab report: every kernel on this machine, speed, error, memory, and what to use.

usage: cargo run --release --example report [-- OPTIONS]
       (add `--features parallel` for the all-cores rows)

options:
  --plot DIR     also write the SVG plots into DIR (error against x, ns per element against n)
  --low-memory   skip the HashMap memo with 16M distinct inputs, which alone needs about 1.2 GB:
                 the report then peaks at about 0.55 GB of memory instead of 1.75 GB
  -h, --help     print this and exit

It takes under a minute (30 s on a 2-core Zen 4), one thread at a time (all cores for the
`par` rows).";

/// Best nanoseconds per element of `f` over a few repetitions (fewer for big n). A call that
/// takes over 0.3 s (memoizing 16M distinct inputs) is measured once.
fn time(n: usize, mut f: impl FnMut()) -> f64 {
    let t = Instant::now();
    f();
    let first = t.elapsed().as_nanos() as f64 / n as f64;
    if first * n as f64 > 3e8 {
        return first;
    }
    let reps = if n > 1_000_000 { 3 } else { 7 };
    let inner = (2_000_000 / n).max(1);
    let mut best = f64::INFINITY;
    for _ in 0..reps {
        let t = Instant::now();
        for _ in 0..inner {
            f();
        }
        best = best.min(t.elapsed().as_nanos() as f64 / (inner * n) as f64);
    }
    best
}

/// A spread over [-20, 20) (low-discrepancy, deterministic), as f64.
fn spread(n: usize) -> Vec<f64> {
    (0..n)
        .map(|i| ((i as f64 * 0.618_033_988_749_895) % 1.0) * 40.0 - 20.0)
        .collect()
}

/// Inputs with only `k` distinct values (the case where memoization could pay).
fn few_distinct(n: usize, k: usize) -> Vec<f64> {
    let values = spread(k);
    (0..n).map(|i| values[(i * 7919) % k]).collect()
}

/// The memoization contenders: a HashMap keyed by the input's bits, and a direct-mapped cache
/// of 4096 slots; both fill misses with the exact fused kernel.
struct HashMemo<T>(HashMap<u64, (T, T)>);
struct DirectMapped<T> {
    keys: Vec<u64>,
    vals: Vec<(T, T)>,
}
const DM_SLOTS: usize = 4096;

trait Prec: sigtab::Float + Into<f64> + 'static {
    fn from(v: f64) -> Self;
    fn bits(self) -> u64;
    fn exp_neg(self) -> Self;
    fn exp(self) -> Self;
    fn ln(self) -> Self;
    fn ln_1p(self) -> Self;
    fn abs(self) -> Self;
    fn name() -> &'static str;
    const UNIT: Self;
    const EPS: f64;
}
impl Prec for f32 {
    fn from(v: f64) -> Self {
        v as f32
    }
    fn bits(self) -> u64 {
        self.to_bits() as u64
    }
    fn exp_neg(self) -> Self {
        (-self).exp()
    }
    fn exp(self) -> Self {
        self.exp()
    }
    fn ln(self) -> Self {
        self.ln()
    }
    fn ln_1p(self) -> Self {
        self.ln_1p()
    }
    fn abs(self) -> Self {
        self.abs()
    }
    fn name() -> &'static str {
        "f32"
    }
    const UNIT: f32 = 1.0;
    const EPS: f64 = f32::EPSILON as f64;
}
impl Prec for f64 {
    fn from(v: f64) -> Self {
        v
    }
    fn bits(self) -> u64 {
        self.to_bits()
    }
    fn exp_neg(self) -> Self {
        (-self).exp()
    }
    fn exp(self) -> Self {
        self.exp()
    }
    fn ln(self) -> Self {
        self.ln()
    }
    fn ln_1p(self) -> Self {
        self.ln_1p()
    }
    fn abs(self) -> Self {
        self.abs()
    }
    fn name() -> &'static str {
        "f64"
    }
    const UNIT: f64 = 1.0;
    const EPS: f64 = f64::EPSILON;
}

impl<T: Prec> HashMemo<T> {
    fn get(&mut self, x: T) -> (T, T) {
        *self
            .0
            .entry(x.bits())
            .or_insert_with(|| exact::sigmoid_and_grad(x))
    }
}
impl<T: Prec> DirectMapped<T> {
    fn new() -> Self {
        DirectMapped {
            keys: vec![u64::MAX; DM_SLOTS],
            vals: vec![(T::default(), T::default()); DM_SLOTS],
        }
    }
    fn get(&mut self, x: T) -> (T, T) {
        let b = x.bits();
        let slot = (b.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 52) as usize % DM_SLOTS;
        if self.keys[slot] != b {
            self.keys[slot] = b;
            self.vals[slot] = exact::sigmoid_and_grad(x);
        }
        self.vals[slot]
    }
}

/// fastText's table: 513 entries of s over [-8, 8], nearest entry, 0 and 1 outside.
struct Nearest<T>(Vec<T>);
impl<T: Prec> Nearest<T> {
    fn new() -> Self {
        Nearest(
            (0..513)
                .map(|i| T::from(formula::sigmoid(-8.0 + 16.0 * i as f64 / 512.0)))
                .collect(),
        )
    }
    #[inline]
    fn eval(&self, x: T) -> T {
        let v: f64 = x.into();
        if v < -8.0 {
            T::default()
        } else if v > 8.0 {
            T::UNIT
        } else {
            self.0[((v + 8.0) * 32.0) as usize]
        }
    }
}

/// A contender: fills `y` (and `dy` where it computes both) from `x`.
type Kernel<'a, T> = dyn FnMut(&[T], &mut [T], &mut [T]) + 'a;

/// What a row reports about accuracy.
enum Err {
    Ulps(f64),
    Abs { abs: f64, rel: f64 },
    Same,
    None,
}

struct Row {
    name: String,
    ns: [f64; 3],
    err: Err,
    memory: String,
}

/// Largest errors of `f` against the reference on a sample of the line (tails included). For
/// f32 the f64 formula is the reference (its error is far below an f32 ulp); for f64 the 256-bit
/// values, as hi + lo.
fn measure<T: Prec>(f: &dyn Fn(&[T], &mut [T]), grad: bool, ulps: bool, refs: &Refs) -> Err {
    let is_f32 = T::EPS > 1e-10;
    let x: Vec<T> = refs.x.iter().map(|&v| T::from(v)).collect();
    let mut y = vec![T::default(); x.len()];
    f(&x, &mut y);
    let (mut worst_ulps, mut worst_abs, mut worst_rel) = (0.0f64, 0.0f64, 0.0f64);
    for i in 0..x.len() {
        let (hi, lo) = if is_f32 {
            let (s, g) = formula::sigmoid_and_grad(x[i].into());
            (if grad { g } else { s }, 0.0)
        } else if grad {
            (refs.g[i], refs.g_lo[i])
        } else {
            (refs.s[i], refs.s_lo[i])
        };
        let yi: f64 = y[i].into();
        let d = ((yi - hi) - lo).abs();
        if hi == 0.0 {
            continue;
        }
        worst_abs = worst_abs.max(d);
        // Relative error where the true value is a normal number of T (below, all underflow).
        if hi
            >= if is_f32 {
                f32::MIN_POSITIVE as f64
            } else {
                f64::MIN_POSITIVE
            }
        {
            worst_rel = worst_rel.max(d / hi);
        }
        worst_ulps = worst_ulps.max(d / ulp_of::<T>(hi));
    }
    if ulps {
        Err::Ulps(worst_ulps)
    } else {
        Err::Abs {
            abs: worst_abs,
            rel: worst_rel,
        }
    }
}

fn ulp_of<T: Prec>(r: f64) -> f64 {
    let (mant, min_exp) = if T::EPS > 1e-10 {
        (23, -149)
    } else {
        (52, -1074)
    };
    let e = ((r.abs().to_bits() >> 52) as i32) - 1023;
    pow2((e - mant).max(min_exp))
}

/// `2^k`, exactly where it is an f64 (`2f64.powi(k)` is 0 at run time below about -1023: it takes
/// the reciprocal of an overflowed `2^-k`); 0 below -1074, infinite above 1023.
fn pow2(k: i32) -> f64 {
    if k > 1023 {
        f64::INFINITY
    } else if k < -1074 {
        0.0
    } else if k >= -1022 {
        f64::from_bits(((k + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (k + 1074))
    }
}

/// The reference sample: x, and s, s' as double-double (hi + lo) from a 256-bit computation.
struct Refs {
    x: Vec<f64>,
    s: Vec<f64>,
    s_lo: Vec<f64>,
    g: Vec<f64>,
    g_lo: Vec<f64>,
}

fn refs() -> Refs {
    use reference::{P, RM};
    let mut cc = Consts::new().unwrap();
    let mut x: Vec<f64> = spread(12_000).iter().map(|v| v * 2.0).collect(); // [-40, 40)
    x.extend((0..3000).map(|i| -745.0 + i as f64 * 0.0123)); // the subnormal tail
    x.extend((0..3000).map(|i| -100.0 + i as f64 * 0.0311));
    x.extend((0..2000).map(|i| 36.0 + i as f64 * 0.001)); // f64 saturation
    let split = |b: &BigFloat| -> (f64, f64) {
        // hi = b rounded to f64 via its leading word; lo = the rest.
        let Some((m, _, _, e, _)) = b.as_raw_parts() else {
            return (0.0, 0.0);
        };
        if m.iter().all(|&w| w == 0) {
            return (0.0, 0.0);
        }
        let hi = ((m[m.len() - 1] >> 11) as f64) * 2f64.powi(e - 53);
        let rest = b.sub(&BigFloat::from_f64(hi, P), P, RM);
        let lo = match rest.as_raw_parts() {
            Some((m, _, s, e, _)) if m.iter().any(|&w| w != 0) => {
                let v = (m[m.len() - 1] as f64) * 2f64.powi(e - 64);
                if s == astro_float::Sign::Neg { -v } else { v }
            }
            _ => 0.0,
        };
        (hi, lo)
    };
    let mut r = Refs {
        x: Vec::new(),
        s: Vec::new(),
        s_lo: Vec::new(),
        g: Vec::new(),
        g_lo: Vec::new(),
    };
    for v in x {
        let (s, g) = reference::sigmoid_and_grad(v, &mut cc);
        let ((sh, sl), (gh, gl)) = (split(&s), split(&g));
        r.x.push(v);
        r.s.push(sh);
        r.s_lo.push(sl);
        r.g.push(gh);
        r.g_lo.push(gl);
    }
    r
}

fn kib(bytes: usize) -> String {
    if bytes >= 1 << 20 {
        format!("{:.1} MiB", bytes as f64 / (1 << 20) as f64)
    } else {
        format!("{} KiB", bytes / 1024)
    }
}

fn rows<T: Prec>(refs: &Refs) -> Vec<Row> {
    let inputs: Vec<Vec<T>> = SIZES
        .iter()
        .map(|&n| spread(n).into_iter().map(T::from).collect())
        .collect();
    let few: Vec<Vec<T>> = SIZES
        .iter()
        .map(|&n| few_distinct(n, 1000).into_iter().map(T::from).collect())
        .collect();
    let mut out = Vec::new();
    let mut run = |name: &str, err: Err, memory: String, data: &[Vec<T>], f: &mut Kernel<'_, T>| {
        // NaN: not measured (`--low-memory`).
        let mut ns = [f64::NAN; 3];
        for (j, x) in data.iter().enumerate() {
            let (mut y, mut dy) = (vec![T::default(); x.len()], vec![T::default(); x.len()]);
            ns[j] = time(x.len(), || f(black_box(x), &mut y, &mut dy));
        }
        out.push(Row {
            name: name.to_string(),
            ns,
            err,
            memory,
        });
    };
    let t_bytes = if T::EPS > 1e-10 {
        table::BYTES_F32
    } else {
        table::BYTES_F64
    };
    let k = exact::Kernels::detect();
    run(
        "floor: out = 2*x",
        Err::None,
        "0".into(),
        &inputs,
        &mut |x, y, _| {
            for (o, &v) in y.iter_mut().zip(x) {
                *o = v + v;
            }
        },
    );
    let naive = |x: &[T], y: &mut [T]| {
        for (o, &v) in y.iter_mut().zip(x) {
            *o = T::UNIT / (T::UNIT + v.exp_neg());
        }
    };
    let naive_grad = |x: &[T], y: &mut [T]| {
        for (o, &v) in y.iter_mut().zip(x) {
            let e = v.exp_neg();
            *o = e / ((T::UNIT + e) * (T::UNIT + e));
        }
    };
    run(
        "naive 1/(1+exp(-x))",
        measure::<T>(&naive, false, true, refs),
        "0".into(),
        &inputs,
        &mut |x, y, _| naive(x, y),
    );
    let ng = measure::<T>(&naive_grad, true, true, refs);
    run(
        "naive e/(1+e)^2",
        ng,
        "0".into(),
        &inputs,
        &mut |x, y, _| naive_grad(x, y),
    );
    // The three functions of one kernel family: errors (ulps for exact, absolute for tables),
    // then speed.
    macro_rules! family {
        ($name:expr, $k:expr, $ulps:expr, $memory:expr) => {{
            let k = $k;
            let err = measure::<T>(&|x, y| k.sigmoid_slice(x, y), false, $ulps, refs);
            run(
                &format!("{} sigmoid", $name),
                err,
                $memory,
                &inputs,
                &mut |x, y, _| k.sigmoid_slice(x, y),
            );
            let err = measure::<T>(&|x, y| k.sigmoid_grad_slice(x, y), true, $ulps, refs);
            run(
                &format!("{} grad", $name),
                err,
                $memory,
                &inputs,
                &mut |x, y, _| k.sigmoid_grad_slice(x, y),
            );
            run(
                &format!("{} sigmoid+grad", $name),
                Err::Same,
                $memory,
                &inputs,
                &mut |x, y, d| k.sigmoid_and_grad_slice(x, y, d),
            );
        }};
    }
    family!("exact", k, true, "0".to_string());
    // All cores (feature `parallel`): the same kernel split across rayon's pool.
    #[cfg(feature = "parallel")]
    run(
        "exact sigmoid+grad, all cores (par)",
        Err::Same,
        "0".into(),
        &inputs,
        &mut |x, y, d| sigtab::par::exact::sigmoid_and_grad_slice(x, y, d),
    );
    let n = table::ENTRIES_PER_UNIT;
    family!(
        format!("table linear /{n}"),
        table::Kernels::detect(),
        false,
        kib(t_bytes)
    );
    family!(
        format!("table hermite /{n}"),
        table::hermite::Kernels::detect(),
        false,
        kib(t_bytes)
    );
    let near = Nearest::<T>::new();
    let near_err = measure::<T>(
        &|x, y| y.iter_mut().zip(x).for_each(|(o, &v)| *o = near.eval(v)),
        false,
        false,
        refs,
    );
    run(
        "fastText nearest (513, ±8)",
        near_err,
        format!("{} B", 513 * std::mem::size_of::<T>()),
        &inputs,
        &mut |x, y, _| {
            for (o, &v) in y.iter_mut().zip(x) {
                *o = near.eval(v);
            }
        },
    );
    // Memoization: each run starts with an empty cache, as a program would.
    let entry = std::mem::size_of::<(u64, (T, T))>();
    let mut memo_sizes = Vec::new();
    for (label, data) in [("all distinct", &inputs), ("1000 distinct", &few)] {
        let mut largest = 0usize;
        let low_memory = LOW_MEMORY.load(std::sync::atomic::Ordering::Relaxed);
        let hash_data = if low_memory && label == "all distinct" {
            &data[..2]
        } else {
            &data[..]
        };
        run(
            &format!("memo HashMap, {label}"),
            Err::Same,
            String::new(),
            hash_data,
            &mut |x, y, d| {
                let mut memo = HashMemo::<T>(HashMap::new());
                for ((o, p), &v) in y.iter_mut().zip(d.iter_mut()).zip(x) {
                    (*o, *p) = memo.get(v);
                }
                largest = largest.max(memo.0.capacity());
            },
        );
        memo_sizes.push(kib(largest * (entry + 1)));
        run(
            &format!("memo direct-mapped 4096, {label}"),
            Err::Same,
            kib(DM_SLOTS * entry),
            data,
            &mut |x, y, d| {
                let mut memo = DirectMapped::<T>::new();
                for ((o, p), &v) in y.iter_mut().zip(d.iter_mut()).zip(x) {
                    (*o, *p) = memo.get(v);
                }
            },
        );
    }
    // The HashMap rows' memory: the largest table each grew to (capacity x (entry + control byte)).
    for (row, size) in out
        .iter_mut()
        .filter(|r| r.name.starts_with("memo HashMap"))
        .zip(memo_sizes)
    {
        row.memory = size;
    }
    out
}

fn print_rows<T: Prec>(rows: &[Row]) {
    println!(
        "\n{} (ns per element, one thread; error measured now against a 256-bit reference)",
        T::name()
    );
    println!(
        "{:<36} {:>9} {:>9} {:>9}   {:<28} {:>10}",
        "kernel", "n=1001", "n=65536", "n=16M", "max error", "memory"
    );
    for r in rows {
        let err = match r.err {
            Err::Ulps(u) => format!("{u:.3} ulp"),
            Err::Abs { abs, rel } => format!("{abs:.2e} abs, {rel:.1e} rel"),
            Err::Same => "as the kernel it uses".into(),
            Err::None => "-".into(),
        };
        let [a, b, c] = r.ns.map(|ns| {
            if ns.is_nan() {
                "-".into()
            } else {
                format!("{ns:.3}")
            }
        });
        println!(
            "{:<36} {a:>9} {b:>9} {c:>9}   {:<28} {:>10}",
            r.name, err, r.memory
        );
    }
}

/// `|kernel(x) - s(x)|` along x in [-40, 40) for each contender, as (name, sorted points).
fn error_curves<T: Prec>(refs: &Refs) -> Vec<(String, Vec<(f64, f64)>)> {
    let mut order: Vec<usize> = (0..refs.x.len())
        .filter(|&i| refs.x[i].abs() < 40.0)
        .collect();
    order.sort_by(|&a, &b| refs.x[a].total_cmp(&refs.x[b]));
    let x: Vec<T> = order.iter().map(|&i| T::from(refs.x[i])).collect();
    let k = exact::Kernels::detect();
    let (lin, her, near) = (
        table::Kernels::detect(),
        table::hermite::Kernels::detect(),
        Nearest::<T>::new(),
    );
    let n = table::ENTRIES_PER_UNIT;
    type Curve<'a, T> = (String, Box<dyn Fn(&[T], &mut [T]) + 'a>);
    let contenders: Vec<Curve<'_, T>> = vec![
        ("exact".into(), Box::new(move |x, y| k.sigmoid_slice(x, y))),
        (
            format!("table linear /{n}"),
            Box::new(move |x, y| lin.sigmoid_slice(x, y)),
        ),
        (
            format!("table hermite /{n}"),
            Box::new(move |x, y| her.sigmoid_slice(x, y)),
        ),
        (
            "naive 1/(1+exp(-x))".into(),
            Box::new(|x: &[T], y: &mut [T]| {
                y.iter_mut()
                    .zip(x)
                    .for_each(|(o, &v)| *o = T::UNIT / (T::UNIT + v.exp_neg()))
            }),
        ),
        (
            "fastText nearest".into(),
            Box::new(move |x: &[T], y: &mut [T]| {
                y.iter_mut().zip(x).for_each(|(o, &v)| *o = near.eval(v))
            }),
        ),
    ];
    let mut y = vec![T::default(); x.len()];
    contenders
        .into_iter()
        .map(|(name, f)| {
            f(&x, &mut y);
            let pts = order
                .iter()
                .zip(&y)
                .map(|(&i, &yi)| {
                    let xv: f64 = T::from(refs.x[i]).into();
                    let (hi, lo) = if T::EPS > 1e-10 {
                        (formula::sigmoid(xv), 0.0)
                    } else {
                        (refs.s[i], refs.s_lo[i])
                    };
                    let yi: f64 = yi.into();
                    (xv, ((yi - hi) - lo).abs().max(1e-20))
                })
                .collect();
            (name, pts)
        })
        .collect()
}

fn plot(
    dir: &std::path::Path,
    refs: &Refs,
    r32: &[Row],
    r64: &[Row],
) -> Result<(), Box<dyn std::error::Error>> {
    use plotters::prelude::*;
    std::fs::create_dir_all(dir)?;
    for (prec, curves) in [
        ("f32", error_curves::<f32>(refs)),
        ("f64", error_curves::<f64>(refs)),
    ] {
        let path = dir.join(format!(
            "error_{prec}_table-{}.svg",
            table::ENTRIES_PER_UNIT
        ));
        let root = SVGBackend::new(&path, (900, 560)).into_drawing_area();
        root.fill(&WHITE)?;
        let mut chart = ChartBuilder::on(&root)
            .caption(
                format!(
                    "sigtab {prec}: |sigmoid(x) - s(x)|, table at {} entries/unit",
                    table::ENTRIES_PER_UNIT
                ),
                ("sans-serif", 20),
            )
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(70)
            .build_cartesian_2d(-40f64..40f64, (1e-20f64..1f64).log_scale())?;
        chart
            .configure_mesh()
            .x_desc("x")
            .y_desc("absolute error (1e-20: none)")
            .y_label_formatter(&|v| format!("{v:.0e}"))
            .draw()?;
        // Every 3rd point: the curves keep their shape at a third of the file size.
        let curves = curves
            .into_iter()
            .map(|(name, pts)| (name, pts.into_iter().step_by(3).collect()));
        draw_curves(&mut chart, curves)?;
        root.present()?;
        println!("wrote {}", path.display());
    }
    for (prec, rows) in [("f32", r32), ("f64", r64)] {
        let path = dir.join(format!("speed_{prec}.svg"));
        let root = SVGBackend::new(&path, (900, 560)).into_drawing_area();
        root.fill(&WHITE)?;
        let mut chart = ChartBuilder::on(&root)
            .caption(
                format!("sigtab {prec}: ns per element against n (one thread)"),
                ("sans-serif", 20),
            )
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(70)
            .build_cartesian_2d((500f64..3e7f64).log_scale(), (0.03f64..1000f64).log_scale())?;
        chart
            .configure_mesh()
            .x_desc("n")
            .y_desc("ns per element")
            .x_label_formatter(&|v| format!("{v:.0e}"))
            .y_label_formatter(&|v| format!("{v}"))
            .draw()?;
        let shown = [
            "floor",
            "naive 1/(1+exp(-x))",
            "exact+",
            "exact sigmoid",
            "table linear /+",
            "table hermite /+",
            "memo HashMap, all distinct",
        ];
        let curves = shown.iter().map(|name| {
            let r = find(rows, name);
            let pts = SIZES.iter().zip(r.ns).map(|(&n, ns)| (n as f64, ns));
            let pts = pts.filter(|p| !p.1.is_nan());
            (r.name.clone(), pts.collect())
        });
        draw_curves(&mut chart, curves)?;
        root.present()?;
        println!("wrote {}", path.display());
    }
    Ok(())
}

/// Draws each named curve as a line in its own colour, with a legend, on either chart of `plot`.
fn draw_curves<'a, X, Y>(
    chart: &mut plotters::prelude::ChartContext<
        'a,
        plotters::prelude::SVGBackend<'a>,
        plotters::prelude::Cartesian2d<X, Y>,
    >,
    curves: impl IntoIterator<Item = (String, Vec<(f64, f64)>)>,
) -> Result<(), Box<dyn std::error::Error>>
where
    X: plotters::coord::ranged1d::Ranged<ValueType = f64>,
    Y: plotters::coord::ranged1d::Ranged<ValueType = f64>,
{
    use plotters::prelude::*;
    let palette = [&RED, &BLUE, &GREEN, &MAGENTA, &BLACK, &CYAN, &YELLOW];
    for (j, (name, pts)) in curves.into_iter().enumerate() {
        let color = palette[j % palette.len()];
        chart
            .draw_series(LineSeries::new(pts, color))?
            .label(name)
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], color));
    }
    chart
        .configure_series_labels()
        .background_style(WHITE.mix(0.8))
        .border_style(BLACK)
        .draw()?;
    Ok(())
}

/// ns per call of each scalar kernel in a dependent chain of sigmoid then gradient calls.
fn chain<T: Prec>() -> Vec<(&'static str, f64)> {
    let naive_s = |v: T| T::UNIT / (T::UNIT + v.exp_neg());
    let naive_g = |v: T| {
        let e = v.exp_neg();
        e / ((T::UNIT + e) * (T::UNIT + e))
    };
    vec![
        ("exact", chain_ns::<T>(exact::sigmoid, exact::sigmoid_grad)),
        (
            "table linear",
            chain_ns::<T>(table::sigmoid, table::sigmoid_grad),
        ),
        (
            "table hermite",
            chain_ns::<T>(table::hermite::sigmoid, table::hermite::sigmoid_grad),
        ),
        ("naive std", chain_ns(naive_s, naive_g)),
    ]
}

/// ns per element of the user's own loop, `y = w * f(x) + b` with the scalar function `f` (as in
/// `xs.iter().map(..)` or an ndarray `mapv`), at n = 65536, after the slice kernel itself. Built
/// with FMA (`-C target-cpu=native`) the scalar calls are inlined and the loop vectorizes; in a
/// default build each call is dispatched.
fn user_loop<T: Prec>() -> Vec<(&'static str, f64)> {
    let n = 65_536;
    let x: Vec<T> = spread(n).iter().map(|&v| T::from(v)).collect();
    let mut y = vec![T::default(); n];
    let (w, b) = (black_box(T::from(1.5)), black_box(T::from(0.25)));
    let mut run = |f: &dyn Fn(&[T], &mut [T])| time(n, || f(black_box(&x), black_box(&mut y)));
    fn map<T: Prec>(x: &[T], y: &mut [T], w: T, b: T, f: impl Fn(T) -> T) {
        for (o, &v) in y.iter_mut().zip(x) {
            *o = w * f(v) + b;
        }
    }
    vec![
        (
            "exact::sigmoid_slice",
            run(&|x, y| exact::sigmoid_slice(x, y)),
        ),
        (
            "loop: exact::sigmoid",
            run(&|x, y| map(x, y, w, b, exact::sigmoid)),
        ),
        (
            "loop: exact::sigmoid_grad",
            run(&|x, y| map(x, y, w, b, exact::sigmoid_grad)),
        ),
        (
            "loop: table::sigmoid",
            run(&|x, y| map(x, y, w, b, table::sigmoid)),
        ),
        (
            "loop: 1/(1+exp(-x))",
            run(&|x, y| map(x, y, w, b, |v: T| T::UNIT / (T::UNIT + v.exp_neg()))),
        ),
    ]
}

/// ns per element of the fused kernels at n = 65536 on inputs spread over [-8, 8), inside the
/// table: every block takes the table's fast path (the spread above puts a tail input in almost
/// every SIMD block, where a table kernel computes both paths).
fn inside<T: Prec>() -> Vec<(&'static str, f64)> {
    let n = 65_536;
    let x: Vec<T> = spread(n).iter().map(|&v| T::from(v / 2.5)).collect();
    let (mut y, mut d) = (vec![T::default(); n], vec![T::default(); n]);
    let mut run = |f: fn(&[T], &mut [T], &mut [T])| time(n, || f(black_box(&x), &mut y, &mut d));
    vec![
        ("exact", run(exact::sigmoid_and_grad_slice)),
        ("table linear", run(table::sigmoid_and_grad_slice)),
        ("table hermite", run(table::hermite::sigmoid_and_grad_slice)),
    ]
}

/// ns per call in the chain `x = 8 s(x) - 4; x = 16 s'(x) - 2`, which stays in (-4, 4). Generic,
/// not `dyn`, so each call is the kernel's own latency, without an indirect call added.
fn chain_ns<T: Prec>(s: impl Fn(T) -> T, g: impl Fn(T) -> T) -> f64 {
    const STEPS: usize = 200_000;
    let (four, eight, two, sixteen) = (T::from(4.0), T::from(8.0), T::from(2.0), T::from(16.0));
    time(2 * STEPS, || {
        let mut x = black_box(T::from(0.3));
        for _ in 0..STEPS {
            x = eight * s(x) - four;
            x = sixteen * g(x) - two;
        }
        black_box(x);
    })
}

/// One line per kernel, with its ratio to the first (the exact kernel).
fn print_vs_exact(prec: &str, rows: &[(&str, f64)]) {
    for (name, ns) in rows {
        println!(
            "  {prec} {name:<28} {ns:>6.2} ns  ({:.2}x exact)",
            ns / rows[0].1
        );
    }
}

/// The first row whose name starts with `name`; a family prefix (`"table linear /+"`) with a
/// trailing `+` means that family's fused sigmoid+grad row.
fn find<'a>(rows: &'a [Row], name: &str) -> &'a Row {
    match name.strip_suffix('+') {
        Some(family) => rows
            .iter()
            .find(|r| r.name.starts_with(family) && r.name.ends_with("sigmoid+grad")),
        None => rows.iter().find(|r| r.name.starts_with(name)),
    }
    .expect(name)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut plot_dir = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-h" | "--help" => {
                println!("{USAGE}");
                return;
            }
            "--low-memory" => LOW_MEMORY.store(true, std::sync::atomic::Ordering::Relaxed),
            "--plot" => match it.next() {
                Some(dir) => plot_dir = Some(std::path::PathBuf::from(dir)),
                None => usage_error("--plot needs a directory"),
            },
            other => usage_error(&format!("unknown argument `{other}`")),
        }
    }
    if !LOW_MEMORY.load(std::sync::atomic::Ordering::Relaxed) {
        eprintln!(
            "note: the report peaks at about 1.75 GB of memory (a HashMap memo of 16M distinct \
             inputs); `--low-memory` skips that one measurement (about 0.55 GB). `--help` for \
             the options."
        );
    }
    if cfg!(debug_assertions) {
        eprintln!(
            "warning: debug build; run `cargo run --release --example report` for real numbers"
        );
    }
    let t0 = Instant::now();
    println!("sigtab report: the logistic sigmoid and its gradient on this machine");
    let mut feats = Vec::new();
    #[cfg(target_arch = "x86_64")]
    for (name, on) in [
        ("sse2", is_x86_feature_detected!("sse2")),
        ("avx", is_x86_feature_detected!("avx")),
        ("avx2", is_x86_feature_detected!("avx2")),
        ("fma", is_x86_feature_detected!("fma")),
        ("avx512f", is_x86_feature_detected!("avx512f")),
    ] {
        if on {
            feats.push(name);
        }
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "CPU features: {}; {} cores",
        if feats.is_empty() {
            "baseline".into()
        } else {
            feats.join(" ")
        },
        cores
    );
    let avail: Vec<_> = Backend::available().map(|b| b.name()).collect();
    println!(
        "backends: {}; the dispatcher chose: {}",
        avail.join(", "),
        Backend::detect().name()
    );
    println!(
        "table resolution: {} entries per unit over [-{}, {}] ({} for f32, {} for f64)",
        table::ENTRIES_PER_UNIT,
        table::RANGE,
        table::RANGE,
        kib(table::BYTES_F32),
        kib(table::BYTES_F64)
    );

    let refs = refs();
    let r32 = rows::<f32>(&refs);
    print_rows::<f32>(&r32);
    let r64 = rows::<f64>(&refs);
    print_rows::<f64>(&r64);

    // Projection: 10^12 sigmoid+gradient evaluations at the original question's size (n = 1001).
    println!("\nprojected time for 10^12 sigmoid+gradient evaluations (n = 1001 batches):");
    for (prec, rows) in [("f32", &r32), ("f64", &r64)] {
        for name in ["exact+", "table linear /+", "table hermite /+", "naive"] {
            let r = find(rows, name);
            let ns = if name == "naive" {
                find(rows, "naive 1/(1+exp(-x))").ns[0] + find(rows, "naive e/(1+e)^2").ns[0]
            } else {
                r.ns[0]
            };
            let hours = ns * 1e12 / 1e9 / 3600.0;
            let label = if name == "naive" {
                "naive sigmoid, then naive grad"
            } else {
                &r.name
            };
            println!(
                "  {prec} {label:<34} {hours:>7.2} h on one core, {:>7.2} h on {cores} cores (if it scales perfectly)",
                hours / cores as f64
            );
        }
    }

    #[cfg(feature = "parallel")]
    for (prec, rows) in [("f32", &r32), ("f64", &r64)] {
        let one = find(rows, "exact sigmoid+grad").ns[2];
        let par = find(rows, "exact sigmoid+grad, all cores").ns[2];
        println!(
            "  {prec} exact sigmoid+grad on all {cores} cores, measured at n = 16M: {:.2} h ({:.2}x one core)",
            par * 1e12 / 1e9 / 3600.0,
            one / par
        );
    }
    #[cfg(not(feature = "parallel"))]
    println!("  (all cores, measured: run with --features parallel)");

    // The user's loop: the scalar function per element inside the caller's own arithmetic.
    println!("\nthe scalar call in your own loop, y = w * f(x) + b (n = 65536, ns per element):");
    for prec in ["f32", "f64"] {
        let rows = if prec == "f32" {
            user_loop::<f32>()
        } else {
            user_loop::<f64>()
        };
        print_vs_exact(prec, &rows);
        let (slice, call) = (rows[0].1, rows[1].1);
        println!(
            "  {prec}: {}",
            if call <= 1.5 * slice {
                format!(
                    "the exact scalar call is inlined and vectorized ({call:.2} ns, {:.1}x the slice kernel): call it in your loop",
                    call / slice
                )
            } else {
                format!(
                    "for many values call exact::sigmoid_slice ({slice:.2} ns), {:.1}x faster than the scalar call in a loop ({call:.2} ns){}",
                    call / slice,
                    if cfg!(target_feature = "fma") {
                        ""
                    } else {
                        "; built with -C target-cpu=native the exact scalar call is inlined"
                    }
                )
            }
        );
    }

    // A dependent scalar chain: each input is the last output, as in an iterative inner loop, so
    // latency counts, not throughput. x -> 8 s(x) - 4 (or 16 s'(x) - 2) stays in (-4, 4).
    println!("\ndependent scalar chain (ns per call; each call waits for the previous result):");
    for (prec, chain) in [("f32", chain::<f32>()), ("f64", chain::<f64>())] {
        let exact = chain[0].1;
        print_vs_exact(prec, &chain);
        let best = chain[1].1.min(chain[2].1);
        println!(
            "  {prec} in a dependent scalar loop: {}",
            if best < exact * 0.9 {
                format!(
                    "a table call ({best:.1} ns) is faster than an exact one ({exact:.1} ns), if its error is acceptable"
                )
            } else {
                format!(
                    "the exact call ({exact:.1} ns) is as fast as a table call ({best:.1} ns): use it"
                )
            }
        );
    }

    println!(
        "\ninputs inside the table (spread over [-8, 8), n = 65536, ns per element, sigmoid+grad):"
    );
    // The best table's cost relative to the exact kernel, f32 then f64 (the verdict's order).
    let inside_ratio = [("f32", inside::<f32>()), ("f64", inside::<f64>())].map(|(prec, rows)| {
        print_vs_exact(prec, &rows);
        rows[1].1.min(rows[2].1) / rows[0].1
    });

    // The verdict, from the numbers above.
    println!("\nverdict:");
    for ((prec, rows), r) in [("f32", &r32), ("f64", &r64)].into_iter().zip(inside_ratio) {
        let exact = find(rows, "exact+").ns;
        let lin = find(rows, "table linear /+").ns;
        let her = find(rows, "table hermite /+").ns;
        let hash = find(rows, "memo HashMap, 1000 distinct").ns;
        let hash_all = find(rows, "memo HashMap, all distinct").ns;
        let dm = find(rows, "memo direct-mapped 4096, 1000 distinct").ns;
        let best_table = if lin[1] < her[1] {
            ("linear", lin)
        } else {
            ("Hermite", her)
        };
        let pick = if best_table.1[1] < exact[1] * 0.9 {
            format!(
                "the {} table ({:.2} vs {:.2} ns/element at n = 65536) if its absolute error is acceptable, else the exact kernel",
                best_table.0, best_table.1[1], exact[1]
            )
        } else {
            format!(
                "the exact kernel: {:.2} ns/element for both values at n = 65536, within 1 ulp, against {:.2} for the best table",
                exact[1], best_table.1[1]
            )
        };
        println!("  {prec}: use {pick}.");
        println!(
            "       With every input inside the table the best table costs {r:.2}x the exact kernel{}.",
            if r < 0.9 {
                ": worth it there, if its error is acceptable"
            } else {
                ""
            }
        );
        println!(
            "       Caching loses: even with only 1000 distinct inputs a HashMap costs {:.1}x and a direct-mapped cache {:.1}x the exact kernel per element; with all inputs distinct the HashMap costs {:.0}x and grows without bound.",
            hash[1] / exact[1],
            dm[1] / exact[1],
            // At the largest n measured (65536 with `--low-memory`).
            if hash_all[2].is_nan() {
                hash_all[1] / exact[1]
            } else {
                hash_all[2] / exact[2]
            }
        );
    }
    family_section();
    if let Some(dir) = plot_dir
        && let Err(e) = plot(&dir, &refs, &r32, &r64)
    {
        eprintln!("plotting failed: {e}");
        std::process::exit(1);
    }
    println!("\n(report took {:.1?})", t0.elapsed());
}

/// The logistic family's 256-bit references (`tests/common/reference.rs`, shared with the tests),
/// and the conversions of a reference value to two f64 words for the error measure.
mod family_ref {
    use super::reference::{P, RM};
    pub use super::reference::{
        binary_cross_entropy_with_logits, log_sigmoid, logit, silu, silu_grad, softplus,
    };
    use astro_float::{BigFloat, Sign};

    /// `(hi, lo, k)` with `b 2^k = hi + lo`: `k = 600` for `|b|` below 2^-900, so that a result
    /// near or below f64's subnormals keeps all its bits (else 0).
    pub fn split_scaled(b: &BigFloat) -> (f64, f64, i32) {
        let tiny = BigFloat::from_f64(2f64.powi(-900), P);
        if !b.is_zero() && b.abs().cmp(&tiny) == Some(-1) {
            let (hi, lo) = split(&b.mul(&BigFloat::from_f64(2f64.powi(600), P), P, RM));
            (hi, lo, 600)
        } else {
            let (hi, lo) = split(b);
            (hi, lo, 0)
        }
    }

    /// `b` as `hi + lo` in f64 (hi: `b` truncated to 53 bits; subnormal hi rounded once), signed.
    pub fn split(b: &BigFloat) -> (f64, f64) {
        let Some((m, _, sign, e, _)) = b.as_raw_parts() else {
            return (f64::NAN, 0.0);
        };
        if m.iter().all(|&w| w == 0) {
            return (0.0, 0.0);
        }
        // 2^(e - 53) in two factors (each exact), so that a subnormal hi is one rounding, not 0.
        let (e1, e2) = ((e - 53) / 2, (e - 53) - (e - 53) / 2);
        let hi = ((m[m.len() - 1] >> 11) as f64) * super::pow2(e1) * super::pow2(e2);
        let rest = b.abs().sub(&BigFloat::from_f64(hi, P), P, RM);
        let lo = match rest.as_raw_parts() {
            Some((m, _, s, e, _)) if m.iter().any(|&w| w != 0) && hi >= f64::MIN_POSITIVE => {
                let v = (m[m.len() - 1] as f64) * super::pow2(e - 64);
                if s == Sign::Neg { -v } else { v }
            }
            _ => 0.0,
        };
        if sign == Sign::Neg {
            (-hi, -lo)
        } else {
            (hi, lo)
        }
    }
}

/// The family's sample for the error columns: x over [-40, 40), the tails to ±750 (beyond f32's
/// and f64's overflow of the naive forms), and around silu_grad's zero (-1.278...).
fn family_sample_x() -> Vec<f64> {
    let mut x: Vec<f64> = spread(1200).iter().map(|v| v * 2.0).collect();
    x.extend(spread(300).iter().map(|v| v * 37.5));
    x.extend((0..100).map(|i| -1.278_464_542_761_074 + (i as f64 - 50.0) * 1e-3));
    x
}

/// Probabilities for logit: a spread over (0, 1), powers of two down to the subnormals, near 1,
/// and near 1/2 (the zero).
fn family_sample_p() -> Vec<f64> {
    let mut p: Vec<f64> = (0..1000)
        .map(|i| ((i as f64 + 0.5) * 0.618_033_988_749_895) % 1.0)
        .collect();
    p.extend((1..=1074).step_by(7).map(|k| pow2(-k)));
    p.extend((1..=53).map(|k| 1.0 - 2f64.powi(-k)));
    p.extend((2..=53).flat_map(|k| [0.5 + 2f64.powi(-k), 0.5 - 2f64.powi(-k)]));
    p
}

/// Targets for the loss, cycling through hard labels and soft ones.
fn family_targets(n: usize) -> Vec<f64> {
    (0..n)
        .map(|i| match i % 6 {
            0 => 0.0,
            1 => 1.0,
            2 => 0.5,
            3 => 0.25,
            4 => 0.9,
            _ => (i as f64 * 0.618_033_988_749_895) % 1.0,
        })
        .collect()
}

/// A slice form over `(x, t, out)` (the unary functions ignore `t`).
type Slice<'a, T> = Box<dyn Fn(&[T], &[T], &mut [T]) + 'a>;
/// A 256-bit reference over `(x, t)`.
type FamRef = fn(f64, f64, &mut Consts) -> BigFloat;

/// One function of the family: the kernel, its budgets (speed against `exact::sigmoid_slice`,
/// error in ulps, from the issue and `src/registry.rs`), its reference, and the naive formulas.
struct Fam<'a, T> {
    name: &'static str,
    /// Takes probabilities (logit), not x.
    probs: bool,
    speed_budget: f64,
    ulp_budget: f64,
    reference: FamRef,
    kernel: Slice<'a, T>,
    naive: Vec<(&'static str, Slice<'a, T>)>,
}

/// What the report prints for one contender of the family.
struct FamRow {
    name: String,
    ns: f64,
    /// ns / `exact::sigmoid_slice`'s ns, measured just before.
    ratio: f64,
    /// Max error in ulps (infinite where a result is inf, NaN or -0 of the wrong sign).
    ulps: f64,
    /// For the kernel: (speed budget, ulp budget).
    budget: Option<(f64, f64)>,
}

/// Largest error of `y` in ulps of T against the references `(hi, lo) 2^-k`.
fn family_ulps<T: Prec>(y: &[T], refs: &[(f64, f64, i32)]) -> f64 {
    let mut worst = 0.0f64;
    for (&yi, &(hi, lo, k)) in y.iter().zip(refs) {
        // Scaled as the reference (exact: a power of two, far from overflow).
        let yi: f64 = Into::<f64>::into(yi) * pow2(k);
        let d = ((yi - hi) - lo).abs();
        // NaN (0 * inf, inf - inf) counts as infinitely wrong, not skipped by `max`.
        let u = if d.is_nan() {
            f64::INFINITY
        } else {
            d / (ulp_of::<T>(hi * pow2(-k)) * pow2(k))
        };
        worst = worst.max(u);
    }
    worst
}

/// The family's rows for T, at n = 65536 (inputs as in the main table: x spread over [-20, 20),
/// p over (0, 1), targets cycling through {0, 1, 0.5, 0.25, 0.9, soft}).
fn family_rows<T: Prec>(cc: &mut Consts) -> Vec<FamRow> {
    let n = 65_536;
    let x: Vec<T> = spread(n).into_iter().map(T::from).collect();
    let p: Vec<T> = (0..n)
        .map(|i| T::from(((i as f64 + 0.5) * 0.618_033_988_749_895) % 1.0))
        .collect();
    let t: Vec<T> = family_targets(n).into_iter().map(T::from).collect();
    let mut y = vec![T::default(); n];
    // The error sample, in T (finite x; p strictly inside (0, 1) once rounded to T).
    let sx: Vec<T> = family_sample_x().into_iter().map(T::from).collect();
    let sp: Vec<T> = family_sample_p()
        .into_iter()
        .map(T::from)
        .filter(|&v| v > T::default() && v < T::UNIT)
        .collect();
    let st: Vec<T> = family_targets(sx.len()).into_iter().map(T::from).collect();
    let k = exact::Kernels::detect();
    let one = T::UNIT;
    let zero = T::default();
    let softplus = |v: T| (one + v.exp()).ln();
    let fams: Vec<Fam<'_, T>> = vec![
        Fam {
            name: "log_sigmoid",
            probs: false,
            speed_budget: 2.0,
            ulp_budget: 1.0,
            reference: |x, _, cc| family_ref::log_sigmoid(x, cc),
            kernel: Box::new(move |x, _, y| k.log_sigmoid_slice(x, y)),
            naive: vec![(
                "-(-x).exp().ln_1p()",
                Box::new(|x: &[T], _: &[T], y: &mut [T]| {
                    for (o, &v) in y.iter_mut().zip(x) {
                        *o = zero - (zero - v).exp().ln_1p();
                    }
                }),
            )],
        },
        Fam {
            name: "softplus",
            probs: false,
            speed_budget: 2.0,
            ulp_budget: 1.0,
            reference: |x, _, cc| family_ref::softplus(x, cc),
            kernel: Box::new(move |x, _, y| k.softplus_slice(x, y)),
            naive: vec![
                (
                    "(1+x.exp()).ln()",
                    Box::new(move |x: &[T], _: &[T], y: &mut [T]| {
                        for (o, &v) in y.iter_mut().zip(x) {
                            *o = softplus(v);
                        }
                    }),
                ),
                (
                    "x.exp().ln_1p()",
                    Box::new(|x: &[T], _: &[T], y: &mut [T]| {
                        for (o, &v) in y.iter_mut().zip(x) {
                            *o = v.exp().ln_1p();
                        }
                    }),
                ),
            ],
        },
        Fam {
            name: "logit",
            probs: true,
            speed_budget: 2.0,
            ulp_budget: 1.0,
            reference: |p, _, cc| family_ref::logit(p, cc),
            kernel: Box::new(move |x, _, y| k.logit_slice(x, y)),
            naive: vec![(
                "(p/(1-p)).ln()",
                Box::new(move |x: &[T], _: &[T], y: &mut [T]| {
                    for (o, &v) in y.iter_mut().zip(x) {
                        *o = (v / (one - v)).ln();
                    }
                }),
            )],
        },
        Fam {
            name: "silu",
            probs: false,
            speed_budget: 2.0,
            ulp_budget: 1.0,
            reference: |x, _, cc| family_ref::silu(x, cc),
            kernel: Box::new(move |x, _, y| k.silu_slice(x, y)),
            naive: vec![(
                "x/(1+(-x).exp())",
                Box::new(move |x: &[T], _: &[T], y: &mut [T]| {
                    for (o, &v) in y.iter_mut().zip(x) {
                        *o = v / (one + v.exp_neg());
                    }
                }),
            )],
        },
        Fam {
            name: "silu_grad",
            probs: false,
            speed_budget: 2.0,
            ulp_budget: 1.0,
            reference: |x, _, cc| family_ref::silu_grad(x, cc),
            kernel: Box::new(move |x, _, y| k.silu_grad_slice(x, y)),
            naive: vec![(
                "s*(1+x*(1-s)), s=1/(1+(-x).exp())",
                Box::new(move |x: &[T], _: &[T], y: &mut [T]| {
                    for (o, &v) in y.iter_mut().zip(x) {
                        let s = one / (one + v.exp_neg());
                        *o = s * (one + v * (one - s));
                    }
                }),
            )],
        },
        Fam {
            name: "binary_cross_entropy_with_logits",
            probs: false,
            speed_budget: 2.5,
            ulp_budget: 2.0,
            reference: family_ref::binary_cross_entropy_with_logits,
            kernel: Box::new(move |x, t, y| k.binary_cross_entropy_with_logits_slice(x, t, y)),
            naive: vec![
                (
                    "t*softplus(-x)+(1-t)*softplus(x)",
                    Box::new(move |x: &[T], t: &[T], y: &mut [T]| {
                        for ((o, &v), &w) in y.iter_mut().zip(x).zip(t) {
                            *o = w * softplus(zero - v) + (one - w) * softplus(v);
                        }
                    }),
                ),
                (
                    "max(x,0)-x*t+(-|x|).exp().ln_1p()",
                    Box::new(move |x: &[T], t: &[T], y: &mut [T]| {
                        for ((o, &v), &w) in y.iter_mut().zip(x).zip(t) {
                            let m = if v > zero { v } else { zero };
                            *o = m - v * w + (zero - Prec::abs(v)).exp().ln_1p();
                        }
                    }),
                ),
            ],
        },
    ];
    let mut rows = Vec::new();
    for f in fams {
        let (input, sample) = if f.probs { (&p, &sp) } else { (&x, &sx) };
        let refs: Vec<(f64, f64, i32)> = sample
            .iter()
            .zip(&st)
            .map(|(&v, &w)| family_ref::split_scaled(&(f.reference)(v.into(), w.into(), cc)))
            .collect();
        let mut ys = vec![T::default(); sample.len()];
        let mut err = |g: &Slice<'_, T>| {
            g(sample, &st[..sample.len()], &mut ys);
            family_ulps::<T>(&ys, &refs)
        };
        let (kernel_ulps, naive_ulps): (f64, Vec<f64>) = (
            err(&f.kernel),
            f.naive.iter().map(|(_, g)| err(g)).collect(),
        );
        // exact::sigmoid_slice just before each contender, on the same x: the ratio's denominator.
        let mut timed = |g: &Slice<'_, T>| {
            let s = time(n, || k.sigmoid_slice(black_box(&x), &mut y));
            let ns = time(n, || g(black_box(input), black_box(&t), &mut y));
            (ns, ns / s)
        };
        let (ns, ratio) = timed(&f.kernel);
        rows.push(FamRow {
            name: f.name.into(),
            ns,
            ratio,
            ulps: kernel_ulps,
            budget: Some((f.speed_budget, f.ulp_budget)),
        });
        for ((name, g), ulps) in f.naive.iter().zip(naive_ulps) {
            let (ns, ratio) = timed(g);
            rows.push(FamRow {
                name: format!("  naive {name}"),
                ns,
                ratio,
                ulps,
                budget: None,
            });
        }
    }
    rows
}

fn print_family<T: Prec>(rows: &[FamRow]) {
    println!(
        "\n{} {:<44} {:>8} {:>11} {:>12}   budget",
        T::name(),
        "function (n = 65536)",
        "ns/elem",
        "vs sigmoid",
        "max error"
    );
    for r in rows {
        let ulps = if !r.ulps.is_finite() {
            "inf".into()
        } else if r.ulps < 1e4 {
            format!("{:.3} ulp", r.ulps)
        } else {
            format!("{:.1e} ulp", r.ulps)
        };
        let budget = match r.budget {
            Some((speed, ulp)) => format!(
                "<= {speed}x: {}, <= {ulp} ulp: {}",
                if r.ratio <= speed { "ok" } else { "OVER" },
                if r.ulps <= ulp { "ok" } else { "OVER" }
            ),
            None => String::new(),
        };
        println!(
            "    {:<44} {:>8.3} {:>10.2}x {:>12}   {budget}",
            r.name, r.ns, r.ratio, ulps
        );
    }
}

/// Inputs where a naive formula fails: (function, input text, the naive result, sigtab's, the
/// reference rounded to T), for T.
fn family_failures<T: Prec>(cc: &mut Consts) -> Vec<[String; 5]> {
    // Per precision: f32 overflows at smaller inputs.
    let xs = |f32v: f64, f64v: f64| if T::EPS > 1e-10 { f32v } else { f64v };
    type Case<T> = (
        &'static str,
        &'static str,
        f64,
        f64,
        fn(T, T) -> T,
        fn(T, T) -> T,
        FamRef,
    );
    let cases: Vec<Case<T>> = vec![
        (
            "softplus",
            "(1+x.exp()).ln()",
            xs(100.0, 1000.0),
            0.0,
            |v, _| (T::UNIT + v.exp()).ln(),
            |v, _| exact::softplus(v),
            |x, _, cc| family_ref::softplus(x, cc),
        ),
        (
            "softplus",
            "x.exp().ln_1p()",
            xs(100.0, 1000.0),
            0.0,
            |v, _| v.exp().ln_1p(),
            |v, _| exact::softplus(v),
            |x, _, cc| family_ref::softplus(x, cc),
        ),
        (
            "log_sigmoid",
            "-(-x).exp().ln_1p()",
            xs(-300.0, -1000.0),
            0.0,
            |v, _| T::default() - (T::default() - v).exp().ln_1p(),
            |v, _| exact::log_sigmoid(v),
            |x, _, cc| family_ref::log_sigmoid(x, cc),
        ),
        (
            "silu",
            "x/(1+(-x).exp())",
            xs(-90.0, -740.0),
            0.0,
            |v, _| v / (T::UNIT + v.exp_neg()),
            |v, _| exact::silu(v),
            |x, _, cc| family_ref::silu(x, cc),
        ),
        (
            "silu_grad",
            "s*(1+x*(1-s))",
            xs(-90.0, -710.0),
            0.0,
            |v, _| {
                let s = T::UNIT / (T::UNIT + v.exp_neg());
                s * (T::UNIT + v * (T::UNIT - s))
            },
            |v, _| exact::silu_grad(v),
            |x, _, cc| family_ref::silu_grad(x, cc),
        ),
        (
            "logit",
            "(p/(1-p)).ln()",
            xs(0.5 + 2f64.powi(-20), 0.5 + 2f64.powi(-49)),
            0.0,
            |v, _| (v / (T::UNIT - v)).ln(),
            |v, _| exact::logit(v),
            |x, _, cc| family_ref::logit(x, cc),
        ),
        (
            "loss",
            "t*softplus(-x)+(1-t)*softplus(x)",
            xs(100.0, 1000.0),
            1.0,
            |v, w| {
                let sp = |u: T| (T::UNIT + u.exp()).ln();
                w * sp(T::default() - v) + (T::UNIT - w) * sp(v)
            },
            |v, w| exact::binary_cross_entropy_with_logits(v, w),
            family_ref::binary_cross_entropy_with_logits,
        ),
        (
            "loss",
            "max(x,0)-x*t+(-|x|).exp().ln_1p()",
            f64::NEG_INFINITY,
            0.0,
            |v, w| {
                let m = if v > T::default() { v } else { T::default() };
                m - v * w + (T::default() - Prec::abs(v)).exp().ln_1p()
            },
            |v, w| exact::binary_cross_entropy_with_logits(v, w),
            // loss(-inf, 0) = softplus(-inf) = 0.
            |_, _, _| BigFloat::from_f64(0.0, reference::P),
        ),
    ];
    cases
        .into_iter()
        .map(|(name, form, x, t, naive, sig, r)| {
            let (x, t) = (T::from(x), T::from(t));
            let call = if name == "loss" {
                format!("loss({:?}, {:?})", x, t)
            } else {
                format!("{name}({x:?})")
            };
            let truth = family_ref::split(&r(x.into(), t.into(), cc)).0;
            [
                call,
                form.to_string(),
                format!("{:?}", naive(x, t)),
                format!("{:?}", sig(x, t)),
                format!("{:?}", T::from(truth)),
            ]
        })
        .collect()
}

/// The family's section (issue #14): speed and error of each slice kernel against
/// `exact::sigmoid_slice` (measured just before each contender) and the naive formulas, then the
/// inputs where the naive formulas fail.
fn family_section() {
    let mut cc = Consts::new().unwrap();
    println!(
        "\nthe logistic family (ns per element at n = 65536, one thread; \"vs sigmoid\": the ratio to \
         exact::sigmoid_slice timed just before, on x; error against a 256-bit reference on a sample \
         of {} inputs (x: ±40, tails to ±750, silu_grad's zero; p: (0, 1), its ends, near 1/2)):",
        family_sample_x().len()
    );
    let r32 = family_rows::<f32>(&mut cc);
    print_family::<f32>(&r32);
    let r64 = family_rows::<f64>(&mut cc);
    print_family::<f64>(&r64);
    let over: Vec<String> = [("f32", &r32), ("f64", &r64)]
        .iter()
        .flat_map(|(prec, rows)| {
            rows.iter().filter_map(move |r| {
                let (speed, ulp) = r.budget?;
                (r.ratio > speed || r.ulps > ulp).then(|| format!("{prec} {}", r.name))
            })
        })
        .collect();
    println!(
        "  the family's budget (each at most 2x exact::sigmoid_slice, the loss 2.5x; 1 ulp, the loss 2): {}",
        if over.is_empty() {
            "every kernel within it".to_string()
        } else {
            format!("over it: {}", over.join(", "))
        }
    );
    println!("\nwhere the naive formulas fail (true: the 256-bit reference, rounded):");
    println!(
        "  {:<4} {:<26} {:<36} {:>22} {:>22} {:>22}",
        "", "call", "naive formula", "naive", "sigtab", "true"
    );
    for (prec, cases) in [
        ("f32", family_failures::<f32>(&mut cc)),
        ("f64", family_failures::<f64>(&mut cc)),
    ] {
        for [call, form, naive, sig, truth] in cases {
            println!("  {prec:<4} {call:<26} {form:<36} {naive:>22} {sig:>22} {truth:>22}");
        }
    }
}

/// Says what is wrong with the command line, then the usage, and exits with status 2.
fn usage_error(msg: &str) -> ! {
    eprintln!("error: {msg}\n\n{USAGE}");
    std::process::exit(2);
}
