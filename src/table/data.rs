//! The generated tables (see `build.rs`), decoded at compile time into aligned statics.
//!
//! `build.rs` writes each table as little-endian bytes; `decode_*` turns them into float arrays
//! in a `const` context, so the statics are plain data: no `unsafe`, no run-time initialisation.

mod generated {
    include!(concat!(env!("OUT_DIR"), "/tables.rs"));
}
pub use generated::{ENTRIES, N, RANGE};

/// 64-byte alignment: a table starts on a cache line.
#[repr(C, align(64))]
pub struct Aligned<T>(pub T);

const fn decode_f32(b: &[u8; ENTRIES * 4]) -> [f32; ENTRIES] {
    let mut out = [0.0f32; ENTRIES];
    let mut i = 0;
    while i < ENTRIES {
        out[i] = f32::from_le_bytes([b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3]]);
        i += 1;
    }
    out
}

const fn decode_f64(b: &[u8; ENTRIES * 8]) -> [f64; ENTRIES] {
    let mut out = [0.0f64; ENTRIES];
    let mut i = 0;
    while i < ENTRIES {
        let mut w = [0u8; 8];
        let mut j = 0;
        while j < 8 {
            w[j] = b[8 * i + j];
            j += 1;
        }
        out[i] = f64::from_le_bytes(w);
        i += 1;
    }
    out
}

/// `s(-RANGE + i / N)`, rounded to f32.
pub static S_F32: Aligned<[f32; ENTRIES]> = Aligned(decode_f32(include_bytes!(concat!(
    env!("OUT_DIR"),
    "/s_f32.bin"
))));
/// `s'(-RANGE + i / N)`, rounded to f32.
pub static G_F32: Aligned<[f32; ENTRIES]> = Aligned(decode_f32(include_bytes!(concat!(
    env!("OUT_DIR"),
    "/g_f32.bin"
))));
/// `s(-RANGE + i / N)`, rounded to f64.
pub static S_F64: Aligned<[f64; ENTRIES]> = Aligned(decode_f64(include_bytes!(concat!(
    env!("OUT_DIR"),
    "/s_f64.bin"
))));
/// `s'(-RANGE + i / N)`, rounded to f64.
pub static G_F64: Aligned<[f64; ENTRIES]> = Aligned(decode_f64(include_bytes!(concat!(
    env!("OUT_DIR"),
    "/g_f64.bin"
))));
