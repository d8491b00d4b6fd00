//! Constants of the `f64` exact kernels.
//!
//! `LN2`, `LN2_LO` and `LOG2E` are the correctly rounded values (mpmath, 50 digits). `U`, `T_HI`
//! and `T_LO` come from `python3 scripts/fit_exp_table.py`:
//! `f64: N = 16; U of degree 5 on |r| <= 0.0216708; max |r + r^2 U(r) - expm1(r)| = 4.01e-20 (2^-64.43)`.
//!
//! `LOG_P`, `LOG_LN2_HI`, `LOG_LN2_LO`, `LOG_C`, `LOG_HI` and `LOG_LO` come from
//! `python3 scripts/fit_log_table.py`:
//! `f64: N = 16; r in [-0.0294118, 0.0322581]; P of degree 8; max |r + r^2 P(r) - log1p(r)| / |r| = 3.7e-19 (2^-61.23)`.
//!
//! `SILU_X0_HI`, `SILU_X0_LO`, `SILU_Q0_LO` and `SILU_Q` come from `python3 scripts/fit_silu_grad.py`:
//! `f64: |x - x0| < 0.0625; Q of degree 9; max relative error of Q = 3.41e-18 (2^-58.02)`.

use super::kernel::Consts;

impl Consts for f64 {
    const LOG2E: f64 = f64::from_bits(0x3ff7_1547_652b_82fe); // 1.4426950408889634
    const MAGIC: f64 = 6_755_399_441_055_744.0; // 1.5 * 2^52
    const MIN_NORMAL: f64 = f64::MIN_POSITIVE;
    const N_LOG2: u32 = 4;
    const MAGIC_Q: f64 = 422_212_465_065_984.0; // 1.5 * 2^48: ulp 1/16
    const LN2: f64 = f64::from_bits(0x3fe6_2e42_fefa_39ef); // 0.6931471805599453
    const LN2_LO: f64 = f64::from_bits(0x3c7a_bc9e_3b39_803f); // 2.3190468138462996e-17
    // 760 e^-760 < 2^-1075, half the smallest subnormal: s(-760), silu(-760) and the
    // derivatives there round to 0.
    const A_MAX: f64 = 760.0;
    // floor(q) >= floor(-760 / ln 2) = -1097; 2^-540 and 2^-(1097 - 540) are both normal.
    const K_E: u32 = 540;
    // floor(-370 / ln 2 rounded to 1/16) = -534 >= -K_E.
    const NO_TAIL: f64 = 370.0;
    const U: &'static [f64] = &[
        f64::from_bits(0x3fe0000000000001), // 0.50000000000000011
        f64::from_bits(0x3fc5555555555556), // 0.16666666666666669
        f64::from_bits(0x3fa55555554e9136), // 0.041666666663589799
        f64::from_bits(0x3f811111110e0f3c), // 0.0083333333329914591
        f64::from_bits(0x3f56c17ed93aab59), // 0.0013889063601861455
        f64::from_bits(0x3f2a01b0c6de0310), // 0.00019841463966587718
    ];
    const LOG_P: &'static [f64] = &[
        f64::from_bits(0xbfe0000000000000), // -0.5
        f64::from_bits(0x3fd555555555552b), // 0.33333333333333098
        f64::from_bits(0xbfd0000000000a77), // -0.25000000000014871
        f64::from_bits(0x3fc9999999ac192f), // 0.20000000003364835
        f64::from_bits(0xbfc555555357c698), // -0.16666666573978683
        f64::from_bits(0x3fc249237b12a475), // 0.14285701283850796
        f64::from_bits(0xbfc0000ee8bd3dda), // -0.12500177730770085
        f64::from_bits(0x3fbc7e12ed6da4ac), // 0.11129873558606346
        f64::from_bits(0xbfb95950c044493f), // -0.099019095363733975
    ];
    const LOG_LN2_HI: f64 = f64::from_bits(0x3fe62e42fefa4000); // 0.6931471805601177
    const LOG_LN2_LO: f64 = f64::from_bits(0xbd48432a1b0e2634); // -1.7239444525614835e-13
    const SILU_X0_HI: f64 = f64::from_bits(0xbff474973c84120b); // -1.2784645427610737
    const SILU_X0_LO: f64 = f64::from_bits(0xbc9f8d74bc9ac154); // -1.0946994183093437e-16
    const SILU_X0_LO2: f64 = f64::from_bits(0xb9344a50180ba780); // -3.9077666761286649e-33
    const SILU_Q0_LO: f64 = f64::from_bits(0xbc52541062177473); // -3.9743327958808624e-18
    const SILU_Q: &'static [f64] = &[
        f64::from_bits(0x3fcbe1410460527f), // 0.2178117057198001
        f64::from_bits(0x3fc2c563458cc0ad), // 0.14664879699694691
        f64::from_bits(0x3f9353eb573ca46b), // 0.018874814223782382
        f64::from_bits(0xbf8f2d0e32bc29b2), // -0.015222655223188084
        f64::from_bits(0xbf7b0f82c49b64a0), // -0.0066065891384933517
        f64::from_bits(0x3f2098e92bcc8575), // 0.00012662741019035429
        f64::from_bits(0x3f4a2a7ce4ec7a2b), // 0.00079852197982061468
        f64::from_bits(0x3f28574c673f167e), // 0.00018570716531323203
        f64::from_bits(0xbf0576126a24a1d5), // -4.0934025735520477e-5
        f64::from_bits(0xbeff276332ed66ab), // -2.9710633664725938e-5
    ];
    crate::exact::kernel::scalar_ops!(f64, u64, i64);
}

