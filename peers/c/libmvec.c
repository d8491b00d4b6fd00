/* The naive sigmoid 1 / (1 + exp(-x)) as a C compiler vectorizes it: with -O3 -ffast-math, gcc
 * calls glibc's vector exp (libmvec: _ZGVeN16v_expf, _ZGVeN8v_exp under AVX-512,
 * _ZGVdN8v_expf, _ZGVdN4v_exp under AVX2). Compiled once per instruction set by build.rs, which
 * defines PEER(name) to suffix the function names. */
#include <math.h>

void PEER(sigmoid_f32)(const float *restrict x, float *restrict y, long n) {
    for (long i = 0; i < n; i++) y[i] = 1.0f / (1.0f + expf(-x[i]));
}

void PEER(sigmoid_f64)(const double *restrict x, double *restrict y, long n) {
    for (long i = 0; i < n; i++) y[i] = 1.0 / (1.0 + exp(-x[i]));
}
