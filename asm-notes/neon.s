000000000000dda8 <xbzrle::arch::aarch64::neon::encode_neon>:
stp	d15, d14, [sp, #-160]!
stp	d13, d12, [sp, #16]
stp	d11, d10, [sp, #32]
stp	d9, d8, [sp, #48]
stp	x29, x30, [sp, #64]
stp	x28, x27, [sp, #80]
stp	x26, x25, [sp, #96]
stp	x24, x23, [sp, #112]
stp	x22, x21, [sp, #128]
stp	x20, x19, [sp, #144]
add	x29, sp, #0x40
sub	x9, sp, #0x920
and	sp, x9, #0xffffffffffffffc0
cmp	x1, x3
str	xzr, [sp]
str	x8, [sp, #56]
b.ne	e708 <xbzrle::arch::aarch64::neon::encode_neon+0x960>  // b.any
cmp	x3, #0x4, lsl #12
b.hi	e708 <xbzrle::arch::aarch64::neon::encode_neon+0x960>  // b.pmore
mov	x18, x1
mov	x20, x0
mov	x6, xzr
mov	x26, xzr
mov	x27, xzr
mov	x24, xzr
mov	x19, xzr
add	x1, sp, #0x80
add	x22, sp, #0x880
add	x23, sp, #0x8c0
stp	x4, x5, [sp, #96]
stp	x2, x18, [sp, #112]
str	x0, [sp, #64]
b	de34 <xbzrle::arch::aarch64::neon::encode_neon+0x8c>
mov	w8, #0x40                  	// #64
add	x19, x19, x8
cmp	x19, x18
b.cs	e3f4 <xbzrle::arch::aarch64::neon::encode_neon+0x64c>  // b.hs, b.nlast
add	x8, x27, #0x100
cmp	x8, #0x400
b.cs	e448 <xbzrle::arch::aarch64::neon::encode_neon+0x6a0>  // b.hs, b.nlast
sub	x8, x18, x19
cmp	x8, #0xff
b.ls	e230 <xbzrle::arch::aarch64::neon::encode_neon+0x488>  // b.plast
add	x10, x20, x19
add	x11, x2, x19
add	x8, x20, x19
ld4	{v25.16b-v28.16b}, [x10], #64
add	x9, x2, x19
ld4	{v7.16b-v10.16b}, [x11], #64
cmeq	v15.16b, v25.16b, v7.16b
ld4	{v11.16b-v14.16b}, [x10]
cmeq	v2.16b, v26.16b, v8.16b
ld4	{v29.16b, v30.16b, v31.16b, v0.16b}, [x11]
cmeq	v6.16b, v27.16b, v9.16b
cmeq	v1.16b, v11.16b, v29.16b
cmeq	v5.16b, v12.16b, v30.16b
cmeq	v16.16b, v28.16b, v10.16b
add	x10, x8, #0x80
add	x11, x9, #0x80
ld4	{v17.16b-v20.16b}, [x10]
ld4	{v21.16b-v24.16b}, [x11]
cmeq	v3.16b, v13.16b, v31.16b
cmeq	v7.16b, v14.16b, v0.16b
cmeq	v4.16b, v17.16b, v21.16b
and	v0.16b, v15.16b, v2.16b
and	v26.16b, v6.16b, v16.16b
and	v27.16b, v1.16b, v5.16b
cmeq	v25.16b, v18.16b, v22.16b
and	v12.16b, v4.16b, v7.16b
add	x8, x8, #0xc0
and	v0.16b, v26.16b, v0.16b
and	v27.16b, v27.16b, v3.16b
cmeq	v26.16b, v19.16b, v23.16b
add	x9, x9, #0xc0
cmeq	v20.16b, v20.16b, v24.16b
and	v19.16b, v12.16b, v25.16b
ld4	{v28.16b-v31.16b}, [x8]
and	v0.16b, v27.16b, v0.16b
ld4	{v8.16b-v11.16b}, [x9]
cmeq	v17.16b, v28.16b, v8.16b
cmeq	v18.16b, v29.16b, v9.16b
and	v22.16b, v19.16b, v26.16b
and	v0.16b, v0.16b, v20.16b
cmeq	v19.16b, v30.16b, v10.16b
cmeq	v21.16b, v31.16b, v11.16b
and	v22.16b, v17.16b, v22.16b
and	v0.16b, v0.16b, v18.16b
and	v22.16b, v22.16b, v19.16b
and	v0.16b, v0.16b, v21.16b
and	v0.16b, v22.16b, v0.16b
shl	v0.16b, v0.16b, #7
cmlt	v0.16b, v0.16b, #0
uminv	b0, v0.16b
fmov	w8, s0
tbnz	w8, #0, e3d8 <xbzrle::arch::aarch64::neon::encode_neon+0x630>
movi	v22.16b, #0x20
movi	v23.16b, #0x1f
movi	v24.16b, #0x80
movi	v27.16b, #0x40
and	v0.16b, v2.16b, v22.16b
and	v2.16b, v15.16b, v23.16b
and	v16.16b, v16.16b, v24.16b
and	v6.16b, v6.16b, v27.16b
and	v5.16b, v5.16b, v22.16b
and	v1.16b, v1.16b, v23.16b
and	v3.16b, v3.16b, v27.16b
and	v4.16b, v4.16b, v23.16b
orr	v0.16b, v0.16b, v2.16b
orr	v2.16b, v6.16b, v16.16b
and	v6.16b, v7.16b, v24.16b
and	v7.16b, v25.16b, v22.16b
orr	v1.16b, v5.16b, v1.16b
and	v5.16b, v26.16b, v27.16b
and	v16.16b, v17.16b, v23.16b
and	v17.16b, v21.16b, v24.16b
orr	v0.16b, v0.16b, v2.16b
and	v2.16b, v20.16b, v24.16b
orr	v3.16b, v3.16b, v6.16b
and	v6.16b, v18.16b, v22.16b
and	v18.16b, v19.16b, v27.16b
orr	v4.16b, v7.16b, v4.16b
sri	v0.16b, v0.16b, #4
orr	v2.16b, v5.16b, v2.16b
orr	v1.16b, v1.16b, v3.16b
orr	v3.16b, v6.16b, v16.16b
orr	v5.16b, v18.16b, v17.16b
orr	v2.16b, v4.16b, v2.16b
sri	v1.16b, v1.16b, #4
shrn	v0.8b, v0.8h, #4
orr	v3.16b, v3.16b, v5.16b
sri	v2.16b, v2.16b, #4
fmov	x8, d0
sri	v3.16b, v3.16b, #4
shrn	v0.8b, v1.8h, #4
mvn	x10, x8
orr	x9, x24, x10, lsl #1
shrn	v1.8b, v2.8h, #4
fmov	x11, d0
eon	x8, x8, x9
shrn	v2.8b, v3.8h, #4
cmp	x9, x10
rbit	x12, x8
sub	x13, x8, #0x1
cset	w14, ne	// ne = any
and	x15, x13, x8
cinc	x16, x27, ne	// ne = any
fmov	x9, d1
clz	x8, x12
rbit	x12, x15
subs	x17, x15, #0x1
add	w8, w8, w19
strh	w8, [x1, x27, lsl #1]
adc	x13, x27, x14
fmov	x8, d2
clz	x14, x12
ands	x12, x17, x15
add	w14, w14, w19
strh	w14, [x1, x16, lsl #1]
b.eq	e064 <xbzrle::arch::aarch64::neon::encode_neon+0x2bc>  // b.none
fmov	d0, x12
add	x14, x1, x13, lsl #1
cnt	v0.8b, v0.8b
addv	b0, v0.8b
fmov	x15, d0
add	x13, x15, x13
add	x15, x15, #0x1
rbit	x16, x12
sub	x15, x15, #0x1
sub	x17, x12, #0x1
cmp	x15, #0x2
and	x12, x17, x12
clz	x16, x16
add	w16, w16, w19
strh	w16, [x14], #2
b.cs	e040 <xbzrle::arch::aarch64::neon::encode_neon+0x298>  // b.hs, b.nlast
mvn	x12, x11
extr	x14, x12, x10, #63
add	x10, x19, #0x40
eon	x11, x11, x14
cmp	x14, x12
rbit	x15, x11
sub	x16, x11, #0x1
and	x14, x16, x11
cinc	x16, x13, ne	// ne = any
clz	x11, x15
rbit	x15, x14
add	w11, w11, w10
strh	w11, [x1, x13, lsl #1]
cset	w11, ne	// ne = any
subs	x17, x14, #0x1
clz	x15, x15
adc	x11, x13, x11
ands	x13, x17, x14
add	w14, w15, w10
strh	w14, [x1, x16, lsl #1]
b.eq	e0f8 <xbzrle::arch::aarch64::neon::encode_neon+0x350>  // b.none
fmov	d0, x13
add	x14, x1, x11, lsl #1
cnt	v0.8b, v0.8b
addv	b0, v0.8b
fmov	x15, d0
add	x11, x15, x11
add	x15, x15, #0x1
rbit	x16, x13
sub	x15, x15, #0x1
sub	x17, x13, #0x1
cmp	x15, #0x1
and	x13, x17, x13
clz	x16, x16
add	w16, w16, w10
strh	w16, [x14], #2
b.hi	e0d4 <xbzrle::arch::aarch64::neon::encode_neon+0x32c>  // b.pmore
mvn	x10, x9
extr	x12, x10, x12, #63
eon	x13, x9, x12
add	x9, x19, #0x80
cmp	x12, x10
rbit	x14, x13
sub	x15, x13, #0x1
and	x12, x15, x13
cinc	x15, x11, ne	// ne = any
clz	x13, x14
rbit	x14, x12
add	w13, w13, w9
strh	w13, [x1, x11, lsl #1]
cset	w13, ne	// ne = any
subs	x16, x12, #0x1
adc	x11, x11, x13
clz	x13, x14
ands	x12, x16, x12
add	w13, w13, w9
strh	w13, [x1, x15, lsl #1]
b.eq	e18c <xbzrle::arch::aarch64::neon::encode_neon+0x3e4>  // b.none
fmov	d0, x12
add	x13, x1, x11, lsl #1
cnt	v0.8b, v0.8b
addv	b0, v0.8b
fmov	x14, d0
add	x11, x14, x11
add	x14, x14, #0x1
rbit	x15, x12
sub	x14, x14, #0x1
sub	x16, x12, #0x1
cmp	x14, #0x1
and	x12, x16, x12
clz	x15, x15
add	w15, w15, w9
strh	w15, [x13], #2
b.hi	e168 <xbzrle::arch::aarch64::neon::encode_neon+0x3c0>  // b.pmore
mvn	x12, x8
extr	x9, x12, x10, #63
lsr	x24, x12, #63
eon	x10, x8, x9
cmp	x9, x12
add	x8, x19, #0xc0
rbit	x13, x10
sub	x9, x10, #0x1
cset	w14, ne	// ne = any
and	x9, x9, x10
clz	x10, x13
rbit	x15, x9
cinc	x13, x11, ne	// ne = any
subs	x16, x9, #0x1
add	w10, w10, w8
strh	w10, [x1, x11, lsl #1]
adc	x27, x11, x14
clz	x10, x15
ands	x9, x16, x9
add	w10, w10, w8
strh	w10, [x1, x13, lsl #1]
b.eq	e3e8 <xbzrle::arch::aarch64::neon::encode_neon+0x640>  // b.none
fmov	d0, x9
add	x10, x1, x27, lsl #1
cnt	v0.8b, v0.8b
addv	b0, v0.8b
fmov	x11, d0
add	x27, x11, x27
add	x11, x11, #0x1
rbit	x12, x9
sub	x11, x11, #0x1
sub	x13, x9, #0x1
cmp	x11, #0x2
and	x9, x13, x9
clz	x12, x12
add	w12, w12, w8
strh	w12, [x10], #2
b.cs	e200 <xbzrle::arch::aarch64::neon::encode_neon+0x458>  // b.hs, b.nlast
mov	w8, #0x100                 	// #256
add	x19, x19, x8
b	de34 <xbzrle::arch::aarch64::neon::encode_neon+0x8c>
cmp	x8, #0x3f
add	x9, x20, x19
add	x8, x2, x19
b.ls	e294 <xbzrle::arch::aarch64::neon::encode_neon+0x4ec>  // b.plast
ld4	{v0.16b-v3.16b}, [x9]
ld4	{v4.16b-v7.16b}, [x8]
cmeq	v16.16b, v0.16b, v4.16b
cmeq	v17.16b, v1.16b, v5.16b
cmeq	v18.16b, v2.16b, v6.16b
cmeq	v0.16b, v3.16b, v7.16b
movi	v3.16b, #0x80
movi	v1.16b, #0x20
movi	v2.16b, #0x1f
and	v0.16b, v0.16b, v3.16b
movi	v3.16b, #0x40
and	v1.16b, v17.16b, v1.16b
and	v2.16b, v16.16b, v2.16b
and	v3.16b, v18.16b, v3.16b
orr	v1.16b, v1.16b, v2.16b
orr	v0.16b, v3.16b, v0.16b
orr	v0.16b, v1.16b, v0.16b
sri	v0.16b, v0.16b, #4
shrn	v0.8b, v0.8h, #4
fmov	x8, d0
b	e340 <xbzrle::arch::aarch64::neon::encode_neon+0x598>
movi	v0.2d, #0x0
add	x0, sp, #0x880
add	x1, x20, x19
sub	x2, x18, x19
mov	x21, x6
str	q0, [sp, #2224]
str	q0, [sp, #2208]
str	q0, [sp, #2192]
str	q0, [sp, #2176]
str	q0, [sp, #2288]
str	q0, [sp, #2272]
str	q0, [sp, #2256]
str	q0, [sp, #2240]
bl	4860 <memcpy@plt>
ldp	x9, x8, [sp, #112]
add	x0, sp, #0x8c0
add	x1, x9, x19
sub	x2, x8, x19
bl	4860 <memcpy@plt>
ld4	{v0.16b-v3.16b}, [x22]
add	x1, sp, #0x80
mov	x6, x21
ldp	x2, x18, [sp, #112]
ldp	x4, x5, [sp, #96]
ld4	{v4.16b-v7.16b}, [x23]
cmeq	v16.16b, v0.16b, v4.16b
cmeq	v17.16b, v1.16b, v5.16b
cmeq	v18.16b, v2.16b, v6.16b
cmeq	v0.16b, v3.16b, v7.16b
movi	v3.16b, #0x80
movi	v1.16b, #0x20
movi	v2.16b, #0x1f
and	v0.16b, v0.16b, v3.16b
movi	v3.16b, #0x40
and	v1.16b, v17.16b, v1.16b
and	v2.16b, v16.16b, v2.16b
and	v3.16b, v18.16b, v3.16b
orr	v1.16b, v1.16b, v2.16b
orr	v0.16b, v3.16b, v0.16b
orr	v0.16b, v1.16b, v0.16b
sri	v0.16b, v0.16b, #4
shrn	v0.8b, v0.8h, #4
fmov	x8, d0
mvn	x9, x8
orr	x10, x24, x9, lsl #1
lsr	x24, x9, #63
eon	x8, x8, x10
cmp	x10, x9
rbit	x11, x8
sub	x12, x8, #0x1
and	x8, x12, x8
clz	x9, x11
rbit	x10, x8
cinc	x11, x27, ne	// ne = any
add	w9, w9, w19
strh	w9, [x1, x27, lsl #1]
cset	w9, ne	// ne = any
subs	x12, x8, #0x1
adc	x27, x27, x9
clz	x9, x10
ands	x8, x12, x8
add	w9, w9, w19
strh	w9, [x1, x11, lsl #1]
b.eq	de2c <xbzrle::arch::aarch64::neon::encode_neon+0x84>  // b.none
fmov	d0, x8
add	x9, x1, x27, lsl #1
cnt	v0.8b, v0.8b
addv	b0, v0.8b
fmov	x10, d0
add	x27, x10, x27
add	x10, x10, #0x1
rbit	x11, x8
sub	x10, x10, #0x1
sub	x12, x8, #0x1
cmp	x10, #0x1
and	x8, x12, x8
clz	x11, x11
add	w11, w11, w19
strh	w11, [x9], #2
b.hi	e3b0 <xbzrle::arch::aarch64::neon::encode_neon+0x608>  // b.pmore
b	de2c <xbzrle::arch::aarch64::neon::encode_neon+0x84>
cbnz	x24, e41c <xbzrle::arch::aarch64::neon::encode_neon+0x674>
mov	w8, #0x100                 	// #256
add	x19, x19, x8
b	de34 <xbzrle::arch::aarch64::neon::encode_neon+0x8c>
mov	w8, #0x100                 	// #256
add	x19, x19, x8
b	de34 <xbzrle::arch::aarch64::neon::encode_neon+0x8c>
cbz	x24, e434 <xbzrle::arch::aarch64::neon::encode_neon+0x68c>
cmp	x27, #0x3ff
b.hi	e720 <xbzrle::arch::aarch64::neon::encode_neon+0x978>  // b.pmore
str	wzr, [sp, #92]
strh	w18, [x1, x27, lsl #1]
add	x27, x27, #0x1
lsr	x22, x27, #1
stp	x27, xzr, [sp, #72]
cbnz	x22, e45c <xbzrle::arch::aarch64::neon::encode_neon+0x6b4>
b	e644 <xbzrle::arch::aarch64::neon::encode_neon+0x89c>
mov	w8, #0x100                 	// #256
mov	x24, xzr
strh	w19, [x1, x27, lsl #1]
add	x27, x27, #0x1
add	x19, x19, x8
b	de34 <xbzrle::arch::aarch64::neon::encode_neon+0x8c>
str	wzr, [sp, #92]
lsr	x22, x27, #1
stp	x27, x24, [sp, #72]
cbnz	x22, e45c <xbzrle::arch::aarch64::neon::encode_neon+0x6b4>
b	e644 <xbzrle::arch::aarch64::neon::encode_neon+0x89c>
mov	w8, #0x1                   	// #1
str	w8, [sp, #92]
lsr	x22, x27, #1
stp	x27, x24, [sp, #72]
cbz	x22, e644 <xbzrle::arch::aarch64::neon::encode_neon+0x89c>
mov	x23, xzr
b	e488 <xbzrle::arch::aarch64::neon::encode_neon+0x6e0>
add	x8, x2, x6
add	x9, x4, x20
ldur	q0, [x8, #-16]
add	x8, x9, x27
stur	q0, [x8, #-16]
add	x23, x23, #0x1
add	x26, x20, x27
cmp	x23, x22
b.eq	e644 <xbzrle::arch::aarch64::neon::encode_neon+0x89c>  // b.none
add	x8, x1, x23, lsl #2
mov	x9, x6
mov	w10, #0x1                   	// #1
ldrh	w28, [x8]
ldrh	w6, [x8, #2]
sub	x8, x28, x9
sub	x27, x6, x28
cmp	x8, #0x7f
cinc	x9, x10, hi	// hi = pmore
cmp	x27, #0x7f
cinc	x10, x10, hi	// hi = pmore
cmp	x8, #0x80
b.cc	e4cc <xbzrle::arch::aarch64::neon::encode_neon+0x724>  // b.lo, b.ul, b.last
lsl	w11, w8, #1
and	w11, w11, #0xffffff00
bfxil	w11, w8, #0, #7
orr	w8, w11, #0x80
lsl	w11, w27, #1
cmp	x27, #0x80
lsl	w12, w9, #3
sub	x25, x18, x28
add	x24, x10, x9
sub	x21, x5, x26
and	w11, w11, #0xffffff00
bfxil	w11, w27, #0, #7
orr	w11, w11, #0x80
csel	w11, w27, w11, cc	// cc = lo, ul, last
cmp	x25, #0x40
lsl	w11, w11, w12
orr	w8, w11, w8
b.cc	e540 <xbzrle::arch::aarch64::neon::encode_neon+0x798>  // b.lo, b.ul, b.last
cmp	x27, #0x40
b.hi	e540 <xbzrle::arch::aarch64::neon::encode_neon+0x798>  // b.pmore
orr	x9, x24, #0x40
cmp	x21, x9
b.cc	e540 <xbzrle::arch::aarch64::neon::encode_neon+0x798>  // b.lo, b.ul, b.last
add	x9, x2, x28
add	x10, x4, x26
add	x20, x24, x26
ldp	q0, q1, [x9]
str	w8, [x10]
add	x8, x10, x24
stp	q0, q1, [x8]
ldp	q0, q2, [x9, #32]
stp	q0, q2, [x8, #32]
b	e478 <xbzrle::arch::aarch64::neon::encode_neon+0x6d0>
lsr	x10, x27, #14
mov	x9, xzr
cbnz	x10, e68c <xbzrle::arch::aarch64::neon::encode_neon+0x8e4>
add	x10, x24, x27
cmp	x10, x21
b.hi	e68c <xbzrle::arch::aarch64::neon::encode_neon+0x8e4>  // b.pmore
cmp	x21, #0x3
add	x20, x24, x26
b.ls	e59c <xbzrle::arch::aarch64::neon::encode_neon+0x7f4>  // b.plast
str	w8, [x4, x26]
cmp	x27, #0x10
b.cc	e5dc <xbzrle::arch::aarch64::neon::encode_neon+0x834>  // b.lo, b.ul, b.last
b.eq	e464 <xbzrle::arch::aarch64::neon::encode_neon+0x6bc>  // b.none
mov	x10, xzr
add	x8, x2, x28
add	x9, x4, x20
add	x11, x10, #0x20
ldr	q0, [x8, x10]
cmp	x11, x27
str	q0, [x9, x10]
add	x10, x10, #0x10
b.cc	e580 <xbzrle::arch::aarch64::neon::encode_neon+0x7d8>  // b.lo, b.ul, b.last
b	e464 <xbzrle::arch::aarch64::neon::encode_neon+0x6bc>
cmp	x20, x26
str	w8, [sp, #2240]
b.cc	e6c4 <xbzrle::arch::aarch64::neon::encode_neon+0x91c>  // b.lo, b.ul, b.last
cmp	x20, x5
b.hi	e6c4 <xbzrle::arch::aarch64::neon::encode_neon+0x91c>  // b.pmore
add	x0, x4, x26
add	x1, sp, #0x8c0
mov	x2, x24
mov	x26, x6
bl	4860 <memcpy@plt>
ldp	x2, x18, [sp, #112]
add	x1, sp, #0x80
ldp	x4, x5, [sp, #96]
mov	x6, x26
cmp	x27, #0x10
b.cs	e570 <xbzrle::arch::aarch64::neon::encode_neon+0x7c8>  // b.hs, b.nlast
cmp	x25, #0x10
b.cc	e5fc <xbzrle::arch::aarch64::neon::encode_neon+0x854>  // b.lo, b.ul, b.last
sub	x8, x21, x24
cmp	x8, #0xf
b.ls	e5fc <xbzrle::arch::aarch64::neon::encode_neon+0x854>  // b.plast
ldr	q0, [x2, x28]
str	q0, [x4, x20]
b	e478 <xbzrle::arch::aarch64::neon::encode_neon+0x6d0>
adds	x1, x20, x27
b.cs	e6dc <xbzrle::arch::aarch64::neon::encode_neon+0x934>  // b.hs, b.nlast
cmp	x1, x5
b.hi	e6dc <xbzrle::arch::aarch64::neon::encode_neon+0x934>  // b.pmore
cmp	w6, w28
b.cc	e6f0 <xbzrle::arch::aarch64::neon::encode_neon+0x948>  // b.lo, b.ul, b.last
cmp	x18, x6
b.cc	e6f0 <xbzrle::arch::aarch64::neon::encode_neon+0x948>  // b.lo, b.ul, b.last
add	x0, x4, x20
add	x1, x2, x28
mov	x2, x27
mov	x21, x6
bl	4860 <memcpy@plt>
ldp	x2, x18, [sp, #112]
add	x1, sp, #0x80
ldp	x4, x5, [sp, #96]
mov	x6, x21
b	e478 <xbzrle::arch::aarch64::neon::encode_neon+0x6d0>
ldr	w8, [sp, #92]
tbz	w8, #0, e680 <xbzrle::arch::aarch64::neon::encode_neon+0x8d8>
ldp	x20, x8, [sp, #64]
mov	x27, xzr
ldr	x24, [sp, #80]
add	x22, sp, #0x880
add	x23, sp, #0x8c0
tbz	w8, #0, de34 <xbzrle::arch::aarch64::neon::encode_neon+0x8c>
sub	x0, x8, #0x1
cmp	x0, #0x3ff
b.hi	e734 <xbzrle::arch::aarch64::neon::encode_neon+0x98c>  // b.pmore
ldrh	w8, [x1, x0, lsl #1]
mov	w27, #0x1                   	// #1
strh	w8, [sp, #128]
b	de34 <xbzrle::arch::aarch64::neon::encode_neon+0x8c>
ldr	x8, [sp, #56]
mov	w9, #0x3                   	// #3
str	x26, [x8, #8]
ldr	x8, [sp, #56]
str	x9, [x8]
sub	sp, x29, #0x40
ldp	x20, x19, [sp, #144]
ldp	x22, x21, [sp, #128]
ldp	x24, x23, [sp, #112]
ldp	x26, x25, [sp, #96]
ldp	x28, x27, [sp, #80]
ldp	x29, x30, [sp, #64]
ldp	d9, d8, [sp, #48]
ldp	d11, d10, [sp, #32]
ldp	d13, d12, [sp, #16]
ldp	d15, d14, [sp], #160
ret
adrp	x3, 6d000 <GCC_except_table0+0x15ff8>
add	x3, x3, #0x750
mov	x0, x26
mov	x1, x20
mov	x2, x5
bl	9314 <core::slice::index::slice_index_fail>
adrp	x3, 6d000 <GCC_except_table0+0x15ff8>
add	x3, x3, #0x780
mov	x0, x20
mov	x2, x5
bl	9314 <core::slice::index::slice_index_fail>
adrp	x3, 6d000 <GCC_except_table0+0x15ff8>
add	x3, x3, #0x768
mov	x0, x28
mov	x1, x6
mov	x2, x18
bl	9314 <core::slice::index::slice_index_fail>
adrp	x0, 45000 <<i32 as core::fmt::UpperHex>::fmt+0x8>
add	x0, x0, #0xd48
adrp	x2, 6d000 <GCC_except_table0+0x15ff8>
add	x2, x2, #0x708
mov	w1, #0x4d                  	// #77
bl	92d8 <core::panicking::panic>
adrp	x2, 6d000 <GCC_except_table0+0x15ff8>
add	x2, x2, #0x720
mov	x0, x27
mov	w1, #0x400                 	// #1024
bl	9178 <core::panicking::panic_bounds_check>
adrp	x2, 6d000 <GCC_except_table0+0x15ff8>
add	x2, x2, #0x738
mov	w1, #0x400                 	// #1024
bl	9178 <core::panicking::panic_bounds_check>
