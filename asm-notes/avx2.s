000000000001da50 <xbzrle::arch::x86_64::avx2::encode_avx2>:
push   %rbp
push   %r15
push   %r14
push   %r13
push   %r12
push   %rbx
sub    $0x8e8,%rsp
mov    %rsi,0x40(%rsp)
cmp    %r8,%rdx
jne    1e2c0 <xbzrle::arch::x86_64::avx2::encode_avx2+0x870>
cmp    $0x4001,%r8
jae    1e2c0 <xbzrle::arch::x86_64::avx2::encode_avx2+0x870>
mov    %rcx,%rbp
mov    %rdi,0x28(%rsp)
xor    %r10d,%r10d
xor    %r12d,%r12d
xor    %r15d,%r15d
xor    %r14d,%r14d
xor    %ebx,%ebx
mov    %r9,0x38(%rsp)
mov    %rdx,0x10(%rsp)
mov    %rcx,0x20(%rsp)
cmp    %rdx,%rbx
jae    1df50 <xbzrle::arch::x86_64::avx2::encode_avx2+0x500>
mov    %r10,0x8(%rsp)
jmp    1dadc <xbzrle::arch::x86_64::avx2::encode_avx2+0x8c>
mov    $0x100,%eax
cmpq   $0x0,0x18(%rsp)
jne    1df30 <xbzrle::arch::x86_64::avx2::encode_avx2+0x4e0>
xor    %r14d,%r14d
data16 cs nopw 0x0(%rax,%rax,1)
add    %rax,%rbx
cmp    %rdx,%rbx
jae    1df50 <xbzrle::arch::x86_64::avx2::encode_avx2+0x500>
lea    0x100(%r15),%rax
cmp    $0x400,%rax
jae    1df80 <xbzrle::arch::x86_64::avx2::encode_avx2+0x530>
mov    %r14,0x18(%rsp)
mov    %rdx,%r14
sub    %rbx,%r14
cmp    $0xff,%r14
jbe    1dd50 <xbzrle::arch::x86_64::avx2::encode_avx2+0x300>
vmovdqu 0x0(%rbp,%rbx,1),%ymm0
vmovdqu 0x20(%rbp,%rbx,1),%ymm1
vmovdqu 0x40(%rbp,%rbx,1),%ymm2
vmovdqu 0x60(%rbp,%rbx,1),%ymm3
mov    0x40(%rsp),%rax
vpcmpeqb (%rax,%rbx,1),%ymm0,%ymm0
vpcmpeqb 0x20(%rax,%rbx,1),%ymm1,%ymm1
vpcmpeqb 0x40(%rax,%rbx,1),%ymm2,%ymm2
vpcmpeqb 0x60(%rax,%rbx,1),%ymm3,%ymm3
vmovdqu 0x80(%rbp,%rbx,1),%ymm4
vpcmpeqb 0x80(%rax,%rbx,1),%ymm4,%ymm4
vmovdqu 0xa0(%rbp,%rbx,1),%ymm5
vpcmpeqb 0xa0(%rax,%rbx,1),%ymm5,%ymm5
vmovdqu 0xc0(%rbp,%rbx,1),%ymm6
vpcmpeqb 0xc0(%rax,%rbx,1),%ymm6,%ymm6
vmovdqu 0xe0(%rbp,%rbx,1),%ymm7
vpcmpeqb 0xe0(%rax,%rbx,1),%ymm7,%ymm7
vpand  %ymm1,%ymm0,%ymm8
vpand  %ymm3,%ymm2,%ymm9
vpand  %ymm9,%ymm8,%ymm8
vpand  %ymm5,%ymm4,%ymm9
vpand  %ymm6,%ymm9,%ymm9
vpand  %ymm9,%ymm8,%ymm8
vpand  %ymm7,%ymm8,%ymm8
vpsllw $0x7,%ymm8,%ymm8
vpmovmskb %ymm8,%eax
cmp    $0xffffffff,%eax
je     1dab1 <xbzrle::arch::x86_64::avx2::encode_avx2+0x61>
vpmovmskb %ymm7,%ecx
shl    $0x20,%rcx
vpmovmskb %ymm6,%eax
or     %rcx,%rax
vpmovmskb %ymm5,%esi
shl    $0x20,%rsi
vpmovmskb %ymm4,%ecx
or     %rsi,%rcx
vpmovmskb %ymm3,%esi
shl    $0x20,%rsi
vpmovmskb %ymm2,%r14d
or     %rsi,%r14
vpmovmskb %ymm1,%edi
shl    $0x20,%rdi
vpmovmskb %ymm0,%esi
or     %rdi,%rsi
not    %rsi
lea    (%rsi,%rsi,1),%rdi
or     0x18(%rsp),%rdi
xor    %r8d,%r8d
xor    %rsi,%rdi
setne  %r8b
tzcnt  %rdi,%r10
add    %ebx,%r10d
mov    %r10w,0xe8(%rsp,%r15,2)
lea    (%r15,%r8,1),%r11
blsr   %rdi,%r10
tzcnt  %r10,%rdi
add    %ebx,%edi
mov    %di,0xe8(%rsp,%r11,2)
mov    %r10,%rdi
add    $0xffffffffffffffff,%rdi
adc    %r8,%r15
and    %r10,%rdi
je     1dc5b <xbzrle::arch::x86_64::avx2::encode_avx2+0x20b>
tzcnt  %rdi,%r8
add    %ebx,%r8d
mov    %r8w,0xe8(%rsp,%r15,2)
inc    %r15
blsr   %rdi,%rdi
jne    1dc40 <xbzrle::arch::x86_64::avx2::encode_avx2+0x1f0>
not    %r14
shrd   $0x3f,%r14,%rsi
lea    0x40(%rbx),%rdi
xor    %r8d,%r8d
xor    %r14,%rsi
setne  %r8b
tzcnt  %rsi,%r10
add    %edi,%r10d
mov    %r10w,0xe8(%rsp,%r15,2)
lea    (%r15,%r8,1),%r11
blsr   %rsi,%r10
tzcnt  %r10,%rsi
add    %edi,%esi
mov    %si,0xe8(%rsp,%r11,2)
mov    %r10,%rsi
add    $0xffffffffffffffff,%rsi
adc    %r8,%r15
and    %r10,%rsi
je     1dccb <xbzrle::arch::x86_64::avx2::encode_avx2+0x27b>
nopw   0x0(%rax,%rax,1)
tzcnt  %rsi,%r8
add    %edi,%r8d
mov    %r8w,0xe8(%rsp,%r15,2)
inc    %r15
blsr   %rsi,%rsi
jne    1dcb0 <xbzrle::arch::x86_64::avx2::encode_avx2+0x260>
not    %rcx
shrd   $0x3f,%rcx,%r14
lea    0x80(%rbx),%rsi
xor    %edi,%edi
xor    %rcx,%r14
setne  %dil
tzcnt  %r14,%r8
add    %esi,%r8d
mov    %r8w,0xe8(%rsp,%r15,2)
lea    (%r15,%rdi,1),%r8
blsr   %r14,%r10
tzcnt  %r10,%r11
add    %esi,%r11d
mov    %r11w,0xe8(%rsp,%r8,2)
mov    %r10,%r8
add    $0xffffffffffffffff,%r8
adc    %rdi,%r15
and    %r10,%r8
je     1de9f <xbzrle::arch::x86_64::avx2::encode_avx2+0x44f>
mov    0x8(%rsp),%r10
cs nopw 0x0(%rax,%rax,1)
tzcnt  %r8,%rdi
add    %esi,%edi
mov    %di,0xe8(%rsp,%r15,2)
inc    %r15
blsr   %r8,%r8
jne    1dd30 <xbzrle::arch::x86_64::avx2::encode_avx2+0x2e0>
jmp    1dea4 <xbzrle::arch::x86_64::avx2::encode_avx2+0x454>
nop
mov    0x40(%rsp),%rax
lea    (%rax,%rbx,1),%rsi
lea    (%rbx,%rbp,1),%r13
cmp    $0x3f,%r14
jbe    1dd90 <xbzrle::arch::x86_64::avx2::encode_avx2+0x340>
vmovdqu (%rsi),%ymm0
vpcmpeqb 0x0(%r13),%ymm0,%ymm0
vmovdqu 0x20(%rsi),%ymm1
vpmovmskb %ymm0,%ecx
vpcmpeqb 0x20(%r13),%ymm1,%ymm0
vpmovmskb %ymm0,%eax
shl    $0x20,%rax
or     %rcx,%rax
jmp    1de14 <xbzrle::arch::x86_64::avx2::encode_avx2+0x3c4>
nopl   0x0(%rax)
vxorps %xmm0,%xmm0,%xmm0
vmovups %ymm0,0xc0(%rsp)
vmovups %ymm0,0xa0(%rsp)
vmovups %ymm0,0x80(%rsp)
vmovups %ymm0,0x60(%rsp)
lea    0xa0(%rsp),%rdi
mov    %r14,%rdx
vzeroupper
call   *0x4836f(%rip)        # 66138 <memcpy@GLIBC_2.14>
lea    0x60(%rsp),%rdi
mov    %r13,%rsi
mov    %r14,%rdx
call   *0x4835e(%rip)        # 66138 <memcpy@GLIBC_2.14>
mov    0x8(%rsp),%r10
mov    0x38(%rsp),%r9
vmovdqu 0xc0(%rsp),%ymm0
vpcmpeqb 0x80(%rsp),%ymm0,%ymm0
vmovdqu 0xa0(%rsp),%ymm1
vpmovmskb %ymm0,%ecx
vpcmpeqb 0x60(%rsp),%ymm1,%ymm0
shl    $0x20,%rcx
vpmovmskb %ymm0,%eax
or     %rcx,%rax
not    %rax
lea    (%rax,%rax,1),%rcx
or     0x18(%rsp),%rcx
xor    %edx,%edx
xor    %rax,%rcx
setne  %dl
tzcnt  %rcx,%rsi
add    %ebx,%esi
mov    %si,0xe8(%rsp,%r15,2)
lea    (%r15,%rdx,1),%rsi
blsr   %rcx,%rdi
tzcnt  %rdi,%rcx
add    %ebx,%ecx
mov    %cx,0xe8(%rsp,%rsi,2)
mov    %rdi,%rcx
add    $0xffffffffffffffff,%rcx
adc    %rdx,%r15
mov    %rax,%r14
shr    $0x3f,%r14
mov    $0x40,%eax
and    %rdi,%rcx
mov    0x10(%rsp),%rdx
je     1dad0 <xbzrle::arch::x86_64::avx2::encode_avx2+0x80>
data16 data16 cs nopw 0x0(%rax,%rax,1)
tzcnt  %rcx,%rsi
add    %ebx,%esi
mov    %si,0xe8(%rsp,%r15,2)
inc    %r15
blsr   %rcx,%rcx
jne    1de80 <xbzrle::arch::x86_64::avx2::encode_avx2+0x430>
jmp    1dad0 <xbzrle::arch::x86_64::avx2::encode_avx2+0x80>
mov    0x8(%rsp),%r10
not    %rax
shrd   $0x3f,%rax,%rcx
lea    0xc0(%rbx),%r11
xor    %esi,%esi
xor    %rax,%rcx
setne  %sil
tzcnt  %rcx,%rdi
add    %r11d,%edi
mov    %di,0xe8(%rsp,%r15,2)
lea    (%r15,%rsi,1),%rdi
blsr   %rcx,%r8
tzcnt  %r8,%rcx
add    %r11d,%ecx
mov    %cx,0xe8(%rsp,%rdi,2)
mov    %r8,%rcx
add    $0xffffffffffffffff,%rcx
adc    %rsi,%r15
mov    %rax,%r14
shr    $0x3f,%r14
mov    $0x100,%eax
and    %r8,%rcx
je     1dad0 <xbzrle::arch::x86_64::avx2::encode_avx2+0x80>
data16 cs nopw 0x0(%rax,%rax,1)
tzcnt  %rcx,%rsi
add    %r11d,%esi
mov    %si,0xe8(%rsp,%r15,2)
inc    %r15
blsr   %rcx,%rcx
jne    1df10 <xbzrle::arch::x86_64::avx2::encode_avx2+0x4c0>
jmp    1dad0 <xbzrle::arch::x86_64::avx2::encode_avx2+0x80>
mov    %bx,0xe8(%rsp,%r15,2)
inc    %r15
jmp    1dac2 <xbzrle::arch::x86_64::avx2::encode_avx2+0x72>
data16 data16 data16 data16 data16 cs nopw 0x0(%rax,%rax,1)
test   %r14,%r14
je     1df6e <xbzrle::arch::x86_64::avx2::encode_avx2+0x51e>
cmp    $0x3ff,%r15
ja     1e2d9 <xbzrle::arch::x86_64::avx2::encode_avx2+0x889>
mov    %dx,0xe8(%rsp,%r15,2)
inc    %r15
movq   $0x0,0x30(%rsp)
xor    %r14d,%r14d
jmp    1df87 <xbzrle::arch::x86_64::avx2::encode_avx2+0x537>
nopl   0x0(%rax)
mov    $0x1,%al
mov    %rax,0x30(%rsp)
mov    %r14,0x18(%rsp)
mov    %r15,0x48(%rsp)
shr    %r15
mov    %r15,0x8(%rsp)
je     1e1f0 <xbzrle::arch::x86_64::avx2::encode_avx2+0x7a0>
xor    %r11d,%r11d
mov    %r12,%rdi
jmp    1dfd6 <xbzrle::arch::x86_64::avx2::encode_avx2+0x586>
nopw   0x0(%rax,%rax,1)
lea    (%r9,%r12,1),%rax
vmovdqu -0x20(%rbp,%r10,1),%ymm0
vmovdqu %ymm0,-0x20(%r15,%rax,1)
add    %r15,%r12
inc    %r11
mov    %r12,%rdi
cmp    0x8(%rsp),%r11
je     1e1f0 <xbzrle::arch::x86_64::avx2::encode_avx2+0x7a0>
movzwl 0xe8(%rsp,%r11,4),%r14d
mov    %r14,%rax
sub    %r10,%rax
movzwl 0xea(%rsp,%r11,4),%r10d
mov    %r10,%r15
sub    %r14,%r15
mov    %r15,%rcx
or     %rax,%rcx
cmp    $0x3fff,%rcx
ja     1e240 <xbzrle::arch::x86_64::avx2::encode_avx2+0x7f0>
xor    %ecx,%ecx
cmp    $0x7f,%rax
seta   %cl
xor    %edx,%edx
cmp    $0x7f,%r15
seta   %dl
lea    (%rdx,%rcx,1),%rsi
inc    %rsi
mov    0x920(%rsp),%rbp
sub    %rdi,%rbp
add    %r15,%rsi
inc    %rsi
cmp    %rbp,%rsi
ja     1e240 <xbzrle::arch::x86_64::avx2::encode_avx2+0x7f0>
cmp    $0x80,%rax
jb     1e052 <xbzrle::arch::x86_64::avx2::encode_avx2+0x602>
movzbl %al,%esi
and    $0x3f80,%eax
lea    (%rsi,%rax,2),%eax
or     $0x80,%eax
cmp    $0x80,%r15
jae    1e060 <xbzrle::arch::x86_64::avx2::encode_avx2+0x610>
mov    %r15d,%esi
jmp    1e078 <xbzrle::arch::x86_64::avx2::encode_avx2+0x628>
movzbl %r15b,%esi
mov    %r15d,%r8d
and    $0x3f80,%r8d
lea    (%rsi,%r8,2),%esi
or     $0x80,%esi
lea    (%rdx,%rcx,1),%r13
add    $0x2,%r13
inc    %rcx
shl    $0x3,%ecx
shlx   %ecx,%esi,%ecx
or     %eax,%ecx
lea    (%rdi,%r13,1),%r12
cmp    $0x3,%rbp
jbe    1e0e0 <xbzrle::arch::x86_64::avx2::encode_avx2+0x690>
mov    %ecx,(%r9,%rdi,1)
cmp    $0x20,%r15d
jb     1e138 <xbzrle::arch::x86_64::avx2::encode_avx2+0x6e8>
cmp    $0x20,%r15d
mov    0x20(%rsp),%rbp
je     1dfb0 <xbzrle::arch::x86_64::avx2::encode_avx2+0x560>
add    %rbp,%r14
lea    (%r9,%r12,1),%rax
mov    $0x20,%ecx
vmovdqu -0x20(%r14,%rcx,1),%ymm0
vmovdqu %ymm0,-0x20(%rax,%rcx,1)
add    $0x20,%rcx
cmp    %r15,%rcx
jb     1e0c0 <xbzrle::arch::x86_64::avx2::encode_avx2+0x670>
jmp    1dfb0 <xbzrle::arch::x86_64::avx2::encode_avx2+0x560>
nopl   0x0(%rax,%rax,1)
mov    %ecx,0x60(%rsp)
cmp    %rdi,%r12
jb     1e26f <xbzrle::arch::x86_64::avx2::encode_avx2+0x81f>
cmp    0x920(%rsp),%r12
ja     1e26f <xbzrle::arch::x86_64::avx2::encode_avx2+0x81f>
add    %r9,%rdi
lea    0x60(%rsp),%rsi
mov    %r13,%rdx
mov    %r12,0x58(%rsp)
mov    %r10,%r12
mov    %r11,0x50(%rsp)
vzeroupper
call   *0x4801c(%rip)        # 66138 <memcpy@GLIBC_2.14>
mov    0x50(%rsp),%r11
mov    %r12,%r10
mov    0x58(%rsp),%r12
mov    0x38(%rsp),%r9
cmp    $0x20,%r15d
jae    1e0a5 <xbzrle::arch::x86_64::avx2::encode_avx2+0x655>
mov    0x10(%rsp),%rax
sub    %r14,%rax
cmp    $0x20,%rax
jb     1e170 <xbzrle::arch::x86_64::avx2::encode_avx2+0x720>
sub    %r13,%rbp
cmp    $0x1f,%rbp
jbe    1e170 <xbzrle::arch::x86_64::avx2::encode_avx2+0x720>
mov    0x20(%rsp),%rbp
vmovdqu 0x0(%rbp,%r14,1),%ymm0
vmovdqu %ymm0,(%r9,%r12,1)
jmp    1dfc2 <xbzrle::arch::x86_64::avx2::encode_avx2+0x572>
cs nopw 0x0(%rax,%rax,1)
mov    %r12,%rsi
add    %r15,%rsi
jb     1e28a <xbzrle::arch::x86_64::avx2::encode_avx2+0x83a>
cmp    0x920(%rsp),%rsi
ja     1e28a <xbzrle::arch::x86_64::avx2::encode_avx2+0x83a>
cmp    %r10,0x10(%rsp)
setb   %al
cmp    %r14w,%r10w
jb     1e1d1 <xbzrle::arch::x86_64::avx2::encode_avx2+0x781>
mov    0x20(%rsp),%rbp
test   %al,%al
jne    1e2a5 <xbzrle::arch::x86_64::avx2::encode_avx2+0x855>
lea    (%r9,%r12,1),%rdi
add    %rbp,%r14
mov    %r14,%rsi
mov    %r15,%rdx
mov    %r10,%r14
mov    %r11,%r13
vzeroupper
call   *0x47f77(%rip)        # 66138 <memcpy@GLIBC_2.14>
mov    %r13,%r11
mov    %r14,%r10
mov    0x38(%rsp),%r9
jmp    1dfc2 <xbzrle::arch::x86_64::avx2::encode_avx2+0x572>
mov    $0x1,%al
mov    0x20(%rsp),%rbp
test   %al,%al
je     1e1a5 <xbzrle::arch::x86_64::avx2::encode_avx2+0x755>
jmp    1e2a5 <xbzrle::arch::x86_64::avx2::encode_avx2+0x855>
data16 data16 data16 data16 data16 cs nopw 0x0(%rax,%rax,1)
cmpb   $0x0,0x30(%rsp)
mov    0x10(%rsp),%rdx
je     1e25f <xbzrle::arch::x86_64::avx2::encode_avx2+0x80f>
mov    $0x0,%r15d
mov    0x48(%rsp),%rax
test   $0x1,%al
mov    0x18(%rsp),%r14
je     1daa1 <xbzrle::arch::x86_64::avx2::encode_avx2+0x51>
lea    -0x1(%rax),%rdi
cmp    $0x3ff,%rdi
ja     1e2f1 <xbzrle::arch::x86_64::avx2::encode_avx2+0x8a1>
movzwl 0xe6(%rsp,%rax,2),%eax
mov    %ax,0xe8(%rsp)
mov    $0x1,%r15d
jmp    1daa1 <xbzrle::arch::x86_64::avx2::encode_avx2+0x51>
mov    0x28(%rsp),%rax
xor    %ecx,%ecx
mov    %rcx,(%rax)
add    $0x8e8,%rsp
pop    %rbx
pop    %r12
pop    %r13
pop    %r14
pop    %r15
pop    %rbp
vzeroupper
ret
mov    0x28(%rsp),%rax
mov    %r12,0x8(%rax)
mov    $0x3,%ecx
jmp    1e247 <xbzrle::arch::x86_64::avx2::encode_avx2+0x7f7>
lea    0x4589a(%rip),%rcx        # 63b10 <__frame_dummy_init_array_entry+0x450>
mov    %r12,%rsi
mov    0x920(%rsp),%rdx
vzeroupper
call   *0x47f3e(%rip)        # 661c8 <_DYNAMIC+0x310>
lea    0x458af(%rip),%rcx        # 63b40 <__frame_dummy_init_array_entry+0x480>
mov    %r12,%rdi
mov    0x920(%rsp),%rdx
vzeroupper
call   *0x47f23(%rip)        # 661c8 <_DYNAMIC+0x310>
lea    0x4587c(%rip),%rcx        # 63b28 <__frame_dummy_init_array_entry+0x468>
mov    %r14,%rdi
mov    %r10,%rsi
mov    0x10(%rsp),%rdx
vzeroupper
call   *0x47f08(%rip)        # 661c8 <_DYNAMIC+0x310>
lea    -0x16713(%rip),%rdi        # 7bb4 <__abi_tag+0x78b8>
lea    0x457fa(%rip),%rdx        # 63ac8 <__frame_dummy_init_array_entry+0x408>
mov    $0x4d,%esi
call   *0x47fcf(%rip)        # 662a8 <_DYNAMIC+0x3f0>
lea    0x45800(%rip),%rdx        # 63ae0 <__frame_dummy_init_array_entry+0x420>
mov    $0x400,%esi
mov    %r15,%rdi
vzeroupper
call   *0x47eff(%rip)        # 661f0 <_DYNAMIC+0x338>
lea    0x45800(%rip),%rdx        # 63af8 <__frame_dummy_init_array_entry+0x438>
mov    $0x400,%esi
vzeroupper
call   *0x47eea(%rip)        # 661f0 <_DYNAMIC+0x338>
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
