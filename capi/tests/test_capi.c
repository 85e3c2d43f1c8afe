/*
 * C tests of libxbzrle: the header's promises checked through the built library (linked
 * against libxbzrle.so and against libxbzrle.a by scripts/capi-test.sh, and built once
 * more with -fsanitize=address,undefined).
 */
#include "common.h"

/* QEMU's prototypes, exactly as its migration/xbzrle.h declares them: a conflicting
 * declaration in xbzrle.h would fail to compile here. */
int xbzrle_encode_buffer(uint8_t *old_buf, uint8_t *new_buf, int slen,
                         uint8_t *dst, int dlen);
int xbzrle_decode_buffer(uint8_t *src, int slen, uint8_t *dst, int dlen);

#define PAGE 4096

static void test_version_and_strings(void)
{
    char want[32];
    int st;
    CHECK_EQ(xbzrle_version(), XBZRLE_VERSION);
    snprintf(want, sizeof want, "%d.%d.%d", XBZRLE_VERSION_MAJOR, XBZRLE_VERSION_MINOR,
             XBZRLE_VERSION_PATCH);
    CHECK(xbzrle_version_string() != NULL);
    CHECK(strcmp(xbzrle_version_string(), want) == 0);
    for (st = XBZRLE_OK; st <= XBZRLE_ERR_INTERNAL; st++) {
        int other;
        const char *s = xbzrle_strerror(st);
        CHECK(s != NULL && s[0] != '\0');
        for (other = XBZRLE_OK; other < st; other++)
            CHECK(strcmp(s, xbzrle_strerror(other)) != 0);
    }
    CHECK(strcmp(xbzrle_strerror(-1), "unknown xbzrle status") == 0);
    CHECK(strcmp(xbzrle_strerror(XBZRLE_ERR_INTERNAL + 1), "unknown xbzrle status") == 0);
    CHECK(strcmp(xbzrle_strerror(XBZRLE_ERR_TRUNCATED), "truncated delta") == 0);
}

