//! The SIMD sigmoids sigtab is measured against, compiled from C by `build.rs`:
//!
//! - glibc's libmvec: the naive `1 / (1 + exp(-x))` loop vectorized by gcc `-O3 -ffast-math`
//!   (what a C or Fortran programmer gets), for AVX-512 and for AVX2+FMA;
//! - SLEEF's 1-ulp vector `exp` then a divide (PyTorch's CPU formula), for AVX-512 and AVX2, when
//!   Debian's `libsleef-dev` is installed.
//!
//! [`available`] lists those this build has and this CPU can run. `cargo bench -p sigtab-peers`
//! and `cargo run --release -p sigtab-peers --example compare` put them beside sigtab's kernels.

use std::ffi::c_long;

/// A C loop `y[i] = s(x[i])` for `n` elements.
type Loop<T> = unsafe extern "C" fn(*const T, *mut T, c_long);

/// One peer: a name and its loops for both precisions.
#[derive(Clone, Copy)]
pub struct Peer {
    /// What it is, for tables: library, formula and instruction set.
    pub name: &'static str,
    f32: Loop<f32>,
    f64: Loop<f64>,
}

impl Peer {
    /// `y[i] = 1 / (1 + exp(-x[i]))` as this peer computes it.
    ///
    /// # Panics
    /// If `x` and `y` differ in length.
    pub fn sigmoid_f32(&self, x: &[f32], y: &mut [f32]) {
        assert_eq!(x.len(), y.len(), "peer {}: x and y lengths", self.name);
        // SAFETY: `available` hands out only peers whose instruction set this CPU has; the C loop
        // reads x.len() elements of x and writes as many of y, both valid slices.
        unsafe { (self.f32)(x.as_ptr(), y.as_mut_ptr(), x.len() as c_long) }
    }

    /// As [`Peer::sigmoid_f32`], in f64.
    ///
    /// # Panics
    /// If `x` and `y` differ in length.
    pub fn sigmoid_f64(&self, x: &[f64], y: &mut [f64]) {
        assert_eq!(x.len(), y.len(), "peer {}: x and y lengths", self.name);
        // SAFETY: as in `sigmoid_f32`.
        unsafe { (self.f64)(x.as_ptr(), y.as_mut_ptr(), x.len() as c_long) }
    }
}

#[cfg(peers_libmvec)]
unsafe extern "C" {
    fn libmvec_sigmoid_f32_avx512(x: *const f32, y: *mut f32, n: c_long);
    fn libmvec_sigmoid_f64_avx512(x: *const f64, y: *mut f64, n: c_long);
    fn libmvec_sigmoid_f32_avx2(x: *const f32, y: *mut f32, n: c_long);
    fn libmvec_sigmoid_f64_avx2(x: *const f64, y: *mut f64, n: c_long);
}

#[cfg(peers_sleef)]
unsafe extern "C" {
    fn sleef_sigmoid_f32_avx512(x: *const f32, y: *mut f32, n: c_long);
    fn sleef_sigmoid_f64_avx512(x: *const f64, y: *mut f64, n: c_long);
    fn sleef_sigmoid_f32_avx2(x: *const f32, y: *mut f32, n: c_long);
    fn sleef_sigmoid_f64_avx2(x: *const f64, y: *mut f64, n: c_long);
}

/// The peers this build compiled and this CPU can run, AVX-512 ones first.
pub fn available() -> Vec<Peer> {
    #[allow(unused_mut)]
    let mut peers = Vec::new();
    #[cfg(target_arch = "x86_64")]
    {
        let avx512 =
            std::is_x86_feature_detected!("avx512f") && std::is_x86_feature_detected!("fma");
        let avx2 = std::is_x86_feature_detected!("avx2") && std::is_x86_feature_detected!("fma");
        #[cfg(peers_libmvec)]
        {
            if avx512 {
                peers.push(Peer {
                    name: "glibc libmvec, gcc -O3 -ffast-math, AVX-512",
                    f32: libmvec_sigmoid_f32_avx512,
                    f64: libmvec_sigmoid_f64_avx512,
                });
            }
            if avx2 {
                peers.push(Peer {
                    name: "glibc libmvec, gcc -O3 -ffast-math, AVX2",
                    f32: libmvec_sigmoid_f32_avx2,
                    f64: libmvec_sigmoid_f64_avx2,
                });
            }
        }
        #[cfg(peers_sleef)]
        {
            if avx512 {
                peers.push(Peer {
                    name: "SLEEF u10 exp + divide, AVX-512",
                    f32: sleef_sigmoid_f32_avx512,
                    f64: sleef_sigmoid_f64_avx512,
                });
            }
            if avx2 {
                peers.push(Peer {
                    name: "SLEEF u10 exp + divide, AVX2",
                    f32: sleef_sigmoid_f32_avx2,
                    f64: sleef_sigmoid_f64_avx2,
                });
            }
        }
        let _ = (avx512, avx2);
    }
    peers
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every peer computes a sigmoid: within 1e-6 of sigtab's in the core, every length.
    #[test]
    fn peers_compute_the_sigmoid() {
        for p in available() {
            for n in [0, 1, 7, 15, 16, 17, 100] {
                let x: Vec<f32> = (0..n).map(|i| i as f32 * 0.37 - 10.0).collect();
                let xd: Vec<f64> = x.iter().map(|&v| v as f64).collect();
                let (mut y, mut yd) = (vec![0.0; n], vec![0.0; n]);
                p.sigmoid_f32(&x, &mut y);
                p.sigmoid_f64(&xd, &mut yd);
                for i in 0..n {
                    let want = sigtab::exact::sigmoid(xd[i]);
                    assert!(
                        (y[i] as f64 - want).abs() < 1e-6,
                        "{} f32 at {}",
                        p.name,
                        x[i]
                    );
                    assert!((yd[i] - want).abs() < 1e-14, "{} f64 at {}", p.name, x[i]);
                }
            }
        }
    }
}
