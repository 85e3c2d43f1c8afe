00000000000206b0 <xbzrle::arch::x86_64::avx512::encode_avx512>:
push   %rbp
push   %r15
push   %r14
push   %r13
push   %r12
push   %rbx
sub    $0x878,%rsp
mov    %rdi,0x40(%rsp)
cmp    %r8,%rdx
jne    20e61 <xbzrle::arch::x86_64::avx512::encode_avx512+0x7b1>
cmp    $0x4001,%r8
jae    20e61 <xbzrle::arch::x86_64::avx512::encode_avx512+0x7b1>
mov    %rcx,%r15
mov    0x8b0(%rsp),%rax
xor    %ecx,%ecx
sub    $0x43,%rax
cmovb  %rcx,%rax
mov    %rax,0x68(%rsp)
mov    %rdx,%rdi
sub    $0x3f,%rdi
mov    $0x0,%eax
mov    %rax,0x38(%rsp)
cmovb  %rcx,%rdi
mov    %rdi,0x60(%rsp)
xor    %ebp,%ebp
movq   $0x0,(%rsp)
xor    %edi,%edi
xor    %r14d,%r14d
xor    %r12d,%r12d
mov    %r9,0x28(%rsp)
mov    %r15,0x8(%rsp)
mov    %rdx,0x10(%rsp)
mov    %rsi,0x48(%rsp)
jmp    20743 <xbzrle::arch::x86_64::avx512::encode_avx512+0x93>
nopl   0x0(%rax,%rax,1)
add    %rcx,%r12
cmp    %rdx,%r12
jae    20abb <xbzrle::arch::x86_64::avx512::encode_avx512+0x40b>
lea    0x100(%rdi),%rax
cmp    $0x400,%rax
jae    20af7 <xbzrle::arch::x86_64::avx512::encode_avx512+0x447>
mov    %rdx,%rcx
sub    %r12,%rcx
cmp    $0xff,%rcx
jbe    209b0 <xbzrle::arch::x86_64::avx512::encode_avx512+0x300>
vmovdqu64 (%rsi,%r12,1),%zmm0
vmovdqu64 0x40(%rsi,%r12,1),%zmm1
vmovdqu64 0x80(%rsi,%r12,1),%zmm2
vmovdqu64 0xc0(%rsi,%r12,1),%zmm3
vpcmpeqb (%r15,%r12,1),%zmm0,%k0
vpcmpeqb 0x40(%r15,%r12,1),%zmm1,%k1
vpcmpeqb 0x80(%r15,%r12,1),%zmm2,%k2
vpcmpeqb 0xc0(%r15,%r12,1),%zmm3,%k3
kandq  %k0,%k1,%k4
kandq  %k3,%k2,%k5
kandq  %k5,%k4,%k4
kortestq %k4,%k4
jb     20aa6 <xbzrle::arch::x86_64::avx512::encode_avx512+0x3f6>
kmovq  %k0,%r9
kmovq  %k1,%r15
kmovq  %k2,%rcx
kmovq  %k3,%rax
not    %r9
lea    (%r9,%r9,1),%rbx
or     %r14,%rbx
xor    %r9,%rbx
blsr   %rbx,%r8
tzcnt  %rbx,%r10
add    %r12d,%r10d
mov    %r10w,0x78(%rsp,%rdi,2)
tzcnt  %r8,%r10
add    %r12d,%r10d
mov    %r10w,0x7a(%rsp,%rdi,2)
blsr   %r8,%r8
je     20837 <xbzrle::arch::x86_64::avx512::encode_avx512+0x187>
lea    0x7c(%rsp),%r10
lea    (%r10,%rdi,2),%r10
nopl   0x0(%rax)
tzcnt  %r8,%r11
add    %r12d,%r11d
mov    %r11w,(%r10)
add    $0x2,%r10
blsr   %r8,%r8
jne    20820 <xbzrle::arch::x86_64::avx512::encode_avx512+0x170>
not    %r15
shrd   $0x3f,%r15,%r9
xor    %r15,%r9
popcnt %rbx,%r8
lea    (%r8,%rdi,1),%r13
lea    0x40(%r12),%r10
blsr   %r9,%r11
tzcnt  %r9,%rbx
add    %r10d,%ebx
mov    %bx,0x78(%rsp,%r13,2)
tzcnt  %r11,%rbx
add    %r10d,%ebx
mov    %bx,0x7a(%rsp,%r13,2)
blsr   %r11,%r11
je     208a7 <xbzrle::arch::x86_64::avx512::encode_avx512+0x1f7>
lea    0x7c(%rsp),%rbx
lea    (%rbx,%r13,2),%rbx
data16 data16 data16 data16 data16 cs nopw 0x0(%rax,%rax,1)
tzcnt  %r11,%r14
add    %r10d,%r14d
mov    %r14w,(%rbx)
add    $0x2,%rbx
blsr   %r11,%r11
jne    20890 <xbzrle::arch::x86_64::avx512::encode_avx512+0x1e0>
not    %rcx
shrd   $0x3f,%rcx,%r15
xor    %rcx,%r15
popcnt %r9,%r9
add    %r9,%r13
lea    0x80(%r12),%r10
blsr   %r15,%r11
tzcnt  %r15,%rbx
add    %r10d,%ebx
mov    %bx,0x78(%rsp,%r13,2)
tzcnt  %r11,%rbx
add    %r10d,%ebx
mov    %bx,0x7a(%rsp,%r13,2)
blsr   %r11,%r11
je     20917 <xbzrle::arch::x86_64::avx512::encode_avx512+0x267>
lea    (%r8,%r9,1),%rbx
add    %rdi,%rbx
lea    0x7c(%rsp),%r14
lea    (%r14,%rbx,2),%rbx
nopw   0x0(%rax,%rax,1)
tzcnt  %r11,%r14
add    %r10d,%r14d
mov    %r14w,(%rbx)
add    $0x2,%rbx
blsr   %r11,%r11
jne    20900 <xbzrle::arch::x86_64::avx512::encode_avx512+0x250>
not    %rax
shrd   $0x3f,%rax,%rcx
xor    %rax,%rcx
popcnt %r15,%r11
add    %r11,%r13
lea    0xc0(%r12),%r14
blsr   %rcx,%r10
tzcnt  %rcx,%rbx
add    %r14d,%ebx
mov    %bx,0x78(%rsp,%r13,2)
tzcnt  %r10,%rbx
add    %r14d,%ebx
mov    %bx,0x7a(%rsp,%r13,2)
blsr   %r10,%r10
je     20987 <xbzrle::arch::x86_64::avx512::encode_avx512+0x2d7>
add    %r9,%r8
add    %r11,%r8
add    %rdi,%r8
lea    0x7c(%rsp),%rdi
lea    (%rdi,%r8,2),%rdi
nopl   0x0(%rax)
tzcnt  %r10,%r8
add    %r14d,%r8d
mov    %r8w,(%rdi)
add    $0x2,%rdi
blsr   %r10,%r10
jne    20970 <xbzrle::arch::x86_64::avx512::encode_avx512+0x2c0>
shr    $0x3f,%rax
popcnt %rcx,%rcx
add    %rcx,%r13
mov    $0x100,%ecx
mov    %r13,%rdi
mov    %rax,%r14
mov    0x28(%rsp),%r9
mov    0x8(%rsp),%r15
add    %rcx,%r12
jmp    20743 <xbzrle::arch::x86_64::avx512::encode_avx512+0x93>
lea    (%rsi,%r12,1),%r8
lea    (%r15,%r12,1),%rax
cmp    $0x3f,%rcx
jbe    209e0 <xbzrle::arch::x86_64::avx512::encode_avx512+0x330>
vmovdqu64 (%r8),%zmm0
vpcmpeqb (%rax),%zmm0,%k0
kmovq  %k0,%rax
jmp    20a0b <xbzrle::arch::x86_64::avx512::encode_avx512+0x35b>
data16 data16 data16 data16 data16 cs nopw 0x0(%rax,%rax,1)
mov    $0xffffffffffffffff,%r10
shlx   %rcx,%r10,%rcx
not    %rcx
kmovq  %rcx,%k1
vmovdqu8 (%r8),%zmm0{%k1}{z}
vmovdqu8 (%rax),%zmm1{%k1}{z}
vpcmpeqb %zmm1,%zmm0,%k0
kmovq  %k0,%rax
not    %rax
lea    (%rax,%rax,1),%rcx
or     %r14,%rcx
xor    %r11d,%r11d
xor    %rax,%rcx
setne  %r11b
tzcnt  %rcx,%r8
add    %r12d,%r8d
mov    %r8w,0x78(%rsp,%rdi,2)
lea    (%rdi,%r11,1),%r10
blsr   %rcx,%rcx
tzcnt  %rcx,%r8
add    %r12d,%r8d
mov    %r8w,0x78(%rsp,%r10,2)
mov    %rcx,%r10
add    $0xffffffffffffffff,%r10
adc    %r11,%rdi
and    %rcx,%r10
mov    %rax,%r14
shr    $0x3f,%r14
mov    $0x40,%ecx
test   %r10,%r10
je     20740 <xbzrle::arch::x86_64::avx512::encode_avx512+0x90>
popcnt %r10,%r11
lea    (%r11,%rdi,1),%rax
inc    %r11
lea    (%rsp,%rdi,2),%rdi
add    $0x78,%rdi
nopw   0x0(%rax,%rax,1)
tzcnt  %r10,%r8
add    %r12d,%r8d
mov    %r8w,(%rdi)
blsr   %r10,%r10
dec    %r11
add    $0x2,%rdi
cmp    $0x1,%r11
ja     20a80 <xbzrle::arch::x86_64::avx512::encode_avx512+0x3d0>
mov    %rax,%rdi
jmp    20740 <xbzrle::arch::x86_64::avx512::encode_avx512+0x90>
mov    $0x100,%ecx
test   %r14,%r14
jne    20ae3 <xbzrle::arch::x86_64::avx512::encode_avx512+0x433>
xor    %r14d,%r14d
add    %rcx,%r12
jmp    20743 <xbzrle::arch::x86_64::avx512::encode_avx512+0x93>
test   %r14,%r14
je     20ad5 <xbzrle::arch::x86_64::avx512::encode_avx512+0x425>
cmp    $0x3ff,%rdi
ja     20e7a <xbzrle::arch::x86_64::avx512::encode_avx512+0x7ca>
mov    %dx,0x78(%rsp,%rdi,2)
inc    %rdi
movq   $0x0,0x20(%rsp)
xor    %r14d,%r14d
jmp    20afe <xbzrle::arch::x86_64::avx512::encode_avx512+0x44e>
mov    %r12w,0x78(%rsp,%rdi,2)
inc    %rdi
xor    %r14d,%r14d
add    %rcx,%r12
jmp    20743 <xbzrle::arch::x86_64::avx512::encode_avx512+0x93>
mov    $0x1,%al
mov    %rax,0x20(%rsp)
mov    %r14,0x58(%rsp)
mov    %rdi,0x50(%rsp)
shr    %rdi
mov    %rdi,0x70(%rsp)
je     20d82 <xbzrle::arch::x86_64::avx512::encode_avx512+0x6d2>
xor    %r13d,%r13d
mov    (%rsp),%rdi
jmp    20b4a <xbzrle::arch::x86_64::avx512::encode_avx512+0x49a>
nop
lea    (%r9,%rdx,1),%rax
mov    0x18(%rsp),%rbp
vmovdqu -0x20(%r15,%rbp,1),%ymm0
vmovdqu %ymm0,-0x20(%rbx,%rax,1)
add    %rbx,%rdx
inc    %r13
mov    %rdx,%rdi
cmp    0x70(%rsp),%r13
je     20d86 <xbzrle::arch::x86_64::avx512::encode_avx512+0x6d6>
movzwl 0x78(%rsp,%r13,4),%r14d
mov    %r14,%rax
sub    %rbp,%rax
movzwl 0x7a(%rsp,%r13,4),%r11d
mov    %r11,%rbx
sub    %r14,%rbx
xor    %ecx,%ecx
cmp    $0x7f,%rax
seta   %sil
xor    %edx,%edx
cmp    $0x7f,%rbx
seta   %r8b
cmp    $0x80,%rax
jb     20b8e <xbzrle::arch::x86_64::avx512::encode_avx512+0x4de>
movzbl %al,%r10d
and    $0xffffff80,%eax
lea    (%r10,%rax,2),%eax
or     $0x80,%eax
cmp    $0x80,%rbx
mov    %r11,0x18(%rsp)
jae    20bb0 <xbzrle::arch::x86_64::avx512::encode_avx512+0x500>
mov    %ebx,%r10d
jmp    20bc6 <xbzrle::arch::x86_64::avx512::encode_avx512+0x516>
data16 data16 data16 data16 data16 cs nopw 0x0(%rax,%rax,1)
movzbl %bl,%r11d
mov    %ebx,%r10d
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
cmp    $0x40,%ebx
ja     20c20 <xbzrle::arch::x86_64::avx512::encode_avx512+0x570>
cmp    0x68(%rsp),%rdi
jae    20c20 <xbzrle::arch::x86_64::avx512::encode_avx512+0x570>
cmp    %r14,0x60(%rsp)
jbe    20c20 <xbzrle::arch::x86_64::avx512::encode_avx512+0x570>
lea    (%r9,%rdi,1),%rax
mov    %ecx,(%r9,%rdi,1)
vmovdqu64 (%r15,%r14,1),%zmm0
vmovdqu64 %zmm0,0x0(%rbp,%rax,1)
add    %rdi,%rbp
mov    %rbp,%rdx
mov    0x18(%rsp),%rbp
jmp    20b36 <xbzrle::arch::x86_64::avx512::encode_avx512+0x486>
nopl   0x0(%rax,%rax,1)
cmp    $0x3fff,%rbx
ja     20dee <xbzrle::arch::x86_64::avx512::encode_avx512+0x73e>
mov    0x8b0(%rsp),%r15
sub    %rdi,%r15
lea    (%rbx,%rbp,1),%rax
cmp    %r15,%rax
ja     20dee <xbzrle::arch::x86_64::avx512::encode_avx512+0x73e>
lea    (%rdi,%rbp,1),%rdx
cmp    $0x3,%r15
jbe    20ca0 <xbzrle::arch::x86_64::avx512::encode_avx512+0x5f0>
mov    %ecx,(%r9,%rdi,1)
cmp    $0x20,%ebx
jb     20ce5 <xbzrle::arch::x86_64::avx512::encode_avx512+0x635>
cmp    $0x20,%ebx
mov    0x8(%rsp),%r15
je     20b20 <xbzrle::arch::x86_64::avx512::encode_avx512+0x470>
add    %r15,%r14
lea    (%r9,%rdx,1),%rax
mov    $0x20,%ecx
cs nopw 0x0(%rax,%rax,1)
vmovdqu -0x20(%r14,%rcx,1),%ymm0
vmovdqu %ymm0,-0x20(%rax,%rcx,1)
add    $0x20,%rcx
cmp    %rbx,%rcx
jb     20c80 <xbzrle::arch::x86_64::avx512::encode_avx512+0x5d0>
jmp    20b20 <xbzrle::arch::x86_64::avx512::encode_avx512+0x470>
nopl   0x0(%rax,%rax,1)
mov    %ecx,0x34(%rsp)
cmp    %rdi,%rdx
jb     20e10 <xbzrle::arch::x86_64::avx512::encode_avx512+0x760>
cmp    0x8b0(%rsp),%rdx
ja     20e10 <xbzrle::arch::x86_64::avx512::encode_avx512+0x760>
add    %r9,%rdi
lea    0x34(%rsp),%rsi
mov    %rdx,(%rsp)
mov    %rbp,%rdx
vzeroupper
call   *0x48a3d(%rip)        # 69710 <memcpy@GLIBC_2.14>
mov    (%rsp),%rdx
mov    0x28(%rsp),%r9
cmp    $0x20,%ebx
jae    20c5c <xbzrle::arch::x86_64::avx512::encode_avx512+0x5ac>
mov    0x10(%rsp),%rax
sub    %r14,%rax
cmp    $0x20,%rax
jb     20d12 <xbzrle::arch::x86_64::avx512::encode_avx512+0x662>
sub    %rbp,%r15
cmp    $0x1f,%r15
jbe    20d12 <xbzrle::arch::x86_64::avx512::encode_avx512+0x662>
mov    0x8(%rsp),%r15
vmovdqu (%r15,%r14,1),%ymm0
vmovdqu %ymm0,(%r9,%rdx,1)
jmp    20c11 <xbzrle::arch::x86_64::avx512::encode_avx512+0x561>
mov    %rdx,%rsi
add    %rbx,%rsi
jb     20e2b <xbzrle::arch::x86_64::avx512::encode_avx512+0x77b>
cmp    0x8b0(%rsp),%rsi
ja     20e2b <xbzrle::arch::x86_64::avx512::encode_avx512+0x77b>
mov    0x18(%rsp),%rbp
cmp    %rbp,0x10(%rsp)
setb   %al
cmp    %r14w,%bp
jb     20d72 <xbzrle::arch::x86_64::avx512::encode_avx512+0x6c2>
mov    0x8(%rsp),%r15
test   %al,%al
jne    20e46 <xbzrle::arch::x86_64::avx512::encode_avx512+0x796>
lea    (%r9,%rdx,1),%rdi
add    %r15,%r14
mov    %r14,%rsi
mov    %rdx,%r14
mov    %rbx,%rdx
vzeroupper
call   *0x489ab(%rip)        # 69710 <memcpy@GLIBC_2.14>
mov    %r14,%rdx
mov    0x28(%rsp),%r9
jmp    20b36 <xbzrle::arch::x86_64::avx512::encode_avx512+0x486>
mov    $0x1,%al
mov    0x8(%rsp),%r15
test   %al,%al
je     20d4c <xbzrle::arch::x86_64::avx512::encode_avx512+0x69c>
jmp    20e46 <xbzrle::arch::x86_64::avx512::encode_avx512+0x796>
mov    (%rsp),%rdx
mov    %rdx,(%rsp)
cmpb   $0x0,0x20(%rsp)
mov    0x10(%rsp),%rdx
je     20dd7 <xbzrle::arch::x86_64::avx512::encode_avx512+0x727>
mov    $0x0,%edi
mov    0x50(%rsp),%rax
test   $0x1,%al
mov    0x48(%rsp),%rsi
mov    0x58(%rsp),%r14
je     20743 <xbzrle::arch::x86_64::avx512::encode_avx512+0x93>
lea    -0x1(%rax),%rdi
cmp    $0x3ff,%rdi
ja     20e8f <xbzrle::arch::x86_64::avx512::encode_avx512+0x7df>
movzwl 0x76(%rsp,%rax,2),%eax
mov    %ax,0x78(%rsp)
mov    $0x1,%edi
jmp    20743 <xbzrle::arch::x86_64::avx512::encode_avx512+0x93>
mov    0x40(%rsp),%rax
mov    (%rsp),%rcx
mov    %rcx,0x8(%rax)
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
lea    0x462e9(%rip),%rcx        # 67100 <__frame_dummy_init_array_entry+0x580>
mov    %rdx,%rsi
mov    0x8b0(%rsp),%rdx
vzeroupper
call   *0x48995(%rip)        # 697c0 <_DYNAMIC+0x330>
lea    0x462fe(%rip),%rcx        # 67130 <__frame_dummy_init_array_entry+0x5b0>
mov    %rdx,%rdi
mov    0x8b0(%rsp),%rdx
vzeroupper
call   *0x4897a(%rip)        # 697c0 <_DYNAMIC+0x330>
lea    0x462cb(%rip),%rcx        # 67118 <__frame_dummy_init_array_entry+0x598>
mov    %r14,%rdi
mov    %rbp,%rsi
mov    0x10(%rsp),%rdx
vzeroupper
call   *0x4895f(%rip)        # 697c0 <_DYNAMIC+0x330>
lea    -0x18f68(%rip),%rdi        # 7f00 <__abi_tag+0x7c04>
lea    0x46249(%rip),%rdx        # 670b8 <__frame_dummy_init_array_entry+0x538>
mov    $0x4d,%esi
call   *0x48a66(%rip)        # 698e0 <_DYNAMIC+0x450>
lea    0x4624f(%rip),%rdx        # 670d0 <__frame_dummy_init_array_entry+0x550>
mov    $0x400,%esi
vzeroupper
call   *0x48969(%rip)        # 697f8 <_DYNAMIC+0x368>
lea    0x46252(%rip),%rdx        # 670e8 <__frame_dummy_init_array_entry+0x568>
mov    $0x400,%esi
vzeroupper
call   *0x48954(%rip)        # 697f8 <_DYNAMIC+0x368>
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