/* SPEC section 4, encoding and decoding. */
static void test_worked_examples(void)
{
    static const uint8_t old_run[21] = {0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b,
                                        0x0c, 0x0d, 0x0e, 0x0f, 0x10, 0x11, 0x12,
                                        0x13, 0x68, 0x00, 0x00, 0x6b, 0x00, 0x6d};
    static const uint8_t new_run[21] = {0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,
                                        0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e,
                                        0x0f, 0x68, 0x00, 0x00, 0x67, 0x00, 0x69};
    static const uint8_t want[24] = {0xe9, 0x07, 0x0f, 0x01, 0x02, 0x03, 0x04, 0x05,
                                     0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d,
                                     0x0e, 0x0f, 0x03, 0x01, 0x67, 0x01, 0x01, 0x69};
    static uint8_t old[PAGE], new_[PAGE], page[PAGE], out[PAGE];
    size_t n = 0, pos = 0;
    struct {
        const char *hex;
        size_t len;
        int status; /* XBZRLE_OK or the refusal */
        size_t pos;  /* end offset, or offset of the refused field */
    } table[] = {
        {"", 0, XBZRLE_OK, 0},
        {"\x00", 1, XBZRLE_ERR_TRUNCATED, 0},
        {"\x00\x00", 2, XBZRLE_ERR_EMPTY_LITERAL_RUN, 1},
        {"\x00\x01\xaa", 3, XBZRLE_OK, 1},
        {"\x00\x01\xaa\x00\x01\xbb", 6, XBZRLE_ERR_EMPTY_ZERO_RUN, 3},
        {"\x80\x00\x01\xaa", 4, XBZRLE_OK, 1},
        {"\x81\x00\x01\xaa", 4, XBZRLE_OK, 2},
        {"\x00\x80\x80\x01", 4, XBZRLE_ERR_BAD_LENGTH, 1},
        {"\xff\x7f\x01\xaa", 4, XBZRLE_ERR_PAST_PAGE_END, 0},
        {"\x80\x20\x01\xaa", 4, XBZRLE_ERR_PAST_PAGE_END, 2},
        {"\xff\x1f\x01\xaa", 4, XBZRLE_OK, 4096},
        {"\x00\x01\xaa\x05", 4, XBZRLE_ERR_TRUNCATED, 3},
        {"\x00\x05\xaa\xbb", 4, XBZRLE_ERR_TRUNCATED, 1},
        {"\x00\x80\x01", 3, XBZRLE_ERR_TRUNCATED, 1},
    };
    size_t k;

    memset(old, 0, PAGE);
    memset(new_, 0, PAGE);
    memcpy(old + 1001, old_run, 21);
    memcpy(new_ + 1001, new_run, 21);
    CHECK_EQ(xbzrle_encode(old, PAGE, new_, PAGE, out, PAGE, &n), XBZRLE_OK);
    CHECK_EQ(n, 24);
    CHECK(memcmp(out, want, 24) == 0);
    memset(out, 0, PAGE);
    CHECK_EQ(xbzrle_encode_buffer(old, new_, PAGE, out, PAGE), 24);
    CHECK(memcmp(out, want, 24) == 0);
    memcpy(page, old, PAGE);
    CHECK_EQ(xbzrle_decode(want, 24, page, PAGE, &pos), XBZRLE_OK);
    CHECK_EQ(pos, 1022);
    CHECK(memcmp(page, new_, PAGE) == 0);
    memcpy(page, old, PAGE);
    CHECK_EQ(xbzrle_decode_buffer((uint8_t *)want, 24, page, PAGE), 1022);
    CHECK(memcmp(page, new_, PAGE) == 0);

    for (k = 0; k < sizeof table / sizeof table[0]; k++) {
        const uint8_t *d = (const uint8_t *)table[k].hex;
        int qemu;
        memset(page, 0, PAGE);
        pos = 12345;
        CHECK_EQ(xbzrle_validate(d, table[k].len, PAGE, &pos), table[k].status);
        CHECK_EQ(pos, table[k].pos);
        pos = 12345;
        CHECK_EQ(xbzrle_decode(d, table[k].len, page, PAGE, &pos), table[k].status);
        CHECK_EQ(pos, table[k].pos);
        qemu = xbzrle_decode_buffer((uint8_t *)d, (int)table[k].len, page, PAGE);
        CHECK_EQ(qemu, table[k].status == XBZRLE_OK ? (long long)table[k].pos : -1);
        if (table[k].status != XBZRLE_OK) {
            size_t i;
            int untouched = 1;
            for (i = 0; i < PAGE; i++)
                untouched &= page[i] == 0;
            CHECK(untouched);
        }
    }

    /* encoding examples */
    memset(old, 0, PAGE);
    memcpy(new_, old, PAGE);
    new_[0] = 0xaa;
    CHECK_EQ(xbzrle_encode_buffer(old, new_, PAGE, out, PAGE), 3);
    CHECK(memcmp(out, "\x00\x01\xaa", 3) == 0);
    memcpy(new_, old, PAGE);
    new_[4095] = 1;
    CHECK_EQ(xbzrle_encode_buffer(old, new_, PAGE, out, PAGE), 4);
    CHECK(memcmp(out, "\xff\x1f\x01\x01", 4) == 0);
    memcpy(new_, old, PAGE);
    new_[100] = 1;
    new_[102] = 1;
    CHECK_EQ(xbzrle_encode_buffer(old, new_, PAGE, out, PAGE), 6);
    CHECK(memcmp(out, "\x64\x01\x01\x01\x01\x01", 6) == 0);
    memset(out, 0x77, 8);
    CHECK_EQ(xbzrle_encode_buffer(old, old, PAGE, out, PAGE), 0);
    CHECK(out[0] == 0x77); /* nothing written */
}

/* Every status an argument or a payload can produce from C. (XBZRLE_ERR_INTERNAL is a
 * caught panic, which the library never raises: the Rust unit tests inject one.) */
