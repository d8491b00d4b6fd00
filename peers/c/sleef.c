/* PyTorch's CPU sigmoid formula, 1 / (1 + exp(-x)), with SLEEF's vector exp of 1 ulp (u10), one
 * vector at a time and a scalar remainder through the same vector function (padded). Compiled
 * with -mavx512f (SLEEF_AVX512) or -mavx2 -mfma (otherwise) by build.rs. */
#include <immintrin.h>
#include <string.h>
#include <sleef.h>

#ifdef SLEEF_AVX512
#define NAME(f) f##_avx512
#define F32 16
#define F64 8
typedef __m512 vf;
typedef __m512d vd;
#define LOADF _mm512_loadu_ps
#define STOREF _mm512_storeu_ps
#define LOADD _mm512_loadu_pd
#define STORED _mm512_storeu_pd
#define EXPF Sleef_expf16_u10avx512f
#define EXPD Sleef_expd8_u10avx512f
#define SETF _mm512_set1_ps
#define SETD _mm512_set1_pd
#define SUBF _mm512_sub_ps
#define SUBD _mm512_sub_pd
#define ADDF _mm512_add_ps
#define ADDD _mm512_add_pd
#define DIVF _mm512_div_ps
#define DIVD _mm512_div_pd
#else
#define NAME(f) f##_avx2
#define F32 8
#define F64 4
typedef __m256 vf;
typedef __m256d vd;
#define LOADF _mm256_loadu_ps
#define STOREF _mm256_storeu_ps
#define LOADD _mm256_loadu_pd
#define STORED _mm256_storeu_pd
#define EXPF Sleef_expf8_u10avx2
#define EXPD Sleef_expd4_u10avx2
#define SETF _mm256_set1_ps
#define SETD _mm256_set1_pd
#define SUBF _mm256_sub_ps
#define SUBD _mm256_sub_pd
#define ADDF _mm256_add_ps
#define ADDD _mm256_add_pd
#define DIVF _mm256_div_ps
#define DIVD _mm256_div_pd
#endif

static inline vf sigf(vf x) {
    vf one = SETF(1.0f);
    return DIVF(one, ADDF(one, EXPF(SUBF(SETF(0.0f), x))));
}

static inline vd sigd(vd x) {
    vd one = SETD(1.0);
    return DIVD(one, ADDD(one, EXPD(SUBD(SETD(0.0), x))));
}

void NAME(sleef_sigmoid_f32)(const float *x, float *y, long n) {
    long i = 0;
    for (; i + F32 <= n; i += F32) STOREF(y + i, sigf(LOADF(x + i)));
    if (i < n) {
        float a[F32] = {0}, b[F32];
        memcpy(a, x + i, (size_t)(n - i) * sizeof(float));
        STOREF(b, sigf(LOADF(a)));
        memcpy(y + i, b, (size_t)(n - i) * sizeof(float));
    }
}

void NAME(sleef_sigmoid_f64)(const double *x, double *y, long n) {
    long i = 0;
    for (; i + F64 <= n; i += F64) STORED(y + i, sigd(LOADD(x + i)));
    if (i < n) {
        double a[F64] = {0}, b[F64];
        memcpy(a, x + i, (size_t)(n - i) * sizeof(double));
        STORED(b, sigd(LOADD(a)));
        memcpy(y + i, b, (size_t)(n - i) * sizeof(double));
    }
}
