/*
 * xbzrle.h - C API of libxbzrle, the XBZRLE page-delta codec of QEMU live migration
 * (the C ABI of the `xbzrle` Rust crate; built from its capi/ directory).
 *
 * SPDX-License-Identifier: MIT OR Apache-2.0
 *
 * Two parts:
 *   1. xbzrle_encode_buffer / xbzrle_decode_buffer: QEMU's prototypes and return values,
 *      so a QEMU build can link libxbzrle instead of compiling migration/xbzrle.c.
 *   2. The native API (xbzrle_encode, xbzrle_decode, ...): size_t lengths, a status per
 *      error kind, the offset of a refused field, kernel choice, version query.
 *
 * Rules for every function:
 *   - A null pointer with length 0 is an empty buffer; null with a non-zero length is an
 *     error (XBZRLE_ERR_NULL_POINTER, or -1), never a crash.
 *   - Input buffers may alias each other (old == new is fine). An output buffer that
 *     overlaps an input is refused (XBZRLE_ERR_OVERLAP, or -1) before anything is written.
 *   - No alignment requirement on any buffer. Inputs must not change during the call
 *     (copy guest memory to a stable buffer first, as QEMU does).
 *   - Thread-safe: no state except the kernel choice (xbzrle_set_kernel), which is atomic.
 *   - Decoding is atomic: a refused delta leaves the page exactly as it was.
 *   - Nothing allocates; no panic or exception ever leaves the library.
 *
 * Full documentation: docs/c-api.md.
 */
#ifndef XBZRLE_H
#define XBZRLE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Version of this header; xbzrle_version() gives the library's. */
#define XBZRLE_VERSION_MAJOR 0
#define XBZRLE_VERSION_MINOR 1
#define XBZRLE_VERSION_PATCH 0
#define XBZRLE_VERSION \
    ((XBZRLE_VERSION_MAJOR << 16) | (XBZRLE_VERSION_MINOR << 8) | XBZRLE_VERSION_PATCH)

/* Largest page the encoder accepts (larger pages must be split). */
#define XBZRLE_MAX_PAGE_SIZE 16384
/* Longest run one length field can express. */
#define XBZRLE_MAX_RUN 16383

/* Result of the native functions. The values never change; new ones may be added. */
typedef enum xbzrle_status {
    XBZRLE_OK = 0,
    /* encoding */
    XBZRLE_ERR_OVERFLOW = 1,        /* delta does not fit in out (or needs a run > 16383):
                                       send the page raw */
    XBZRLE_ERR_LENGTH_MISMATCH = 2, /* old and new page differ in length */
    XBZRLE_ERR_PAGE_TOO_LARGE = 3,  /* page longer than XBZRLE_MAX_PAGE_SIZE */
    /* decoding (the offset of the refused run length is reported) */
    XBZRLE_ERR_TRUNCATED = 4,         /* delta ends in the middle of a pair */
    XBZRLE_ERR_BAD_LENGTH = 5,        /* two-byte length with the high bit of byte 2 set */
    XBZRLE_ERR_EMPTY_ZERO_RUN = 6,    /* zero-length unchanged run after the first pair */
    XBZRLE_ERR_EMPTY_LITERAL_RUN = 7, /* zero-length changed run */
    XBZRLE_ERR_PAST_PAGE_END = 8,     /* a run reaches past the end of the page */
    /* arguments */
    XBZRLE_ERR_NULL_POINTER = 9,        /* null pointer with a non-zero length */
    XBZRLE_ERR_OVERLAP = 10,            /* output buffer overlaps an input buffer */
    XBZRLE_ERR_INVALID_ARGUMENT = 11,   /* unknown kernel id, or an impossible length
                                           (> PTRDIFF_MAX, or wrapping the address space) */
    XBZRLE_ERR_KERNEL_UNAVAILABLE = 12, /* this CPU (or build) cannot run the kernel */
    XBZRLE_ERR_INTERNAL = 13            /* a bug in the library was caught at the boundary */
} xbzrle_status;

/* Encoder kernels. Ids are fixed; every kernel gives exactly the same bytes. */
typedef enum xbzrle_kernel {
    XBZRLE_KERNEL_AUTO = -1, /* xbzrle_set_kernel: back to automatic dispatch */
    XBZRLE_KERNEL_SCALAR = 0,
    XBZRLE_KERNEL_SSE2 = 1,
    XBZRLE_KERNEL_AVX2 = 2,
    XBZRLE_KERNEL_AVX512 = 3,
    XBZRLE_KERNEL_NEON = 4
} xbzrle_kernel;

/* ---- QEMU-compatible entry points (QEMU's migration/xbzrle.h prototypes) ---------- */

