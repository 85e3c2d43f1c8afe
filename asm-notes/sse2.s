000000000001e310 <xbzrle::arch::x86_64::sse2::encode_sse2>:
push   %rbp
push   %r15
push   %r14
push   %r13
push   %r12
push   %rbx
sub    $0x8f8,%rsp
mov    %rsi,0x38(%rsp)
cmp    %r8,%rdx
jne    1edf9 <xbzrle::arch::x86_64::sse2::encode_sse2+0xae9>
cmp    $0x4001,%r8
jae    1edf9 <xbzrle::arch::x86_64::sse2::encode_sse2+0xae9>
mov    %rcx,%rbp
mov    %rdx,%rbx
mov    %rdi,0x18(%rsp)
xor    %r11d,%r11d
xor    %r12d,%r12d
xor    %r15d,%r15d
xor    %edi,%edi
xor    %r13d,%r13d
mov    %r9,0x28(%rsp)
mov    %rdx,0x10(%rsp)
mov    %rcx,0x8(%rsp)
cmp    %rbx,%r13
jae    1eaa0 <xbzrle::arch::x86_64::sse2::encode_sse2+0x790>
mov    %r11,(%rsp)
jmp    1e39c <xbzrle::arch::x86_64::sse2::encode_sse2+0x8c>
mov    $0x100,%eax
test   %rdi,%rdi
jne    1ea84 <xbzrle::arch::x86_64::sse2::encode_sse2+0x774>
xor    %edi,%edi
data16 data16 data16 cs nopw 0x0(%rax,%rax,1)
add    %rax,%r13
cmp    %rbx,%r13
jae    1eaa0 <xbzrle::arch::x86_64::sse2::encode_sse2+0x790>
lea    0x100(%r15),%rax
cmp    $0x400,%rax
jae    1ead0 <xbzrle::arch::x86_64::sse2::encode_sse2+0x7c0>
mov    %rbx,%r14
sub    %r13,%r14
cmp    $0xff,%r14
jbe    1e770 <xbzrle::arch::x86_64::sse2::encode_sse2+0x460>
mov    0x38(%rsp),%rax
movdqu (%rax,%r13,1),%xmm0
movdqu 0x10(%rax,%r13,1),%xmm1
movdqu 0x20(%rax,%r13,1),%xmm2
movdqu 0x30(%rax,%r13,1),%xmm4
movdqu 0x0(%rbp,%r13,1),%xmm3
pcmpeqb %xmm0,%xmm3
movdqu 0x10(%rbp,%r13,1),%xmm5
pcmpeqb %xmm1,%xmm5
movdqu 0x20(%rbp,%r13,1),%xmm8
pcmpeqb %xmm2,%xmm8
movdqu 0x30(%rbp,%r13,1),%xmm10
pcmpeqb %xmm4,%xmm10
movdqa %xmm3,%xmm0
pand   %xmm5,%xmm0
movdqa %xmm8,%xmm1
pand   %xmm10,%xmm1
pand   %xmm0,%xmm1
movdqu 0x40(%rax,%r13,1),%xmm2
movdqu 0x40(%rbp,%r13,1),%xmm0
pcmpeqb %xmm2,%xmm0
movdqu 0x50(%rax,%r13,1),%xmm2
movdqu 0x50(%rbp,%r13,1),%xmm4
pcmpeqb %xmm2,%xmm4
movdqa %xmm0,0x50(%rsp)
movdqa %xmm0,%xmm2
pand   %xmm4,%xmm2
movdqu 0x60(%rax,%r13,1),%xmm6
movdqu 0x60(%rbp,%r13,1),%xmm9
pcmpeqb %xmm6,%xmm9
pand   %xmm9,%xmm2
pand   %xmm1,%xmm2
movdqu 0x70(%rax,%r13,1),%xmm6
movdqu 0x70(%rbp,%r13,1),%xmm1
pcmpeqb %xmm6,%xmm1
movdqu 0x80(%rax,%r13,1),%xmm6
movdqu 0x80(%rbp,%r13,1),%xmm0
pcmpeqb %xmm6,%xmm0
movdqa %xmm1,%xmm13
movdqa %xmm0,0x40(%rsp)
pand   %xmm0,%xmm13
movdqu 0x90(%rax,%r13,1),%xmm7
movdqu 0x90(%rbp,%r13,1),%xmm6
pcmpeqb %xmm7,%xmm6
pand   %xmm6,%xmm13
movdqu 0xa0(%rax,%r13,1),%xmm7
movdqu 0xa0(%rbp,%r13,1),%xmm11
pcmpeqb %xmm7,%xmm11
pand   %xmm11,%xmm13
pand   %xmm2,%xmm13
movdqu 0xb0(%rax,%r13,1),%xmm2
movdqu 0xb0(%rbp,%r13,1),%xmm14
pcmpeqb %xmm2,%xmm14
movdqu 0xc0(%rax,%r13,1),%xmm7
movdqu 0xc0(%rbp,%r13,1),%xmm2
pcmpeqb %xmm7,%xmm2
movdqu 0xd0(%rax,%r13,1),%xmm12
movdqu 0xd0(%rbp,%r13,1),%xmm7
pcmpeqb %xmm12,%xmm7
movdqu 0xe0(%rax,%r13,1),%xmm15
movdqu 0xe0(%rbp,%r13,1),%xmm12
pcmpeqb %xmm15,%xmm12
movdqu 0xf0(%rax,%r13,1),%xmm0
movdqu 0xf0(%rbp,%r13,1),%xmm15
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
je     1e373 <xbzrle::arch::x86_64::sse2::encode_sse2+0x63>
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
movdqa 0x50(%rsp),%xmm0
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
movdqa 0x40(%rsp),%xmm0
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
mov    %r10w,0xf8(%rsp,%r15,2)
lea    (%r15,%r8,1),%r11
lea    -0x1(%rdi),%r10
and    %rdi,%r10
mov    $0x40,%edi
tzcnt  %r10,%rdi
add    %r13d,%edi
mov    %di,0xf8(%rsp,%r11,2)
mov    %r10,%rdi
add    $0xffffffffffffffff,%rdi
adc    %r8,%r15
and    %r10,%rdi
je     1e6d0 <xbzrle::arch::x86_64::sse2::encode_sse2+0x3c0>
data16 cs nopw 0x0(%rax,%rax,1)
mov    %rdi,%r8
tzcnt  %rdi,%rdi
add    %r13d,%edi
mov    %di,0xf8(%rsp,%r15,2)
inc    %r15
lea    -0x1(%r8),%rdi
and    %r8,%rdi
jne    1e6b0 <xbzrle::arch::x86_64::sse2::encode_sse2+0x3a0>
not    %rdx
shrd   $0x3f,%rdx,%rsi
lea    0x40(%r13),%rdi
xor    %r8d,%r8d
xor    %rdx,%rsi
setne  %r8b
mov    $0x40,%r10d
tzcnt  %rsi,%r10
add    %edi,%r10d
mov    %r10w,0xf8(%rsp,%r15,2)
lea    (%r15,%r8,1),%r11
lea    -0x1(%rsi),%r10
and    %rsi,%r10
mov    $0x40,%esi
tzcnt  %r10,%rsi
add    %edi,%esi
mov    %si,0xf8(%rsp,%r11,2)
mov    %r10,%rsi
add    $0xffffffffffffffff,%rsi
adc    %r8,%r15
and    %r10,%rsi
je     1e965 <xbzrle::arch::x86_64::sse2::encode_sse2+0x655>
mov    (%rsp),%r11
data16 data16 cs nopw 0x0(%rax,%rax,1)
mov    %rsi,%r8
tzcnt  %rsi,%rsi
add    %edi,%esi
mov    %si,0xf8(%rsp,%r15,2)
inc    %r15
lea    -0x1(%r8),%rsi
and    %r8,%rsi
jne    1e740 <xbzrle::arch::x86_64::sse2::encode_sse2+0x430>
jmp    1e969 <xbzrle::arch::x86_64::sse2::encode_sse2+0x659>
data16 data16 cs nopw 0x0(%rax,%rax,1)
mov    0x38(%rsp),%rax
lea    (%rax,%r13,1),%rsi
mov    %rbp,%rbx
add    %r13,%rbx
cmp    $0x3f,%r14
jbe    1e7f0 <xbzrle::arch::x86_64::sse2::encode_sse2+0x4e0>
movdqu (%rsi),%xmm0
movdqu 0x10(%rsi),%xmm1
movdqu 0x20(%rsi),%xmm2
movdqu 0x30(%rsi),%xmm3
movdqu (%rbx),%xmm4
pcmpeqb %xmm0,%xmm4
movdqu 0x10(%rbx),%xmm0
pcmpeqb %xmm1,%xmm0
movdqu 0x20(%rbx),%xmm1
pcmpeqb %xmm2,%xmm1
movdqu 0x30(%rbx),%xmm2
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
jmp    1e8ce <xbzrle::arch::x86_64::sse2::encode_sse2+0x5be>
data16 data16 data16 cs nopw 0x0(%rax,%rax,1)
xorps  %xmm0,%xmm0
movaps %xmm0,0xe0(%rsp)
movaps %xmm0,0xd0(%rsp)
movaps %xmm0,0xc0(%rsp)
movaps %xmm0,0xb0(%rsp)
movaps %xmm0,0xa0(%rsp)
movaps %xmm0,0x90(%rsp)
movaps %xmm0,0x80(%rsp)
movaps %xmm0,0x70(%rsp)
mov    %rdi,%rbp
lea    0xb0(%rsp),%rdi
mov    %r14,%rdx
call   *0x478f4(%rip)        # 66138 <memcpy@GLIBC_2.14>
lea    0x70(%rsp),%rdi
mov    %rbx,%rsi
mov    %r14,%rdx
call   *0x478e3(%rip)        # 66138 <memcpy@GLIBC_2.14>
mov    %rbp,%rdi
mov    0x8(%rsp),%rbp
mov    (%rsp),%r11
mov    0x28(%rsp),%r9
movdqa 0xb0(%rsp),%xmm0
movdqa 0xc0(%rsp),%xmm1
movdqa 0xd0(%rsp),%xmm2
movdqa 0xe0(%rsp),%xmm3
pcmpeqb 0x70(%rsp),%xmm0
pmovmskb %xmm0,%eax
pcmpeqb 0x80(%rsp),%xmm1
pmovmskb %xmm1,%ecx
shl    $0x10,%ecx
or     %eax,%ecx
pcmpeqb 0x90(%rsp),%xmm2
pmovmskb %xmm2,%eax
shl    $0x20,%rax
or     %rcx,%rax
pcmpeqb 0xa0(%rsp),%xmm3
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
mov    %dx,0xf8(%rsp,%r15,2)
lea    (%r15,%rsi,1),%rdi
lea    -0x1(%rax),%r8
and    %rax,%r8
mov    $0x40,%r10d
tzcnt  %r8,%r10
add    %r13d,%r10d
mov    %r8,%rdx
add    $0xffffffffffffffff,%rdx
adc    %rsi,%r15
mov    $0x40,%eax
mov    %r10w,0xf8(%rsp,%rdi,2)
mov    %rcx,%rdi
shr    $0x3f,%rdi
and    %r8,%rdx
mov    0x10(%rsp),%rbx
je     1e390 <xbzrle::arch::x86_64::sse2::encode_sse2+0x80>
nopl   (%rax)
mov    %rdx,%rcx
tzcnt  %rdx,%rdx
add    %r13d,%edx
mov    %dx,0xf8(%rsp,%r15,2)
inc    %r15
lea    -0x1(%rcx),%rdx
and    %rcx,%rdx
jne    1e940 <xbzrle::arch::x86_64::sse2::encode_sse2+0x630>
jmp    1e390 <xbzrle::arch::x86_64::sse2::encode_sse2+0x80>
mov    (%rsp),%r11
not    %rax
shrd   $0x3f,%rax,%rdx
lea    0x80(%r13),%rsi
xor    %edi,%edi
xor    %rax,%rdx
setne  %dil
mov    $0x40,%r8d
tzcnt  %rdx,%r8
add    %esi,%r8d
mov    %r8w,0xf8(%rsp,%r15,2)
lea    (%r15,%rdi,1),%r8
lea    -0x1(%rdx),%r10
and    %rdx,%r10
mov    $0x40,%edx
tzcnt  %r10,%rdx
add    %esi,%edx
mov    %dx,0xf8(%rsp,%r8,2)
mov    %r10,%rdx
add    $0xffffffffffffffff,%rdx
adc    %rdi,%r15
and    %r10,%rdx
je     1e9ef <xbzrle::arch::x86_64::sse2::encode_sse2+0x6df>
nopw   0x0(%rax,%rax,1)
mov    %rdx,%rdi
tzcnt  %rdx,%rdx
add    %esi,%edx
mov    %dx,0xf8(%rsp,%r15,2)
inc    %r15
lea    -0x1(%rdi),%rdx
and    %rdi,%rdx
jne    1e9d0 <xbzrle::arch::x86_64::sse2::encode_sse2+0x6c0>
not    %rcx
shrd   $0x3f,%rcx,%rax
lea    0xc0(%r13),%rdx
xor    %edi,%edi
xor    %rcx,%rax
setne  %dil
mov    $0x40,%esi
tzcnt  %rax,%rsi
add    %edx,%esi
mov    %si,0xf8(%rsp,%r15,2)
lea    (%r15,%rdi,1),%rsi
lea    -0x1(%rax),%r8
and    %rax,%r8
mov    $0x40,%eax
tzcnt  %r8,%rax
add    %edx,%eax
mov    %ax,0xf8(%rsp,%rsi,2)
mov    %r8,%rsi
add    $0xffffffffffffffff,%rsi
adc    %rdi,%r15
mov    %rcx,%rdi
shr    $0x3f,%rdi
mov    $0x100,%eax
and    %r8,%rsi
je     1e390 <xbzrle::arch::x86_64::sse2::encode_sse2+0x80>
nopw   0x0(%rax,%rax,1)
mov    %rsi,%rcx
tzcnt  %rsi,%rsi
add    %edx,%esi
mov    %si,0xf8(%rsp,%r15,2)
inc    %r15
lea    -0x1(%rcx),%rsi
and    %rcx,%rsi
jne    1ea60 <xbzrle::arch::x86_64::sse2::encode_sse2+0x750>
jmp    1e390 <xbzrle::arch::x86_64::sse2::encode_sse2+0x80>
mov    %r13w,0xf8(%rsp,%r15,2)
inc    %r15
jmp    1e381 <xbzrle::arch::x86_64::sse2::encode_sse2+0x71>
data16 cs nopw 0x0(%rax,%rax,1)
test   %rdi,%rdi
je     1eabe <xbzrle::arch::x86_64::sse2::encode_sse2+0x7ae>
cmp    $0x3ff,%r15
ja     1ee12 <xbzrle::arch::x86_64::sse2::encode_sse2+0xb02>
mov    %bx,0xf8(%rsp,%r15,2)
inc    %r15
movq   $0x0,0x20(%rsp)
xor    %edi,%edi
jmp    1ead7 <xbzrle::arch::x86_64::sse2::encode_sse2+0x7c7>
nopl   0x0(%rax,%rax,1)
mov    $0x1,%al
mov    %rax,0x20(%rsp)
mov    %rdi,0x30(%rsp)
mov    %r15,0x68(%rsp)
shr    %r15
mov    %r15,0x50(%rsp)
je     1ed30 <xbzrle::arch::x86_64::sse2::encode_sse2+0xa20>
xor    %r10d,%r10d
mov    %r12,%rdi
jmp    1eb26 <xbzrle::arch::x86_64::sse2::encode_sse2+0x816>
nopw   0x0(%rax,%rax,1)
lea    (%r9,%r12,1),%rax
movdqu -0x10(%rbp,%r11,1),%xmm0
movdqu %xmm0,-0x10(%r15,%rax,1)
add    %r15,%r12
inc    %r10
mov    %r12,%rdi
cmp    0x50(%rsp),%r10
je     1ed30 <xbzrle::arch::x86_64::sse2::encode_sse2+0xa20>
movzwl 0xf8(%rsp,%r10,4),%r14d
mov    %r14,%rax
sub    %r11,%rax
movzwl 0xfa(%rsp,%r10,4),%r11d
mov    %r11,%r15
sub    %r14,%r15
mov    %r15,%rcx
or     %rax,%rcx
cmp    $0x3fff,%rcx
ja     1ed85 <xbzrle::arch::x86_64::sse2::encode_sse2+0xa75>
xor    %ecx,%ecx
cmp    $0x7f,%rax
seta   %cl
xor    %edx,%edx
cmp    $0x7f,%r15
seta   %dl
lea    (%rdx,%rcx,1),%rsi
inc    %rsi
mov    0x930(%rsp),%rbp
sub    %rdi,%rbp
add    %r15,%rsi
inc    %rsi
cmp    %rbp,%rsi
ja     1ed85 <xbzrle::arch::x86_64::sse2::encode_sse2+0xa75>
cmp    $0x80,%rax
jb     1eba2 <xbzrle::arch::x86_64::sse2::encode_sse2+0x892>
movzbl %al,%esi
and    $0x3f80,%eax
lea    (%rsi,%rax,2),%eax
or     $0x80,%eax
cmp    $0x80,%r15
jae    1ebb0 <xbzrle::arch::x86_64::sse2::encode_sse2+0x8a0>
mov    %r15d,%esi
jmp    1ebc8 <xbzrle::arch::x86_64::sse2::encode_sse2+0x8b8>
movzbl %r15b,%esi
mov    %r15d,%r8d
and    $0x3f80,%r8d
lea    (%rsi,%r8,2),%esi
or     $0x80,%esi
lea    (%rdx,%rcx,1),%rbx
add    $0x2,%rbx
inc    %rcx
shl    $0x3,%ecx
shl    %cl,%esi
or     %eax,%esi
lea    (%rbx,%rdi,1),%r12
cmp    $0x3,%rbp
jbe    1ec30 <xbzrle::arch::x86_64::sse2::encode_sse2+0x920>
mov    %esi,(%r9,%rdi,1)
cmp    $0x10,%r15d
jb     1ec83 <xbzrle::arch::x86_64::sse2::encode_sse2+0x973>
cmp    $0x10,%r15d
mov    0x8(%rsp),%rbp
je     1eb00 <xbzrle::arch::x86_64::sse2::encode_sse2+0x7f0>
add    %rbp,%r14
lea    (%r9,%r12,1),%rax
mov    $0x10,%ecx
nopl   (%rax)
movdqu -0x10(%r14,%rcx,1),%xmm0
movdqu %xmm0,-0x10(%rax,%rcx,1)
add    $0x10,%rcx
cmp    %r15,%rcx
jb     1ec10 <xbzrle::arch::x86_64::sse2::encode_sse2+0x900>
jmp    1eb00 <xbzrle::arch::x86_64::sse2::encode_sse2+0x7f0>
nopl   0x0(%rax,%rax,1)
mov    %esi,0x70(%rsp)
cmp    %rdi,%r12
jb     1edb1 <xbzrle::arch::x86_64::sse2::encode_sse2+0xaa1>
cmp    0x930(%rsp),%r12
ja     1edb1 <xbzrle::arch::x86_64::sse2::encode_sse2+0xaa1>
add    %r9,%rdi
lea    0x70(%rsp),%rsi
mov    %rbx,%rdx
mov    %r12,0x40(%rsp)
mov    %r11,%r12
mov    %r10,(%rsp)
call   *0x474d0(%rip)        # 66138 <memcpy@GLIBC_2.14>
mov    (%rsp),%r10
mov    %r12,%r11
mov    0x40(%rsp),%r12
mov    0x28(%rsp),%r9
cmp    $0x10,%r15d
jae    1ebf2 <xbzrle::arch::x86_64::sse2::encode_sse2+0x8e2>
mov    0x10(%rsp),%rax
sub    %r14,%rax
cmp    $0x10,%rax
jb     1ecc0 <xbzrle::arch::x86_64::sse2::encode_sse2+0x9b0>
sub    %rbx,%rbp
cmp    $0xf,%rbp
jbe    1ecc0 <xbzrle::arch::x86_64::sse2::encode_sse2+0x9b0>
mov    0x8(%rsp),%rbp
movdqu 0x0(%rbp,%r14,1),%xmm0
movdqu %xmm0,(%r9,%r12,1)
jmp    1eb12 <xbzrle::arch::x86_64::sse2::encode_sse2+0x802>
data16 data16 data16 data16 data16 cs nopw 0x0(%rax,%rax,1)
mov    %r12,%rsi
add    %r15,%rsi
jb     1edc9 <xbzrle::arch::x86_64::sse2::encode_sse2+0xab9>
cmp    0x930(%rsp),%rsi
ja     1edc9 <xbzrle::arch::x86_64::sse2::encode_sse2+0xab9>
cmp    %r11,0x10(%rsp)
setb   %al
cmp    %r14w,%r11w
jb     1ed1e <xbzrle::arch::x86_64::sse2::encode_sse2+0xa0e>
mov    0x8(%rsp),%rbp
test   %al,%al
jne    1ede1 <xbzrle::arch::x86_64::sse2::encode_sse2+0xad1>
lea    (%r9,%r12,1),%rdi
add    %rbp,%r14
mov    %r14,%rsi
mov    %r15,%rdx
mov    %r11,%rbx
mov    %r10,%r14
call   *0x4742a(%rip)        # 66138 <memcpy@GLIBC_2.14>
mov    %r14,%r10
mov    %rbx,%r11
mov    0x28(%rsp),%r9
jmp    1eb12 <xbzrle::arch::x86_64::sse2::encode_sse2+0x802>
mov    $0x1,%al
mov    0x8(%rsp),%rbp
test   %al,%al
je     1ecf5 <xbzrle::arch::x86_64::sse2::encode_sse2+0x9e5>
jmp    1ede1 <xbzrle::arch::x86_64::sse2::encode_sse2+0xad1>
xchg   %ax,%ax
cmpb   $0x0,0x20(%rsp)
mov    0x10(%rsp),%rbx
mov    0x30(%rsp),%rdi
je     1eda1 <xbzrle::arch::x86_64::sse2::encode_sse2+0xa91>
mov    $0x0,%r15d
mov    0x68(%rsp),%rax
test   $0x1,%al
je     1e364 <xbzrle::arch::x86_64::sse2::encode_sse2+0x54>
lea    -0x1(%rax),%rdi
cmp    $0x3ff,%rdi
ja     1ee27 <xbzrle::arch::x86_64::sse2::encode_sse2+0xb17>
movzwl 0xf6(%rsp,%rax,2),%eax
mov    %ax,0xf8(%rsp)
mov    $0x1,%r15d
mov    0x30(%rsp),%rdi
jmp    1e364 <xbzrle::arch::x86_64::sse2::encode_sse2+0x54>
mov    0x18(%rsp),%rax
xor    %ecx,%ecx
mov    %rcx,(%rax)
add    $0x8f8,%rsp
pop    %rbx
pop    %r12
pop    %r13
pop    %r14
pop    %r15
pop    %rbp
ret
mov    0x18(%rsp),%rax
mov    %r12,0x8(%rax)
mov    $0x3,%ecx
jmp    1ed8c <xbzrle::arch::x86_64::sse2::encode_sse2+0xa7c>
lea    0x44d58(%rip),%rcx        # 63b10 <__frame_dummy_init_array_entry+0x450>
mov    %r12,%rsi
mov    0x930(%rsp),%rdx
call   *0x473ff(%rip)        # 661c8 <_DYNAMIC+0x310>
lea    0x44d70(%rip),%rcx        # 63b40 <__frame_dummy_init_array_entry+0x480>
mov    %r12,%rdi
mov    0x930(%rsp),%rdx
call   *0x473e7(%rip)        # 661c8 <_DYNAMIC+0x310>
lea    0x44d40(%rip),%rcx        # 63b28 <__frame_dummy_init_array_entry+0x468>
mov    %r14,%rdi
mov    %r11,%rsi
mov    0x10(%rsp),%rdx
call   *0x473cf(%rip)        # 661c8 <_DYNAMIC+0x310>
lea    -0x1724c(%rip),%rdi        # 7bb4 <__abi_tag+0x78b8>
lea    0x44cc1(%rip),%rdx        # 63ac8 <__frame_dummy_init_array_entry+0x408>
mov    $0x4d,%esi
call   *0x47496(%rip)        # 662a8 <_DYNAMIC+0x3f0>
lea    0x44cc7(%rip),%rdx        # 63ae0 <__frame_dummy_init_array_entry+0x420>
mov    $0x400,%esi
mov    %r15,%rdi
call   *0x473c9(%rip)        # 661f0 <_DYNAMIC+0x338>
lea    0x44cca(%rip),%rdx        # 63af8 <__frame_dummy_init_array_entry+0x438>
mov    $0x400,%esi
call   *0x473b7(%rip)        # 661f0 <_DYNAMIC+0x338>
int3
int3
int3
int3
int3
int3
int3