static void test_every_status(void)
{
    static uint8_t old[PAGE + 1024], new_[PAGE + 1024], out[3 * PAGE];
    size_t n = 999, pos = 999;
    int id;
    memset(old, 0, sizeof old);
    memcpy(new_, old, sizeof new_);
    for (n = 0; n < PAGE; n += 2)
        new_[n] ^= 1; /* every other byte: needs 1.5 pages */
    n = 999;
    CHECK_EQ(xbzrle_encode(old, PAGE, new_, PAGE, out, PAGE, &n), XBZRLE_ERR_OVERFLOW);
    CHECK_EQ(n, 999);
    CHECK_EQ(xbzrle_encode(old, PAGE, new_, PAGE, out, sizeof out, &n), XBZRLE_OK);
    CHECK_EQ(n, 6144);
    CHECK_EQ(xbzrle_encode(old, PAGE, new_, PAGE - 1, out, sizeof out, &n),
             XBZRLE_ERR_LENGTH_MISMATCH);
    {
        static uint8_t big_old[XBZRLE_MAX_PAGE_SIZE + 1], big_new[XBZRLE_MAX_PAGE_SIZE + 1];
        CHECK_EQ(xbzrle_encode(big_old, sizeof big_old, big_new, sizeof big_new, out,
                               sizeof out, &n),
                 XBZRLE_ERR_PAGE_TOO_LARGE);
        CHECK_EQ(xbzrle_encode(big_old, XBZRLE_MAX_PAGE_SIZE, big_new, XBZRLE_MAX_PAGE_SIZE,
                               out, 0, &n),
                 XBZRLE_OK);
        CHECK_EQ(n, 0);
        /* all 16384 bytes changed: a literal run of 16384 cannot be expressed */
        memset(big_new, 1, sizeof big_new);
        CHECK_EQ(xbzrle_encode(big_old, XBZRLE_MAX_PAGE_SIZE, big_new, XBZRLE_MAX_PAGE_SIZE,
                               out, sizeof out, &n),
                 XBZRLE_ERR_OVERFLOW);
        CHECK_EQ(xbzrle_encode_buffer(big_old, big_new, XBZRLE_MAX_PAGE_SIZE, out,
                                      (int)sizeof out),
                 -1);
    }
    CHECK_EQ(xbzrle_validate((const uint8_t *)"\x00", 1, PAGE, &pos), XBZRLE_ERR_TRUNCATED);
    CHECK_EQ(xbzrle_validate((const uint8_t *)"\x00\x80\x80", 3, PAGE, &pos),
             XBZRLE_ERR_BAD_LENGTH);
    CHECK_EQ(xbzrle_validate((const uint8_t *)"\x00\x01\xaa\x00\x01\xaa", 6, PAGE, &pos),
             XBZRLE_ERR_EMPTY_ZERO_RUN);
    CHECK_EQ(xbzrle_validate((const uint8_t *)"\x05\x00\xaa", 3, PAGE, &pos),
             XBZRLE_ERR_EMPTY_LITERAL_RUN);
    CHECK_EQ(pos, 1);
    CHECK_EQ(xbzrle_validate((const uint8_t *)"\x05\x01\xaa", 3, 5, &pos),
             XBZRLE_ERR_PAST_PAGE_END);
    CHECK_EQ(pos, 1);

    /* null pointers: fine with length 0, an error otherwise, never a crash */
    n = 5;
    CHECK_EQ(xbzrle_encode(NULL, 0, NULL, 0, NULL, 0, &n), XBZRLE_OK);
    CHECK_EQ(n, 0);
    CHECK_EQ(xbzrle_encode(NULL, 0, NULL, 0, NULL, 0, NULL), XBZRLE_OK);
    CHECK_EQ(xbzrle_encode(NULL, 8, old, 8, out, 8, &n), XBZRLE_ERR_NULL_POINTER);
    CHECK_EQ(xbzrle_encode(old, 8, NULL, 8, out, 8, &n), XBZRLE_ERR_NULL_POINTER);
    CHECK_EQ(xbzrle_encode(old, 8, new_, 8, NULL, 8, &n), XBZRLE_ERR_NULL_POINTER);
    CHECK_EQ(xbzrle_encode(old, 8, old, 8, NULL, 0, &n), XBZRLE_OK); /* equal: no output */
    CHECK_EQ(xbzrle_encode(old, 8, new_, 8, NULL, 0, &n), XBZRLE_ERR_OVERFLOW);
    CHECK_EQ(xbzrle_decode(NULL, 0, NULL, 0, &pos), XBZRLE_OK);
    CHECK_EQ(pos, 0);
    CHECK_EQ(xbzrle_decode(NULL, 3, out, 8, &pos), XBZRLE_ERR_NULL_POINTER);
    CHECK_EQ(xbzrle_decode((const uint8_t *)"\x00\x01\xaa", 3, NULL, 8, &pos),
             XBZRLE_ERR_NULL_POINTER);
    CHECK_EQ(xbzrle_decode((const uint8_t *)"\x00\x01\xaa", 3, NULL, 0, &pos),
             XBZRLE_ERR_PAST_PAGE_END);
    CHECK_EQ(xbzrle_validate(NULL, 0, 0, NULL), XBZRLE_OK);
    CHECK_EQ(xbzrle_validate(NULL, 1, 0, NULL), XBZRLE_ERR_NULL_POINTER);
    CHECK_EQ(xbzrle_encode_buffer(NULL, NULL, 0, NULL, 0), 0);
    CHECK_EQ(xbzrle_encode_buffer(NULL, new_, 8, out, 8), -1);
    CHECK_EQ(xbzrle_encode_buffer(old, new_, 8, NULL, 8), -1);
    CHECK_EQ(xbzrle_decode_buffer(NULL, 0, NULL, 0), 0);
    CHECK_EQ(xbzrle_decode_buffer(NULL, 3, out, 8), -1);
    CHECK_EQ(xbzrle_kernel_from_name(NULL), -1);

    /* overlapping output */
    CHECK_EQ(xbzrle_encode(out, 64, out + 64, 64, out + 100, 64, &n), XBZRLE_ERR_OVERLAP);
    CHECK_EQ(xbzrle_encode(out + 64, 64, out + 128, 64, out, 65, &n), XBZRLE_ERR_OVERLAP);
    CHECK_EQ(xbzrle_encode(out + 64, 64, out + 128, 64, out, 64, &n), XBZRLE_OK);
    CHECK_EQ(xbzrle_encode_buffer(out, out + 64, 64, out + 32, 64), -1);
    CHECK_EQ(xbzrle_decode(out, 8, out + 4, 8, &pos), XBZRLE_ERR_OVERLAP);
    CHECK_EQ(xbzrle_decode_buffer(out + 4, 8, out, 8), -1);

    /* impossible lengths and unknown kernels */
    CHECK_EQ(xbzrle_validate(old, SIZE_MAX, PAGE, &pos), XBZRLE_ERR_INVALID_ARGUMENT);
    CHECK_EQ(xbzrle_encode(old, 8, new_, 8, out, SIZE_MAX, &n), XBZRLE_ERR_INVALID_ARGUMENT);
    CHECK_EQ(xbzrle_encode_with_kernel(99, old, 8, new_, 8, out, 8, &n),
             XBZRLE_ERR_INVALID_ARGUMENT);
    CHECK_EQ(xbzrle_set_kernel(-2), XBZRLE_ERR_INVALID_ARGUMENT);
    CHECK_EQ(xbzrle_set_kernel((int)xbzrle_kernel_count()), XBZRLE_ERR_INVALID_ARGUMENT);
    for (id = 0; id < (int)xbzrle_kernel_count(); id++) {
        if (!xbzrle_kernel_is_available(id)) {
            CHECK_EQ(xbzrle_encode_with_kernel(id, old, 8, new_, 8, out, 8, &n),
                     XBZRLE_ERR_KERNEL_UNAVAILABLE);
            CHECK_EQ(xbzrle_set_kernel(id), XBZRLE_ERR_KERNEL_UNAVAILABLE);
        }
    }
    /* on every target at least one kernel of another architecture is unavailable */
    CHECK(!xbzrle_kernel_is_available(XBZRLE_KERNEL_NEON) ||
          !xbzrle_kernel_is_available(XBZRLE_KERNEL_SSE2));

    /* QEMU entry points: negative and too-large lengths */
    CHECK_EQ(xbzrle_encode_buffer(old, new_, -1, out, PAGE), -1);
    CHECK_EQ(xbzrle_encode_buffer(old, new_, 8, out, -1), -1);
    CHECK_EQ(xbzrle_encode_buffer(old, new_, XBZRLE_MAX_PAGE_SIZE + 1, out, PAGE), -1);
    CHECK_EQ(xbzrle_decode_buffer(out, -1, old, PAGE), -1);
    CHECK_EQ(xbzrle_decode_buffer((uint8_t *)"\x00\x01\xaa", 3, old, -1), -1);
}

