//! Constants of the `f32` exact kernels.
//!
//! `LN2`, `LN2_LO` and `LOG2E` are the correctly rounded values (mpmath, 50 digits). `U`, `T_HI`
//! and `T_LO` come from `python3 scripts/fit_exp_table.py`:
//! `f32: N = 8; U of degree 2 on |r| <= 0.0433317; max |r + r^2 U(r) - expm1(r)| = 3.21e-10 (2^-31.54)`.
//!
//! `LOG_P`, `LOG_LN2_HI`, `LOG_LN2_LO`, `LOG_C`, `LOG_HI` and `LOG_LO` come from
//! `python3 scripts/fit_log_table.py`:
//! `f32: N = 8; r in [-0.0555555, 0.0666667]; P of degree 4; max |r + r^2 P(r) - log1p(r)| / |r| = 7.03e-10 (2^-30.41)`.
//!
//! `SILU_X0_HI`, `SILU_X0_LO`, `SILU_Q0_LO` and `SILU_Q` come from `python3 scripts/fit_silu_grad.py`:
//! `f32: |x - x0| < 0.0625; Q of degree 4; max relative error of Q = 6.25e-10 (2^-30.57)`.

use super::kernel::Consts;

impl Consts for f32 {
    const LOG2E: f32 = f32::from_bits(0x3fb8_aa3b); // 1.442695
    const MAGIC: f32 = 12_582_912.0; // 1.5 * 2^23
    const MIN_NORMAL: f32 = f32::MIN_POSITIVE;
    const N_LOG2: u32 = 3;
    const MAGIC_Q: f32 = 1_572_864.0; // 1.5 * 2^20: ulp 1/8
    const LN2: f32 = f32::from_bits(0x3f31_7218); // 0.6931472
    const LN2_LO: f32 = f32::from_bits(0xb102_e308); // -1.9046542e-9
    // 112 e^-112 < 2^-150, half the smallest subnormal: s(-112), silu(-112) and the
    // derivatives there round to 0.
    const A_MAX: f32 = 112.0;
    // floor(q) >= floor(-112 / ln 2) = -162; 2^-64 and 2^-(162 - 64) are both normal.
    const K_E: u32 = 64;
    // floor(-44 / ln 2 rounded to 1/8) = -64 >= -K_E.
    const NO_TAIL: f32 = 44.0;
    const U: &'static [f32] = &[
        f32::from_bits(0x3f000000), // 0.5
        f32::from_bits(0x3e2aadbe), // 0.16667839884757996
        f32::from_bits(0x3d2aacb8), // 0.041668623685836792
    ];
    const LOG_P: &'static [f32] = &[
        f32::from_bits(0xbf000000), // -0.5
        f32::from_bits(0x3eaaaa98), // 0.33333277702331543
        f32::from_bits(0xbe800155), // -0.2500101625919342
        f32::from_bits(0x3e4d6f0e), // 0.20061895251274109
        f32::from_bits(0xbe273da0), // -0.16332101821899414
    ];
    const LOG_LN2_HI: f32 = f32::from_bits(0x3f317000); // 0.693115234375
    const LOG_LN2_LO: f32 = f32::from_bits(0x3805fdf4); // 3.1946183298714459e-5
    const SILU_X0_HI: f32 = f32::from_bits(0xbfa3a4ba); // -1.2784645557403564
    const SILU_X0_LO: f32 = f32::from_bits(0x325efb7d); // 1.2979282537628478e-8
    const SILU_X0_LO2: f32 = f32::from_bits(0x2501ca2d); // 1.1257466239192657e-16
    const SILU_Q0_LO: f32 = f32::from_bits(0x310c0a50); // 2.0378543297283613e-9
    const SILU_Q: &'static [f32] = &[
        f32::from_bits(0x3e5f0a08), // 0.2178117036819458
        f32::from_bits(0x3e162b1a), // 0.14664879441261292
        f32::from_bits(0x3c9a9f59), // 0.018874811008572578
        f32::from_bits(0xbc7965d6), // -0.015222033485770226
        f32::from_bits(0xbbd85b63), // -0.0066026910208165646
    ];
    crate::exact::kernel::scalar_ops!(f32, u32, i32);
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

/// `1 / (1 + j/N)` rounded (`1` for `j = 0`): the logarithm's bucket factors (`log.rs`).
pub(crate) const LOG_C: [f32; 8] = [
    f32::from_bits(0x3f800000), // 1.0
    f32::from_bits(0x3f638e39), // 0.8888888955116272
    f32::from_bits(0x3f4ccccd), // 0.80000001192092896
    f32::from_bits(0x3f3a2e8c), // 0.72727274894714355
    f32::from_bits(0x3f2aaaab), // 0.66666668653488159
    f32::from_bits(0x3f1d89d9), // 0.61538463830947876
    f32::from_bits(0x3f124925), // 0.57142859697341919
    f32::from_bits(0x3f088889), // 0.53333336114883423
];
/// `-log(LOG_C[j])` rounded: the high words.
pub(crate) const LOG_HI: [f32; 8] = [
    f32::from_bits(0x00000000), // 0.0
    f32::from_bits(0x3df1383a), // 0.11778302490711212
    f32::from_bits(0x3e647fbd), // 0.22314353287220001
    f32::from_bits(0x3ea30c5d), // 0.31845369935035706
    f32::from_bits(0x3ecf991e), // 0.40546506643295288
    f32::from_bits(0x3ef8947a), // 0.4855077862739563
    f32::from_bits(0x3f0f42fa), // 0.55961573123931885
    f32::from_bits(0x3f20ec7e), // 0.6286085844039917
];
/// `-log(LOG_C[j]) - LOG_HI[j]` rounded: the low words.
pub(crate) const LOG_LO: [f32; 8] = [
    f32::from_bits(0x00000000), // 0.0
    f32::from_bits(0x3162af2e), // 3.2986906539633765e-9
    f32::from_bits(0x31735345), // 3.5408487253363319e-9
    f32::from_bits(0x310717b3), // 1.9658557004476052e-9
    f32::from_bits(0x324bf985), // 1.1872889338349069e-8
    f32::from_bits(0xb2050f90), // -7.7451574043152505e-9
    f32::from_bits(0x324e081b), // 1.1992621118395164e-8
    f32::from_bits(0x32c4672c), // 2.2864320214921463e-8
];
