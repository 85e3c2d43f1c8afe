000000000001df00 <xbzrle::arch::x86_64::avx2::encode_avx2>:
push   %rbp
push   %r15
push   %r14
push   %r13
push   %r12
push   %rbx
sub    $0x8f8,%rsp
mov    %r9,0x10(%rsp)
mov    %rcx,0x18(%rsp)
mov    %rdi,0x48(%rsp)
cmp    %r8,%rdx
jne    1e7fb <xbzrle::arch::x86_64::avx2::encode_avx2+0x8fb>
cmp    $0x4001,%r8
jae    1e7fb <xbzrle::arch::x86_64::avx2::encode_avx2+0x8fb>
mov    %rsi,%rbp
movq   $0x0,0x40(%rsp)
movq   $0x0,0x8(%rsp)
xor    %r9d,%r9d
xor    %r15d,%r15d
xor    %r10d,%r10d
xor    %r13d,%r13d
mov    %rdx,0x38(%rsp)
mov    %rsi,0x50(%rsp)
cmp    %rdx,%r13
jae    1e400 <xbzrle::arch::x86_64::avx2::encode_avx2+0x500>
mov    %r9,0x20(%rsp)
jmp    1df91 <xbzrle::arch::x86_64::avx2::encode_avx2+0x91>
data16 data16 data16 data16 data16 cs nopw 0x0(%rax,%rax,1)
mov    0x20(%rsp),%r9
add    %rax,%r13
cmp    %rdx,%r13
jae    1e400 <xbzrle::arch::x86_64::avx2::encode_avx2+0x500>
lea    0x100(%r15),%rax
cmp    $0x400,%rax
jae    1e430 <xbzrle::arch::x86_64::avx2::encode_avx2+0x530>
mov    %rdx,%r14
sub    %r13,%r14
cmp    $0xff,%r14
jbe    1e280 <xbzrle::arch::x86_64::avx2::encode_avx2+0x380>
mov    0x18(%rsp),%rax
vmovdqu (%rax,%r13,1),%ymm0
vmovdqu 0x20(%rax,%r13,1),%ymm1
vmovdqu 0x40(%rax,%r13,1),%ymm2
vmovdqu 0x60(%rax,%r13,1),%ymm3
vpcmpeqb 0x0(%rbp,%r13,1),%ymm0,%ymm0
vpcmpeqb 0x20(%rbp,%r13,1),%ymm1,%ymm1
vpcmpeqb 0x40(%rbp,%r13,1),%ymm2,%ymm2
vpcmpeqb 0x60(%rbp,%r13,1),%ymm3,%ymm3
vmovdqu 0x80(%rax,%r13,1),%ymm4
vpcmpeqb 0x80(%rbp,%r13,1),%ymm4,%ymm4
vmovdqu 0xa0(%rax,%r13,1),%ymm5
vpcmpeqb 0xa0(%rbp,%r13,1),%ymm5,%ymm5
vmovdqu 0xc0(%rax,%r13,1),%ymm6
vpcmpeqb 0xc0(%rbp,%r13,1),%ymm6,%ymm6
vmovdqu 0xe0(%rax,%r13,1),%ymm7
vpcmpeqb 0xe0(%rbp,%r13,1),%ymm7,%ymm7
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
je     1e3d0 <xbzrle::arch::x86_64::avx2::encode_avx2+0x4d0>
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
vpmovmskb %ymm2,%r11d
or     %rsi,%r11
vpmovmskb %ymm1,%edi
shl    $0x20,%rdi
vpmovmskb %ymm0,%esi
or     %rdi,%rsi
not    %rsi
lea    (%rsi,%rsi,1),%rdi
or     %r10,%rdi
xor    %r8d,%r8d
xor    %rsi,%rdi
setne  %r8b
tzcnt  %rdi,%r9
add    %r13d,%r9d
mov    %r9w,0xf8(%rsp,%r15,2)
lea    (%r15,%r8,1),%r9
blsr   %rdi,%r10
tzcnt  %r10,%rdi
add    %r13d,%edi
mov    %di,0xf8(%rsp,%r9,2)
mov    %r10,%rdi
add    $0xffffffffffffffff,%rdi
adc    %r8,%r15
and    %r10,%rdi
je     1e11b <xbzrle::arch::x86_64::avx2::encode_avx2+0x21b>
nop
tzcnt  %rdi,%r8
add    %r13d,%r8d
mov    %r8w,0xf8(%rsp,%r15,2)
inc    %r15
blsr   %rdi,%rdi
jne    1e100 <xbzrle::arch::x86_64::avx2::encode_avx2+0x200>
not    %r11
shrd   $0x3f,%r11,%rsi
lea    0x40(%r13),%rdi
xor    %r8d,%r8d
xor    %r11,%rsi
setne  %r8b
tzcnt  %rsi,%r9
add    %edi,%r9d
mov    %r9w,0xf8(%rsp,%r15,2)
lea    (%r15,%r8,1),%r9
blsr   %rsi,%r10
tzcnt  %r10,%rsi
add    %edi,%esi
mov    %si,0xf8(%rsp,%r9,2)
mov    %r10,%rsi
add    $0xffffffffffffffff,%rsi
adc    %r8,%r15
and    %r10,%rsi
je     1e18b <xbzrle::arch::x86_64::avx2::encode_avx2+0x28b>
nopw   0x0(%rax,%rax,1)
tzcnt  %rsi,%r8
add    %edi,%r8d
mov    %r8w,0xf8(%rsp,%r15,2)
inc    %r15
blsr   %rsi,%rsi
jne    1e170 <xbzrle::arch::x86_64::avx2::encode_avx2+0x270>
not    %rcx
shrd   $0x3f,%rcx,%r11
lea    0x80(%r13),%rsi
xor    %edi,%edi
xor    %rcx,%r11
setne  %dil
tzcnt  %r11,%r8
add    %esi,%r8d
mov    %r8w,0xf8(%rsp,%r15,2)
lea    (%r15,%rdi,1),%r8
blsr   %r11,%r9
tzcnt  %r9,%r10
add    %esi,%r10d
mov    %r10w,0xf8(%rsp,%r8,2)
mov    %r9,%r8
add    $0xffffffffffffffff,%r8
adc    %rdi,%r15
and    %r9,%r8
je     1e1fa <xbzrle::arch::x86_64::avx2::encode_avx2+0x2fa>
nopl   (%rax)
tzcnt  %r8,%rdi
add    %esi,%edi
mov    %di,0xf8(%rsp,%r15,2)
inc    %r15
blsr   %r8,%r8
jne    1e1e0 <xbzrle::arch::x86_64::avx2::encode_avx2+0x2e0>
not    %rax
shrd   $0x3f,%rax,%rcx
lea    0xc0(%r13),%r9
xor    %esi,%esi
xor    %rax,%rcx
setne  %sil
tzcnt  %rcx,%rdi
add    %r9d,%edi
mov    %di,0xf8(%rsp,%r15,2)
lea    (%r15,%rsi,1),%rdi
blsr   %rcx,%r8
tzcnt  %r8,%rcx
add    %r9d,%ecx
mov    %cx,0xf8(%rsp,%rdi,2)
mov    %r8,%rcx
add    $0xffffffffffffffff,%rcx
adc    %rsi,%r15
mov    %rax,%r10
shr    $0x3f,%r10
mov    $0x100,%eax
and    %r8,%rcx
je     1df80 <xbzrle::arch::x86_64::avx2::encode_avx2+0x80>
nopl   0x0(%rax,%rax,1)
tzcnt  %rcx,%rsi
add    %r9d,%esi
mov    %si,0xf8(%rsp,%r15,2)
inc    %r15
blsr   %rcx,%rcx
jne    1e260 <xbzrle::arch::x86_64::avx2::encode_avx2+0x360>
jmp    1df80 <xbzrle::arch::x86_64::avx2::encode_avx2+0x80>
mov    %rbp,%rsi
add    %r13,%rsi
mov    0x18(%rsp),%rax
lea    (%rax,%r13,1),%r12
cmp    $0x3f,%r14
jbe    1e2c0 <xbzrle::arch::x86_64::avx2::encode_avx2+0x3c0>
vmovdqu (%rsi),%ymm0
vpcmpeqb (%r12),%ymm0,%ymm0
vmovdqu 0x20(%rsi),%ymm1
vpmovmskb %ymm0,%ecx
vpcmpeqb 0x20(%r12),%ymm1,%ymm0
vpmovmskb %ymm0,%eax
shl    $0x20,%rax
or     %rcx,%rax
jmp    1e34a <xbzrle::arch::x86_64::avx2::encode_avx2+0x44a>
nop
vxorps %xmm0,%xmm0,%xmm0
vmovups %ymm0,0xd0(%rsp)
vmovups %ymm0,0xb0(%rsp)
vmovups %ymm0,0x90(%rsp)
vmovups %ymm0,0x70(%rsp)
lea    0xb0(%rsp),%rdi
mov    %r14,%rdx
mov    %r10,%rbx
vzeroupper
call   *0x4857c(%rip)        # 66878 <memcpy@GLIBC_2.14>
lea    0x70(%rsp),%rdi
mov    %r12,%rsi
mov    %r14,%rdx
call   *0x4856b(%rip)        # 66878 <memcpy@GLIBC_2.14>
mov    %rbx,%r10
mov    0x20(%rsp),%r9
mov    0x38(%rsp),%rdx
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
or     %r10,%rcx
xor    %r8d,%r8d
xor    %rax,%rcx
setne  %r8b
tzcnt  %rcx,%rsi
add    %r13d,%esi
mov    %si,0xf8(%rsp,%r15,2)
lea    (%r15,%r8,1),%rsi
blsr   %rcx,%rdi
tzcnt  %rdi,%rcx
add    %r13d,%ecx
mov    %cx,0xf8(%rsp,%rsi,2)
mov    %rdi,%rcx
add    $0xffffffffffffffff,%rcx
adc    %r8,%r15
mov    %rax,%r10
shr    $0x3f,%r10
mov    $0x40,%eax
and    %rdi,%rcx
je     1df85 <xbzrle::arch::x86_64::avx2::encode_avx2+0x85>
nopw   0x0(%rax,%rax,1)
tzcnt  %rcx,%rsi
add    %r13d,%esi
mov    %si,0xf8(%rsp,%r15,2)
inc    %r15
blsr   %rcx,%rcx
jne    1e3b0 <xbzrle::arch::x86_64::avx2::encode_avx2+0x4b0>
jmp    1df85 <xbzrle::arch::x86_64::avx2::encode_avx2+0x85>
mov    $0x100,%eax
test   %r10,%r10
jne    1e3e2 <xbzrle::arch::x86_64::avx2::encode_avx2+0x4e2>
xor    %r10d,%r10d
jmp    1df85 <xbzrle::arch::x86_64::avx2::encode_avx2+0x85>
mov    %r13w,0xf8(%rsp,%r15,2)
inc    %r15
xor    %r10d,%r10d
jmp    1df85 <xbzrle::arch::x86_64::avx2::encode_avx2+0x85>
cs nopw 0x0(%rax,%rax,1)
test   %r10,%r10
je     1e41e <xbzrle::arch::x86_64::avx2::encode_avx2+0x51e>
cmp    $0x3ff,%r15
ja     1e814 <xbzrle::arch::x86_64::avx2::encode_avx2+0x914>
mov    %dx,0xf8(%rsp,%r15,2)
inc    %r15
movq   $0x0,0x30(%rsp)
xor    %r10d,%r10d
jmp    1e437 <xbzrle::arch::x86_64::avx2::encode_avx2+0x537>
nopl   0x0(%rax)
mov    $0x1,%al
mov    %rax,0x30(%rsp)
mov    %r10,0x60(%rsp)
mov    %r15,0x58(%rsp)
shr    %r15
mov    %r15,0x68(%rsp)
je     1e720 <xbzrle::arch::x86_64::avx2::encode_avx2+0x820>
xor    %r12d,%r12d
mov    %r9,%rdi
mov    %r13,0x28(%rsp)
mov    0x8(%rsp),%rbx
jmp    1e4a3 <xbzrle::arch::x86_64::avx2::encode_avx2+0x5a3>
data16 data16 data16 data16 data16 cs nopw 0x0(%rax,%rax,1)
mov    0x10(%rsp),%rax
add    %r9,%rax
mov    0x18(%rsp),%rcx
mov    0x8(%rsp),%rbx
vmovdqu -0x20(%rcx,%rbx,1),%ymm0
vmovdqu %ymm0,-0x20(%r15,%rax,1)
add    %r15,%r9
inc    %r12
mov    %r9,%rdi
cmp    0x68(%rsp),%r12
je     1e725 <xbzrle::arch::x86_64::avx2::encode_avx2+0x825>
movzwl 0xf8(%rsp,%r12,4),%r14d
mov    %r14,%rax
sub    %rbx,%rax
movzwl 0xfa(%rsp,%r12,4),%r10d
mov    %r10,%r15
sub    %r14,%r15
xor    %ecx,%ecx
cmp    $0x7f,%rax
seta   %sil
xor    %r11d,%r11d
cmp    $0x7f,%r15
seta   %r8b
cmp    $0x80,%rax
jb     1e4ee <xbzrle::arch::x86_64::avx2::encode_avx2+0x5ee>
movzbl %al,%r9d
and    $0xffffff80,%eax
lea    (%r9,%rax,2),%eax
or     $0x80,%eax
cmp    $0x80,%r15
mov    %r10,0x8(%rsp)
jae    1e510 <xbzrle::arch::x86_64::avx2::encode_avx2+0x610>
mov    %r15d,%r9d
jmp    1e526 <xbzrle::arch::x86_64::avx2::encode_avx2+0x626>
data16 data16 data16 data16 data16 cs nopw 0x0(%rax,%rax,1)
movzbl %r15b,%r9d
mov    %r15d,%r10d
and    $0xffffff80,%r10d
lea    (%r9,%r10,2),%r9d
or     $0x80,%r9d
mov    %sil,%cl
mov    %r8b,%r11b
lea    (%r11,%rcx,1),%rbp
add    $0x2,%rbp
inc    %rcx
mov    0x930(%rsp),%r13
sub    %rdi,%r13
shl    $0x3,%ecx
shlx   %ecx,%r9d,%ecx
or     %eax,%ecx
mov    %rdx,%rbx
sub    %r14,%rbx
cmp    $0x40,%rbx
jb     1e5b0 <xbzrle::arch::x86_64::avx2::encode_avx2+0x6b0>
cmp    $0x40,%r15d
ja     1e5b0 <xbzrle::arch::x86_64::avx2::encode_avx2+0x6b0>
lea    0x40(%rbp),%rax
cmp    %rax,%r13
jb     1e5b0 <xbzrle::arch::x86_64::avx2::encode_avx2+0x6b0>
mov    0x10(%rsp),%rsi
lea    (%rsi,%rdi,1),%rax
mov    %ecx,(%rsi,%rdi,1)
mov    0x18(%rsp),%rcx
vmovdqu (%rcx,%r14,1),%ymm0
vmovdqu 0x20(%rcx,%r14,1),%ymm1
vmovdqu %ymm1,0x20(%rbp,%rax,1)
vmovdqu %ymm0,0x0(%rbp,%rax,1)
add    %rdi,%rbp
mov    %rbp,%r9
mov    0x28(%rsp),%r13
mov    0x8(%rsp),%rbx
jmp    1e48f <xbzrle::arch::x86_64::avx2::encode_avx2+0x58f>
cs nopw 0x0(%rax,%rax,1)
cmp    $0x3fff,%r15
ja     1e78d <xbzrle::arch::x86_64::avx2::encode_avx2+0x88d>
lea    (%r15,%rbp,1),%rax
cmp    %r13,%rax
ja     1e78d <xbzrle::arch::x86_64::avx2::encode_avx2+0x88d>
lea    (%rdi,%rbp,1),%r9
cmp    $0x3,%r13
jbe    1e630 <xbzrle::arch::x86_64::avx2::encode_avx2+0x730>
mov    0x10(%rsp),%rax
mov    %ecx,(%rax,%rdi,1)
cmp    $0x20,%r15d
jb     1e67a <xbzrle::arch::x86_64::avx2::encode_avx2+0x77a>
cmp    $0x20,%r15d
mov    0x28(%rsp),%r13
je     1e470 <xbzrle::arch::x86_64::avx2::encode_avx2+0x570>
add    0x18(%rsp),%r14
mov    0x10(%rsp),%rax
add    %r9,%rax
mov    $0x20,%ecx
nopw   0x0(%rax,%rax,1)
vmovdqu -0x20(%r14,%rcx,1),%ymm0
vmovdqu %ymm0,-0x20(%rax,%rcx,1)
add    $0x20,%rcx
cmp    %r15,%rcx
jb     1e610 <xbzrle::arch::x86_64::avx2::encode_avx2+0x710>
jmp    1e470 <xbzrle::arch::x86_64::avx2::encode_avx2+0x570>
nopl   0x0(%rax,%rax,1)
mov    %ecx,0x70(%rsp)
cmp    %rdi,%r9
jb     1e7af <xbzrle::arch::x86_64::avx2::encode_avx2+0x8af>
cmp    0x930(%rsp),%r9
ja     1e7af <xbzrle::arch::x86_64::avx2::encode_avx2+0x8af>
add    0x10(%rsp),%rdi
lea    0x70(%rsp),%rsi
mov    %rbp,%rdx
mov    %r9,0x20(%rsp)
vzeroupper
call   *0x48212(%rip)        # 66878 <memcpy@GLIBC_2.14>
mov    0x20(%rsp),%r9
mov    0x38(%rsp),%rdx
cmp    $0x20,%r15d
jae    1e5e6 <xbzrle::arch::x86_64::avx2::encode_avx2+0x6e6>
cmp    $0x20,%rbx
jb     1e6a4 <xbzrle::arch::x86_64::avx2::encode_avx2+0x7a4>
sub    %rbp,%r13
cmp    $0x1f,%r13
jbe    1e6a4 <xbzrle::arch::x86_64::avx2::encode_avx2+0x7a4>
mov    0x18(%rsp),%rax
vmovdqu (%rax,%r14,1),%ymm0
mov    0x10(%rsp),%rax
vmovdqu %ymm0,(%rax,%r9,1)
jmp    1e597 <xbzrle::arch::x86_64::avx2::encode_avx2+0x697>
mov    %r9,%rsi
add    %r15,%rsi
mov    0x8(%rsp),%rbx
jb     1e7ca <xbzrle::arch::x86_64::avx2::encode_avx2+0x8ca>
cmp    0x930(%rsp),%rsi
ja     1e7ca <xbzrle::arch::x86_64::avx2::encode_avx2+0x8ca>
cmp    %rbx,%rdx
setb   %al
cmp    %r14w,%bx
jb     1e709 <xbzrle::arch::x86_64::avx2::encode_avx2+0x809>
mov    0x28(%rsp),%r13
test   %al,%al
jne    1e7e5 <xbzrle::arch::x86_64::avx2::encode_avx2+0x8e5>
mov    0x10(%rsp),%rax
lea    (%rax,%r9,1),%rdi
add    0x18(%rsp),%r14
mov    %r14,%rsi
mov    %r15,%rdx
mov    %r9,%r14
vzeroupper
call   *0x4817c(%rip)        # 66878 <memcpy@GLIBC_2.14>
mov    %r14,%r9
mov    0x38(%rsp),%rdx
jmp    1e48f <xbzrle::arch::x86_64::avx2::encode_avx2+0x58f>
mov    $0x1,%al
mov    0x28(%rsp),%r13
test   %al,%al
je     1e6dc <xbzrle::arch::x86_64::avx2::encode_avx2+0x7dc>
jmp    1e7e5 <xbzrle::arch::x86_64::avx2::encode_avx2+0x8e5>
nopl   0x0(%rax)
mov    0x8(%rsp),%rbx
cmpb   $0x0,0x30(%rsp)
je     1e77a <xbzrle::arch::x86_64::avx2::encode_avx2+0x87a>
mov    %rbx,0x8(%rsp)
mov    $0x0,%r15d
mov    0x58(%rsp),%rax
test   $0x1,%al
mov    0x50(%rsp),%rbp
mov    0x60(%rsp),%r10
je     1df61 <xbzrle::arch::x86_64::avx2::encode_avx2+0x61>
lea    -0x1(%rax),%rdi
cmp    $0x3ff,%rdi
ja     1e82c <xbzrle::arch::x86_64::avx2::encode_avx2+0x92c>
movzwl 0xf6(%rsp,%rax,2),%eax
mov    %ax,0xf8(%rsp)
mov    $0x1,%r15d
jmp    1df61 <xbzrle::arch::x86_64::avx2::encode_avx2+0x61>
mov    0x48(%rsp),%rax
mov    %r9,0x8(%rax)
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
lea    0x45a9a(%rip),%rcx        # 64250 <__frame_dummy_init_array_entry+0x450>
mov    %r9,%rsi
mov    0x930(%rsp),%rdx
vzeroupper
call   *0x4813e(%rip)        # 66908 <_DYNAMIC+0x310>
lea    0x45aaf(%rip),%rcx        # 64280 <__frame_dummy_init_array_entry+0x480>
mov    %r9,%rdi
mov    0x930(%rsp),%rdx
vzeroupper
call   *0x48123(%rip)        # 66908 <_DYNAMIC+0x310>
lea    0x45a7c(%rip),%rcx        # 64268 <__frame_dummy_init_array_entry+0x468>
mov    %r14,%rdi
mov    %rbx,%rsi
vzeroupper
call   *0x4810d(%rip)        # 66908 <_DYNAMIC+0x310>
lea    -0x16bee(%rip),%rdi        # 7c14 <__abi_tag+0x7918>
lea    0x459ff(%rip),%rdx        # 64208 <__frame_dummy_init_array_entry+0x408>
mov    $0x4d,%esi
call   *0x481dc(%rip)        # 669f0 <_DYNAMIC+0x3f8>
lea    0x45a05(%rip),%rdx        # 64220 <__frame_dummy_init_array_entry+0x420>
mov    $0x400,%esi
mov    %r15,%rdi
vzeroupper
call   *0x4810c(%rip)        # 66938 <_DYNAMIC+0x340>
lea    0x45a05(%rip),%rdx        # 64238 <__frame_dummy_init_array_entry+0x438>
mov    $0x400,%esi
vzeroupper
call   *0x480f7(%rip)        # 66938 <_DYNAMIC+0x340>
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
int3
int3
int3