/* What QEMU's own unit test relies on, and QEMU's return conventions. */
static void test_qemu_conventions(void)
{
    static uint8_t buf[PAGE], test[PAGE], enc[PAGE], dec[PAGE];
    int len, i;

    /* the same buffer as old and new: unchanged */
    fill_random(buf, PAGE);
    CHECK_EQ(xbzrle_encode_buffer(buf, buf, PAGE, enc, PAGE), 0);
    /* a zero page against itself, and after a change at the end */
    memset(buf, 0, PAGE);
    memcpy(test, buf, PAGE);
    CHECK_EQ(xbzrle_encode_buffer(buf, test, PAGE, enc, PAGE), 0);
    test[PAGE - 1] = 1;
    len = xbzrle_encode_buffer(buf, test, PAGE, enc, PAGE);
    CHECK_EQ(len, 2 + 1 + 1); /* uleb(4095) is 2 bytes, uleb(1), 1 literal */
    memcpy(dec, buf, PAGE);
    CHECK_EQ(xbzrle_decode_buffer(enc, len, dec, PAGE), PAGE);
    CHECK(memcmp(dec, test, PAGE) == 0);
    /* every other byte changed: the delta is 1.5 pages: -1 */
    for (i = 0; i < PAGE; i += 2)
        test[i] = (uint8_t)(buf[i] + 1);
    CHECK_EQ(xbzrle_encode_buffer(buf, test, PAGE, enc, PAGE), -1);
    /* decode returns the end of the last changed run, not the page size */
    memset(test, 0, PAGE);
    test[10] = 9;
    len = xbzrle_encode_buffer(buf, test, PAGE, enc, PAGE);
    CHECK_EQ(len, 3);
    CHECK_EQ(xbzrle_decode_buffer(enc, len, dec, PAGE), 11);
    /* lengths that are not multiples of 8, unaligned buffers: QEMU's scalar encoder
     * would abort; here they just work */
    CHECK_EQ(xbzrle_encode_buffer(buf + 1, test + 1, 13, enc + 3, 100), 3);
    CHECK(memcmp(enc + 3, "\x09\x01\x09", 3) == 0);
    /* no false overflow: an encoding of exactly dlen bytes on a page ending unchanged */
    CHECK_EQ(xbzrle_encode_buffer(buf, test, PAGE, enc, 3), 3);
    CHECK_EQ(xbzrle_encode_buffer(buf, test, PAGE, enc, 2), -1);
    /* atomic decode: a refused delta leaves dst as it was */
    memset(dec, 0x5c, PAGE);
    CHECK_EQ(xbzrle_decode_buffer((uint8_t *)"\x00\x02\xaa\xbb\x01\x01\xcc\x00\x05", 9, dec,
                                  PAGE),
             -1);
    for (i = 0; i < PAGE; i++)
        if (dec[i] != 0x5c)
            break;
    CHECK_EQ(i, PAGE);
}

