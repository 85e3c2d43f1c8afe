000000000001f480 <xbzrle::arch::x86_64::avx512::encode_avx512>:
push   %rbp
push   %r15
push   %r14
push   %r13
push   %r12
push   %rbx
sub    $0x878,%rsp
mov    %r9,0x8(%rsp)
mov    %rcx,0x10(%rsp)
mov    %rdi,0x40(%rsp)
cmp    %r8,%rdx
jne    1fc13 <xbzrle::arch::x86_64::avx512::encode_avx512+0x793>
cmp    $0x4001,%r8
jae    1fc13 <xbzrle::arch::x86_64::avx512::encode_avx512+0x793>
mov    %rsi,%r14
movq   $0x0,0x38(%rsp)
mov    $0xffffffffffffffff,%r15
xor    %ebp,%ebp
xor    %r10d,%r10d
xor    %edi,%edi
xor    %r11d,%r11d
xor    %r12d,%r12d
mov    %rdx,0x18(%rsp)
mov    %rsi,0x48(%rsp)
jmp    1f4f3 <xbzrle::arch::x86_64::avx512::encode_avx512+0x73>
data16 data16 data16 data16 cs nopw 0x0(%rax,%rax,1)
add    %rax,%r12
cmp    %rdx,%r12
jae    1f85d <xbzrle::arch::x86_64::avx512::encode_avx512+0x3dd>
lea    0x100(%rdi),%rax
cmp    $0x400,%rax
jae    1f899 <xbzrle::arch::x86_64::avx512::encode_avx512+0x419>
mov    %rdx,%rcx
sub    %r12,%rcx
cmp    $0xff,%rcx
jbe    1f670 <xbzrle::arch::x86_64::avx512::encode_avx512+0x1f0>
vmovdqu64 (%r14,%r12,1),%zmm0
vmovdqu64 0x40(%r14,%r12,1),%zmm1
vmovdqu64 0x80(%r14,%r12,1),%zmm2
vmovdqu64 0xc0(%r14,%r12,1),%zmm3
mov    0x10(%rsp),%rax
vpcmpeqb (%rax,%r12,1),%zmm0,%k0
vpcmpeqb 0x40(%rax,%r12,1),%zmm1,%k1
vpcmpeqb 0x80(%rax,%r12,1),%zmm2,%k2
vpcmpeqb 0xc0(%rax,%r12,1),%zmm3,%k3
kandq  %k0,%k1,%k4
kandq  %k3,%k2,%k5
kandq  %k5,%k4,%k4
kortestq %k4,%k4
jb     1f73c <xbzrle::arch::x86_64::avx512::encode_avx512+0x2bc>
mov    %r10,%r13
kmovq  %k0,%rsi
kmovq  %k1,%rbx
kmovq  %k2,%rcx
kmovq  %k3,%rax
not    %rsi
lea    (%rsi,%rsi,1),%r8
or     %r11,%r8
xor    %r9d,%r9d
xor    %rsi,%r8
setne  %r9b
tzcnt  %r8,%r10
add    %r12d,%r10d
mov    %r10w,0x78(%rsp,%rdi,2)
lea    (%rdi,%r9,1),%r10
blsr   %r8,%r11
tzcnt  %r11,%r8
add    %r12d,%r8d
mov    %r8w,0x78(%rsp,%r10,2)
mov    %r11,%r8
add    $0xffffffffffffffff,%r8
adc    %r9,%rdi
and    %r11,%r8
je     1f5f8 <xbzrle::arch::x86_64::avx512::encode_avx512+0x178>
xchg   %ax,%ax
tzcnt  %r8,%r9
add    %r12d,%r9d
mov    %r9w,0x78(%rsp,%rdi,2)
inc    %rdi
blsr   %r8,%r8
jne    1f5e0 <xbzrle::arch::x86_64::avx512::encode_avx512+0x160>
not    %rbx
shrd   $0x3f,%rbx,%rsi
lea    0x40(%r12),%r8
xor    %r9d,%r9d
xor    %rbx,%rsi
setne  %r9b
tzcnt  %rsi,%r10
add    %r8d,%r10d
mov    %r10w,0x78(%rsp,%rdi,2)
lea    (%rdi,%r9,1),%r10
blsr   %rsi,%r11
tzcnt  %r11,%rsi
add    %r8d,%esi
mov    %si,0x78(%rsp,%r10,2)
mov    %r11,%rsi
add    $0xffffffffffffffff,%rsi
adc    %r9,%rdi
and    %r11,%rsi
je     1f755 <xbzrle::arch::x86_64::avx512::encode_avx512+0x2d5>
mov    0x18(%rsp),%rdx
nopl   0x0(%rax)
tzcnt  %rsi,%r9
add    %r8d,%r9d
mov    %r9w,0x78(%rsp,%rdi,2)
inc    %rdi
blsr   %rsi,%rsi
jne    1f650 <xbzrle::arch::x86_64::avx512::encode_avx512+0x1d0>
jmp    1f75a <xbzrle::arch::x86_64::avx512::encode_avx512+0x2da>
nopl   (%rax)
lea    (%r14,%r12,1),%rsi
mov    0x10(%rsp),%rax
add    %r12,%rax
cmp    $0x3f,%rcx
jbe    1f6a0 <xbzrle::arch::x86_64::avx512::encode_avx512+0x220>
vmovdqu64 (%rsi),%zmm0
vpcmpeqb (%rax),%zmm0,%k0
kmovq  %k0,%rax
jmp    1f6c4 <xbzrle::arch::x86_64::avx512::encode_avx512+0x244>
data16 cs nopw 0x0(%rax,%rax,1)
shlx   %rcx,%r15,%rcx
not    %rcx
kmovq  %rcx,%k1
vmovdqu8 (%rsi),%zmm0{%k1}{z}
vmovdqu8 (%rax),%zmm1{%k1}{z}
vpcmpeqb %zmm1,%zmm0,%k0
kmovq  %k0,%rax
not    %rax
lea    (%rax,%rax,1),%rcx
or     %r11,%rcx
xor    %r9d,%r9d
xor    %rax,%rcx
setne  %r9b
tzcnt  %rcx,%rsi
add    %r12d,%esi
mov    %si,0x78(%rsp,%rdi,2)
lea    (%rdi,%r9,1),%rsi
blsr   %rcx,%r8
tzcnt  %r8,%rcx
add    %r12d,%ecx
mov    %cx,0x78(%rsp,%rsi,2)
mov    %r8,%rcx
add    $0xffffffffffffffff,%rcx
adc    %r9,%rdi
mov    %rax,%r11
shr    $0x3f,%r11
mov    $0x40,%eax
and    %r8,%rcx
je     1f4f0 <xbzrle::arch::x86_64::avx512::encode_avx512+0x70>
nopw   0x0(%rax,%rax,1)
tzcnt  %rcx,%rsi
add    %r12d,%esi
mov    %si,0x78(%rsp,%rdi,2)
inc    %rdi
blsr   %rcx,%rcx
jne    1f720 <xbzrle::arch::x86_64::avx512::encode_avx512+0x2a0>
jmp    1f4f0 <xbzrle::arch::x86_64::avx512::encode_avx512+0x70>
mov    $0x100,%eax
test   %r11,%r11
jne    1f885 <xbzrle::arch::x86_64::avx512::encode_avx512+0x405>
xor    %r11d,%r11d
add    %rax,%r12
jmp    1f4f3 <xbzrle::arch::x86_64::avx512::encode_avx512+0x73>
mov    0x18(%rsp),%rdx
not    %rcx
shrd   $0x3f,%rcx,%rbx
lea    0x80(%r12),%rsi
xor    %r8d,%r8d
xor    %rcx,%rbx
setne  %r8b
tzcnt  %rbx,%r9
add    %esi,%r9d
mov    %r9w,0x78(%rsp,%rdi,2)
lea    (%rdi,%r8,1),%r9
blsr   %rbx,%r10
tzcnt  %r10,%r11
add    %esi,%r11d
mov    %r11w,0x78(%rsp,%r9,2)
mov    %r10,%r9
add    $0xffffffffffffffff,%r9
adc    %r8,%rdi
and    %r10,%r9
je     1f7c8 <xbzrle::arch::x86_64::avx512::encode_avx512+0x348>
nopl   0x0(%rax,%rax,1)
tzcnt  %r9,%r8
add    %esi,%r8d
mov    %r8w,0x78(%rsp,%rdi,2)
inc    %rdi
blsr   %r9,%r9
jne    1f7b0 <xbzrle::arch::x86_64::avx512::encode_avx512+0x330>
not    %rax
shrd   $0x3f,%rax,%rcx
lea    0xc0(%r12),%r10
xor    %esi,%esi
xor    %rax,%rcx
setne  %sil
tzcnt  %rcx,%r8
add    %r10d,%r8d
mov    %r8w,0x78(%rsp,%rdi,2)
lea    (%rdi,%rsi,1),%r8
blsr   %rcx,%r9
tzcnt  %r9,%rcx
add    %r10d,%ecx
mov    %cx,0x78(%rsp,%r8,2)
mov    %r9,%rcx
add    $0xffffffffffffffff,%rcx
adc    %rsi,%rdi
mov    %rax,%r11
shr    $0x3f,%r11
mov    $0x100,%eax
and    %r9,%rcx
je     1f852 <xbzrle::arch::x86_64::avx512::encode_avx512+0x3d2>
data16 data16 data16 data16 data16 cs nopw 0x0(%rax,%rax,1)
tzcnt  %rcx,%rsi
add    %r10d,%esi
mov    %si,0x78(%rsp,%rdi,2)
inc    %rdi
blsr   %rcx,%rcx
jne    1f830 <xbzrle::arch::x86_64::avx512::encode_avx512+0x3b0>
mov    %r13,%r10
add    %rax,%r12
jmp    1f4f3 <xbzrle::arch::x86_64::avx512::encode_avx512+0x73>
mov    %r13,%r10
add    %rax,%r12
jmp    1f4f3 <xbzrle::arch::x86_64::avx512::encode_avx512+0x73>
test   %r11,%r11
je     1f877 <xbzrle::arch::x86_64::avx512::encode_avx512+0x3f7>
cmp    $0x3ff,%rdi
ja     1fc2c <xbzrle::arch::x86_64::avx512::encode_avx512+0x7ac>
mov    %dx,0x78(%rsp,%rdi,2)
inc    %rdi
movq   $0x0,0x28(%rsp)
xor    %r11d,%r11d
jmp    1f8a0 <xbzrle::arch::x86_64::avx512::encode_avx512+0x420>
mov    %r12w,0x78(%rsp,%rdi,2)
inc    %rdi
xor    %r11d,%r11d
add    %rax,%r12
jmp    1f4f3 <xbzrle::arch::x86_64::avx512::encode_avx512+0x73>
mov    $0x1,%al
mov    %rax,0x28(%rsp)
mov    %r11,0x58(%rsp)
mov    %r12,0x60(%rsp)
mov    %rdi,0x50(%rsp)
shr    %rdi
mov    %rdi,0x70(%rsp)
je     1fb3e <xbzrle::arch::x86_64::avx512::encode_avx512+0x6be>
xor    %r13d,%r13d
mov    %r10,%rdi
jmp    1f902 <xbzrle::arch::x86_64::avx512::encode_avx512+0x482>
data16 cs nopw 0x0(%rax,%rax,1)
mov    0x8(%rsp),%rax
add    %r10,%rax
mov    0x10(%rsp),%rcx
mov    0x20(%rsp),%rbp
vmovdqu -0x20(%rcx,%rbp,1),%ymm0
vmovdqu %ymm0,-0x20(%rbx,%rax,1)
add    %rbx,%r10
inc    %r13
mov    %r10,%rdi
cmp    0x70(%rsp),%r13
je     1fb3e <xbzrle::arch::x86_64::avx512::encode_avx512+0x6be>
movzwl 0x78(%rsp,%r13,4),%r15d
mov    %r15,%rax
sub    %rbp,%rax
movzwl 0x7a(%rsp,%r13,4),%r10d
mov    %r10,%rbx
sub    %r15,%rbx
xor    %ecx,%ecx
cmp    $0x7f,%rax
seta   %sil
xor    %r11d,%r11d
cmp    $0x7f,%rbx
seta   %r8b
cmp    $0x80,%rax
jb     1f947 <xbzrle::arch::x86_64::avx512::encode_avx512+0x4c7>
movzbl %al,%r9d
and    $0xffffff80,%eax
lea    (%r9,%rax,2),%eax
or     $0x80,%eax
cmp    $0x80,%rbx
mov    %r10,0x20(%rsp)
jae    1f960 <xbzrle::arch::x86_64::avx512::encode_avx512+0x4e0>
mov    %ebx,%r9d
jmp    1f976 <xbzrle::arch::x86_64::avx512::encode_avx512+0x4f6>
nopw   0x0(%rax,%rax,1)
movzbl %bl,%r9d
mov    %ebx,%r10d
and    $0xffffff80,%r10d
lea    (%r9,%r10,2),%r9d
or     $0x80,%r9d
mov    %sil,%cl
mov    %r8b,%r11b
lea    (%r11,%rcx,1),%rbp
add    $0x2,%rbp
inc    %rcx
mov    0x8b0(%rsp),%r14
sub    %rdi,%r14
shl    $0x3,%ecx
shlx   %ecx,%r9d,%ecx
or     %eax,%ecx
mov    %rdx,%r12
sub    %r15,%r12
cmp    $0x40,%r12
jb     1f9f0 <xbzrle::arch::x86_64::avx512::encode_avx512+0x570>
cmp    $0x40,%ebx
ja     1f9f0 <xbzrle::arch::x86_64::avx512::encode_avx512+0x570>
lea    0x40(%rbp),%rax
cmp    %rax,%r14
jb     1f9f0 <xbzrle::arch::x86_64::avx512::encode_avx512+0x570>
mov    0x8(%rsp),%rsi
lea    (%rsi,%rdi,1),%rax
mov    %ecx,(%rsi,%rdi,1)
mov    0x10(%rsp),%rcx
vmovdqu64 (%rcx,%r15,1),%zmm0
vmovdqu64 %zmm0,0x0(%rbp,%rax,1)
add    %rdi,%rbp
mov    %rbp,%r10
mov    0x20(%rsp),%rbp
jmp    1f8ee <xbzrle::arch::x86_64::avx512::encode_avx512+0x46e>
cs nopw 0x0(%rax,%rax,1)
cmp    $0x3fff,%rbx
ja     1fba5 <xbzrle::arch::x86_64::avx512::encode_avx512+0x725>
lea    (%rbx,%rbp,1),%rax
cmp    %r14,%rax
ja     1fba5 <xbzrle::arch::x86_64::avx512::encode_avx512+0x725>
lea    (%rdi,%rbp,1),%r10
cmp    $0x3,%r14
jbe    1fa60 <xbzrle::arch::x86_64::avx512::encode_avx512+0x5e0>
mov    0x8(%rsp),%rax
mov    %ecx,(%rax,%rdi,1)
cmp    $0x20,%ebx
jb     1faa9 <xbzrle::arch::x86_64::avx512::encode_avx512+0x629>
cmp    $0x20,%ebx
je     1f8d0 <xbzrle::arch::x86_64::avx512::encode_avx512+0x450>
add    0x10(%rsp),%r15
mov    0x8(%rsp),%rax
add    %r10,%rax
mov    $0x20,%ecx
vmovdqu -0x20(%r15,%rcx,1),%ymm0
vmovdqu %ymm0,-0x20(%rax,%rcx,1)
add    $0x20,%rcx
cmp    %rbx,%rcx
jb     1fa40 <xbzrle::arch::x86_64::avx512::encode_avx512+0x5c0>
jmp    1f8d0 <xbzrle::arch::x86_64::avx512::encode_avx512+0x450>
nopl   0x0(%rax,%rax,1)
mov    %ecx,0x34(%rsp)
cmp    %rdi,%r10
jb     1fbc7 <xbzrle::arch::x86_64::avx512::encode_avx512+0x747>
cmp    0x8b0(%rsp),%r10
ja     1fbc7 <xbzrle::arch::x86_64::avx512::encode_avx512+0x747>
add    0x8(%rsp),%rdi
lea    0x34(%rsp),%rsi
mov    %rbp,%rdx
mov    %r10,0x68(%rsp)
vzeroupper
call   *0x46de2(%rip)        # 66878 <memcpy@GLIBC_2.14>
mov    0x68(%rsp),%r10
mov    0x18(%rsp),%rdx
cmp    $0x20,%ebx
jae    1fa25 <xbzrle::arch::x86_64::avx512::encode_avx512+0x5a5>
cmp    $0x20,%r12
jb     1fad3 <xbzrle::arch::x86_64::avx512::encode_avx512+0x653>
sub    %rbp,%r14
cmp    $0x1f,%r14
jbe    1fad3 <xbzrle::arch::x86_64::avx512::encode_avx512+0x653>
mov    0x10(%rsp),%rax
vmovdqu (%rax,%r15,1),%ymm0
mov    0x8(%rsp),%rax
vmovdqu %ymm0,(%rax,%r10,1)
jmp    1f9dc <xbzrle::arch::x86_64::avx512::encode_avx512+0x55c>
mov    %r10,%rsi
add    %rbx,%rsi
jb     1fbe2 <xbzrle::arch::x86_64::avx512::encode_avx512+0x762>
cmp    0x8b0(%rsp),%rsi
ja     1fbe2 <xbzrle::arch::x86_64::avx512::encode_avx512+0x762>
mov    0x20(%rsp),%rbp
cmp    %rbp,%rdx
setb   %al
cmp    %r15w,%bp
jb     1fb33 <xbzrle::arch::x86_64::avx512::encode_avx512+0x6b3>
test   %al,%al
jne    1fbfd <xbzrle::arch::x86_64::avx512::encode_avx512+0x77d>
mov    0x8(%rsp),%rax
lea    (%rax,%r10,1),%rdi
add    0x10(%rsp),%r15
mov    %r15,%rsi
mov    %rbx,%rdx
mov    %r10,%r14
vzeroupper
call   *0x46d52(%rip)        # 66878 <memcpy@GLIBC_2.14>
mov    %r14,%r10
mov    0x18(%rsp),%rdx
jmp    1f8ee <xbzrle::arch::x86_64::avx512::encode_avx512+0x46e>
mov    $0x1,%al
test   %al,%al
je     1fb06 <xbzrle::arch::x86_64::avx512::encode_avx512+0x686>
jmp    1fbfd <xbzrle::arch::x86_64::avx512::encode_avx512+0x77d>
cmpb   $0x0,0x28(%rsp)
je     1fb92 <xbzrle::arch::x86_64::avx512::encode_avx512+0x712>
mov    $0x0,%edi
mov    0x50(%rsp),%rax
test   $0x1,%al
mov    0x48(%rsp),%r14
mov    $0xffffffffffffffff,%r15
mov    0x60(%rsp),%r12
mov    0x58(%rsp),%r11
je     1f4f3 <xbzrle::arch::x86_64::avx512::encode_avx512+0x73>
lea    -0x1(%rax),%rdi
cmp    $0x3ff,%rdi
ja     1fc41 <xbzrle::arch::x86_64::avx512::encode_avx512+0x7c1>
movzwl 0x76(%rsp,%rax,2),%eax
mov    %ax,0x78(%rsp)
mov    $0x1,%edi
jmp    1f4f3 <xbzrle::arch::x86_64::avx512::encode_avx512+0x73>
mov    0x40(%rsp),%rax
mov    %r10,0x8(%rax)
mov    $0x3,%eax
mov    %rax,0x38(%rsp)
mov    0x40(%rsp),%rax
mov    0x38(%rsp),%rcx
mov    %rcx,(%rax)
add    $0x878,%rsp
pop    %rbx
pop    %r12
pop    %r13
pop    %r14
pop    %r15
pop    %rbp
vzeroupper
ret
lea    0x44682(%rip),%rcx        # 64250 <__frame_dummy_init_array_entry+0x450>
mov    %r10,%rsi
mov    0x8b0(%rsp),%rdx
vzeroupper
call   *0x46d26(%rip)        # 66908 <_DYNAMIC+0x310>
lea    0x44697(%rip),%rcx        # 64280 <__frame_dummy_init_array_entry+0x480>
mov    %r10,%rdi
mov    0x8b0(%rsp),%rdx
vzeroupper
call   *0x46d0b(%rip)        # 66908 <_DYNAMIC+0x310>
lea    0x44664(%rip),%rcx        # 64268 <__frame_dummy_init_array_entry+0x468>
mov    %r15,%rdi
mov    %rbp,%rsi
vzeroupper
call   *0x46cf5(%rip)        # 66908 <_DYNAMIC+0x310>
lea    -0x18006(%rip),%rdi        # 7c14 <__abi_tag+0x7918>
lea    0x445e7(%rip),%rdx        # 64208 <__frame_dummy_init_array_entry+0x408>
mov    $0x4d,%esi
call   *0x46dc4(%rip)        # 669f0 <_DYNAMIC+0x3f8>
lea    0x445ed(%rip),%rdx        # 64220 <__frame_dummy_init_array_entry+0x420>
mov    $0x400,%esi
vzeroupper
call   *0x46cf7(%rip)        # 66938 <_DYNAMIC+0x340>
lea    0x445f0(%rip),%rdx        # 64238 <__frame_dummy_init_array_entry+0x438>
mov    $0x400,%esi
vzeroupper
call   *0x46ce2(%rip)        # 66938 <_DYNAMIC+0x340>
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