/// `2^(j/16)` rounded, `j = 0..16`: the table's high words.
pub(crate) const T_HI: [f64; 16] = [
    f64::from_bits(0x3ff0000000000000), // 1.0
    f64::from_bits(0x3ff0b5586cf9890f), // 1.0442737824274138
    f64::from_bits(0x3ff172b83c7d517b), // 1.0905077326652577
    f64::from_bits(0x3ff2387a6e756238), // 1.1387886347566916
    f64::from_bits(0x3ff306fe0a31b715), // 1.189207115002721
    f64::from_bits(0x3ff3dea64c123422), // 1.241857812073484
    f64::from_bits(0x3ff4bfdad5362a27), // 1.2968395546510096
    f64::from_bits(0x3ff5ab07dd485429), // 1.3542555469368927
    f64::from_bits(0x3ff6a09e667f3bcd), // 1.4142135623730951
    f64::from_bits(0x3ff7a11473eb0187), // 1.4768261459394993
    f64::from_bits(0x3ff8ace5422aa0db), // 1.5422108254079407
    f64::from_bits(0x3ff9c49182a3f090), // 1.6104903319492543
    f64::from_bits(0x3ffae89f995ad3ad), // 1.681792830507429
    f64::from_bits(0x3ffc199bdd85529c), // 1.7562521603732995
    f64::from_bits(0x3ffd5818dcfba487), // 1.8340080864093424
    f64::from_bits(0x3ffea4afa2a490da), // 1.9152065613971474
];

/// `2^(j/16) - T_HI[j]` rounded: the low words.
pub(crate) const T_LO: [f64; 16] = [
    f64::from_bits(0x0000000000000000), // 0.0
    f64::from_bits(0x3c98a62e4adc610b), // 8.5518897055379649e-17
    f64::from_bits(0xbc819041b9d78a76), // -3.0467820798124711e-17
    f64::from_bits(0x3c99b07eb6c70573), // 8.9128126760254078e-17
    f64::from_bits(0x3c86f46ad23182e4), // 3.9820152314656461e-17
    f64::from_bits(0x3c8ada0911f09ebc), // 4.6580275918369368e-17
    f64::from_bits(0x3c7d4397afec42e2), // 2.5382502794888315e-17
    f64::from_bits(0x3c96324c054647ad), // 7.7009483798029895e-17
    f64::from_bits(0xbc9bdd3413b26456), // -9.6672933134529135e-17
    f64::from_bits(0xbc841577ee04992f), // -3.4839945568927958e-17
    f64::from_bits(0x3c96e9f156864b27), // 7.9498348096976209e-17
    f64::from_bits(0x3c7c7c46b071f2be), // 2.4707192569797888e-17
    f64::from_bits(0x3c97a1cd345dcc81), // 8.1990100205814965e-17
    f64::from_bits(0x3c811065895048dd), // 2.9601406954488733e-17
    f64::from_bits(0x3c82ed02d75b3707), // 3.2831072242456272e-17
    f64::from_bits(0xbc9e9c23179c2893), // -1.0619946056195963e-16
];