/*
 * Encodes new_buf against old_buf (slen bytes each) into dst (dlen bytes).
 * Returns the encoded length, 0 when the pages are equal (nothing written), or -1 when
 * the delta does not fit in dlen bytes (or needs a run over 16383 bytes), when slen or
 * dlen is negative, slen > 16384, a pointer is null with a non-zero length, or dst
 * overlaps an input. Bytes are QEMU's whenever QEMU succeeds. old_buf == new_buf works.
 */
int xbzrle_encode_buffer(uint8_t *old_buf, uint8_t *new_buf, int slen,
                         uint8_t *dst, int dlen);

/*
 * Applies the delta src (slen bytes) onto dst (dlen bytes, holding the old page).
 * Returns QEMU's value (the offset just past the last changed run; 0 for an empty delta)
 * or -1 (refused delta, negative length, null with a non-zero length, dst overlapping
 * src). Atomic: on -1, dst is untouched.
 */
int xbzrle_decode_buffer(uint8_t *src, int slen, uint8_t *dst, int dlen);

/* ---- Native API ------------------------------------------------------------------- */

/*
 * Encodes new_page against old_page into out[0 .. out_len), with the kernel chosen for
 * this process (xbzrle_get_kernel). On XBZRLE_OK, *written (if written is not NULL) is
 * the delta length, 0 for identical pages; out bytes past it carry no meaning. On error
 * *written is untouched. Errors: OVERFLOW, LENGTH_MISMATCH, PAGE_TOO_LARGE,
 * NULL_POINTER, OVERLAP, INVALID_ARGUMENT.
 */
xbzrle_status xbzrle_encode(const uint8_t *old_page, size_t old_len,
                            const uint8_t *new_page, size_t new_len,
                            uint8_t *out, size_t out_len, size_t *written);

/* xbzrle_encode with the given kernel (an XBZRLE_KERNEL_* id) for this call only.
 * Also INVALID_ARGUMENT (unknown id) and KERNEL_UNAVAILABLE. */
xbzrle_status xbzrle_encode_with_kernel(int kernel,
                                        const uint8_t *old_page, size_t old_len,
                                        const uint8_t *new_page, size_t new_len,
                                        uint8_t *out, size_t out_len, size_t *written);

/*
 * Applies delta in place onto page (which holds the old page). Atomic.
 * On XBZRLE_OK, *pos (if pos is not NULL) is QEMU's return value: the offset just past
 * the last changed run. On a refused delta (TRUNCATED, BAD_LENGTH, EMPTY_ZERO_RUN,
 * EMPTY_LITERAL_RUN, PAST_PAGE_END) *pos is the delta offset of the refused run length
 * and the page is untouched. Argument errors leave *pos untouched.
 */
xbzrle_status xbzrle_decode(const uint8_t *delta, size_t delta_len,
                            uint8_t *page, size_t page_len, size_t *pos);

/* What xbzrle_decode would return for a page of page_len bytes (same status, same
 * *pos), without touching any page. */
xbzrle_status xbzrle_validate(const uint8_t *delta, size_t delta_len, size_t page_len,
                              size_t *pos);

/* Static English description of a status (any int). Never NULL. */
const char *xbzrle_strerror(int status);

/* Library version: (major << 16) | (minor << 8) | patch, and as a string ("0.1.0"). */
unsigned int xbzrle_version(void);
const char *xbzrle_version_string(void);

/* Kernel ids are 0 .. xbzrle_kernel_count() - 1, available on this CPU or not. */
size_t xbzrle_kernel_count(void);
/* "scalar", "sse2", "avx2", "avx512", "neon"; NULL for an unknown id. */
const char *xbzrle_kernel_name(int kernel);
/* The id of a kernel name, or -1 (NULL or unknown name). */
int xbzrle_kernel_from_name(const char *name);
/* 1 if this CPU and build can run the kernel, else 0. */
int xbzrle_kernel_is_available(int kernel);
/* The kernel automatic dispatch picks here (XBZRLE_KERNEL=<name> in the environment
 * forces it, read once per process). */
int xbzrle_kernel_best(void);
/* Forces the kernel of xbzrle_encode and xbzrle_encode_buffer, process-wide;
 * XBZRLE_KERNEL_AUTO goes back to automatic dispatch. XBZRLE_OK, INVALID_ARGUMENT or
 * KERNEL_UNAVAILABLE (then nothing changes). */
xbzrle_status xbzrle_set_kernel(int kernel);
/* The kernel xbzrle_encode and xbzrle_encode_buffer use now. */
int xbzrle_get_kernel(void);

#ifdef __cplusplus
}
#endif

#endif /* XBZRLE_H */
