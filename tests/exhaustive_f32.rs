//! Every one of the 2^32 f32 inputs through the exact kernels, on every backend this CPU runs,
//! against the f64 reference (`src/formula.rs`). Release builds only: `cargo test --release`.
//!
//! Per input and backend: NaN in gives NaN out; otherwise both functions within `BOUND` ulps; the
//! fused kernel equals the separate ones bit for bit; the in-place form equals the slice form;
//! the scalar forms equal the slice form (on a stride); backends with FMA equal the portable
//! backend bit for bit (on a stride: the portable backend calls libm's `fma` on x86_64 and is far
//! too slow to run 2^32 times). Prints the largest error per backend.

mod common;

use common::{Worst, formula, par_chunks, ulps_f32};
use sigtab::{Backend, exact::Kernels};

/// The published bound for both exact f32 kernels.
const BOUND: f64 = 1.0;
const CHUNK: u64 = 1 << 16;
/// Every `STRIDE`-th input is also run through the scalar API and the portable backend.
const STRIDE: usize = 97;

#[derive(Clone, Copy, Default, Debug)]
struct Seen {
    s: Worst,
    g: Worst,
    /// Inputs (of the stride) where this backend differs from the portable one.
    differ: u64,
    /// The largest such difference, in ulps of the exact value.
    gap: f64,
}

impl Seen {
    fn merge(self, o: Seen) -> Seen {
        Seen {
            s: self.s.merge(o.s),
            g: self.g.merge(o.g),
            differ: self.differ + o.differ,
            gap: self.gap.max(o.gap),
        }
    }
}

fn check_backend(k: Kernels, x: &[f32], es: &[f64], eg: &[f64]) -> Seen {
    let n = x.len();
    let (mut s, mut g, mut s2, mut g2) = (vec![0.0; n], vec![0.0; n], vec![0.0; n], vec![0.0; n]);
    k.sigmoid_slice(x, &mut s);
    k.sigmoid_grad_slice(x, &mut g);
    k.sigmoid_and_grad_slice(x, &mut s2, &mut g2);
    let mut inplace = x.to_vec();
    k.sigmoid_in_place(&mut inplace);
    let mut seen = Seen::default();
    for i in 0..n {
        let xi = x[i];
        assert_eq!(
            s[i].to_bits(),
            s2[i].to_bits(),
            "{:?}: fused s differs at x = {xi:e}",
            k.backend()
        );
        assert_eq!(
            g[i].to_bits(),
            g2[i].to_bits(),
            "{:?}: fused s' differs at x = {xi:e}",
            k.backend()
        );
        assert_eq!(
            s[i].to_bits(),
            inplace[i].to_bits(),
            "{:?}: in-place differs at x = {xi:e}",
            k.backend()
        );
        if xi.is_nan() {
            assert!(s[i].is_nan() && g[i].is_nan(), "NaN in must give NaN out");
            continue;
        }
        seen.s.see(ulps_f32(s[i], es[i]), xi as f64);
        seen.g.see(ulps_f32(g[i], eg[i]), xi as f64);
    }
    let portable = Kernels::new(Backend::Portable).unwrap();
    let fma = k.backend() != Backend::Sse2;
    for i in (0..n).step_by(STRIDE) {
        let xi = x[i];
        let (ps, pg) = portable.sigmoid_and_grad(xi);
        if (ps.to_bits(), pg.to_bits()) != (s[i].to_bits(), g[i].to_bits()) && !xi.is_nan() {
            assert!(
                !fma,
                "{:?} differs from portable at x = {xi:e}",
                k.backend()
            );
            seen.differ += 1;
        }
        assert_eq!(
            k.sigmoid(xi).to_bits(),
            s[i].to_bits(),
            "scalar s differs at x = {xi:e}"
        );
        assert_eq!(
            k.sigmoid_grad(xi).to_bits(),
            g[i].to_bits(),
            "scalar s' differs at x = {xi:e}"
        );
        assert_eq!(
            k.sigmoid_and_grad(xi).1.to_bits(),
            g[i].to_bits(),
            "scalar fused differs"
        );
    }
    seen
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "exhaustive over 2^32 inputs: run with --release"
)]
fn every_f32_input_within_one_ulp_on_every_backend() {
    // The portable backend is checked through the others: every FMA backend must equal it bit for
    // bit on the stride (on x86_64 it is libm-`fma` bound, ~300 ns per element). Where it is the
    // only backend (or under `-C target-cpu` with FMA), it runs the full pass itself.
    let mut backends: Vec<Backend> = Backend::available()
        .filter(|&b| b != Backend::Portable)
        .collect();
    if backends.is_empty() || cfg!(target_feature = "fma") {
        backends.insert(0, Backend::Portable);
    }
    let t = std::time::Instant::now();
    let all = par_chunks(1 << 32, CHUNK, |start, len| {
        let x: Vec<f32> = (start..start + len)
            .map(|b| f32::from_bits(b as u32))
            .collect();
        let (es, eg): (Vec<f64>, Vec<f64>) = x
            .iter()
            .map(|&v| formula::sigmoid_and_grad(v as f64))
            .unzip();
        backends
            .iter()
            .map(|&b| check_backend(Kernels::new(b).unwrap(), &x, &es, &eg))
            .collect::<Vec<_>>()
    });
    for (j, backend) in backends.iter().enumerate() {
        let total = all
            .iter()
            .map(|per| per[j])
            .fold(Seen::default(), Seen::merge);
        println!(
            "exact f32 on {:>9}: sigmoid max {:.4} ulp (x = {:e}), sigmoid_grad max {:.4} ulp (x = {:e}); \
             {} of the strided inputs differ from portable, by at most {:.2} ulp",
            backend.name(),
            total.s.ulps,
            total.s.at,
            total.g.ulps,
            total.g.at,
            total.differ,
            total.gap,
        );
        // Two results each within BOUND of the truth are within 2 BOUND of each other.
        assert!(
            total.gap <= 2.0 * BOUND,
            "{backend:?} differs from portable by {} ulp",
            total.gap
        );
        assert!(total.s.ulps <= BOUND, "{backend:?} sigmoid: {:?}", total.s);
        assert!(
            total.g.ulps <= BOUND,
            "{backend:?} sigmoid_grad: {:?}",
            total.g
        );
    }
    println!(
        "checked 2^32 inputs on {} backends in {:.1?}",
        backends.len(),
        t.elapsed()
    );
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "exhaustive over 2^32 inputs: run with --release"
)]
fn sigmoid_is_non_decreasing_over_every_f32_on_every_backend() {
    let total = common::ORDERED_F32;
    for backend in Backend::available().filter(|&b| b != Backend::Portable) {
        let k = Kernels::new(backend).unwrap();
        par_chunks(total, 1 << 16, |start, len| {
            // One element of overlap with the next chunk.
            let x: Vec<f32> = (start..(start + len + 1).min(total))
                .map(common::ordered)
                .collect();
            let mut s = vec![0.0; x.len()];
            k.sigmoid_slice(&x, &mut s);
            for i in 1..x.len() {
                assert!(
                    s[i] >= s[i - 1],
                    "{backend:?}: s({}) = {} > s({}) = {}",
                    x[i - 1],
                    s[i - 1],
                    x[i],
                    s[i]
                );
            }
        });
    }
}
