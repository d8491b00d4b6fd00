//! Helpers shared by the integration tests: ulp arithmetic and the f64 reference formula.
#![allow(dead_code)]

#[path = "../../src/formula.rs"]
pub mod formula;
pub mod reference;
/// The list of functions (`for_each_function!`), the crate's own: the tests generated from it
/// cover every function it lists.
#[path = "../../src/registry.rs"]
#[allow(unused_macros, unused_imports)]
pub mod registry;

/// The ulp of an f32 at the exact value `v` (given in f64): `2^(exponent(v) - 23)`, at least
/// `2^-149` (subnormals).
pub fn ulp_f32(v: f64) -> f64 {
    let v = v.abs();
    if v < f32::MIN_POSITIVE as f64 {
        return 2f64.powi(-149);
    }
    // The power of two built from its bits: this runs 2^32 times per backend.
    let biased = (v.to_bits() >> 52) as i64;
    f64::from_bits(((biased - 23) as u64) << 52)
}

/// Error of `y` against the exact value `exact`, in f32 ulps of `exact`.
pub fn ulps_f32(y: f32, exact: f64) -> f64 {
    ((y as f64) - exact).abs() / ulp_f32(exact)
}

/// Runs `f(chunk_start, chunk_len)` over `0..total` in chunks, on every core, and returns the
/// results in no particular order.
pub fn par_chunks<R: Send>(total: u64, chunk: u64, f: impl Fn(u64, u64) -> R + Sync) -> Vec<R> {
    keep_freed_memory();
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicU64, Ordering};
    let next = AtomicU64::new(0);
    let out = Mutex::new(Vec::new());
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                loop {
                    let start = next.fetch_add(chunk, Ordering::Relaxed);
                    if start >= total {
                        break;
                    }
                    let r = f(start, chunk.min(total - start));
                    out.lock().unwrap().push(r);
                }
            });
        }
    });
    out.into_inner().unwrap()
}

/// The largest error seen and where.
#[derive(Clone, Copy, Debug, Default)]
pub struct Worst {
    pub ulps: f64,
    pub at: f64,
}

impl Worst {
    pub fn see(&mut self, ulps: f64, at: f64) {
        if ulps > self.ulps || ulps.is_nan() {
            *self = Worst { ulps, at };
        }
    }
    pub fn merge(self, o: Worst) -> Worst {
        if o.ulps > self.ulps { o } else { self }
    }
}

/// splitmix64: a fixed-seed generator for reproducible samples.
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// Uniform in [lo, hi).
    pub fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64)
    }
}

/// The f64 inputs the f64 accuracy tests use: uniform over the whole range, log-uniform
/// magnitudes down to 1e-300, dense in the core, the saturation point (s rounds to 1 near 37.4),
/// the subnormal tail (-745.13..-708), and ulp-by-ulp walks around every point where the kernel
/// changes regime (0, the k boundaries near ±ln2/2, the clamps).
pub fn f64_sample(n_random: usize) -> Vec<f64> {
    let mut rng = Rng(0x5167_7ab0);
    let mut x = Vec::new();
    for _ in 0..n_random {
        x.push(rng.uniform(-750.0, 750.0));
        let mag = 10f64.powf(rng.uniform(-300.0, 2.875));
        x.push(if rng.next_u64() & 1 == 0 { mag } else { -mag });
        x.push(rng.uniform(-40.0, 40.0));
        x.push(rng.uniform(-745.2, -700.0));
        x.push(rng.uniform(36.0, 38.0));
    }
    let centers = [
        0.0,
        std::f64::consts::LN_2 / 2.0,
        -std::f64::consts::LN_2 / 2.0,
        1.5 * std::f64::consts::LN_2,
        37.42994775023705,
        -709.782712893384,
        -745.1332191019411,
        -745.0,
        746.0,
        -746.0,
    ];
    for c in centers {
        let mut up = c;
        let mut down = c;
        for _ in 0..200 {
            x.push(up);
            x.push(down);
            up = f64::from_bits(if up >= 0.0 {
                up.to_bits() + 1
            } else {
                up.to_bits() - 1
            });
            down = -(-down).next_up_compat();
        }
    }
    x.extend([
        f64::MIN_POSITIVE,
        -f64::MIN_POSITIVE,
        5e-324,
        -5e-324,
        f64::MAX,
        f64::MIN,
    ]);
    x
}

trait NextUp {
    fn next_up_compat(self) -> Self;
}
impl NextUp for f64 {
    fn next_up_compat(self) -> f64 {
        if self.is_nan() || self == f64::INFINITY {
            return self;
        }
        if self == 0.0 {
            return 5e-324;
        }
        f64::from_bits(if self > 0.0 {
            self.to_bits() + 1
        } else {
            self.to_bits() - 1
        })
    }
}

/// The k-th f32 in increasing order over the non-NaN values, for `k < ORDERED_F32`:
/// -inf .. -0, then +0 .. +inf.
pub fn ordered(k: u64) -> f32 {
    const HALF: u64 = 0x7f80_0001;
    if k < HALF {
        f32::from_bits(0xff80_0000 - k as u32)
    } else {
        f32::from_bits((k - HALF) as u32)
    }
}

