//! Constants of the `f32` exact kernels.
//!
//! `LN2`, `LN2_LO` and `LOG2E` are the correctly rounded values (mpmath, 50 digits). `Q` comes
//! from `python3 scripts/fit_exp_poly.py`: degree 5 on `|r| <= 0.3471`, where
//! `max |r^2 (Q(r) - (exp(r) - 1 - r) / r^2)| = 2^-30.8` with the coefficients as rounded here.

use super::kernel::Consts;

impl Consts for f32 {
    const LOG2E: f32 = f32::from_bits(0x3fb8_aa3b); // 1.442695
    const MAGIC: f32 = 12_582_912.0; // 1.5 * 2^23
    const LN2: f32 = f32::from_bits(0x3f31_7218); // 0.6931472
    const LN2_LO: f32 = f32::from_bits(0xb102_e308); // -1.9046542e-9
    // e^-104 < 2^-150, half the smallest subnormal: s(-104) rounds to 0.
    const A_MAX: f32 = 104.0;
    // k <= round(104 / ln 2) = 150; 2^-64 and 2^-(150 - 64) are both normal.
    const K_E: u32 = 64;
    // round(44 / ln 2) = 63 <= K_E.
    const NO_TAIL: f32 = 44.0;
    const Q: &'static [f32] = &[
        f32::from_bits(0x3f00_0000), // 0.5
        f32::from_bits(0x3e2a_aaab), // 0.16666667
        f32::from_bits(0x3d2a_aa74), // 0.041666463
        f32::from_bits(0x3c08_8870), // 0.008333310
        f32::from_bits(0x3ab6_a200), // 0.0013933778
        f32::from_bits(0x3950_92da), // 0.00019891132
    ];
}
