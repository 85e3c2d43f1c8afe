/*
 * Differential test: runs the cases written by the Rust program
 * capi/examples/capi_cases.rs (inputs plus the Rust API's results on them) through the C
 * entry points and requires the same results: status, length, bytes, offsets, the page
 * after decoding (unchanged after a refusal).
 *
 * usage: differential CASES_FILE
 */
#include "common.h"

int xbzrle_encode_buffer(uint8_t *old_buf, uint8_t *new_buf, int slen,
                         uint8_t *dst, int dlen);
int xbzrle_decode_buffer(uint8_t *src, int slen, uint8_t *dst, int dlen);

static const uint8_t *cur, *end;

static void need(size_t n)
{
    if ((size_t)(end - cur) < n) {
        fprintf(stderr, "differential: cases file truncated\n");
        exit(2);
    }
}
static uint32_t get_u32(void)
{
    uint32_t v;
    need(4);
    v = (uint32_t)cur[0] | (uint32_t)cur[1] << 8 | (uint32_t)cur[2] << 16 |
        (uint32_t)cur[3] << 24;
    cur += 4;
    return v;
}
static uint8_t get_u8(void)
{
    need(1);
    return *cur++;
}
static const uint8_t *get_bytes(size_t n)
{
    const uint8_t *p = cur;
    need(n);
    cur += n;
    return p;
}

/* A heap copy at an offset 0..7 (so that the inputs are unaligned), exact size after
 * the offset. */
static uint8_t *copy_at(const uint8_t *src, size_t n, size_t off, uint8_t **base)
{
    *base = xmalloc(n + off);
    memcpy(*base + off, src, n);
    return *base + off;
}

static unsigned long cases_encode, cases_decode, qemu_checked, kernels_checked;
static unsigned long seen[2][XBZRLE_ERR_INTERNAL + 1]; /* [encode/decode][expected status] */

static void encode_case(size_t index)
{
    uint32_t old_len = get_u32(), new_len = get_u32(), out_len = get_u32();
    int alias = get_u8();
    const uint8_t *old_src = get_bytes(old_len);
    const uint8_t *new_src = alias ? old_src : get_bytes(new_len);
    int want_status = (int)get_u32();
    uint32_t want_len = get_u32();
    const uint8_t *want = get_bytes(want_len);
    uint8_t *old_base, *new_base = NULL, *out_base, *old, *new_, *out;
    size_t n = 0x5a5a;
    int id, failed_before = (int)checks_failed;

    old = copy_at(old_src, old_len, index % 8, &old_base);
    new_ = alias ? old : copy_at(new_src, new_len, (index / 8) % 8, &new_base);
    out_base = xmalloc(out_len + 3);
    out = out_base + (index % 3);

    CHECK_EQ(xbzrle_encode(old, old_len, new_, new_len, out, out_len, &n), want_status);
    if (want_status == XBZRLE_OK) {
        CHECK_EQ(n, want_len);
        CHECK(memcmp(out, want, want_len) == 0);
    } else {
        CHECK_EQ(n, 0x5a5a);
    }
    for (id = 0; id < (int)xbzrle_kernel_count(); id++) {
        if (!xbzrle_kernel_is_available(id))
            continue;
        n = 0;
        CHECK_EQ(xbzrle_encode_with_kernel(id, old, old_len, new_, new_len, out, out_len, &n),
                 want_status);
        if (want_status == XBZRLE_OK)
            CHECK(n == want_len && memcmp(out, want, want_len) == 0);
        kernels_checked++;
    }
    if (old_len == new_len && out_len <= 0x7fffffff) {
        int r = xbzrle_encode_buffer(old, new_, (int)old_len, out, (int)out_len);
        CHECK_EQ(r, want_status == XBZRLE_OK ? (long long)want_len : -1);
        if (r > 0)
            CHECK(memcmp(out, want, want_len) == 0);
        qemu_checked++;
    }
    if ((int)checks_failed != failed_before)
        fprintf(stderr, "  in encode case %zu (old %u, new %u, out %u bytes)\n", index,
                (unsigned)old_len, (unsigned)new_len, (unsigned)out_len);
    free(old_base);
    free(new_base);
    free(out_base);
    if (want_status >= 0 && want_status <= XBZRLE_ERR_INTERNAL)
        seen[0][want_status]++;
    cases_encode++;
}