/// How many values `ordered` enumerates.
pub const ORDERED_F32: u64 = 2 * 0x7f80_0001;

/// The inputs of an exhaustive sweep: every `stride`-th value of `ordered` from `first` on,
/// `count` of them, in increasing order.
#[derive(Clone, Copy, Debug)]
pub struct Sweep {
    pub first: u64,
    pub count: u64,
    pub stride: u64,
    /// `|x| <= within`, when the sweep is restricted (`SIGTAB_F32_WITHIN`).
    pub within: Option<f32>,
}

impl Sweep {
    /// All of `ordered`, unless the environment says otherwise: `SIGTAB_F32_STRIDE=s` takes every
    /// `s`-th value (slow runners: qemu), `SIGTAB_F32_WITHIN=w` only `|x| <= w` (the table tests
    /// at non-default resolutions: outside that the tables run the same tail code as at the
    /// default resolution, which is swept in full).
    ///
    /// Refuses unoptimized builds (hours instead of minutes): run the sweeps with `--release`.
    pub fn from_env() -> Sweep {
        refuse_debug_builds();
        let var = |name: &str| std::env::var(name).ok();
        let stride = var("SIGTAB_F32_STRIDE")
            .and_then(|v| v.parse().ok())
            .filter(|&s| s >= 1)
            .unwrap_or(1);
        let within: Option<f32> = var("SIGTAB_F32_WITHIN").and_then(|v| v.parse().ok());
        let (first, end) = match within {
            // ordered(HALF - 1 - b) = -from_bits(b) and ordered(HALF + b) = from_bits(b).
            Some(w) => {
                let b = w.abs().to_bits() as u64;
                (0x7f80_0000 - b, 0x7f80_0001 + b + 1)
            }
            None => (0, ORDERED_F32),
        };
        Sweep {
            first,
            count: (end - first).div_ceil(stride),
            stride,
            within,
        }
    }

    /// The `k`-th input.
    pub fn at(&self, k: u64) -> f32 {
        ordered(self.first + k * self.stride)
    }

    /// "every non-NaN f32", "every 509th non-NaN f32", "every f32 with |x| <= 40", for the
    /// tests' reports.
    pub fn name(&self) -> String {
        let every = match self.stride {
            1 => "every".to_string(),
            s => format!("every {s}th"),
        };
        match self.within {
            None => format!("{every} non-NaN f32"),
            Some(w) => format!("{every} f32 with |x| <= {w}"),
        }
    }
}

/// Panics in a build with debug assertions (`cargo test` without `--release`): an exhaustive
/// sweep there takes hours, and its ignored tests are meant for `--release`.
pub fn refuse_debug_builds() {
    if cfg!(debug_assertions) {
        panic!(
            "the exhaustive sweeps take hours unoptimized: run them with `cargo test --release` \
             (`scripts/test-all.sh exhaustive` does)"
        );
    }
}

/// The NaN sweeps' stride (`SIGTAB_F32_STRIDE`, default 1).
pub fn f32_stride() -> u64 {
    Sweep::from_env().stride
}

/// The backend the exhaustive tests treat as the reference, and the others.
///
/// The reference is the portable backend wherever it is fast enough to run 2^32 times: built with
/// FMA in hardware (`RUSTFLAGS="-C target-feature=+fma"`, as `scripts/test-all.sh` does), on
/// aarch64, or where it is the only backend. Otherwise (x86_64 without that flag, where portable
/// calls libm's `fma`, ~300 ns per element) the detected backend is the reference and portable is
/// compared with it on a stride instead.
pub fn reference_and_others() -> (sigtab::Backend, Vec<sigtab::Backend>) {
    use sigtab::Backend;
    // aarch64 always has FMA in hardware, and `mul_add` compiles to it.
    let full_portable = cfg!(any(target_feature = "fma", target_arch = "aarch64"))
        || Backend::available().count() == 1;
    if std::env::var("SIGTAB_BACKENDS").as_deref() == Ok("detected") {
        return (Backend::detect(), Vec::new());
    }
    let reference = if full_portable {
        Backend::Portable
    } else {
        Backend::detect()
    };
    let others = Backend::available()
        .filter(|&b| b != reference && (full_portable || b != Backend::Portable))
        .collect();
    (reference, others)
}

/// Tells glibc's allocator to keep freed memory instead of handing it back to the kernel. The
/// exhaustive tests allocate and free a few hundred KiB per chunk, half a million times; by
/// default every free trims the heap and the next chunk faults the pages back in, which cost
/// about a third of their run time in the kernel.
fn keep_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        unsafe extern "C" {
            fn mallopt(param: i32, value: i32) -> i32;
        }
        const M_TRIM_THRESHOLD: i32 = -1;
        const M_MMAP_THRESHOLD: i32 = -3;
        // SAFETY: mallopt only sets allocator parameters, from any thread, before or after
        // allocations; both values are in range (1 GiB; 32 MiB, glibc's largest mmap threshold
        // on 64-bit). A refused value returns 0 and leaves the default.
        unsafe {
            mallopt(M_TRIM_THRESHOLD, 1 << 30);
            mallopt(M_MMAP_THRESHOLD, 32 << 20);
        }
    }
}
