000000000001faf0 <xbzrle::arch::x86_64::sse2::encode_sse2>:
push   %rbp
push   %r15
push   %r14
push   %r13
push   %r12
push   %rbx
sub    $0x918,%rsp
mov    %rcx,(%rsp)
mov    %rdi,0x50(%rsp)
cmp    %r8,%rdx
jne    20664 <xbzrle::arch::x86_64::sse2::encode_sse2+0xb74>
cmp    $0x4001,%r8
jae    20664 <xbzrle::arch::x86_64::sse2::encode_sse2+0xb74>
mov    %rdx,%r12
mov    %rsi,%r15
mov    0x950(%rsp),%rax
xor    %ecx,%ecx
sub    $0x43,%rax
cmovb  %rcx,%rax
mov    %rax,0x88(%rsp)
sub    $0x3f,%rdx
mov    $0x0,%eax
mov    %rax,0x48(%rsp)
cmovb  %rcx,%rdx
mov    %rdx,0x80(%rsp)
xor    %ebx,%ebx
xor    %r11d,%r11d
xor    %r14d,%r14d
xor    %edi,%edi
xor    %r13d,%r13d
mov    %r9,0x28(%rsp)
mov    %r12,0x10(%rsp)
mov    %rsi,0x58(%rsp)
cmp    %r12,%r13
jae    202c0 <xbzrle::arch::x86_64::sse2::encode_sse2+0x7d0>
mov    %r11,0x8(%rsp)
jmp    1fbac <xbzrle::arch::x86_64::sse2::encode_sse2+0xbc>
mov    $0x100,%eax
test   %rdi,%rdi
jne    202a4 <xbzrle::arch::x86_64::sse2::encode_sse2+0x7b4>
xor    %edi,%edi
cs nopw 0x0(%rax,%rax,1)
add    %rax,%r13
cmp    %r12,%r13
jae    202c0 <xbzrle::arch::x86_64::sse2::encode_sse2+0x7d0>
lea    0x100(%r14),%rax
cmp    $0x400,%rax
jae    202f0 <xbzrle::arch::x86_64::sse2::encode_sse2+0x800>
mov    %r12,%rbp
sub    %r13,%rbp
cmp    $0xff,%rbp
jbe    1ff80 <xbzrle::arch::x86_64::sse2::encode_sse2+0x490>
movdqu (%r15,%r13,1),%xmm0
movdqu 0x10(%r15,%r13,1),%xmm1
movdqu 0x20(%r15,%r13,1),%xmm2
movdqu 0x30(%r15,%r13,1),%xmm4
mov    (%rsp),%rax
movdqu (%rax,%r13,1),%xmm3
pcmpeqb %xmm0,%xmm3
movdqu 0x10(%rax,%r13,1),%xmm5
pcmpeqb %xmm1,%xmm5
movdqu 0x20(%rax,%r13,1),%xmm8
pcmpeqb %xmm2,%xmm8
movdqu 0x30(%rax,%r13,1),%xmm10
pcmpeqb %xmm4,%xmm10
movdqa %xmm3,%xmm0
pand   %xmm5,%xmm0
movdqa %xmm8,%xmm1
pand   %xmm10,%xmm1
pand   %xmm0,%xmm1
movdqu 0x40(%r15,%r13,1),%xmm2
movdqu 0x40(%rax,%r13,1),%xmm0
pcmpeqb %xmm2,%xmm0
movdqu 0x50(%r15,%r13,1),%xmm2
movdqu 0x50(%rax,%r13,1),%xmm4
pcmpeqb %xmm2,%xmm4
movdqa %xmm0,0x60(%rsp)
movdqa %xmm0,%xmm2
pand   %xmm4,%xmm2
movdqu 0x60(%r15,%r13,1),%xmm6
movdqu 0x60(%rax,%r13,1),%xmm9
pcmpeqb %xmm6,%xmm9
pand   %xmm9,%xmm2
pand   %xmm1,%xmm2
movdqu 0x70(%r15,%r13,1),%xmm6
movdqu 0x70(%rax,%r13,1),%xmm1
pcmpeqb %xmm6,%xmm1
movdqu 0x80(%r15,%r13,1),%xmm6
movdqu 0x80(%rax,%r13,1),%xmm0
pcmpeqb %xmm6,%xmm0
movdqa %xmm1,%xmm13
movdqa %xmm0,0x30(%rsp)
pand   %xmm0,%xmm13
movdqu 0x90(%r15,%r13,1),%xmm7
movdqu 0x90(%rax,%r13,1),%xmm6
pcmpeqb %xmm7,%xmm6
pand   %xmm6,%xmm13
movdqu 0xa0(%r15,%r13,1),%xmm7
movdqu 0xa0(%rax,%r13,1),%xmm11
pcmpeqb %xmm7,%xmm11
pand   %xmm11,%xmm13
pand   %xmm2,%xmm13
movdqu 0xb0(%r15,%r13,1),%xmm2
movdqu 0xb0(%rax,%r13,1),%xmm14
pcmpeqb %xmm2,%xmm14
movdqu 0xc0(%r15,%r13,1),%xmm7
movdqu 0xc0(%rax,%r13,1),%xmm2
pcmpeqb %xmm7,%xmm2
movdqu 0xd0(%r15,%r13,1),%xmm12
movdqu 0xd0(%rax,%r13,1),%xmm7
pcmpeqb %xmm12,%xmm7
movdqu 0xe0(%r15,%r13,1),%xmm15
movdqu 0xe0(%rax,%r13,1),%xmm12
pcmpeqb %xmm15,%xmm12
movdqu 0xf0(%r15,%r13,1),%xmm0
movdqu 0xf0(%rax,%r13,1),%xmm15
pcmpeqb %xmm0,%xmm15
movdqa %xmm14,%xmm0
pand   %xmm2,%xmm0
pand   %xmm7,%xmm0
pand   %xmm12,%xmm0
pand   %xmm15,%xmm0
pand   %xmm13,%xmm0
pcmpeqd %xmm13,%xmm13
pxor   %xmm13,%xmm0
psllw  $0x7,%xmm0
pmovmskb %xmm0,%eax
test   %eax,%eax
je     1fb86 <xbzrle::arch::x86_64::sse2::encode_sse2+0x96>
pmovmskb %xmm8,%eax
pmovmskb %xmm10,%esi
shl    $0x20,%rax
pmovmskb %xmm3,%ecx
pmovmskb %xmm5,%edx
shl    $0x10,%edx
or     %ecx,%edx
or     %rax,%rdx
shl    $0x30,%rsi
or     %rdx,%rsi
pmovmskb %xmm9,%eax
pmovmskb %xmm1,%edx
shl    $0x20,%rax
movdqa 0x60(%rsp),%xmm0
pmovmskb %xmm0,%ecx
mov    %rdi,%r11
pmovmskb %xmm4,%edi
shl    $0x10,%edi
or     %ecx,%edi
or     %rax,%rdi
shl    $0x30,%rdx
or     %rdi,%rdx
pmovmskb %xmm11,%ecx
pmovmskb %xmm14,%eax
shl    $0x20,%rcx
movdqa 0x30(%rsp),%xmm0
pmovmskb %xmm0,%edi
pmovmskb %xmm6,%r8d
shl    $0x10,%r8d
or     %edi,%r8d
or     %rcx,%r8
shl    $0x30,%rax
or     %r8,%rax
pmovmskb %xmm12,%edi
pmovmskb %xmm15,%ecx
shl    $0x20,%rdi
pmovmskb %xmm2,%r8d
pmovmskb %xmm7,%r10d
shl    $0x10,%r10d
or     %r8d,%r10d
or     %rdi,%r10
shl    $0x30,%rcx
or     %r10,%rcx
not    %rsi
lea    (%rsi,%rsi,1),%rdi
or     %r11,%rdi
xor    %r8d,%r8d
xor    %rsi,%rdi
setne  %r8b
mov    $0x40,%r10d
tzcnt  %rdi,%r10
add    %r13d,%r10d
mov    %r10w,0x118(%rsp,%r14,2)
lea    (%r14,%r8,1),%r11
lea    -0x1(%rdi),%r10
and    %rdi,%r10
mov    $0x40,%edi
tzcnt  %r10,%rdi
add    %r13d,%edi
mov    %di,0x118(%rsp,%r11,2)
mov    %r10,%rdi
add    $0xffffffffffffffff,%rdi
adc    %r8,%r14
and    %r10,%rdi
je     1fee0 <xbzrle::arch::x86_64::sse2::encode_sse2+0x3f0>
data16 data16 data16 cs nopw 0x0(%rax,%rax,1)
mov    %rdi,%r8
tzcnt  %rdi,%rdi
add    %r13d,%edi
mov    %di,0x118(%rsp,%r14,2)
inc    %r14
lea    -0x1(%r8),%rdi
and    %r8,%rdi
jne    1fec0 <xbzrle::arch::x86_64::sse2::encode_sse2+0x3d0>
not    %rdx
shrd   $0x3f,%rdx,%rsi
lea    0x40(%r13),%rdi
xor    %r8d,%r8d
xor    %rdx,%rsi
setne  %r8b
mov    $0x40,%r10d
tzcnt  %rsi,%r10
add    %edi,%r10d
mov    %r10w,0x118(%rsp,%r14,2)
lea    (%r14,%r8,1),%r11
lea    -0x1(%rsi),%r10
and    %rsi,%r10
mov    $0x40,%esi
tzcnt  %r10,%rsi
add    %edi,%esi
mov    %si,0x118(%rsp,%r11,2)
mov    %r10,%rsi
add    $0xffffffffffffffff,%rsi
adc    %r8,%r14
and    %r10,%rsi
je     20185 <xbzrle::arch::x86_64::sse2::encode_sse2+0x695>
mov    0x8(%rsp),%r11
data16 cs nopw 0x0(%rax,%rax,1)
mov    %rsi,%r8
tzcnt  %rsi,%rsi
add    %edi,%esi
mov    %si,0x118(%rsp,%r14,2)
inc    %r14
lea    -0x1(%r8),%rsi
and    %r8,%rsi
jne    1ff50 <xbzrle::arch::x86_64::sse2::encode_sse2+0x460>
jmp    2018a <xbzrle::arch::x86_64::sse2::encode_sse2+0x69a>
data16 data16 cs nopw 0x0(%rax,%rax,1)
lea    (%r15,%r13,1),%rsi
mov    (%rsp),%rax
lea    (%rax,%r13,1),%r15
cmp    $0x3f,%rbp
jbe    20000 <xbzrle::arch::x86_64::sse2::encode_sse2+0x510>
movdqu (%rsi),%xmm0
movdqu 0x10(%rsi),%xmm1
movdqu 0x20(%rsi),%xmm2
movdqu 0x30(%rsi),%xmm3
movdqu (%r15),%xmm4
pcmpeqb %xmm0,%xmm4
movdqu 0x10(%r15),%xmm0
pcmpeqb %xmm1,%xmm0
movdqu 0x20(%r15),%xmm1
pcmpeqb %xmm2,%xmm1
movdqu 0x30(%r15),%xmm2
pcmpeqb %xmm3,%xmm2
pmovmskb %xmm4,%eax
pmovmskb %xmm0,%ecx
shl    $0x10,%ecx
or     %eax,%ecx
pmovmskb %xmm1,%eax
shl    $0x20,%rax
or     %rcx,%rax
pmovmskb %xmm2,%ecx
shl    $0x30,%rcx
or     %rax,%rcx
jmp    200e7 <xbzrle::arch::x86_64::sse2::encode_sse2+0x5f7>
data16 data16 cs nopw 0x0(%rax,%rax,1)
xorps  %xmm0,%xmm0
movaps %xmm0,0x100(%rsp)
movaps %xmm0,0xf0(%rsp)
movaps %xmm0,0xe0(%rsp)
movaps %xmm0,0xd0(%rsp)
movaps %xmm0,0xc0(%rsp)
movaps %xmm0,0xb0(%rsp)
movaps %xmm0,0xa0(%rsp)
movaps %xmm0,0x90(%rsp)
mov    %rdi,0x18(%rsp)
lea    0xd0(%rsp),%rdi
mov    %rbp,%rdx
call   *0x496b7(%rip)        # 69710 <memcpy@GLIBC_2.14>
lea    0x90(%rsp),%rdi
mov    %r15,%rsi
mov    %rbp,%rdx
call   *0x496a3(%rip)        # 69710 <memcpy@GLIBC_2.14>
mov    0x18(%rsp),%rdi
mov    0x8(%rsp),%r11
mov    0x28(%rsp),%r9
movdqa 0xd0(%rsp),%xmm0
movdqa 0xe0(%rsp),%xmm1
movdqa 0xf0(%rsp),%xmm2
movdqa 0x100(%rsp),%xmm3
pcmpeqb 0x90(%rsp),%xmm0
pmovmskb %xmm0,%eax
pcmpeqb 0xa0(%rsp),%xmm1
pmovmskb %xmm1,%ecx
shl    $0x10,%ecx
or     %eax,%ecx
pcmpeqb 0xb0(%rsp),%xmm2
pmovmskb %xmm2,%eax
shl    $0x20,%rax
or     %rcx,%rax
pcmpeqb 0xc0(%rsp),%xmm3
pmovmskb %xmm3,%ecx
shl    $0x30,%rcx
or     %rax,%rcx
not    %rcx
lea    (%rcx,%rcx,1),%rax
or     %rdi,%rax
xor    %esi,%esi
xor    %rcx,%rax
setne  %sil
mov    $0x40,%edx
tzcnt  %rax,%rdx
add    %r13d,%edx
mov    %dx,0x118(%rsp,%r14,2)
lea    (%r14,%rsi,1),%rdi
lea    -0x1(%rax),%r8
and    %rax,%r8
mov    $0x40,%r10d
tzcnt  %r8,%r10
add    %r13d,%r10d
mov    %r8,%rdx
add    $0xffffffffffffffff,%rdx
adc    %rsi,%r14
mov    $0x40,%eax
mov    %r10w,0x118(%rsp,%rdi,2)
mov    %rcx,%rdi
shr    $0x3f,%rdi
and    %r8,%rdx
mov    0x58(%rsp),%r15
je     1fba0 <xbzrle::arch::x86_64::sse2::encode_sse2+0xb0>
cs nopw 0x0(%rax,%rax,1)
mov    %rdx,%rcx
tzcnt  %rdx,%rdx
add    %r13d,%edx
mov    %dx,0x118(%rsp,%r14,2)
inc    %r14
lea    -0x1(%rcx),%rdx
and    %rcx,%rdx
jne    20160 <xbzrle::arch::x86_64::sse2::encode_sse2+0x670>
jmp    1fba0 <xbzrle::arch::x86_64::sse2::encode_sse2+0xb0>
mov    0x8(%rsp),%r11
not    %rax
shrd   $0x3f,%rax,%rdx
lea    0x80(%r13),%rsi
xor    %edi,%edi
xor    %rax,%rdx
setne  %dil
mov    $0x40,%r8d
tzcnt  %rdx,%r8
add    %esi,%r8d
mov    %r8w,0x118(%rsp,%r14,2)
lea    (%r14,%rdi,1),%r8
lea    -0x1(%rdx),%r10
and    %rdx,%r10
mov    $0x40,%edx
tzcnt  %r10,%rdx
add    %esi,%edx
mov    %dx,0x118(%rsp,%r8,2)
mov    %r10,%rdx
add    $0xffffffffffffffff,%rdx
adc    %rdi,%r14
and    %r10,%rdx
je     2020f <xbzrle::arch::x86_64::sse2::encode_sse2+0x71f>
nopl   0x0(%rax,%rax,1)
mov    %rdx,%rdi
tzcnt  %rdx,%rdx
add    %esi,%edx
mov    %dx,0x118(%rsp,%r14,2)
inc    %r14
lea    -0x1(%rdi),%rdx
and    %rdi,%rdx
jne    201f0 <xbzrle::arch::x86_64::sse2::encode_sse2+0x700>
not    %rcx
shrd   $0x3f,%rcx,%rax
lea    0xc0(%r13),%rdx
xor    %edi,%edi
xor    %rcx,%rax
setne  %dil
mov    $0x40,%esi
tzcnt  %rax,%rsi
add    %edx,%esi
mov    %si,0x118(%rsp,%r14,2)
lea    (%r14,%rdi,1),%rsi
lea    -0x1(%rax),%r8
and    %rax,%r8
mov    $0x40,%eax
tzcnt  %r8,%rax
add    %edx,%eax
mov    %ax,0x118(%rsp,%rsi,2)
mov    %r8,%rsi
add    $0xffffffffffffffff,%rsi
adc    %rdi,%r14
mov    %rcx,%rdi
shr    $0x3f,%rdi
mov    $0x100,%eax
and    %r8,%rsi
je     1fba0 <xbzrle::arch::x86_64::sse2::encode_sse2+0xb0>
nopw   0x0(%rax,%rax,1)
mov    %rsi,%rcx
tzcnt  %rsi,%rsi
add    %edx,%esi
mov    %si,0x118(%rsp,%r14,2)
inc    %r14
lea    -0x1(%rcx),%rsi
and    %rcx,%rsi
jne    20280 <xbzrle::arch::x86_64::sse2::encode_sse2+0x790>
jmp    1fba0 <xbzrle::arch::x86_64::sse2::encode_sse2+0xb0>
mov    %r13w,0x118(%rsp,%r14,2)
inc    %r14
jmp    1fb94 <xbzrle::arch::x86_64::sse2::encode_sse2+0xa4>
data16 cs nopw 0x0(%rax,%rax,1)
test   %rdi,%rdi
je     202de <xbzrle::arch::x86_64::sse2::encode_sse2+0x7ee>
cmp    $0x3ff,%r14
ja     2067d <xbzrle::arch::x86_64::sse2::encode_sse2+0xb8d>
mov    %r12w,0x118(%rsp,%r14,2)
inc    %r14
movq   $0x0,0x20(%rsp)
xor    %edi,%edi
jmp    202f7 <xbzrle::arch::x86_64::sse2::encode_sse2+0x807>
nopl   0x0(%rax,%rax,1)
mov    $0x1,%al
mov    %rax,0x20(%rsp)
mov    %rdi,0x18(%rsp)
mov    %r14,0x78(%rsp)
shr    %r14
mov    %r14,0x60(%rsp)
je     20590 <xbzrle::arch::x86_64::sse2::encode_sse2+0xaa0>
xor    %r12d,%r12d
mov    %r11,%rdi
jmp    20379 <xbzrle::arch::x86_64::sse2::encode_sse2+0x889>
nopw   0x0(%rax,%rax,1)
lea    (%r9,%rdi,1),%rax
mov    %edx,(%r9,%rdi,1)
mov    (%rsp),%rcx
movdqu (%rcx,%r15,1),%xmm0
movdqu 0x10(%rcx,%r15,1),%xmm1
movdqu 0x20(%rcx,%r15,1),%xmm2
movdqu 0x30(%rcx,%r15,1),%xmm3
movdqu %xmm3,0x30(%rbp,%rax,1)
movdqu %xmm2,0x20(%rbp,%rax,1)
movdqu %xmm1,0x10(%rbp,%rax,1)
movdqu %xmm0,0x0(%rbp,%rax,1)
add    %rdi,%rbp
mov    %rbp,%r11
add    %r14,%r11
inc    %r12
mov    %r11,%rdi
cmp    0x60(%rsp),%r12
je     20590 <xbzrle::arch::x86_64::sse2::encode_sse2+0xaa0>
movzwl 0x118(%rsp,%r12,4),%r15d
mov    %r15,%rax
sub    %rbx,%rax
movzwl 0x11a(%rsp,%r12,4),%ebx
mov    %rbx,%r14
sub    %r15,%r14
xor    %ecx,%ecx
cmp    $0x7f,%rax
seta   %r8b
xor    %esi,%esi
cmp    $0x7f,%r14
seta   %r11b
cmp    $0x80,%rax
jb     203c1 <xbzrle::arch::x86_64::sse2::encode_sse2+0x8d1>
movzbl %al,%edx
and    $0xffffff80,%eax
lea    (%rdx,%rax,2),%eax
or     $0x80,%eax
cmp    $0x80,%r14
jae    203d0 <xbzrle::arch::x86_64::sse2::encode_sse2+0x8e0>
mov    %r14d,%edx
jmp    203e5 <xbzrle::arch::x86_64::sse2::encode_sse2+0x8f5>
nop
movzbl %r14b,%edx
mov    %r14d,%r10d
and    $0xffffff80,%r10d
lea    (%rdx,%r10,2),%edx
or     $0x80,%edx
mov    %r8b,%cl
mov    %r11b,%sil
lea    (%rsi,%rcx,1),%rbp
add    $0x2,%rbp
inc    %rcx
shl    $0x3,%ecx
shl    %cl,%edx
or     %eax,%edx
cmp    $0x40,%r14d
ja     2041b <xbzrle::arch::x86_64::sse2::encode_sse2+0x92b>
cmp    0x88(%rsp),%rdi
jae    2041b <xbzrle::arch::x86_64::sse2::encode_sse2+0x92b>
cmp    %r15,0x80(%rsp)
ja     20320 <xbzrle::arch::x86_64::sse2::encode_sse2+0x830>
cmp    $0x3fff,%r14
ja     205fd <xbzrle::arch::x86_64::sse2::encode_sse2+0xb0d>
mov    %rbx,0x30(%rsp)
mov    0x950(%rsp),%rbx
sub    %rdi,%rbx
lea    (%r14,%rbp,1),%rax
cmp    %rbx,%rax
ja     205fd <xbzrle::arch::x86_64::sse2::encode_sse2+0xb0d>
lea    (%rdi,%rbp,1),%r11
cmp    $0x3,%rbx
jbe    204b0 <xbzrle::arch::x86_64::sse2::encode_sse2+0x9c0>
mov    %edx,(%r9,%rdi,1)
cmp    $0x10,%r14d
jb     204fb <xbzrle::arch::x86_64::sse2::encode_sse2+0xa0b>
cmp    $0x10,%r14d
je     20486 <xbzrle::arch::x86_64::sse2::encode_sse2+0x996>
add    (%rsp),%r15
lea    (%r9,%r11,1),%rax
mov    $0x10,%ecx
movdqu -0x10(%r15,%rcx,1),%xmm0
movdqu %xmm0,-0x10(%rax,%rcx,1)
add    $0x10,%rcx
cmp    %r14,%rcx
jb     20470 <xbzrle::arch::x86_64::sse2::encode_sse2+0x980>
lea    (%r9,%r11,1),%rax
mov    (%rsp),%rcx
mov    0x30(%rsp),%rbx
movdqu -0x10(%rcx,%rbx,1),%xmm0
movdqu %xmm0,-0x10(%r14,%rax,1)
jmp    20365 <xbzrle::arch::x86_64::sse2::encode_sse2+0x875>
data16 cs nopw 0x0(%rax,%rax,1)
mov    %edx,0x90(%rsp)
cmp    %rdi,%r11
jb     2061c <xbzrle::arch::x86_64::sse2::encode_sse2+0xb2c>
cmp    0x950(%rsp),%r11
ja     2061c <xbzrle::arch::x86_64::sse2::encode_sse2+0xb2c>
add    %r9,%rdi
lea    0x90(%rsp),%rsi
mov    %rbp,%rdx
mov    %r11,0x8(%rsp)
call   *0x49229(%rip)        # 69710 <memcpy@GLIBC_2.14>
mov    0x8(%rsp),%r11
mov    0x28(%rsp),%r9
cmp    $0x10,%r14d
jae    2045d <xbzrle::arch::x86_64::sse2::encode_sse2+0x96d>
mov    0x10(%rsp),%rax
sub    %r15,%rax
cmp    $0x10,%rax
jb     2052c <xbzrle::arch::x86_64::sse2::encode_sse2+0xa3c>
sub    %rbp,%rbx
cmp    $0xf,%rbx
jbe    2052c <xbzrle::arch::x86_64::sse2::encode_sse2+0xa3c>
mov    (%rsp),%rax
movdqu (%rax,%r15,1),%xmm0
movdqu %xmm0,(%r9,%r11,1)
mov    0x30(%rsp),%rbx
jmp    20365 <xbzrle::arch::x86_64::sse2::encode_sse2+0x875>
mov    %r11,%rsi
add    %r14,%rsi
jb     20634 <xbzrle::arch::x86_64::sse2::encode_sse2+0xb44>
cmp    0x950(%rsp),%rsi
ja     20634 <xbzrle::arch::x86_64::sse2::encode_sse2+0xb44>
mov    0x30(%rsp),%rbx
cmp    %rbx,0x10(%rsp)
setb   %al
cmp    %r15w,%bx
jb     20585 <xbzrle::arch::x86_64::sse2::encode_sse2+0xa95>
test   %al,%al
jne    2064c <xbzrle::arch::x86_64::sse2::encode_sse2+0xb5c>
lea    (%r9,%r11,1),%rdi
add    (%rsp),%r15
mov    %r15,%rsi
mov    %r14,%rdx
mov    %r11,%r15
call   *0x49198(%rip)        # 69710 <memcpy@GLIBC_2.14>
mov    %r15,%r11
mov    0x28(%rsp),%r9
jmp    20365 <xbzrle::arch::x86_64::sse2::encode_sse2+0x875>
mov    $0x1,%al
test   %al,%al
je     20561 <xbzrle::arch::x86_64::sse2::encode_sse2+0xa71>
jmp    2064c <xbzrle::arch::x86_64::sse2::encode_sse2+0xb5c>
cmpb   $0x0,0x20(%rsp)
mov    0x10(%rsp),%r12
mov    0x18(%rsp),%rdi
je     205ea <xbzrle::arch::x86_64::sse2::encode_sse2+0xafa>
mov    $0x0,%r14d
mov    0x78(%rsp),%rax
test   $0x1,%al
mov    0x58(%rsp),%r15
je     1fb76 <xbzrle::arch::x86_64::sse2::encode_sse2+0x86>
lea    -0x1(%rax),%rdi
cmp    $0x3ff,%rdi
ja     20692 <xbzrle::arch::x86_64::sse2::encode_sse2+0xba2>
movzwl 0x116(%rsp,%rax,2),%eax
mov    %ax,0x118(%rsp)
mov    $0x1,%r14d
mov    0x18(%rsp),%rdi
jmp    1fb76 <xbzrle::arch::x86_64::sse2::encode_sse2+0x86>
mov    0x50(%rsp),%rax
mov    %r11,0x8(%rax)
mov    $0x3,%eax
mov    %rax,0x48(%rsp)
mov    0x50(%rsp),%rax
mov    0x48(%rsp),%rcx
mov    %rcx,(%rax)
add    $0x918,%rsp
pop    %rbx
pop    %r12
pop    %r13
pop    %r14
pop    %r15
pop    %rbp
ret
lea    0x46add(%rip),%rcx        # 67100 <__frame_dummy_init_array_entry+0x580>
mov    %r11,%rsi
mov    0x950(%rsp),%rdx
call   *0x4918c(%rip)        # 697c0 <_DYNAMIC+0x330>
lea    0x46af5(%rip),%rcx        # 67130 <__frame_dummy_init_array_entry+0x5b0>
mov    %r11,%rdi
mov    0x950(%rsp),%rdx
call   *0x49174(%rip)        # 697c0 <_DYNAMIC+0x330>
lea    0x46ac5(%rip),%rcx        # 67118 <__frame_dummy_init_array_entry+0x598>
mov    %r15,%rdi
mov    %rbx,%rsi
mov    0x10(%rsp),%rdx
call   *0x4915c(%rip)        # 697c0 <_DYNAMIC+0x330>
lea    -0x1876b(%rip),%rdi        # 7f00 <__abi_tag+0x7c04>
lea    0x46a46(%rip),%rdx        # 670b8 <__frame_dummy_init_array_entry+0x538>
mov    $0x4d,%esi
call   *0x49263(%rip)        # 698e0 <_DYNAMIC+0x450>
lea    0x46a4c(%rip),%rdx        # 670d0 <__frame_dummy_init_array_entry+0x550>
mov    $0x400,%esi
mov    %r14,%rdi
call   *0x49166(%rip)        # 697f8 <_DYNAMIC+0x368>
lea    0x46a4f(%rip),%rdx        # 670e8 <__frame_dummy_init_array_entry+0x568>
mov    $0x400,%esi
call   *0x49154(%rip)        # 697f8 <_DYNAMIC+0x368>
int3
int3
int3
int3
int3
int3
int3
int3
int3
int3
int3
int3