static void decode_case(size_t index)
{
    uint32_t page_len = get_u32(), delta_len = get_u32();
    const uint8_t *old_src = get_bytes(page_len);
    const uint8_t *delta_src = get_bytes(delta_len);
    int want_status = (int)get_u32();
    uint32_t want_pos = get_u32();
    const uint8_t *want_page = want_status == XBZRLE_OK ? get_bytes(page_len) : old_src;
    uint8_t *page_base, *delta_base, *page, *delta;
    size_t pos = 0x5a5a;
    int r, failed_before = (int)checks_failed;

    delta = copy_at(delta_src, delta_len, index % 8, &delta_base);
    page = copy_at(old_src, page_len, (index / 8) % 8, &page_base);

    CHECK_EQ(xbzrle_validate(delta, delta_len, page_len, &pos), want_status);
    CHECK_EQ(pos, want_pos);
    pos = 0x5a5a;
    CHECK_EQ(xbzrle_decode(delta, delta_len, page, page_len, &pos), want_status);
    CHECK_EQ(pos, want_pos);
    CHECK(memcmp(page, want_page, page_len) == 0);
    memcpy(page, old_src, page_len);
    r = xbzrle_decode_buffer(delta, (int)delta_len, page, (int)page_len);
    CHECK_EQ(r, want_status == XBZRLE_OK ? (long long)want_pos : -1);
    CHECK(memcmp(page, want_page, page_len) == 0);
    qemu_checked++;
    if ((int)checks_failed != failed_before)
        fprintf(stderr, "  in decode case %zu (page %u, delta %u bytes)\n", index,
                (unsigned)page_len, (unsigned)delta_len);
    free(page_base);
    free(delta_base);
    if (want_status >= 0 && want_status <= XBZRLE_ERR_INTERNAL)
        seen[1][want_status]++;
    cases_decode++;
}

int main(int argc, char **argv)
{
    FILE *f;
    long size;
    uint8_t *data;
    uint32_t count, i;
    if (argc != 2) {
        fprintf(stderr, "usage: differential CASES_FILE\n");
        return 2;
    }
    f = fopen(argv[1], "rb");
    if (!f || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 12 ||
        fseek(f, 0, SEEK_SET) != 0) {
        fprintf(stderr, "differential: cannot read %s\n", argv[1]);
        return 2;
    }
    data = xmalloc((size_t)size);
    if (fread(data, 1, (size_t)size, f) != (size_t)size) {
        fprintf(stderr, "differential: cannot read %s\n", argv[1]);
        return 2;
    }
    fclose(f);
    cur = data;
    end = data + size;
    if (memcmp(get_bytes(8), "XBZCASE1", 8) != 0) {
        fprintf(stderr, "differential: %s is not a cases file\n", argv[1]);
        return 2;
    }
    count = get_u32();
    for (i = 0; i < count; i++) {
        if (get_u8() == 0)
            encode_case(i);
        else
            decode_case(i);
    }
    CHECK(cur == end);
    free(data);
    printf("differential: %lu encode and %lu decode cases against the Rust API (%lu through "
           "the QEMU entry points, %lu kernel runs)\n",
           cases_encode, cases_decode, qemu_checked, kernels_checked);
    for (i = 0; i < 2; i++) {
        int st;
        printf("differential: expected %s results:", i ? "decode" : "encode");
        for (st = 0; st <= XBZRLE_ERR_INTERNAL; st++)
            if (seen[i][st])
                printf(" %lu %s;", seen[i][st], xbzrle_strerror(st));
        printf("\n");
    }
    return finish("differential");
}
