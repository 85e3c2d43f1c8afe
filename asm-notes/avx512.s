000000000001ee40 <xbzrle::arch::x86_64::avx512::encode_avx512>:
push   %rbp
push   %r15
push   %r14
push   %r13
push   %r12
push   %rbx
sub    $0x868,%rsp
cmp    %r8,%rdx
jne    1f59e <xbzrle::arch::x86_64::avx512::encode_avx512+0x75e>
cmp    $0x4001,%r8
jae    1f59e <xbzrle::arch::x86_64::avx512::encode_avx512+0x75e>
mov    %rcx,%r14
mov    %rsi,%r15
mov    %rdi,0x28(%rsp)
mov    $0xffffffffffffffff,%r13
xor    %ebp,%ebp
movq   $0x0,0x8(%rsp)
xor    %edi,%edi
xor    %r11d,%r11d
xor    %r12d,%r12d
mov    %r9,0x20(%rsp)
mov    %rcx,0x18(%rsp)
mov    %rdx,0x10(%rsp)
mov    %rsi,0x48(%rsp)
jmp    1eeb3 <xbzrle::arch::x86_64::avx512::encode_avx512+0x73>
data16 data16 data16 data16 cs nopw 0x0(%rax,%rax,1)
add    %rax,%r12
cmp    %rdx,%r12
jae    1f21e <xbzrle::arch::x86_64::avx512::encode_avx512+0x3de>
lea    0x100(%rdi),%rax
cmp    $0x400,%rax
jae    1f25a <xbzrle::arch::x86_64::avx512::encode_avx512+0x41a>
mov    %rdx,%rcx
sub    %r12,%rcx
cmp    $0xff,%rcx
jbe    1f130 <xbzrle::arch::x86_64::avx512::encode_avx512+0x2f0>
vmovdqu64 (%r15,%r12,1),%zmm0
vmovdqu64 0x40(%r15,%r12,1),%zmm1
vmovdqu64 0x80(%r15,%r12,1),%zmm2
vmovdqu64 0xc0(%r15,%r12,1),%zmm3
vpcmpeqb (%r14,%r12,1),%zmm0,%k0
vpcmpeqb 0x40(%r14,%r12,1),%zmm1,%k1
vpcmpeqb 0x80(%r14,%r12,1),%zmm2,%k2
vpcmpeqb 0xc0(%r14,%r12,1),%zmm3,%k3
kandq  %k0,%k1,%k4
kandq  %k3,%k2,%k5
kandq  %k5,%k4,%k4
kortestq %k4,%k4
jb     1f1fc <xbzrle::arch::x86_64::avx512::encode_avx512+0x3bc>
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
mov    %r10w,0x68(%rsp,%rdi,2)
lea    (%rdi,%r9,1),%r10
blsr   %r8,%r11
tzcnt  %r11,%r8
add    %r12d,%r8d
mov    %r8w,0x68(%rsp,%r10,2)
mov    %r11,%r8
add    $0xffffffffffffffff,%r8
adc    %r9,%rdi
and    %r11,%r8
je     1efb8 <xbzrle::arch::x86_64::avx512::encode_avx512+0x178>
cs nopw 0x0(%rax,%rax,1)
tzcnt  %r8,%r9
add    %r12d,%r9d
mov    %r9w,0x68(%rsp,%rdi,2)
inc    %rdi
blsr   %r8,%r8
jne    1efa0 <xbzrle::arch::x86_64::avx512::encode_avx512+0x160>
not    %rbx
shrd   $0x3f,%rbx,%rsi
lea    0x40(%r12),%r8
xor    %r9d,%r9d
xor    %rbx,%rsi
setne  %r9b
tzcnt  %rsi,%r10
add    %r8d,%r10d
mov    %r10w,0x68(%rsp,%rdi,2)
lea    (%rdi,%r9,1),%r10
blsr   %rsi,%r11
tzcnt  %r11,%rsi
add    %r8d,%esi
mov    %si,0x68(%rsp,%r10,2)
mov    %r11,%rsi
add    $0xffffffffffffffff,%rsi
adc    %r9,%rdi
and    %r11,%rsi
je     1f028 <xbzrle::arch::x86_64::avx512::encode_avx512+0x1e8>
data16 data16 data16 cs nopw 0x0(%rax,%rax,1)
tzcnt  %rsi,%r9
add    %r8d,%r9d
mov    %r9w,0x68(%rsp,%rdi,2)
inc    %rdi
blsr   %rsi,%rsi
jne    1f010 <xbzrle::arch::x86_64::avx512::encode_avx512+0x1d0>
not    %rcx
shrd   $0x3f,%rcx,%rbx
lea    0x80(%r12),%rsi
xor    %r8d,%r8d
xor    %rcx,%rbx
setne  %r8b
tzcnt  %rbx,%r9
add    %esi,%r9d
mov    %r9w,0x68(%rsp,%rdi,2)
lea    (%rdi,%r8,1),%r9
blsr   %rbx,%r10
tzcnt  %r10,%r11
add    %esi,%r11d
mov    %r11w,0x68(%rsp,%r9,2)
mov    %r10,%r9
add    $0xffffffffffffffff,%r9
adc    %r8,%rdi
and    %r10,%r9
je     1f098 <xbzrle::arch::x86_64::avx512::encode_avx512+0x258>
cs nopw 0x0(%rax,%rax,1)
tzcnt  %r9,%r8
add    %esi,%r8d
mov    %r8w,0x68(%rsp,%rdi,2)
inc    %rdi
blsr   %r9,%r9
jne    1f080 <xbzrle::arch::x86_64::avx512::encode_avx512+0x240>
not    %rax
shrd   $0x3f,%rax,%rcx
lea    0xc0(%r12),%r10
xor    %esi,%esi
xor    %rax,%rcx
setne  %sil
tzcnt  %rcx,%r8
add    %r10d,%r8d
mov    %r8w,0x68(%rsp,%rdi,2)
lea    (%rdi,%rsi,1),%r8
blsr   %rcx,%r9
tzcnt  %r9,%rcx
add    %r10d,%ecx
mov    %cx,0x68(%rsp,%r8,2)
mov    %r9,%rcx
add    $0xffffffffffffffff,%rcx
adc    %rsi,%rdi
mov    %rax,%r11
shr    $0x3f,%r11
mov    $0x100,%eax
and    %r9,%rcx
je     1f211 <xbzrle::arch::x86_64::avx512::encode_avx512+0x3d1>
data16 cs nopw 0x0(%rax,%rax,1)
tzcnt  %rcx,%rsi
add    %r10d,%esi
mov    %si,0x68(%rsp,%rdi,2)
inc    %rdi
blsr   %rcx,%rcx
jne    1f100 <xbzrle::arch::x86_64::avx512::encode_avx512+0x2c0>
mov    0x20(%rsp),%r9
add    %rax,%r12
jmp    1eeb3 <xbzrle::arch::x86_64::avx512::encode_avx512+0x73>
data16 data16 cs nopw 0x0(%rax,%rax,1)
lea    (%r15,%r12,1),%rsi
lea    (%r14,%r12,1),%rax
cmp    $0x3f,%rcx
jbe    1f160 <xbzrle::arch::x86_64::avx512::encode_avx512+0x320>
vmovdqu64 (%rsi),%zmm0
vpcmpeqb (%rax),%zmm0,%k0
kmovq  %k0,%rax
jmp    1f184 <xbzrle::arch::x86_64::avx512::encode_avx512+0x344>
data16 data16 data16 data16 data16 cs nopw 0x0(%rax,%rax,1)
shlx   %rcx,%r13,%rcx
not    %rcx
kmovq  %rcx,%k1
vmovdqu8 (%rsi),%zmm0{%k1}{z}
vmovdqu8 (%rax),%zmm1{%k1}{z}
vpcmpeqb %zmm1,%zmm0,%k0
kmovq  %k0,%rax
not    %rax
lea    (%rax,%rax,1),%rcx
or     %r11,%rcx
xor    %r10d,%r10d
xor    %rax,%rcx
setne  %r10b
tzcnt  %rcx,%rsi
add    %r12d,%esi
mov    %si,0x68(%rsp,%rdi,2)
lea    (%rdi,%r10,1),%rsi
blsr   %rcx,%r8
tzcnt  %r8,%rcx
add    %r12d,%ecx
mov    %cx,0x68(%rsp,%rsi,2)
mov    %r8,%rcx
add    $0xffffffffffffffff,%rcx
adc    %r10,%rdi
mov    %rax,%r11
shr    $0x3f,%r11
mov    $0x40,%eax
and    %r8,%rcx
je     1eeb0 <xbzrle::arch::x86_64::avx512::encode_avx512+0x70>
nopw   0x0(%rax,%rax,1)
tzcnt  %rcx,%rsi
add    %r12d,%esi
mov    %si,0x68(%rsp,%rdi,2)
inc    %rdi
blsr   %rcx,%rcx
jne    1f1e0 <xbzrle::arch::x86_64::avx512::encode_avx512+0x3a0>
jmp    1eeb0 <xbzrle::arch::x86_64::avx512::encode_avx512+0x70>
mov    $0x100,%eax
test   %r11,%r11
jne    1f246 <xbzrle::arch::x86_64::avx512::encode_avx512+0x406>
xor    %r11d,%r11d
add    %rax,%r12
jmp    1eeb3 <xbzrle::arch::x86_64::avx512::encode_avx512+0x73>
mov    0x20(%rsp),%r9
add    %rax,%r12
jmp    1eeb3 <xbzrle::arch::x86_64::avx512::encode_avx512+0x73>
test   %r11,%r11
je     1f238 <xbzrle::arch::x86_64::avx512::encode_avx512+0x3f8>
cmp    $0x3ff,%rdi
ja     1f5b7 <xbzrle::arch::x86_64::avx512::encode_avx512+0x777>
mov    %dx,0x68(%rsp,%rdi,2)
inc    %rdi
movq   $0x0,0x30(%rsp)
xor    %r11d,%r11d
jmp    1f261 <xbzrle::arch::x86_64::avx512::encode_avx512+0x421>
mov    %r12w,0x68(%rsp,%rdi,2)
inc    %rdi
xor    %r11d,%r11d
add    %rax,%r12
jmp    1eeb3 <xbzrle::arch::x86_64::avx512::encode_avx512+0x73>
mov    $0x1,%al
mov    %rax,0x30(%rsp)
mov    %r11,0x58(%rsp)
mov    %rdi,0x50(%rsp)
shr    %rdi
mov    %rdi,0x60(%rsp)
je     1f4c0 <xbzrle::arch::x86_64::avx512::encode_avx512+0x680>
xor    %r15d,%r15d
mov    0x8(%rsp),%rdi
jmp    1f2ba <xbzrle::arch::x86_64::avx512::encode_avx512+0x47a>
data16 data16 data16 cs nopw 0x0(%rax,%rax,1)
lea    (%r9,%rdx,1),%rax
mov    0x38(%rsp),%rbp
vmovdqu -0x20(%r14,%rbp,1),%ymm0
vmovdqu %ymm0,-0x20(%rbx,%rax,1)
add    %rbx,%rdx
inc    %r15
mov    %rdx,%rdi
cmp    0x60(%rsp),%r15
je     1f4c5 <xbzrle::arch::x86_64::avx512::encode_avx512+0x685>
movzwl 0x68(%rsp,%r15,4),%r13d
mov    %r13,%rax
sub    %rbp,%rax
movzwl 0x6a(%rsp,%r15,4),%edx
mov    %rdx,%rbx
sub    %r13,%rbx
mov    %rbx,%rcx
or     %rax,%rcx
cmp    $0x3fff,%rcx
ja     1f51e <xbzrle::arch::x86_64::avx512::encode_avx512+0x6de>
mov    %rdx,0x38(%rsp)
xor    %ecx,%ecx
cmp    $0x7f,%rax
seta   %cl
xor    %edx,%edx
cmp    $0x7f,%rbx
seta   %dl
lea    (%rdx,%rcx,1),%rsi
inc    %rsi
mov    0x8a0(%rsp),%rbp
sub    %rdi,%rbp
add    %rbx,%rsi
inc    %rsi
cmp    %rbp,%rsi
ja     1f51e <xbzrle::arch::x86_64::avx512::encode_avx512+0x6de>
cmp    $0x80,%rax
jb     1f335 <xbzrle::arch::x86_64::avx512::encode_avx512+0x4f5>
movzbl %al,%esi
and    $0x3f80,%eax
lea    (%rsi,%rax,2),%eax
or     $0x80,%eax
cmp    $0x80,%rbx
jae    1f350 <xbzrle::arch::x86_64::avx512::encode_avx512+0x510>
mov    %ebx,%esi
jmp    1f367 <xbzrle::arch::x86_64::avx512::encode_avx512+0x527>
data16 data16 data16 data16 cs nopw 0x0(%rax,%rax,1)
movzbl %bl,%esi
mov    %ebx,%r8d
and    $0x3f80,%r8d
lea    (%rsi,%r8,2),%esi
or     $0x80,%esi
lea    (%rdx,%rcx,1),%r14
add    $0x2,%r14
inc    %rcx
shl    $0x3,%ecx
shlx   %ecx,%esi,%ecx
or     %eax,%ecx
lea    (%r14,%rdi,1),%rdx
cmp    $0x3,%rbp
jbe    1f3d0 <xbzrle::arch::x86_64::avx512::encode_avx512+0x590>
mov    %ecx,(%r9,%rdi,1)
cmp    $0x20,%ebx
jb     1f417 <xbzrle::arch::x86_64::avx512::encode_avx512+0x5d7>
cmp    $0x20,%ebx
mov    0x18(%rsp),%r14
je     1f290 <xbzrle::arch::x86_64::avx512::encode_avx512+0x450>
add    %r14,%r13
lea    (%r9,%rdx,1),%rax
mov    $0x20,%ecx
nopl   (%rax)
vmovdqu -0x20(%r13,%rcx,1),%ymm0
vmovdqu %ymm0,-0x20(%rax,%rcx,1)
add    $0x20,%rcx
cmp    %rbx,%rcx
jb     1f3b0 <xbzrle::arch::x86_64::avx512::encode_avx512+0x570>
jmp    1f290 <xbzrle::arch::x86_64::avx512::encode_avx512+0x450>
nopl   0x0(%rax,%rax,1)
mov    %ecx,0x44(%rsp)
cmp    %rdi,%rdx
jb     1f54d <xbzrle::arch::x86_64::avx512::encode_avx512+0x70d>
cmp    0x8a0(%rsp),%rdx
ja     1f54d <xbzrle::arch::x86_64::avx512::encode_avx512+0x70d>
add    %r9,%rdi
lea    0x44(%rsp),%rsi
mov    %rdx,0x8(%rsp)
mov    %r14,%rdx
vzeroupper
call   *0x46d34(%rip)        # 66138 <memcpy@GLIBC_2.14>
mov    0x8(%rsp),%rdx
mov    0x20(%rsp),%r9
cmp    $0x20,%ebx
jae    1f393 <xbzrle::arch::x86_64::avx512::encode_avx512+0x553>
mov    0x10(%rsp),%rax
sub    %r13,%rax
cmp    $0x20,%rax
jb     1f450 <xbzrle::arch::x86_64::avx512::encode_avx512+0x610>
sub    %r14,%rbp
cmp    $0x1f,%rbp
jbe    1f450 <xbzrle::arch::x86_64::avx512::encode_avx512+0x610>
mov    0x18(%rsp),%r14
vmovdqu (%r14,%r13,1),%ymm0
vmovdqu %ymm0,(%r9,%rdx,1)
mov    0x38(%rsp),%rbp
jmp    1f2a6 <xbzrle::arch::x86_64::avx512::encode_avx512+0x466>
nopl   0x0(%rax)
mov    %rdx,%rsi
add    %rbx,%rsi
jb     1f568 <xbzrle::arch::x86_64::avx512::encode_avx512+0x728>
cmp    0x8a0(%rsp),%rsi
ja     1f568 <xbzrle::arch::x86_64::avx512::encode_avx512+0x728>
mov    0x38(%rsp),%rbp
cmp    %rbp,0x10(%rsp)
setb   %al
cmp    %r13w,%bp
jb     1f4b0 <xbzrle::arch::x86_64::avx512::encode_avx512+0x670>
mov    0x18(%rsp),%r14
test   %al,%al
jne    1f583 <xbzrle::arch::x86_64::avx512::encode_avx512+0x743>
lea    (%r9,%rdx,1),%rdi
add    %r14,%r13
mov    %r13,%rsi
mov    %rdx,%r13
mov    %rbx,%rdx
vzeroupper
call   *0x46c95(%rip)        # 66138 <memcpy@GLIBC_2.14>
mov    %r13,%rdx
mov    0x20(%rsp),%r9
jmp    1f2a6 <xbzrle::arch::x86_64::avx512::encode_avx512+0x466>
mov    $0x1,%al
mov    0x18(%rsp),%r14
test   %al,%al
je     1f48a <xbzrle::arch::x86_64::avx512::encode_avx512+0x64a>
jmp    1f583 <xbzrle::arch::x86_64::avx512::encode_avx512+0x743>
mov    0x8(%rsp),%rdx
cmpb   $0x0,0x30(%rsp)
je     1f53d <xbzrle::arch::x86_64::avx512::encode_avx512+0x6fd>
mov    %rdx,0x8(%rsp)
mov    $0x0,%edi
mov    0x50(%rsp),%rax
test   $0x1,%al
mov    0x10(%rsp),%rdx
mov    0x48(%rsp),%r15
mov    $0xffffffffffffffff,%r13
mov    0x58(%rsp),%r11
je     1eeb3 <xbzrle::arch::x86_64::avx512::encode_avx512+0x73>
lea    -0x1(%rax),%rdi
cmp    $0x3ff,%rdi
ja     1f5cc <xbzrle::arch::x86_64::avx512::encode_avx512+0x78c>
movzwl 0x66(%rsp,%rax,2),%eax
mov    %ax,0x68(%rsp)
mov    $0x1,%edi
jmp    1eeb3 <xbzrle::arch::x86_64::avx512::encode_avx512+0x73>
mov    0x28(%rsp),%rax
xor    %ecx,%ecx
mov    %rcx,(%rax)
add    $0x868,%rsp
pop    %rbx
pop    %r12
pop    %r13
pop    %r14
pop    %r15
pop    %rbp
vzeroupper
ret
mov    0x28(%rsp),%rax
mov    %rdx,0x8(%rax)
mov    $0x3,%ecx
jmp    1f525 <xbzrle::arch::x86_64::avx512::encode_avx512+0x6e5>
lea    0x445bc(%rip),%rcx        # 63b10 <__frame_dummy_init_array_entry+0x450>
mov    %rdx,%rsi
mov    0x8a0(%rsp),%rdx
vzeroupper
call   *0x46c60(%rip)        # 661c8 <_DYNAMIC+0x310>
lea    0x445d1(%rip),%rcx        # 63b40 <__frame_dummy_init_array_entry+0x480>
mov    %rdx,%rdi
mov    0x8a0(%rsp),%rdx
vzeroupper
call   *0x46c45(%rip)        # 661c8 <_DYNAMIC+0x310>
lea    0x4459e(%rip),%rcx        # 63b28 <__frame_dummy_init_array_entry+0x468>
mov    %r13,%rdi
mov    %rbp,%rsi
mov    0x10(%rsp),%rdx
vzeroupper
call   *0x46c2a(%rip)        # 661c8 <_DYNAMIC+0x310>
lea    -0x179f1(%rip),%rdi        # 7bb4 <__abi_tag+0x78b8>
lea    0x4451c(%rip),%rdx        # 63ac8 <__frame_dummy_init_array_entry+0x408>
mov    $0x4d,%esi
call   *0x46cf1(%rip)        # 662a8 <_DYNAMIC+0x3f0>
lea    0x44522(%rip),%rdx        # 63ae0 <__frame_dummy_init_array_entry+0x420>
mov    $0x400,%esi
vzeroupper
call   *0x46c24(%rip)        # 661f0 <_DYNAMIC+0x338>
lea    0x44525(%rip),%rdx        # 63af8 <__frame_dummy_init_array_entry+0x438>
mov    $0x400,%esi
vzeroupper
call   *0x46c0f(%rip)        # 661f0 <_DYNAMIC+0x338>
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