/* Encode/decode of every page length 0..=16384, each in exact-size heap buffers (so
 * that the sanitizer build sees any access outside them), against the C model. */
static void test_every_length(void)
{
    size_t len;
    uint8_t *model = xmalloc(3 * XBZRLE_MAX_PAGE_SIZE / 2 + 8);
    for (len = 0; len <= XBZRLE_MAX_PAGE_SIZE; len++) {
        uint8_t *old = xmalloc(len), *new_ = xmalloc(len), *out = xmalloc(len),
                *page = xmalloc(len);
        long want;
        size_t n = 0, pos = 0, k;
        xbzrle_status st;
        fill_random(old, len);
        memcpy(new_, old, len);
        /* a change pattern that depends on the length: first, last and spread bytes */
        for (k = len % 7; k < len; k += 1 + (len % 97) + (k % 13))
            new_[k] ^= (uint8_t)(1 + (k & 0x7f));
        if (len > 0 && len % 3 == 0)
            new_[len - 1] ^= 0x80;
        want = model_encode(old, new_, len, model);
        st = xbzrle_encode(old, len, new_, len, out, len, &n);
        if (want < 0 || (size_t)want > len) {
            CHECK_EQ(st, XBZRLE_ERR_OVERFLOW);
            CHECK_EQ(xbzrle_encode_buffer(old, new_, (int)len, out, (int)len), -1);
        } else {
            CHECK_EQ(st, XBZRLE_OK);
            CHECK_EQ(n, want);
            CHECK(memcmp(out, model, n) == 0);
            CHECK_EQ(xbzrle_encode_buffer(old, new_, (int)len, out, (int)len), want);
            memcpy(page, old, len);
            CHECK_EQ(xbzrle_decode(out, n, page, len, &pos), XBZRLE_OK);
            CHECK(memcmp(page, new_, len) == 0);
            memcpy(page, old, len);
            CHECK(xbzrle_decode_buffer(out, (int)n, page, (int)len) == (int)pos);
            CHECK(memcmp(page, new_, len) == 0);
        }
        free(old);
        free(new_);
        free(out);
        free(page);
    }
    free(model);
}

