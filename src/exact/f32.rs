//! Constants of the `f32` exact kernels.
//!
//! `LN2`, `LN2_LO` and `LOG2E` are the correctly rounded values (mpmath, 50 digits). `U`, `T_HI`
//! and `T_LO` come from `python3 scripts/fit_exp_table.py`:
//! `f32: N = 8; U of degree 2 on |r| <= 0.0433317; max |r + r^2 U(r) - expm1(r)| = 3.21e-10 (2^-31.54)`.

use super::kernel::Consts;

impl Consts for f32 {
    const LOG2E: f32 = f32::from_bits(0x3fb8_aa3b); // 1.442695
    const MAGIC: f32 = 12_582_912.0; // 1.5 * 2^23
    const N_LOG2: u32 = 3;
    const MAGIC_Q: f32 = 1_572_864.0; // 1.5 * 2^20: ulp 1/8
    const LN2: f32 = f32::from_bits(0x3f31_7218); // 0.6931472
    const LN2_LO: f32 = f32::from_bits(0xb102_e308); // -1.9046542e-9
    // e^-104 < 2^-150, half the smallest subnormal: s(-104) rounds to 0.
    const A_MAX: f32 = 104.0;
    // floor(q) >= floor(-104 / ln 2) = -151; 2^-64 and 2^-(151 - 64) are both normal.
    const K_E: u32 = 64;
    // floor(-44 / ln 2 rounded to 1/8) = -64 >= -K_E.
    const NO_TAIL: f32 = 44.0;
    const U: &'static [f32] = &[
        f32::from_bits(0x3f000000), // 0.5
        f32::from_bits(0x3e2aadbe), // 0.16667839884757996
        f32::from_bits(0x3d2aacb8), // 0.041668623685836792
    ];
    crate::exact::kernel::scalar_ops!(f32, u32);
}

/// `2^(j/8)` rounded, `j = 0..8`: the table's high words.
pub(crate) const T_HI: [f32; 8] = [
    f32::from_bits(0x3f800000), // 1.0
    f32::from_bits(0x3f8b95c2), // 1.0905077457427979
    f32::from_bits(0x3f9837f0), // 1.1892070770263672
    f32::from_bits(0x3fa5fed7), // 1.2968395948410034
    f32::from_bits(0x3fb504f3), // 1.4142135381698608
    f32::from_bits(0x3fc5672a), // 1.5422108173370361
    f32::from_bits(0x3fd744fd), // 1.6817928552627563
    f32::from_bits(0x3feac0c7), // 1.8340080976486206
];

/// `2^(j/8) - T_HI[j]` rounded: the low words.
pub(crate) const T_LO: [f32; 8] = [
    f32::from_bits(0x00000000), // 0.0
    f32::from_bits(0xb260aba1), // -1.3077539939843064e-8
    f32::from_bits(0x33231b71), // 3.7976352729174323e-8
    f32::from_bits(0xb32c9d5e), // -4.0189995331729733e-8
    f32::from_bits(0x32cfe77a), // 2.4203234971764687e-8
    f32::from_bits(0x320aa837), // 8.0709048333460487e-9
    f32::from_bits(0xb2d4a58a), // -2.4755326677450284e-8
    f32::from_bits(0xb24116de), // -1.1239277952768134e-8
];
