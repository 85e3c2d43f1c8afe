000000000001e8c0 <xbzrle::arch::x86_64::sse2::encode_sse2>:
push   %rbp
push   %r15
push   %r14
push   %r13
push   %r12
push   %rbx
sub    $0x908,%rsp
mov    %r9,0x8(%rsp)
mov    %rcx,0x10(%rsp)
mov    %rdi,0x48(%rsp)
cmp    %r8,%rdx
jne    1f435 <xbzrle::arch::x86_64::sse2::encode_sse2+0xb75>
cmp    $0x4001,%r8
jae    1f435 <xbzrle::arch::x86_64::sse2::encode_sse2+0xb75>
mov    %rdx,%r11
mov    %rsi,%rbx
movq   $0x0,0x40(%rsp)
movq   $0x0,(%rsp)
xor    %r10d,%r10d
xor    %r15d,%r15d
xor    %r12d,%r12d
xor    %r14d,%r14d
mov    %rdx,0x28(%rsp)
mov    %rsi,0x68(%rsp)
cmp    %r11,%r14
jae    1f060 <xbzrle::arch::x86_64::sse2::encode_sse2+0x7a0>
mov    %r10,0x18(%rsp)
jmp    1e95c <xbzrle::arch::x86_64::sse2::encode_sse2+0x9c>
mov    $0x100,%eax
test   %r12,%r12
jne    1f044 <xbzrle::arch::x86_64::sse2::encode_sse2+0x784>
xor    %r12d,%r12d
data16 data16 cs nopw 0x0(%rax,%rax,1)
add    %rax,%r14
cmp    %r11,%r14
jae    1f060 <xbzrle::arch::x86_64::sse2::encode_sse2+0x7a0>
lea    0x100(%r15),%rax
cmp    $0x400,%rax
jae    1f090 <xbzrle::arch::x86_64::sse2::encode_sse2+0x7d0>
mov    %r11,%rbp
sub    %r14,%rbp
cmp    $0xff,%rbp
jbe    1ed30 <xbzrle::arch::x86_64::sse2::encode_sse2+0x470>
movdqu (%rbx,%r14,1),%xmm0
movdqu 0x10(%rbx,%r14,1),%xmm1
movdqu 0x20(%rbx,%r14,1),%xmm2
movdqu 0x30(%rbx,%r14,1),%xmm4
mov    0x10(%rsp),%rax
movdqu (%rax,%r14,1),%xmm3
pcmpeqb %xmm0,%xmm3
movdqu 0x10(%rax,%r14,1),%xmm5
pcmpeqb %xmm1,%xmm5
movdqu 0x20(%rax,%r14,1),%xmm8
pcmpeqb %xmm2,%xmm8
movdqu 0x30(%rax,%r14,1),%xmm10
pcmpeqb %xmm4,%xmm10
movdqa %xmm3,%xmm0
pand   %xmm5,%xmm0
movdqa %xmm8,%xmm1
pand   %xmm10,%xmm1
pand   %xmm0,%xmm1
movdqu 0x40(%rbx,%r14,1),%xmm2
movdqu 0x40(%rax,%r14,1),%xmm0
pcmpeqb %xmm2,%xmm0
movdqu 0x50(%rbx,%r14,1),%xmm2
movdqu 0x50(%rax,%r14,1),%xmm4
pcmpeqb %xmm2,%xmm4
movdqa %xmm0,0x50(%rsp)
movdqa %xmm0,%xmm2
pand   %xmm4,%xmm2
movdqu 0x60(%rbx,%r14,1),%xmm6
movdqu 0x60(%rax,%r14,1),%xmm9
pcmpeqb %xmm6,%xmm9
pand   %xmm9,%xmm2
pand   %xmm1,%xmm2
movdqu 0x70(%rbx,%r14,1),%xmm6
movdqu 0x70(%rax,%r14,1),%xmm1
pcmpeqb %xmm6,%xmm1
movdqu 0x80(%rbx,%r14,1),%xmm6
movdqu 0x80(%rax,%r14,1),%xmm0
pcmpeqb %xmm6,%xmm0
movdqa %xmm1,%xmm13
movdqa %xmm0,0x30(%rsp)
pand   %xmm0,%xmm13
movdqu 0x90(%rbx,%r14,1),%xmm7
movdqu 0x90(%rax,%r14,1),%xmm6
pcmpeqb %xmm7,%xmm6
pand   %xmm6,%xmm13
movdqu 0xa0(%rbx,%r14,1),%xmm7
movdqu 0xa0(%rax,%r14,1),%xmm11
pcmpeqb %xmm7,%xmm11
pand   %xmm11,%xmm13
pand   %xmm2,%xmm13
movdqu 0xb0(%rbx,%r14,1),%xmm2
movdqu 0xb0(%rax,%r14,1),%xmm14
pcmpeqb %xmm2,%xmm14
movdqu 0xc0(%rbx,%r14,1),%xmm7
movdqu 0xc0(%rax,%r14,1),%xmm2
pcmpeqb %xmm7,%xmm2
movdqu 0xd0(%rbx,%r14,1),%xmm12
movdqu 0xd0(%rax,%r14,1),%xmm7
pcmpeqb %xmm12,%xmm7
movdqu 0xe0(%rbx,%r14,1),%xmm15
movdqu 0xe0(%rax,%r14,1),%xmm12
pcmpeqb %xmm15,%xmm12
movdqu 0xf0(%rbx,%r14,1),%xmm0
movdqu 0xf0(%rax,%r14,1),%xmm15
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
je     1e933 <xbzrle::arch::x86_64::sse2::encode_sse2+0x73>
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
pmovmskb %xmm7,%r9d
shl    $0x10,%r9d
or     %r8d,%r9d
or     %rdi,%r9
shl    $0x30,%rcx
or     %r9,%rcx
not    %rsi
lea    (%rsi,%rsi,1),%rdi
or     %r12,%rdi
xor    %r8d,%r8d
xor    %rsi,%rdi
setne  %r8b
mov    $0x40,%r9d
tzcnt  %rdi,%r9
add    %r14d,%r9d
mov    %r9w,0x108(%rsp,%r15,2)
lea    (%r15,%r8,1),%r9
lea    -0x1(%rdi),%r10
and    %rdi,%r10
mov    $0x40,%edi
tzcnt  %r10,%rdi
add    %r14d,%edi
mov    %di,0x108(%rsp,%r9,2)
mov    %r10,%rdi
add    $0xffffffffffffffff,%rdi
adc    %r8,%r15
and    %r10,%rdi
je     1ec90 <xbzrle::arch::x86_64::sse2::encode_sse2+0x3d0>
data16 data16 data16 data16 data16 cs nopw 0x0(%rax,%rax,1)
mov    %rdi,%r8
tzcnt  %rdi,%rdi
add    %r14d,%edi
mov    %di,0x108(%rsp,%r15,2)
inc    %r15
lea    -0x1(%r8),%rdi
and    %r8,%rdi
jne    1ec70 <xbzrle::arch::x86_64::sse2::encode_sse2+0x3b0>
not    %rdx
shrd   $0x3f,%rdx,%rsi
lea    0x40(%r14),%rdi
xor    %r8d,%r8d
xor    %rdx,%rsi
setne  %r8b
mov    $0x40,%r9d
tzcnt  %rsi,%r9
add    %edi,%r9d
mov    %r9w,0x108(%rsp,%r15,2)
lea    (%r15,%r8,1),%r9
lea    -0x1(%rsi),%r10
and    %rsi,%r10
mov    $0x40,%esi
tzcnt  %r10,%rsi
add    %edi,%esi
mov    %si,0x108(%rsp,%r9,2)
mov    %r10,%rsi
add    $0xffffffffffffffff,%rsi
adc    %r8,%r15
and    %r10,%rsi
je     1ef25 <xbzrle::arch::x86_64::sse2::encode_sse2+0x665>
mov    0x18(%rsp),%r10
data16 cs nopw 0x0(%rax,%rax,1)
mov    %rsi,%r8
tzcnt  %rsi,%rsi
add    %edi,%esi
mov    %si,0x108(%rsp,%r15,2)
inc    %r15
lea    -0x1(%r8),%rsi
and    %r8,%rsi
jne    1ed00 <xbzrle::arch::x86_64::sse2::encode_sse2+0x440>
jmp    1ef2a <xbzrle::arch::x86_64::sse2::encode_sse2+0x66a>
data16 data16 cs nopw 0x0(%rax,%rax,1)
lea    (%rbx,%r14,1),%rsi
mov    0x10(%rsp),%rax
mov    %r14,0x30(%rsp)
add    %rax,%r14
cmp    $0x3f,%rbp
jbe    1edb0 <xbzrle::arch::x86_64::sse2::encode_sse2+0x4f0>
movdqu (%rsi),%xmm0
movdqu 0x10(%rsi),%xmm1
movdqu 0x20(%rsi),%xmm2
movdqu 0x30(%rsi),%xmm3
movdqu (%r14),%xmm4
pcmpeqb %xmm0,%xmm4
movdqu 0x10(%r14),%xmm0
pcmpeqb %xmm1,%xmm0
movdqu 0x20(%r14),%xmm1
pcmpeqb %xmm2,%xmm1
movdqu 0x30(%r14),%xmm2
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
jmp    1ee8e <xbzrle::arch::x86_64::sse2::encode_sse2+0x5ce>
nopl   0x0(%rax)
xorps  %xmm0,%xmm0
movaps %xmm0,0xf0(%rsp)
movaps %xmm0,0xe0(%rsp)
movaps %xmm0,0xd0(%rsp)
movaps %xmm0,0xc0(%rsp)
movaps %xmm0,0xb0(%rsp)
movaps %xmm0,0xa0(%rsp)
movaps %xmm0,0x90(%rsp)
movaps %xmm0,0x80(%rsp)
lea    0xc0(%rsp),%rdi
mov    %rbp,%rdx
mov    0x47a73(%rip),%r13        # 66878 <memcpy@GLIBC_2.14>
call   *%r13
lea    0x80(%rsp),%rdi
mov    %r14,%rsi
mov    %rbp,%rdx
call   *%r13
mov    0x18(%rsp),%r10
mov    0x28(%rsp),%r11
movdqa 0xc0(%rsp),%xmm0
movdqa 0xd0(%rsp),%xmm1
movdqa 0xe0(%rsp),%xmm2
movdqa 0xf0(%rsp),%xmm3
pcmpeqb 0x80(%rsp),%xmm0
pmovmskb %xmm0,%eax
pcmpeqb 0x90(%rsp),%xmm1
pmovmskb %xmm1,%ecx
shl    $0x10,%ecx
or     %eax,%ecx
pcmpeqb 0xa0(%rsp),%xmm2
pmovmskb %xmm2,%eax
shl    $0x20,%rax
or     %rcx,%rax
pcmpeqb 0xb0(%rsp),%xmm3
pmovmskb %xmm3,%ecx
shl    $0x30,%rcx
or     %rax,%rcx
not    %rcx
lea    (%rcx,%rcx,1),%rax
or     %r12,%rax
xor    %esi,%esi
xor    %rcx,%rax
setne  %sil
mov    $0x40,%edx
tzcnt  %rax,%rdx
mov    0x30(%rsp),%r14
add    %r14d,%edx
mov    %dx,0x108(%rsp,%r15,2)
lea    (%r15,%rsi,1),%rdi
lea    -0x1(%rax),%r8
and    %rax,%r8
mov    $0x40,%r9d
tzcnt  %r8,%r9
add    %r14d,%r9d
mov    %r8,%rdx
add    $0xffffffffffffffff,%rdx
adc    %rsi,%r15
mov    $0x40,%eax
mov    %r9w,0x108(%rsp,%rdi,2)
mov    %rcx,%r12
shr    $0x3f,%r12
and    %r8,%rdx
je     1e950 <xbzrle::arch::x86_64::sse2::encode_sse2+0x90>
nopl   (%rax)
mov    %rdx,%rcx
tzcnt  %rdx,%rdx
add    %r14d,%edx
mov    %dx,0x108(%rsp,%r15,2)
inc    %r15
lea    -0x1(%rcx),%rdx
and    %rcx,%rdx
jne    1ef00 <xbzrle::arch::x86_64::sse2::encode_sse2+0x640>
jmp    1e950 <xbzrle::arch::x86_64::sse2::encode_sse2+0x90>
mov    0x18(%rsp),%r10
not    %rax
shrd   $0x3f,%rax,%rdx
lea    0x80(%r14),%rsi
xor    %edi,%edi
xor    %rax,%rdx
setne  %dil
mov    $0x40,%r8d
tzcnt  %rdx,%r8
add    %esi,%r8d
mov    %r8w,0x108(%rsp,%r15,2)
lea    (%r15,%rdi,1),%r8
lea    -0x1(%rdx),%r9
and    %rdx,%r9
mov    $0x40,%edx
tzcnt  %r9,%rdx
add    %esi,%edx
mov    %dx,0x108(%rsp,%r8,2)
mov    %r9,%rdx
add    $0xffffffffffffffff,%rdx
adc    %rdi,%r15
and    %r9,%rdx
je     1efaf <xbzrle::arch::x86_64::sse2::encode_sse2+0x6ef>
nopl   0x0(%rax,%rax,1)
mov    %rdx,%rdi
tzcnt  %rdx,%rdx
add    %esi,%edx
mov    %dx,0x108(%rsp,%r15,2)
inc    %r15
lea    -0x1(%rdi),%rdx
and    %rdi,%rdx
jne    1ef90 <xbzrle::arch::x86_64::sse2::encode_sse2+0x6d0>
not    %rcx
shrd   $0x3f,%rcx,%rax
lea    0xc0(%r14),%rdx
xor    %edi,%edi
xor    %rcx,%rax
setne  %dil
mov    $0x40,%esi
tzcnt  %rax,%rsi
add    %edx,%esi
mov    %si,0x108(%rsp,%r15,2)
lea    (%r15,%rdi,1),%rsi
lea    -0x1(%rax),%r8
and    %rax,%r8
mov    $0x40,%eax
tzcnt  %r8,%rax
add    %edx,%eax
mov    %ax,0x108(%rsp,%rsi,2)
mov    %r8,%rsi
add    $0xffffffffffffffff,%rsi
adc    %rdi,%r15
mov    %rcx,%r12
shr    $0x3f,%r12
mov    $0x100,%eax
and    %r8,%rsi
je     1e950 <xbzrle::arch::x86_64::sse2::encode_sse2+0x90>
nopw   0x0(%rax,%rax,1)
mov    %rsi,%rcx
tzcnt  %rsi,%rsi
add    %edx,%esi
mov    %si,0x108(%rsp,%r15,2)
inc    %r15
lea    -0x1(%rcx),%rsi
and    %rcx,%rsi
jne    1f020 <xbzrle::arch::x86_64::sse2::encode_sse2+0x760>
jmp    1e950 <xbzrle::arch::x86_64::sse2::encode_sse2+0x90>
mov    %r14w,0x108(%rsp,%r15,2)
inc    %r15
jmp    1e941 <xbzrle::arch::x86_64::sse2::encode_sse2+0x81>
data16 cs nopw 0x0(%rax,%rax,1)
test   %r12,%r12
je     1f07e <xbzrle::arch::x86_64::sse2::encode_sse2+0x7be>
cmp    $0x3ff,%r15
ja     1f44e <xbzrle::arch::x86_64::sse2::encode_sse2+0xb8e>
mov    %r11w,0x108(%rsp,%r15,2)
inc    %r15
movq   $0x0,0x20(%rsp)
xor    %r12d,%r12d
jmp    1f097 <xbzrle::arch::x86_64::sse2::encode_sse2+0x7d7>
nopl   0x0(%rax)
mov    $0x1,%al
mov    %rax,0x20(%rsp)
mov    %r12,0x78(%rsp)
mov    %r14,0x30(%rsp)
mov    %r15,0x70(%rsp)
shr    %r15
mov    %r15,0x50(%rsp)
je     1f360 <xbzrle::arch::x86_64::sse2::encode_sse2+0xaa0>
xor    %r12d,%r12d
mov    %r10,%rdi
mov    (%rsp),%rbx
jmp    1f0f2 <xbzrle::arch::x86_64::sse2::encode_sse2+0x832>
mov    0x8(%rsp),%rax
add    %r10,%rax
mov    0x10(%rsp),%rcx
mov    (%rsp),%rbx
movdqu -0x10(%rcx,%rbx,1),%xmm0
movdqu %xmm0,-0x10(%r15,%rax,1)
add    %r15,%r10
inc    %r12
mov    %r10,%rdi
cmp    0x50(%rsp),%r12
je     1f364 <xbzrle::arch::x86_64::sse2::encode_sse2+0xaa4>
movzwl 0x108(%rsp,%r12,4),%r14d
mov    %r14,%rax
sub    %rbx,%rax
movzwl 0x10a(%rsp,%r12,4),%r10d
mov    %r10,%r15
sub    %r14,%r15
xor    %ecx,%ecx
cmp    $0x7f,%rax
seta   %r8b
xor    %esi,%esi
cmp    $0x7f,%r15
seta   %r9b
cmp    $0x80,%rax
jb     1f13a <xbzrle::arch::x86_64::sse2::encode_sse2+0x87a>
movzbl %al,%edx
and    $0xffffff80,%eax
lea    (%rdx,%rax,2),%eax
or     $0x80,%eax
cmp    $0x80,%r15
mov    %r10,(%rsp)
jae    1f150 <xbzrle::arch::x86_64::sse2::encode_sse2+0x890>
mov    %r15d,%edx
jmp    1f165 <xbzrle::arch::x86_64::sse2::encode_sse2+0x8a5>
nopl   0x0(%rax)
movzbl %r15b,%edx
mov    %r15d,%r10d
and    $0xffffff80,%r10d
lea    (%rdx,%r10,2),%edx
or     $0x80,%edx
mov    %r8b,%cl
mov    %r9b,%sil
lea    (%rsi,%rcx,1),%rbp
add    $0x2,%rbp
inc    %rcx
mov    0x940(%rsp),%rbx
sub    %rdi,%rbx
shl    $0x3,%ecx
shl    %cl,%edx
or     %eax,%edx
mov    %r11,%r13
sub    %r14,%r13
cmp    $0x40,%r13
jb     1f200 <xbzrle::arch::x86_64::sse2::encode_sse2+0x940>
cmp    $0x40,%r15d
ja     1f200 <xbzrle::arch::x86_64::sse2::encode_sse2+0x940>
lea    0x40(%rbp),%rax
cmp    %rax,%rbx
jb     1f200 <xbzrle::arch::x86_64::sse2::encode_sse2+0x940>
mov    0x8(%rsp),%rcx
lea    (%rcx,%rdi,1),%rax
mov    %edx,(%rcx,%rdi,1)
mov    0x10(%rsp),%rcx
movdqu (%rcx,%r14,1),%xmm0
movdqu 0x10(%rcx,%r14,1),%xmm1
movdqu 0x20(%rcx,%r14,1),%xmm2
movdqu 0x30(%rcx,%r14,1),%xmm3
movdqu %xmm3,0x30(%rbp,%rax,1)
movdqu %xmm2,0x20(%rbp,%rax,1)
movdqu %xmm1,0x10(%rbp,%rax,1)
movdqu %xmm0,0x0(%rbp,%rax,1)
add    %rdi,%rbp
mov    %rbp,%r10
mov    (%rsp),%rbx
jmp    1f0de <xbzrle::arch::x86_64::sse2::encode_sse2+0x81e>
cs nopw 0x0(%rax,%rax,1)
cmp    $0x3fff,%r15
ja     1f3d0 <xbzrle::arch::x86_64::sse2::encode_sse2+0xb10>
lea    (%r15,%rbp,1),%rax
cmp    %rbx,%rax
ja     1f3d0 <xbzrle::arch::x86_64::sse2::encode_sse2+0xb10>
lea    (%rdi,%rbp,1),%r10
cmp    $0x3,%rbx
jbe    1f280 <xbzrle::arch::x86_64::sse2::encode_sse2+0x9c0>
mov    0x8(%rsp),%rax
mov    %edx,(%rax,%rdi,1)
cmp    $0x10,%r15d
jb     1f2cd <xbzrle::arch::x86_64::sse2::encode_sse2+0xa0d>
cmp    $0x10,%r15d
je     1f0c0 <xbzrle::arch::x86_64::sse2::encode_sse2+0x800>
add    0x10(%rsp),%r14
mov    0x8(%rsp),%rax
add    %r10,%rax
mov    $0x10,%ecx
data16 data16 data16 data16 cs nopw 0x0(%rax,%rax,1)
movdqu -0x10(%r14,%rcx,1),%xmm0
movdqu %xmm0,-0x10(%rax,%rcx,1)
add    $0x10,%rcx
cmp    %r15,%rcx
jb     1f260 <xbzrle::arch::x86_64::sse2::encode_sse2+0x9a0>
jmp    1f0c0 <xbzrle::arch::x86_64::sse2::encode_sse2+0x800>
nopl   0x0(%rax,%rax,1)
mov    %edx,0x80(%rsp)
cmp    %rdi,%r10
jb     1f3ef <xbzrle::arch::x86_64::sse2::encode_sse2+0xb2f>
cmp    0x940(%rsp),%r10
ja     1f3ef <xbzrle::arch::x86_64::sse2::encode_sse2+0xb2f>
add    0x8(%rsp),%rdi
lea    0x80(%rsp),%rsi
mov    %rbp,%rdx
mov    %r10,0x18(%rsp)
call   *0x475bf(%rip)        # 66878 <memcpy@GLIBC_2.14>
mov    0x18(%rsp),%r10
mov    0x28(%rsp),%r11
cmp    $0x10,%r15d
jae    1f236 <xbzrle::arch::x86_64::sse2::encode_sse2+0x976>
cmp    $0x10,%r13
jb     1f2f7 <xbzrle::arch::x86_64::sse2::encode_sse2+0xa37>
sub    %rbp,%rbx
cmp    $0xf,%rbx
jbe    1f2f7 <xbzrle::arch::x86_64::sse2::encode_sse2+0xa37>
mov    0x10(%rsp),%rax
movdqu (%rax,%r14,1),%xmm0
mov    0x8(%rsp),%rax
movdqu %xmm0,(%rax,%r10,1)
jmp    1f1ed <xbzrle::arch::x86_64::sse2::encode_sse2+0x92d>
mov    %r10,%rsi
add    %r15,%rsi
jb     1f407 <xbzrle::arch::x86_64::sse2::encode_sse2+0xb47>
cmp    0x940(%rsp),%rsi
ja     1f407 <xbzrle::arch::x86_64::sse2::encode_sse2+0xb47>
mov    (%rsp),%rbx
cmp    %rbx,%r11
setb   %al
cmp    %r14w,%bx
jb     1f353 <xbzrle::arch::x86_64::sse2::encode_sse2+0xa93>
test   %al,%al
jne    1f41f <xbzrle::arch::x86_64::sse2::encode_sse2+0xb5f>
mov    0x8(%rsp),%rax
lea    (%rax,%r10,1),%rdi
add    0x10(%rsp),%r14
mov    %r14,%rsi
mov    %r15,%rdx
mov    %r10,%r14
call   *0x47532(%rip)        # 66878 <memcpy@GLIBC_2.14>
mov    %r14,%r10
mov    0x28(%rsp),%r11
jmp    1f0de <xbzrle::arch::x86_64::sse2::encode_sse2+0x81e>
mov    $0x1,%al
test   %al,%al
je     1f329 <xbzrle::arch::x86_64::sse2::encode_sse2+0xa69>
jmp    1f41f <xbzrle::arch::x86_64::sse2::encode_sse2+0xb5f>
xchg   %ax,%ax
mov    (%rsp),%rbx
cmpb   $0x0,0x20(%rsp)
je     1f3bd <xbzrle::arch::x86_64::sse2::encode_sse2+0xafd>
mov    %rbx,(%rsp)
mov    $0x0,%r15d
mov    0x70(%rsp),%rax
test   $0x1,%al
mov    0x68(%rsp),%rbx
mov    0x30(%rsp),%r14
mov    0x78(%rsp),%r12
je     1e923 <xbzrle::arch::x86_64::sse2::encode_sse2+0x63>
lea    -0x1(%rax),%rdi
cmp    $0x3ff,%rdi
ja     1f463 <xbzrle::arch::x86_64::sse2::encode_sse2+0xba3>
movzwl 0x106(%rsp,%rax,2),%eax
mov    %ax,0x108(%rsp)
mov    $0x1,%r15d
jmp    1e923 <xbzrle::arch::x86_64::sse2::encode_sse2+0x63>
mov    0x48(%rsp),%rax
mov    %r10,0x8(%rax)
mov    $0x3,%eax
mov    %rax,0x40(%rsp)
mov    0x48(%rsp),%rax
mov    0x40(%rsp),%rcx
mov    %rcx,(%rax)
add    $0x908,%rsp
pop    %rbx
pop    %r12
pop    %r13
pop    %r14
pop    %r15
pop    %rbp
ret
lea    0x44e5a(%rip),%rcx        # 64250 <__frame_dummy_init_array_entry+0x450>
mov    %r10,%rsi
mov    0x940(%rsp),%rdx
call   *0x47501(%rip)        # 66908 <_DYNAMIC+0x310>
lea    0x44e72(%rip),%rcx        # 64280 <__frame_dummy_init_array_entry+0x480>
mov    %r10,%rdi
mov    0x940(%rsp),%rdx
call   *0x474e9(%rip)        # 66908 <_DYNAMIC+0x310>
lea    0x44e42(%rip),%rcx        # 64268 <__frame_dummy_init_array_entry+0x468>
mov    %r14,%rdi
mov    %rbx,%rsi
mov    %r11,%rdx
call   *0x474d3(%rip)        # 66908 <_DYNAMIC+0x310>
lea    -0x17828(%rip),%rdi        # 7c14 <__abi_tag+0x7918>
lea    0x44dc5(%rip),%rdx        # 64208 <__frame_dummy_init_array_entry+0x408>
mov    $0x4d,%esi
call   *0x475a2(%rip)        # 669f0 <_DYNAMIC+0x3f8>
lea    0x44dcb(%rip),%rdx        # 64220 <__frame_dummy_init_array_entry+0x420>
mov    $0x400,%esi
mov    %r15,%rdi
call   *0x474d5(%rip)        # 66938 <_DYNAMIC+0x340>
lea    0x44dce(%rip),%rdx        # 64238 <__frame_dummy_init_array_entry+0x438>
mov    $0x400,%esi
call   *0x474c3(%rip)        # 66938 <_DYNAMIC+0x340>
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
