000000000001f130 <xbzrle::arch::x86_64::avx2::encode_avx2>:
push   %rbp
push   %r15
push   %r14
push   %r13
push   %r12
push   %rbx
sub    $0x8f8,%rsp
mov    %rsi,0x50(%rsp)
mov    %rdi,0x48(%rsp)
cmp    %r8,%rdx
jne    1fa3a <xbzrle::arch::x86_64::avx2::encode_avx2+0x90a>
cmp    $0x4001,%r8
jae    1fa3a <xbzrle::arch::x86_64::avx2::encode_avx2+0x90a>
mov    %rcx,%r13
mov    %rdx,%r12
mov    0x930(%rsp),%rax
xor    %ecx,%ecx
sub    $0x43,%rax
cmovb  %rcx,%rax
mov    %rax,0x68(%rsp)
sub    $0x3f,%rdx
mov    $0x0,%eax
mov    %rax,0x40(%rsp)
cmovb  %rcx,%rdx
mov    %rdx,0x60(%rsp)
movq   $0x0,(%rsp)
xor    %r10d,%r10d
xor    %edi,%edi
xor    %r11d,%r11d
xor    %ebx,%ebx
mov    %r9,0x20(%rsp)
mov    %r12,0x8(%rsp)
mov    %r13,0x18(%rsp)
cmp    %r12,%rbx
jae    1f690 <xbzrle::arch::x86_64::avx2::encode_avx2+0x560>
mov    %r10,0x28(%rsp)
jmp    1f1fd <xbzrle::arch::x86_64::avx2::encode_avx2+0xcd>
cs nopw 0x0(%rax,%rax,1)
shr    $0x3f,%rax
popcnt %rcx,%rcx
add    %rcx,%rsi
mov    $0x100,%ecx
mov    %rsi,%rdi
mov    %rax,%r11
mov    0x20(%rsp),%r9
mov    0x28(%rsp),%r10
add    %rcx,%rbx
cmp    %r12,%rbx
jae    1f690 <xbzrle::arch::x86_64::avx2::encode_avx2+0x560>
lea    0x100(%rdi),%rax
cmp    $0x400,%rax
jae    1f6c0 <xbzrle::arch::x86_64::avx2::encode_avx2+0x590>
mov    %r12,%r15
sub    %rbx,%r15
cmp    $0xff,%r15
jbe    1f4f0 <xbzrle::arch::x86_64::avx2::encode_avx2+0x3c0>
vmovdqu 0x0(%r13,%rbx,1),%ymm0
vmovdqu 0x20(%r13,%rbx,1),%ymm1
vmovdqu 0x40(%r13,%rbx,1),%ymm2
vmovdqu 0x60(%r13,%rbx,1),%ymm3
mov    0x50(%rsp),%rax
vpcmpeqb (%rax,%rbx,1),%ymm0,%ymm0
vpcmpeqb 0x20(%rax,%rbx,1),%ymm1,%ymm1
vpcmpeqb 0x40(%rax,%rbx,1),%ymm2,%ymm2
vpcmpeqb 0x60(%rax,%rbx,1),%ymm3,%ymm3
vmovdqu 0x80(%r13,%rbx,1),%ymm4
vpcmpeqb 0x80(%rax,%rbx,1),%ymm4,%ymm4
vmovdqu 0xa0(%r13,%rbx,1),%ymm5
vpcmpeqb 0xa0(%rax,%rbx,1),%ymm5,%ymm5
vmovdqu 0xc0(%r13,%rbx,1),%ymm6
vpcmpeqb 0xc0(%rax,%rbx,1),%ymm6,%ymm6
vmovdqu 0xe0(%r13,%rbx,1),%ymm7
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
je     1f666 <xbzrle::arch::x86_64::avx2::encode_avx2+0x536>
vpmovmskb %ymm7,%ecx
shl    $0x20,%rcx
vpmovmskb %ymm6,%eax
or     %rcx,%rax
vpmovmskb %ymm5,%edx
shl    $0x20,%rdx
vpmovmskb %ymm4,%ecx
or     %rdx,%rcx
vpmovmskb %ymm3,%esi
shl    $0x20,%rsi
vpmovmskb %ymm2,%edx
or     %rsi,%rdx
vpmovmskb %ymm1,%esi
shl    $0x20,%rsi
vpmovmskb %ymm0,%r8d
or     %rsi,%r8
not    %r8
lea    (%r8,%r8,1),%rsi
or     %r11,%rsi
xor    %r8,%rsi
blsr   %rsi,%r10
tzcnt  %rsi,%r9
add    %ebx,%r9d
mov    %r9w,0xf8(%rsp,%rdi,2)
tzcnt  %r10,%r9
add    %ebx,%r9d
mov    %r9w,0xfa(%rsp,%rdi,2)
blsr   %r10,%r11
je     1f377 <xbzrle::arch::x86_64::avx2::encode_avx2+0x247>
lea    0xfc(%rsp),%r9
lea    (%r9,%rdi,2),%r9
nopl   0x0(%rax)
tzcnt  %r11,%r10
add    %ebx,%r10d
mov    %r10w,(%r9)
add    $0x2,%r9
blsr   %r11,%r11
jne    1f360 <xbzrle::arch::x86_64::avx2::encode_avx2+0x230>
not    %rdx
shrd   $0x3f,%rdx,%r8
xor    %rdx,%r8
popcnt %rsi,%r14
lea    (%r14,%rdi,1),%rsi
lea    0x40(%rbx),%r9
blsr   %r8,%r10
tzcnt  %r8,%r11
add    %r9d,%r11d
mov    %r11w,0xf8(%rsp,%rsi,2)
tzcnt  %r10,%r11
add    %r9d,%r11d
mov    %r11w,0xfa(%rsp,%rsi,2)
blsr   %r10,%r10
je     1f3e7 <xbzrle::arch::x86_64::avx2::encode_avx2+0x2b7>
lea    0xfc(%rsp),%r11
lea    (%r11,%rsi,2),%r11
nopl   0x0(%rax)
tzcnt  %r10,%r15
add    %r9d,%r15d
mov    %r15w,(%r11)
add    $0x2,%r11
blsr   %r10,%r10
jne    1f3d0 <xbzrle::arch::x86_64::avx2::encode_avx2+0x2a0>
not    %rcx
shrd   $0x3f,%rcx,%rdx
xor    %rcx,%rdx
popcnt %r8,%r8
add    %r8,%rsi
lea    0x80(%rbx),%r9
blsr   %rdx,%r10
tzcnt  %rdx,%r11
add    %r9d,%r11d
mov    %r11w,0xf8(%rsp,%rsi,2)
tzcnt  %r10,%r11
add    %r9d,%r11d
mov    %r11w,0xfa(%rsp,%rsi,2)
blsr   %r10,%r10
je     1f467 <xbzrle::arch::x86_64::avx2::encode_avx2+0x337>
lea    (%r14,%r8,1),%r11
add    %rdi,%r11
lea    0xfc(%rsp),%r15
lea    (%r15,%r11,2),%r11
data16 data16 data16 data16 cs nopw 0x0(%rax,%rax,1)
tzcnt  %r10,%r15
add    %r9d,%r15d
mov    %r15w,(%r11)
add    $0x2,%r11
blsr   %r10,%r10
jne    1f450 <xbzrle::arch::x86_64::avx2::encode_avx2+0x320>
not    %rax
shrd   $0x3f,%rax,%rcx
xor    %rax,%rcx
popcnt %rdx,%r10
add    %r10,%rsi
lea    0xc0(%rbx),%rdx
blsr   %rcx,%r9
tzcnt  %rcx,%r11
add    %edx,%r11d
mov    %r11w,0xf8(%rsp,%rsi,2)
tzcnt  %r9,%r11
add    %edx,%r11d
mov    %r11w,0xfa(%rsp,%rsi,2)
blsr   %r9,%r9
je     1f1d0 <xbzrle::arch::x86_64::avx2::encode_avx2+0xa0>
add    %r8,%r14
add    %r10,%r14
add    %rdi,%r14
lea    0xfc(%rsp),%r8
lea    (%r8,%r14,2),%rdi
nopl   0x0(%rax,%rax,1)
tzcnt  %r9,%r8
add    %edx,%r8d
mov    %r8w,(%rdi)
add    $0x2,%rdi
blsr   %r9,%r9
jne    1f4d0 <xbzrle::arch::x86_64::avx2::encode_avx2+0x3a0>
jmp    1f1d0 <xbzrle::arch::x86_64::avx2::encode_avx2+0xa0>
nopl   0x0(%rax)
mov    0x50(%rsp),%rax
lea    (%rax,%rbx,1),%rsi
lea    (%rbx,%r13,1),%r14
cmp    $0x3f,%r15
jbe    1f530 <xbzrle::arch::x86_64::avx2::encode_avx2+0x400>
vmovdqu (%rsi),%ymm0
vpcmpeqb (%r14),%ymm0,%ymm0
vmovdqu 0x20(%rsi),%ymm1
vpmovmskb %ymm0,%ecx
vpcmpeqb 0x20(%r14),%ymm1,%ymm0
vpmovmskb %ymm0,%eax
shl    $0x20,%rax
or     %rcx,%rax
jmp    1f5c7 <xbzrle::arch::x86_64::avx2::encode_avx2+0x497>
nopl   0x0(%rax,%rax,1)
vxorps %xmm0,%xmm0,%xmm0
vmovups %ymm0,0xd0(%rsp)
vmovups %ymm0,0xb0(%rsp)
vmovups %ymm0,0x90(%rsp)
vmovups %ymm0,0x70(%rsp)
mov    %rdi,0x38(%rsp)
mov    %r11,0x10(%rsp)
lea    0xb0(%rsp),%rdi
mov    %r15,%rdx
mov    0x4a19f(%rip),%rbp        # 69710 <memcpy@GLIBC_2.14>
vzeroupper
call   *%rbp
lea    0x70(%rsp),%rdi
mov    %r14,%rsi
mov    %r15,%rdx
call   *%rbp
mov    0x10(%rsp),%r11
mov    0x38(%rsp),%rdi
mov    0x28(%rsp),%r10
mov    0x20(%rsp),%r9
vmovdqu 0xd0(%rsp),%ymm0
vpcmpeqb 0x90(%rsp),%ymm0,%ymm0
vmovdqu 0xb0(%rsp),%ymm1
vpmovmskb %ymm0,%ecx
vpcmpeqb 0x70(%rsp),%ymm1,%ymm0
shl    $0x20,%rcx
vpmovmskb %ymm0,%eax
or     %rcx,%rax
not    %rax
lea    (%rax,%rax,1),%rcx
or     %r11,%rcx
xor    %esi,%esi
xor    %rax,%rcx
setne  %sil
tzcnt  %rcx,%rdx
add    %ebx,%edx
mov    %dx,0xf8(%rsp,%rdi,2)
lea    (%rdi,%rsi,1),%rdx
blsr   %rcx,%rcx
tzcnt  %rcx,%r8
add    %ebx,%r8d
mov    %r8w,0xf8(%rsp,%rdx,2)
mov    %rcx,%rdx
add    $0xffffffffffffffff,%rdx
adc    %rsi,%rdi
and    %rcx,%rdx
mov    %rax,%r11
shr    $0x3f,%r11
mov    $0x40,%ecx
test   %rdx,%rdx
je     1f1f1 <xbzrle::arch::x86_64::avx2::encode_avx2+0xc1>
popcnt %rdx,%rsi
lea    (%rsi,%rdi,1),%rax
inc    %rsi
lea    (%rsp,%rdi,2),%rdi
add    $0xf8,%rdi
nopl   0x0(%rax)
tzcnt  %rdx,%r8
add    %ebx,%r8d
mov    %r8w,(%rdi)
blsr   %rdx,%rdx
dec    %rsi
add    $0x2,%rdi
cmp    $0x1,%rsi
ja     1f640 <xbzrle::arch::x86_64::avx2::encode_avx2+0x510>
mov    %rax,%rdi
jmp    1f1f1 <xbzrle::arch::x86_64::avx2::encode_avx2+0xc1>
mov    $0x100,%ecx
test   %r11,%r11
jne    1f678 <xbzrle::arch::x86_64::avx2::encode_avx2+0x548>
xor    %r11d,%r11d
jmp    1f1f1 <xbzrle::arch::x86_64::avx2::encode_avx2+0xc1>
mov    %bx,0xf8(%rsp,%rdi,2)
inc    %rdi
xor    %r11d,%r11d
jmp    1f1f1 <xbzrle::arch::x86_64::avx2::encode_avx2+0xc1>
nopl   0x0(%rax,%rax,1)
test   %r11,%r11
je     1f6ae <xbzrle::arch::x86_64::avx2::encode_avx2+0x57e>
cmp    $0x3ff,%rdi
ja     1fa53 <xbzrle::arch::x86_64::avx2::encode_avx2+0x923>
mov    %r12w,0xf8(%rsp,%rdi,2)
inc    %rdi
movq   $0x0,0x30(%rsp)
mov    %rdi,%r14
xor    %r11d,%r11d
jmp    1f6ca <xbzrle::arch::x86_64::avx2::encode_avx2+0x59a>
nop
mov    $0x1,%al
mov    %rax,0x30(%rsp)
mov    %rdi,%r14
mov    %r11,0x10(%rsp)
mov    %r14,0x58(%rsp)
shr    %r14
mov    %r14,0x38(%rsp)
je     1f960 <xbzrle::arch::x86_64::avx2::encode_avx2+0x830>
xor    %r12d,%r12d
mov    %r10,%rdi
jmp    1f72c <xbzrle::arch::x86_64::avx2::encode_avx2+0x5fc>
nopw   0x0(%rax,%rax,1)
lea    (%r9,%rdi,1),%rax
mov    %ecx,(%r9,%rdi,1)
vmovdqu 0x0(%r13,%r15,1),%ymm0
vmovdqu 0x20(%r13,%r15,1),%ymm1
vmovdqu %ymm1,0x20(%rbp,%rax,1)
vmovdqu %ymm0,0x0(%rbp,%rax,1)
add    %rdi,%rbp
mov    %rbp,%r10
add    %r14,%r10
inc    %r12
mov    %r10,%rdi
cmp    0x38(%rsp),%r12
je     1f960 <xbzrle::arch::x86_64::avx2::encode_avx2+0x830>
mov    (%rsp),%rcx
movzwl 0xf8(%rsp,%r12,4),%r15d
mov    %r15,%rax
sub    %rcx,%rax
movzwl 0xfa(%rsp,%r12,4),%r14d
mov    %r14,(%rsp)
sub    %r15,%r14
xor    %ecx,%ecx
cmp    $0x7f,%rax
seta   %sil
xor    %edx,%edx
cmp    $0x7f,%r14
seta   %r8b
cmp    $0x80,%rax
jb     1f77b <xbzrle::arch::x86_64::avx2::encode_avx2+0x64b>
movzbl %al,%r10d
and    $0xffffff80,%eax
lea    (%r10,%rax,2),%eax
or     $0x80,%eax
cmp    $0x80,%r14
jae    1f790 <xbzrle::arch::x86_64::avx2::encode_avx2+0x660>
mov    %r14d,%r10d
jmp    1f7a6 <xbzrle::arch::x86_64::avx2::encode_avx2+0x676>
nopl   0x0(%rax)
movzbl %r14b,%r11d
mov    %r14d,%r10d
and    $0xffffff80,%r10d
lea    (%r11,%r10,2),%r10d
or     $0x80,%r10d
mov    %sil,%cl
mov    %r8b,%dl
lea    (%rdx,%rcx,1),%rbp
add    $0x2,%rbp
inc    %rcx
shl    $0x3,%ecx
shlx   %ecx,%r10d,%ecx
or     %eax,%ecx
cmp    $0x40,%r14d
ja     1f7d9 <xbzrle::arch::x86_64::avx2::encode_avx2+0x6a9>
cmp    0x68(%rsp),%rdi
jae    1f7d9 <xbzrle::arch::x86_64::avx2::encode_avx2+0x6a9>
cmp    %r15,0x60(%rsp)
ja     1f6f0 <xbzrle::arch::x86_64::avx2::encode_avx2+0x5c0>
cmp    $0x3fff,%r14
ja     1f9c6 <xbzrle::arch::x86_64::avx2::encode_avx2+0x896>
mov    0x930(%rsp),%r13
sub    %rdi,%r13
lea    (%r14,%rbp,1),%rax
cmp    %r13,%rax
ja     1f9c6 <xbzrle::arch::x86_64::avx2::encode_avx2+0x896>
lea    (%rdi,%rbp,1),%r10
cmp    $0x3,%r13
jbe    1f870 <xbzrle::arch::x86_64::avx2::encode_avx2+0x740>
mov    %ecx,(%r9,%rdi,1)
cmp    $0x20,%r14d
jb     1f8b8 <xbzrle::arch::x86_64::avx2::encode_avx2+0x788>
cmp    $0x20,%r14d
mov    0x18(%rsp),%r13
je     1f846 <xbzrle::arch::x86_64::avx2::encode_avx2+0x716>
add    %r13,%r15
lea    (%r9,%r10,1),%rax
mov    $0x20,%ecx
nopl   (%rax)
vmovdqu -0x20(%r15,%rcx,1),%ymm0
vmovdqu %ymm0,-0x20(%rax,%rcx,1)
add    $0x20,%rcx
cmp    %r14,%rcx
jb     1f830 <xbzrle::arch::x86_64::avx2::encode_avx2+0x700>
lea    (%r9,%r10,1),%rax
mov    (%rsp),%rcx
vmovdqu -0x20(%r13,%rcx,1),%ymm0
vmovdqu %ymm0,-0x20(%r14,%rax,1)
jmp    1f718 <xbzrle::arch::x86_64::avx2::encode_avx2+0x5e8>
data16 data16 data16 data16 data16 cs nopw 0x0(%rax,%rax,1)
mov    %ecx,0x70(%rsp)
cmp    %rdi,%r10
jb     1f9e8 <xbzrle::arch::x86_64::avx2::encode_avx2+0x8b8>
cmp    0x930(%rsp),%r10
ja     1f9e8 <xbzrle::arch::x86_64::avx2::encode_avx2+0x8b8>
add    %r9,%rdi
lea    0x70(%rsp),%rsi
mov    %rbp,%rdx
mov    %r10,0x28(%rsp)
vzeroupper
call   *0x49e6c(%rip)        # 69710 <memcpy@GLIBC_2.14>
mov    0x28(%rsp),%r10
mov    0x20(%rsp),%r9
cmp    $0x20,%r14d
jae    1f816 <xbzrle::arch::x86_64::avx2::encode_avx2+0x6e6>
mov    0x8(%rsp),%rax
sub    %r15,%rax
cmp    $0x20,%rax
jb     1f8e6 <xbzrle::arch::x86_64::avx2::encode_avx2+0x7b6>
sub    %rbp,%r13
cmp    $0x1f,%r13
jbe    1f8e6 <xbzrle::arch::x86_64::avx2::encode_avx2+0x7b6>
mov    0x18(%rsp),%r13
vmovdqu 0x0(%r13,%r15,1),%ymm0
vmovdqu %ymm0,(%r9,%r10,1)
jmp    1f718 <xbzrle::arch::x86_64::avx2::encode_avx2+0x5e8>
mov    %r10,%rsi
add    %r14,%rsi
jb     1fa03 <xbzrle::arch::x86_64::avx2::encode_avx2+0x8d3>
cmp    0x930(%rsp),%rsi
ja     1fa03 <xbzrle::arch::x86_64::avx2::encode_avx2+0x8d3>
mov    (%rsp),%rcx
cmp    %rcx,0x8(%rsp)
setb   %al
cmp    %r15w,%cx
jb     1f945 <xbzrle::arch::x86_64::avx2::encode_avx2+0x815>
mov    0x18(%rsp),%r13
test   %al,%al
jne    1fa1e <xbzrle::arch::x86_64::avx2::encode_avx2+0x8ee>
lea    (%r9,%r10,1),%rdi
add    %r13,%r15
mov    %r15,%rsi
mov    %r14,%rdx
mov    %r10,%r15
vzeroupper
call   *0x49dd8(%rip)        # 69710 <memcpy@GLIBC_2.14>
mov    %r15,%r10
mov    0x20(%rsp),%r9
jmp    1f718 <xbzrle::arch::x86_64::avx2::encode_avx2+0x5e8>
mov    $0x1,%al
mov    0x18(%rsp),%r13
test   %al,%al
je     1f91f <xbzrle::arch::x86_64::avx2::encode_avx2+0x7ef>
jmp    1fa1e <xbzrle::arch::x86_64::avx2::encode_avx2+0x8ee>
data16 cs nopw 0x0(%rax,%rax,1)
cmpb   $0x0,0x30(%rsp)
mov    0x8(%rsp),%r12
mov    0x10(%rsp),%r11
je     1f9b3 <xbzrle::arch::x86_64::avx2::encode_avx2+0x883>
mov    $0x0,%edi
mov    0x58(%rsp),%rax
test   $0x1,%al
je     1f1b6 <xbzrle::arch::x86_64::avx2::encode_avx2+0x86>
lea    -0x1(%rax),%rdi
cmp    $0x3ff,%rdi
ja     1fa68 <xbzrle::arch::x86_64::avx2::encode_avx2+0x938>
movzwl 0xf6(%rsp,%rax,2),%eax
mov    %ax,0xf8(%rsp)
mov    $0x1,%edi
mov    0x10(%rsp),%r11
jmp    1f1b6 <xbzrle::arch::x86_64::avx2::encode_avx2+0x86>
mov    0x48(%rsp),%rax
mov    %r10,0x8(%rax)
mov    $0x3,%eax
mov    %rax,0x40(%rsp)
mov    0x48(%rsp),%rax
mov    0x40(%rsp),%rcx
mov    %rcx,(%rax)
add    $0x8f8,%rsp
pop    %rbx
pop    %r12
pop    %r13
pop    %r14
pop    %r15
pop    %rbp
vzeroupper
ret
lea    0x47711(%rip),%rcx        # 67100 <__frame_dummy_init_array_entry+0x580>
mov    %r10,%rsi
mov    0x930(%rsp),%rdx
vzeroupper
call   *0x49dbd(%rip)        # 697c0 <_DYNAMIC+0x330>
lea    0x47726(%rip),%rcx        # 67130 <__frame_dummy_init_array_entry+0x5b0>
mov    %r10,%rdi
mov    0x930(%rsp),%rdx
vzeroupper
call   *0x49da2(%rip)        # 697c0 <_DYNAMIC+0x330>
lea    0x476f3(%rip),%rcx        # 67118 <__frame_dummy_init_array_entry+0x598>
mov    %r15,%rdi
mov    (%rsp),%rsi
mov    0x8(%rsp),%rdx
vzeroupper
call   *0x49d86(%rip)        # 697c0 <_DYNAMIC+0x330>
lea    -0x17b41(%rip),%rdi        # 7f00 <__abi_tag+0x7c04>
lea    0x47670(%rip),%rdx        # 670b8 <__frame_dummy_init_array_entry+0x538>
mov    $0x4d,%esi
call   *0x49e8d(%rip)        # 698e0 <_DYNAMIC+0x450>
lea    0x47676(%rip),%rdx        # 670d0 <__frame_dummy_init_array_entry+0x550>
mov    $0x400,%esi
vzeroupper
call   *0x49d90(%rip)        # 697f8 <_DYNAMIC+0x368>
lea    0x47679(%rip),%rdx        # 670e8 <__frame_dummy_init_array_entry+0x568>
mov    $0x400,%esi
vzeroupper
call   *0x49d7b(%rip)        # 697f8 <_DYNAMIC+0x368>
int3
int3
int3
