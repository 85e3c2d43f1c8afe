000000000000e870 <xbzrle::scalar::encode>:
sub	sp, sp, #0x70
stp	x29, x30, [sp, #16]
stp	x28, x27, [sp, #32]
stp	x26, x25, [sp, #48]
stp	x24, x23, [sp, #64]
stp	x22, x21, [sp, #80]
stp	x20, x19, [sp, #96]
add	x29, sp, #0x10
mov	x22, #0xfefefefefefefefe    	// #-72340172838076674
mov	x20, x5
mov	x23, x4
mov	x19, x3
mov	x24, x2
mov	x21, x1
mov	x25, x0
mov	x27, xzr
mov	x26, xzr
mov	w28, #0x1                   	// #1
movk	x22, #0xfeff
str	x8, [sp, #8]
subs	x8, x19, x27
b.cc	eb20 <xbzrle::scalar::encode+0x2b0>  // b.lo, b.ul, b.last
sub	x9, x21, x27
mov	x12, xzr
add	x10, x24, x27
cmp	x8, x9
csel	x8, x8, x9, cc	// cc = lo, ul, last
add	x9, x25, x27
and	x11, x8, #0x7ffffffffffffff8
add	x13, x12, #0x8
cmp	x13, x8
b.hi	e91c <xbzrle::scalar::encode+0xac>  // b.pmore
ldr	x14, [x9, x12]
ldr	x15, [x10, x12]
mov	x12, x13
cmp	x14, x15
b.eq	e8e4 <xbzrle::scalar::encode+0x74>  // b.none
eor	x8, x15, x14
rbit	x8, x8
clz	x8, x8
add	x8, x13, x8, lsr #3
sub	x8, x8, #0x8
b	e948 <xbzrle::scalar::encode+0xd8>
cmp	x11, x8
b.eq	e948 <xbzrle::scalar::encode+0xd8>  // b.none
ldrb	w12, [x9, x11]
ldrb	w13, [x10, x11]
cmp	w12, w13
b.ne	e944 <xbzrle::scalar::encode+0xd4>  // b.any
add	x11, x11, #0x1
cmp	x8, x11
b.ne	e924 <xbzrle::scalar::encode+0xb4>  // b.any
b	e948 <xbzrle::scalar::encode+0xd8>
mov	x8, x11
add	x0, x8, x27
subs	x9, x21, x0
b.eq	eae0 <xbzrle::scalar::encode+0x270>  // b.none
b.cc	eb38 <xbzrle::scalar::encode+0x2c8>  // b.lo, b.ul, b.last
subs	x10, x19, x0
b.cc	eb4c <xbzrle::scalar::encode+0x2dc>  // b.lo, b.ul, b.last
cmp	x10, x9
mov	x11, xzr
add	x1, x24, x0
csel	x2, x10, x9, cc	// cc = lo, ul, last
add	x9, x25, x0
and	x10, x2, #0x7ffffffffffffff8
add	x12, x11, #0x8
cmp	x12, x2
b.hi	e9b8 <xbzrle::scalar::encode+0x148>  // b.pmore
ldr	x13, [x9, x11]
ldr	x11, [x1, x11]
eor	x11, x11, x13
add	x13, x11, x22
bic	x11, x13, x11
ands	x13, x11, #0x8080808080808080
mov	x11, x12
b.eq	e978 <xbzrle::scalar::encode+0x108>  // b.none
rbit	x9, x13
clz	x9, x9
add	x9, x12, x9, lsr #3
sub	x2, x9, #0x8
b	e9e4 <xbzrle::scalar::encode+0x174>
cmp	x10, x2
b.eq	e9e4 <xbzrle::scalar::encode+0x174>  // b.none
ldrb	w11, [x9, x10]
ldrb	w12, [x1, x10]
cmp	w11, w12
b.eq	e9e0 <xbzrle::scalar::encode+0x170>  // b.none
add	x10, x10, #0x1
cmp	x2, x10
b.ne	e9c0 <xbzrle::scalar::encode+0x150>  // b.any
b	e9e4 <xbzrle::scalar::encode+0x174>
mov	x2, x10
adds	x27, x2, x0
b.cs	eb0c <xbzrle::scalar::encode+0x29c>  // b.hs, b.nlast
cmp	x27, x19
b.hi	eb0c <xbzrle::scalar::encode+0x29c>  // b.pmore
orr	x9, x2, x8
lsr	x9, x9, #14
cbnz	x9, ead4 <xbzrle::scalar::encode+0x264>
cmp	x8, #0x7f
cinc	x9, x28, hi	// hi = pmore
cmp	x2, #0x7f
cinc	x10, x28, hi	// hi = pmore
add	x9, x2, x9
add	x9, x9, x10
sub	x10, x20, x26
cmp	x9, x10
b.hi	ead4 <xbzrle::scalar::encode+0x264>  // b.pmore
cmp	x8, #0x80
add	x9, x23, x26
b.cs	ea38 <xbzrle::scalar::encode+0x1c8>  // b.hs, b.nlast
mov	w10, #0x1                   	// #1
b	ea48 <xbzrle::scalar::encode+0x1d8>
lsr	x10, x8, #7
orr	w8, w8, #0xffffff80
strb	w10, [x9, #1]
mov	w10, #0x2                   	// #2
add	x0, x10, x26
strb	w8, [x9]
subs	x10, x20, x0
b.cc	eb60 <xbzrle::scalar::encode+0x2f0>  // b.lo, b.ul, b.last
cmp	x2, #0x80
add	x8, x23, x0
b.cs	ea78 <xbzrle::scalar::encode+0x208>  // b.hs, b.nlast
cmp	x20, x0
b.eq	eb88 <xbzrle::scalar::encode+0x318>  // b.none
strb	w2, [x8]
mov	w8, #0x1                   	// #1
b	ea9c <xbzrle::scalar::encode+0x22c>
cmp	x20, x0
b.eq	ebb0 <xbzrle::scalar::encode+0x340>  // b.none
orr	w9, w2, #0x80
cmp	x10, #0x1
strb	w9, [x8]
b.eq	eb9c <xbzrle::scalar::encode+0x32c>  // b.none
lsr	x9, x2, #7
strb	w9, [x8, #1]
mov	w8, #0x2                   	// #2
add	x0, x8, x0
add	x26, x0, x2
cmp	x26, x20
b.hi	eb74 <xbzrle::scalar::encode+0x304>  // b.pmore
add	x0, x23, x0
bl	4860 <memcpy@plt>
cmp	x27, x21
b.ls	e8c0 <xbzrle::scalar::encode+0x50>  // b.plast
adrp	x3, 6d000 <GCC_except_table0+0x15ff8>
add	x3, x3, #0x858
mov	x0, x27
mov	x1, x21
mov	x2, x21
bl	9314 <core::slice::index::slice_index_fail>
ldr	x8, [sp, #8]
stp	xzr, x26, [x8]
b	eaec <xbzrle::scalar::encode+0x27c>
ldr	x9, [sp, #8]
mov	w8, #0x3                   	// #3
stp	x8, x26, [x9]
ldp	x20, x19, [sp, #96]
ldp	x22, x21, [sp, #80]
ldp	x24, x23, [sp, #64]
ldp	x26, x25, [sp, #48]
ldp	x28, x27, [sp, #32]
ldp	x29, x30, [sp, #16]
add	sp, sp, #0x70
ret
adrp	x3, 6d000 <GCC_except_table0+0x15ff8>
add	x3, x3, #0x7f8
mov	x1, x27
mov	x2, x19
bl	9314 <core::slice::index::slice_index_fail>
adrp	x3, 6d000 <GCC_except_table0+0x15ff8>
add	x3, x3, #0x840
mov	x0, x27
mov	x1, x19
mov	x2, x19
bl	9314 <core::slice::index::slice_index_fail>
adrp	x3, 6d000 <GCC_except_table0+0x15ff8>
add	x3, x3, #0x828
mov	x1, x21
mov	x2, x21
bl	9314 <core::slice::index::slice_index_fail>
adrp	x3, 6d000 <GCC_except_table0+0x15ff8>
add	x3, x3, #0x810
mov	x1, x19
mov	x2, x19
bl	9314 <core::slice::index::slice_index_fail>
adrp	x3, 6d000 <GCC_except_table0+0x15ff8>
add	x3, x3, #0x888
mov	x1, x20
mov	x2, x20
bl	9314 <core::slice::index::slice_index_fail>
adrp	x3, 6d000 <GCC_except_table0+0x15ff8>
add	x3, x3, #0x870
mov	x1, x26
mov	x2, x20
bl	9314 <core::slice::index::slice_index_fail>
adrp	x2, 6d000 <GCC_except_table0+0x15ff8>
add	x2, x2, #0x7c8
mov	x0, xzr
mov	x1, xzr
bl	9178 <core::panicking::panic_bounds_check>
adrp	x2, 6d000 <GCC_except_table0+0x15ff8>
add	x2, x2, #0x7b0
mov	w0, #0x1                   	// #1
mov	w1, #0x1                   	// #1
bl	9178 <core::panicking::panic_bounds_check>
adrp	x2, 6d000 <GCC_except_table0+0x15ff8>
add	x2, x2, #0x798
mov	x0, xzr
mov	x1, xzr
bl	9178 <core::panicking::panic_bounds_check>