/* Pointers at every offset 0..7 (and odd lengths): same results as aligned ones. */
static void test_unaligned(void)
{
    static uint8_t old[PAGE + 16], new_[PAGE + 16], out[2 * PAGE + 16], ref[2 * PAGE],
        page[PAGE + 16];
    size_t ref_n = 0, a, b, c, lens[3] = {PAGE, PAGE - 3, 77};
    size_t li;
    for (li = 0; li < 3; li++) {
        size_t len = lens[li];
        fill_random(old, sizeof old);
        memcpy(new_, old, sizeof new_);
        apply_pattern(pattern_at(li), new_, sizeof new_, 0);
        for (a = 0; a < 8; a++) {
            for (b = 0; b < 8; b++) {
                /* the reference: this old/new pair, aligned output */
                CHECK_EQ(xbzrle_encode(old + a, len, new_ + b, len, ref, sizeof ref, &ref_n),
                         XBZRLE_OK);
                for (c = 0; c < 8; c++) {
                    size_t n = 0, pos = 0;
                    CHECK_EQ(xbzrle_encode(old + a, len, new_ + b, len, out + c, ref_n, &n),
                             XBZRLE_OK);
                    CHECK_EQ(n, ref_n);
                    CHECK(memcmp(out + c, ref, n) == 0);
                    CHECK_EQ(xbzrle_encode_buffer(old + a, new_ + b, (int)len, out + c,
                                                  (int)ref_n),
                             (long long)ref_n);
                    memcpy(page + c, old + a, len);
                    CHECK_EQ(xbzrle_decode(out + c, n, page + c, len, &pos), XBZRLE_OK);
                    CHECK(memcmp(page + c, new_ + b, len) == 0 || n == 0);
                }
            }
        }
    }
}

/* The benchmark scenarios, 16 pages each, with and without room for the delta, and the
 * encoded size the format fixes. Also a guard zone around the output. */
static void test_scenarios(void)
{
    enum { PAGES = 16, GUARD = 64 };
    static uint8_t old[PAGES * PAGE], new_[PAGES * PAGE], dec[PAGES * PAGE],
        model[3 * PAGE / 2 + 8], outbuf[GUARD + PAGE + GUARD];
    uint8_t *out = outbuf + GUARD;
    size_t p, k;
    for (p = 0; p < 4; p++) {
        size_t total = 0;
        fill_random(old, sizeof old);
        memcpy(new_, old, sizeof new_);
        apply_pattern(pattern_at(p), new_, sizeof new_, 0);
        memcpy(dec, old, sizeof dec);
        for (k = 0; k < PAGES; k++) {
            uint8_t *o = old + k * PAGE, *n = new_ + k * PAGE, *d = dec + k * PAGE;
            long want = model_encode(o, n, PAGE, model);
            int len, dlen, g;
            memset(outbuf, 0xee, sizeof outbuf);
            len = xbzrle_encode_buffer(o, n, PAGE, out, PAGE);
            CHECK_EQ(len, want);
            CHECK(memcmp(out, model, (size_t)want) == 0);
            CHECK_EQ(xbzrle_decode_buffer(out, len, d, PAGE) > 0, 1);
            CHECK(memcmp(d, n, PAGE) == 0);
            total += (size_t)len;
            /* one byte short: -1, and nothing written outside [out, out + dlen) */
            for (dlen = len - 1; dlen <= len; dlen++) {
                memset(outbuf, 0xee, sizeof outbuf);
                CHECK_EQ(xbzrle_encode_buffer(o, n, PAGE, out, dlen), dlen == len ? len : -1);
                for (g = 0; g < GUARD; g++)
                    CHECK(outbuf[g] == 0xee);
                for (g = GUARD + dlen; g < (int)sizeof outbuf; g++)
                    if (outbuf[g] != 0xee)
                        break;
                CHECK_EQ(g, (int)sizeof outbuf);
            }
        }
        CHECK(memcmp(dec, new_, sizeof dec) == 0);
        /* SPEC section 7: about 1.35 / 5.13 / 21.67 / 37.21 % */
        {
            static const double pct[4] = {1.35, 5.13, 21.67, 37.21};
            double got = 100.0 * (double)total / (double)sizeof old;
            CHECK(got > pct[p] - 0.5 && got < pct[p] + 0.5);
        }
    }
}

