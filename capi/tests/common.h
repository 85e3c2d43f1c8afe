/* Shared helpers of the C tests of libxbzrle (C99). */
#ifndef XBZRLE_TEST_COMMON_H
#define XBZRLE_TEST_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xbzrle.h"

static unsigned long checks_passed, checks_failed;

#define CHECK(cond)                                                              \
    do {                                                                         \
        if (cond) {                                                              \
            checks_passed++;                                                     \
        } else {                                                                 \
            checks_failed++;                                                     \
            if (checks_failed <= 20)                                             \
                fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, \
                        #cond);                                                  \
        }                                                                        \
    } while (0)

#define CHECK_EQ(a, b)                                                                   \
    do {                                                                                 \
        long long check_a_ = (long long)(a), check_b_ = (long long)(b);                  \
        if (check_a_ == check_b_) {                                                      \
            checks_passed++;                                                             \
        } else {                                                                         \
            checks_failed++;                                                             \
            if (checks_failed <= 20)                                                     \
                fprintf(stderr, "%s:%d: check failed: %s == %s (%lld != %lld)\n",        \
                        __FILE__, __LINE__, #a, #b, check_a_, check_b_);                 \
        }                                                                                \
    } while (0)

static inline int finish(const char *name)
{
    printf("%s: %lu checks passed, %lu failed\n", name, checks_passed, checks_failed);
    return checks_failed == 0 && checks_passed > 0 ? 0 : 1;
}

static inline void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fprintf(stderr, "out of memory\n");
        exit(2);
    }
    return p;
}

/* xorshift64*: reproducible bytes. */
static uint64_t rng_state = 0x9e3779b97f4a7c15ull;
static inline uint64_t rng_next(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545f4914f6cdd1dull;
}
static inline void fill_random(uint8_t *p, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        p[i] = (uint8_t)(rng_next() >> 56);
}

/* Byte-at-a-time model of the canonical encoding (SPEC section 3), written for these
 * tests. Returns the length, or -1 when a run over 16383 bytes is needed. `out` must
 * hold 3 * len / 2 + 8 bytes. */
static inline long model_encode(const uint8_t *o, const uint8_t *n, size_t len, uint8_t *out)
{
    size_t i = 0, d = 0;
    while (i < len) {
        size_t z = 0, m = 0, k, start;
        size_t v[2];
        while (i < len && o[i] == n[i]) {
            i++;
            z++;
        }
        if (i == len)
            break;
        start = i;
        while (i < len && o[i] != n[i]) {
            i++;
            m++;
        }
        if (z > XBZRLE_MAX_RUN || m > XBZRLE_MAX_RUN)
            return -1;
        v[0] = z;
        v[1] = m;
        for (k = 0; k < 2; k++) {
            if (v[k] < 0x80) {
                out[d++] = (uint8_t)v[k];
            } else {
                out[d++] = (uint8_t)(0x80 | (v[k] & 0x7f));
                out[d++] = (uint8_t)(v[k] >> 7);
            }
        }
        memcpy(out + d, n + start, m);
        d += m;
    }
    return (long)d;
}

/* The 2011 benchmark patterns (SPEC section 7): a changed area of `len` bytes every
 * `stride` bytes, laid over the region from position `offset`. */
struct pattern {
    const char *name;
    size_t stride, len;
};
static inline const struct pattern *pattern_at(size_t i)
{
    static const struct pattern patterns[4] = {
        {"SPARSE", 1111, 12}, {"MEDIUM", 701, 33}, {"DENSE", 203, 41}, {"VERY-DENSE", 121, 43}};
    return &patterns[i];
}
static inline void apply_pattern(const struct pattern *p, uint8_t *region, size_t n, size_t offset)
{
    size_t i;
    for (i = 0; i < n; i++) {
        size_t pos = offset + i;
        if (pos % p->stride < p->len)
            region[i] ^= (uint8_t)(0x5a | (pos & 0x80) | 1);
    }
}

#endif