/// `1 / (1 + j/N)` rounded (`1` for `j = 0`): the logarithm's bucket factors (`log.rs`).
pub(crate) const LOG_C: [f64; 16] = [
    f64::from_bits(0x3ff0000000000000), // 1.0
    f64::from_bits(0x3fee1e1e1e1e1e1e), // 0.94117647058823528
    f64::from_bits(0x3fec71c71c71c71c), // 0.88888888888888884
    f64::from_bits(0x3feaf286bca1af28), // 0.84210526315789469
    f64::from_bits(0x3fe999999999999a), // 0.80000000000000004
    f64::from_bits(0x3fe8618618618618), // 0.76190476190476186
    f64::from_bits(0x3fe745d1745d1746), // 0.72727272727272729
    f64::from_bits(0x3fe642c8590b2164), // 0.69565217391304346
    f64::from_bits(0x3fe5555555555555), // 0.66666666666666663
    f64::from_bits(0x3fe47ae147ae147b), // 0.64000000000000001
    f64::from_bits(0x3fe3b13b13b13b14), // 0.61538461538461542
    f64::from_bits(0x3fe2f684bda12f68), // 0.59259259259259256
    f64::from_bits(0x3fe2492492492492), // 0.5714285714285714
    f64::from_bits(0x3fe1a7b9611a7b96), // 0.55172413793103448
    f64::from_bits(0x3fe1111111111111), // 0.53333333333333333
    f64::from_bits(0x3fe0842108421084), // 0.5161290322580645
];
/// `-log(LOG_C[j])` rounded: the high words.
pub(crate) const LOG_HI: [f64; 16] = [
    f64::from_bits(0x0000000000000000), // 0.0
    f64::from_bits(0x3faf0a30c01162a8), // 0.060624621816434854
    f64::from_bits(0x3fbe27076e2af2ea), // 0.11778303565638351
    f64::from_bits(0x3fc5ff3070a793d6), // 0.17185025692665928
    f64::from_bits(0x3fcc8ff7c79a9a20), // 0.22314355131420971
    f64::from_bits(0x3fd1675cababa60f), // 0.27193371548364181
    f64::from_bits(0x3fd4618bc21c5ec2), // 0.31845373111853459
    f64::from_bits(0x3fd739d7f6bbd007), // 0.36290549368936847
    f64::from_bits(0x3fd9f323ecbf984d), // 0.40546510810816444
    f64::from_bits(0x3fdc8ff7c79a9a21), // 0.44628710262841947
    f64::from_bits(0x3fdf128f5faf06ec), // 0.48550781578170077
    f64::from_bits(0x3fe0be72e4252a83), // 0.52324814376454787
    f64::from_bits(0x3fe1e85f5e7040d1), // 0.55961578793542277
    f64::from_bits(0x3fe307d7334f10be), // 0.59470710774669278
    f64::from_bits(0x3fe41d8fe84672af), // 0.62860865942237421
    f64::from_bits(0x3fe52a2d265bc5ab), // 0.66139848224536502
];
/// `-log(LOG_C[j]) - LOG_HI[j]` rounded: the low words.
pub(crate) const LOG_LO: [f64; 16] = [
    f64::from_bits(0x0000000000000000), // 0.0
    f64::from_bits(0x3c485f325c5bbacd), // 2.6424025938726934e-18
    f64::from_bits(0xbc361578001e015a), // -1.1971685747593662e-18
    f64::from_bits(0xbc5bc60efafc6f6c), // -6.0224538210113689e-18
    f64::from_bits(0xbc64f689f8434011), // -9.0912705973247975e-18
    f64::from_bits(0x3c2ce63eab883727), // 7.8331963769744355e-19
    f64::from_bits(0xbc27a42642661c62), // -6.4079624830267774e-19
    f64::from_bits(0x3c5ce24c53fad3f0), // 6.2632141603179415e-18
    f64::from_bits(0xbc4a92e513217f58), // -2.8811380259626411e-18
    f64::from_bits(0x3c73097607bcbfee), // 1.6511928324886544e-17
    f64::from_bits(0xbc7328df13bb38c2), // -1.6618350693852045e-17
    f64::from_bits(0x3c7b4c4bdd99efff), // 2.3677269014906905e-17
    f64::from_bits(0xbc8084e99683070e), // -2.8656225429134744e-17
    f64::from_bits(0x3c7fdac850fab36d), // 2.7629477772138132e-17
    f64::from_bits(0xbc8ee6d0cf42e7fa), // -5.360577204673081e-17
    f64::from_bits(0x3c773be4578ad97b), // 2.0152241829994911e-17
];