/* Kernel listing and choice; every available kernel gives the same bytes. */
static void test_kernels(void)
{
    static uint8_t old[PAGE], new_[PAGE], ref[PAGE], out[PAGE];
    size_t ref_n = 0, n = 0;
    int id, best = xbzrle_kernel_best(), available = 0;
    CHECK_EQ(xbzrle_kernel_count(), 5);
    CHECK(strcmp(xbzrle_kernel_name(XBZRLE_KERNEL_SCALAR), "scalar") == 0);
    CHECK(strcmp(xbzrle_kernel_name(XBZRLE_KERNEL_SSE2), "sse2") == 0);
    CHECK(strcmp(xbzrle_kernel_name(XBZRLE_KERNEL_AVX2), "avx2") == 0);
    CHECK(strcmp(xbzrle_kernel_name(XBZRLE_KERNEL_AVX512), "avx512") == 0);
    CHECK(strcmp(xbzrle_kernel_name(XBZRLE_KERNEL_NEON), "neon") == 0);
    CHECK(xbzrle_kernel_name(-1) == NULL);
    CHECK(xbzrle_kernel_name(5) == NULL);
    CHECK_EQ(xbzrle_kernel_from_name("avx2"), XBZRLE_KERNEL_AVX2);
    CHECK_EQ(xbzrle_kernel_from_name("AVX2"), -1);
    CHECK_EQ(xbzrle_kernel_from_name(""), -1);
    CHECK(xbzrle_kernel_is_available(XBZRLE_KERNEL_SCALAR));
    CHECK(xbzrle_kernel_is_available(best));
    CHECK_EQ(xbzrle_get_kernel(), best);

    fill_random(old, PAGE);
    memcpy(new_, old, PAGE);
    apply_pattern(pattern_at(1), new_, PAGE, 0);
    CHECK_EQ(xbzrle_encode_with_kernel(XBZRLE_KERNEL_SCALAR, old, PAGE, new_, PAGE, ref,
                                       PAGE, &ref_n),
             XBZRLE_OK);
    for (id = 0; id < (int)xbzrle_kernel_count(); id++) {
        if (!xbzrle_kernel_is_available(id))
            continue;
        available++;
        memset(out, 0, PAGE);
        CHECK_EQ(xbzrle_encode_with_kernel(id, old, PAGE, new_, PAGE, out, PAGE, &n),
                 XBZRLE_OK);
        CHECK_EQ(n, ref_n);
        CHECK(memcmp(out, ref, n) == 0);
        CHECK_EQ(xbzrle_set_kernel(id), XBZRLE_OK);
        CHECK_EQ(xbzrle_get_kernel(), id);
        CHECK_EQ(xbzrle_encode(old, PAGE, new_, PAGE, out, PAGE, &n), XBZRLE_OK);
        CHECK(n == ref_n && memcmp(out, ref, n) == 0);
        CHECK_EQ(xbzrle_encode_buffer(old, new_, PAGE, out, PAGE), (long long)ref_n);
        CHECK_EQ(xbzrle_encode_with_kernel(id, old, PAGE, new_, PAGE, out, ref_n - 1, &n),
                 XBZRLE_ERR_OVERFLOW);
    }
    CHECK(available >= 1);
    CHECK_EQ(xbzrle_set_kernel(XBZRLE_KERNEL_AUTO), XBZRLE_OK);
    CHECK_EQ(xbzrle_get_kernel(), best);
    printf("test_capi: kernels available:");
    for (id = 0; id < (int)xbzrle_kernel_count(); id++)
        if (xbzrle_kernel_is_available(id))
            printf(" %s%s", xbzrle_kernel_name(id), id == best ? " (best)" : "");
    printf("\n");
}

int main(void)
{
    test_version_and_strings();
    test_worked_examples();
    test_every_status();
    test_qemu_conventions();
    test_every_length();
    test_unaligned();
    test_scenarios();
    test_kernels();
    return finish("test_capi");
}
