000000000001e930 <xbzrle::arch::x86_64::avx2::decode_avx2>:
push   %rbp
push   %r15
push   %r14
push   %r13
push   %r12
push   %rbx
sub    $0x138,%rsp
mov    %rcx,%r9
mov    %rdx,%r14
mov    %rsi,%r12
mov    %rdi,0x8(%rsp)
vxorps %xmm0,%xmm0,%xmm0
vmovups %ymm0,0x110(%rsp)
vmovups %ymm0,0xf0(%rsp)
vmovups %ymm0,0xd0(%rsp)
vmovups %ymm0,0xb0(%rsp)
vmovups %ymm0,0x90(%rsp)
vmovups %ymm0,0x70(%rsp)
vmovups %ymm0,0x50(%rsp)
vmovups %ymm0,0x30(%rsp)
mov    %rdx,%rax
shr    $0x20,%rax
setne  %al
cmp    $0x10000,%r8
setae  %dil
or     %al,%dil
mov    %edi,%eax
xor    $0x1,%al
movzbl %al,%r10d
shl    $0x5,%r10d
test   %rdx,%rdx
mov    %r8,0x20(%rsp)
mov    %rcx,0x18(%rsp)
je     1eade <xbzrle::arch::x86_64::avx2::decode_avx2+0x1ae>
xor    %eax,%eax
xor    %ecx,%ecx
xor    %ebp,%ebp
jmp    1e9f5 <xbzrle::arch::x86_64::avx2::decode_avx2+0xc5>
data16 data16 data16 data16 data16 cs nopw 0x0(%rax,%rax,1)
inc    %rbp
add    %rsi,%r15
add    %rsi,%rcx
mov    %r15,%rax
cmp    %r14,%rcx
jae    1ed9a <xbzrle::arch::x86_64::avx2::decode_avx2+0x46a>
lea    0x1(%rcx),%rdx
cmp    %r14,%rdx
jae    1eda5 <xbzrle::arch::x86_64::avx2::decode_avx2+0x475>
movzbl (%r12,%rcx,1),%r15d
test   %r15b,%r15b
js     1ea20 <xbzrle::arch::x86_64::avx2::decode_avx2+0xf0>
mov    $0x1,%edx
test   %rcx,%rcx
jne    1ea41 <xbzrle::arch::x86_64::avx2::decode_avx2+0x111>
jmp    1ea4a <xbzrle::arch::x86_64::avx2::decode_avx2+0x11a>
nopl   0x0(%rax,%rax,1)
movzbl (%r12,%rdx,1),%edx
test   %dl,%dl
js     1eda5 <xbzrle::arch::x86_64::avx2::decode_avx2+0x475>
and    $0x7f,%r15d
shl    $0x7,%edx
or     %rdx,%r15
mov    $0x2,%edx
test   %rcx,%rcx
je     1ea4a <xbzrle::arch::x86_64::avx2::decode_avx2+0x11a>
test   %r15,%r15
je     1eda5 <xbzrle::arch::x86_64::avx2::decode_avx2+0x475>
add    %rcx,%rdx
cmp    %r14,%rdx
jae    1eda5 <xbzrle::arch::x86_64::avx2::decode_avx2+0x475>
lea    0x1(%rdx),%rcx
cmp    %r14,%rcx
jae    1eda5 <xbzrle::arch::x86_64::avx2::decode_avx2+0x475>
movzbl (%r12,%rdx,1),%esi
test   %sil,%sil
js     1ea80 <xbzrle::arch::x86_64::avx2::decode_avx2+0x150>
mov    $0x1,%ecx
test   %rsi,%rsi
jne    1eaa4 <xbzrle::arch::x86_64::avx2::decode_avx2+0x174>
jmp    1eda5 <xbzrle::arch::x86_64::avx2::decode_avx2+0x475>
nopl   0x0(%rax)
movzbl (%r12,%rcx,1),%ecx
test   %cl,%cl
js     1eda5 <xbzrle::arch::x86_64::avx2::decode_avx2+0x475>
and    $0x7f,%esi
shl    $0x7,%ecx
or     %rcx,%rsi
mov    $0x2,%ecx
test   %rsi,%rsi
je     1eda5 <xbzrle::arch::x86_64::avx2::decode_avx2+0x475>
cmp    %r8,%rax
ja     1eda5 <xbzrle::arch::x86_64::avx2::decode_avx2+0x475>
add    %rax,%r15
lea    (%r9,%r15,1),%rax
prefetcht0 (%r9,%r15,1)
prefetcht0 -0x1(%rsi,%rax,1)
add    %rdx,%rcx
cmp    %r10,%rbp
jae    1e9e0 <xbzrle::arch::x86_64::avx2::decode_avx2+0xb0>
mov    %ecx,0x30(%rsp,%rbp,8)
mov    %r15w,0x34(%rsp,%rbp,8)
mov    %si,0x36(%rsp,%rbp,8)
jmp    1e9e0 <xbzrle::arch::x86_64::avx2::decode_avx2+0xb0>
xor    %r15d,%r15d
xor    %ebp,%ebp
mov    %dil,0x17(%rsp)
cmp    %rbp,%r10
mov    %rbp,%rax
mov    %r10,0x28(%rsp)
cmovb  %r10,%rax
lea    0x0(,%rax,8),%ebx
test   %rax,%rax
je     1ebc9 <xbzrle::arch::x86_64::avx2::decode_avx2+0x299>
xor    %r13d,%r13d
jmp    1eb3b <xbzrle::arch::x86_64::avx2::decode_avx2+0x20b>
test   %rdx,%rdx
je     1eb2e <xbzrle::arch::x86_64::avx2::decode_avx2+0x1fe>
data16 data16 data16 data16 data16 cs nopw 0x0(%rax,%rax,1)
vzeroupper
call   *0x4abe7(%rip)        # 69710 <memcpy@GLIBC_2.14>
mov    0x18(%rsp),%r9
add    $0x8,%r13
cmp    %r13,%rbx
je     1ebc9 <xbzrle::arch::x86_64::avx2::decode_avx2+0x299>
movzwl 0x34(%rsp,%r13,1),%edi
movzwl 0x36(%rsp,%r13,1),%edx
mov    0x30(%rsp,%r13,1),%esi
add    %r9,%rdi
add    %r12,%rsi
cmp    $0x40,%rdx
ja     1eb20 <xbzrle::arch::x86_64::avx2::decode_avx2+0x1f0>
cmp    $0x10,%dx
jbe    1eb80 <xbzrle::arch::x86_64::avx2::decode_avx2+0x250>
cmp    $0x20,%dx
jbe    1eb98 <xbzrle::arch::x86_64::avx2::decode_avx2+0x268>
vmovups -0x20(%rsi,%rdx,1),%ymm0
vmovups (%rsi),%ymm1
vmovups %ymm1,(%rdi)
vmovups %ymm0,-0x20(%rdi,%rdx,1)
jmp    1eb2e <xbzrle::arch::x86_64::avx2::decode_avx2+0x1fe>
nopw   0x0(%rax,%rax,1)
cmp    $0x7,%dx
jbe    1ebae <xbzrle::arch::x86_64::avx2::decode_avx2+0x27e>
mov    (%rsi),%rax
mov    -0x8(%rsi,%rdx,1),%rcx
mov    %rax,(%rdi)
mov    %rcx,-0x8(%rdi,%rdx,1)
jmp    1eb2e <xbzrle::arch::x86_64::avx2::decode_avx2+0x1fe>
vmovups -0x10(%rsi,%rdx,1),%xmm0
vmovups (%rsi),%xmm1
vmovups %xmm1,(%rdi)
vmovups %xmm0,-0x10(%rdi,%rdx,1)
jmp    1eb2e <xbzrle::arch::x86_64::avx2::decode_avx2+0x1fe>
cmp    $0x3,%dx
jbe    1eb0c <xbzrle::arch::x86_64::avx2::decode_avx2+0x1dc>
mov    (%rsi),%eax
mov    -0x4(%rsi,%rdx,1),%ecx
mov    %eax,(%rdi)
mov    %ecx,-0x4(%rdi,%rdx,1)
jmp    1eb2e <xbzrle::arch::x86_64::avx2::decode_avx2+0x1fe>
cmp    %rbp,0x28(%rsp)
jae    1ed8d <xbzrle::arch::x86_64::avx2::decode_avx2+0x45d>
cmpb   $0x0,0x17(%rsp)
je     1ebe9 <xbzrle::arch::x86_64::avx2::decode_avx2+0x2b9>
xor    %ebp,%ebp
xor    %ebx,%ebx
cmp    %r14,%rbx
jb     1ec06 <xbzrle::arch::x86_64::avx2::decode_avx2+0x2d6>
jmp    1ed8d <xbzrle::arch::x86_64::avx2::decode_avx2+0x45d>
movzwl 0x2c(%rsp,%rbx,1),%ebp
movzwl 0x2e(%rsp,%rbx,1),%eax
add    %rax,%rbp
mov    0x28(%rsp,%rbx,1),%ebx
add    %rax,%rbx
cmp    %r14,%rbx
jae    1ed8d <xbzrle::arch::x86_64::avx2::decode_avx2+0x45d>
mov    0x4ab03(%rip),%r13        # 69710 <memcpy@GLIBC_2.14>
jmp    1ec34 <xbzrle::arch::x86_64::avx2::decode_avx2+0x304>
test   %rdx,%rdx
je     1ec2b <xbzrle::arch::x86_64::avx2::decode_avx2+0x2fb>
data16 data16 cs nopw 0x0(%rax,%rax,1)
vzeroupper
call   *%r13
mov    0x18(%rsp),%r9
cmp    %r14,%rbx
jae    1ed8d <xbzrle::arch::x86_64::avx2::decode_avx2+0x45d>
lea    0x1(%rbx),%rax
cmp    %r14,%rax
jae    1f0bf <xbzrle::arch::x86_64::avx2::decode_avx2+0x78f>
movzbl (%r12,%rbx,1),%edi
test   %dil,%dil
js     1ec60 <xbzrle::arch::x86_64::avx2::decode_avx2+0x330>
mov    $0x1,%eax
add    %rbx,%rax
cmp    %r14,%rax
jb     1ec87 <xbzrle::arch::x86_64::avx2::decode_avx2+0x357>
jmp    1f0eb <xbzrle::arch::x86_64::avx2::decode_avx2+0x7bb>
nopl   (%rax)
movzbl (%r12,%rax,1),%eax
test   %al,%al
js     1ed8d <xbzrle::arch::x86_64::avx2::decode_avx2+0x45d>
and    $0x7f,%edi
shl    $0x7,%eax
or     %rax,%rdi
mov    $0x2,%eax
add    %rbx,%rax
cmp    %r14,%rax
jae    1f0eb <xbzrle::arch::x86_64::avx2::decode_avx2+0x7bb>
lea    0x1(%rax),%rcx
cmp    %r14,%rcx
mov    0x20(%rsp),%r8
jae    1f0d5 <xbzrle::arch::x86_64::avx2::decode_avx2+0x7a5>
movzbl (%r12,%rax,1),%edx
test   %dl,%dl
js     1ecc0 <xbzrle::arch::x86_64::avx2::decode_avx2+0x390>
mov    $0x1,%esi
add    %rbp,%rdi
mov    %rdx,%rbp
add    %rdi,%rbp
jae    1ecea <xbzrle::arch::x86_64::avx2::decode_avx2+0x3ba>
jmp    1f054 <xbzrle::arch::x86_64::avx2::decode_avx2+0x724>
nopw   0x0(%rax,%rax,1)
movzbl (%r12,%rcx,1),%ecx
test   %cl,%cl
js     1ed8d <xbzrle::arch::x86_64::avx2::decode_avx2+0x45d>
and    $0x7f,%edx
shl    $0x7,%ecx
or     %rcx,%rdx
mov    $0x2,%esi
add    %rbp,%rdi
mov    %rdx,%rbp
add    %rdi,%rbp
jb     1f054 <xbzrle::arch::x86_64::avx2::decode_avx2+0x724>
cmp    %r8,%rbp
ja     1f054 <xbzrle::arch::x86_64::avx2::decode_avx2+0x724>
add    %rax,%rsi
lea    (%rsi,%rdx,1),%rbx
cmp    %r14,%rbx
ja     1f06a <xbzrle::arch::x86_64::avx2::decode_avx2+0x73a>
add    %r9,%rdi
add    %r12,%rsi
cmp    $0x40,%edx
ja     1ec20 <xbzrle::arch::x86_64::avx2::decode_avx2+0x2f0>
cmp    $0x10,%edx
jbe    1ed40 <xbzrle::arch::x86_64::avx2::decode_avx2+0x410>
cmp    $0x20,%edx
jbe    1ed5a <xbzrle::arch::x86_64::avx2::decode_avx2+0x42a>
vmovups -0x20(%rsi,%rdx,1),%ymm0
vmovups (%rsi),%ymm1
vmovups %ymm1,(%rdi)
vmovups %ymm0,-0x20(%rdi,%rdx,1)
jmp    1ec2b <xbzrle::arch::x86_64::avx2::decode_avx2+0x2fb>
data16 cs nopw 0x0(%rax,%rax,1)
cmp    $0x7,%edx
jbe    1ed73 <xbzrle::arch::x86_64::avx2::decode_avx2+0x443>
mov    (%rsi),%rax
mov    -0x8(%rsi,%rdx,1),%rcx
mov    %rax,(%rdi)
mov    %rcx,-0x8(%rdi,%rdx,1)
jmp    1ec2b <xbzrle::arch::x86_64::avx2::decode_avx2+0x2fb>
vmovups -0x10(%rsi,%rdx,1),%xmm0
vmovups (%rsi),%xmm1
vmovups %xmm1,(%rdi)
vmovups %xmm0,-0x10(%rdi,%rdx,1)
jmp    1ec2b <xbzrle::arch::x86_64::avx2::decode_avx2+0x2fb>
cmp    $0x3,%edx
jbe    1ec0f <xbzrle::arch::x86_64::avx2::decode_avx2+0x2df>
mov    (%rsi),%eax
mov    -0x4(%rsi,%rdx,1),%ecx
mov    %eax,(%rdi)
mov    %ecx,-0x4(%rdi,%rdx,1)
jmp    1ec2b <xbzrle::arch::x86_64::avx2::decode_avx2+0x2fb>
mov    0x8(%rsp),%rax
mov    $0x5,%r10b
jmp    1f0a3 <xbzrle::arch::x86_64::avx2::decode_avx2+0x773>
jne    1eda5 <xbzrle::arch::x86_64::avx2::decode_avx2+0x475>
cmp    %r8,%r15
jbe    1eae3 <xbzrle::arch::x86_64::avx2::decode_avx2+0x1b3>
xor    %r15d,%r15d
xor    %ecx,%ecx
mov    %r14,%rax
sub    %r15,%rax
cmp    $0x2,%rax
jb     1eeb5 <xbzrle::arch::x86_64::avx2::decode_avx2+0x585>
movsbq (%r12,%r15,1),%r13
test   %r13,%r13
js     1edd0 <xbzrle::arch::x86_64::avx2::decode_avx2+0x4a0>
mov    $0x1,%edi
test   %r15,%r15
jne    1edf2 <xbzrle::arch::x86_64::avx2::decode_avx2+0x4c2>
jmp    1edfb <xbzrle::arch::x86_64::avx2::decode_avx2+0x4cb>
movzbl 0x1(%r12,%r15,1),%eax
test   %al,%al
js     1f04a <xbzrle::arch::x86_64::avx2::decode_avx2+0x71a>
and    $0x7f,%r13d
shl    $0x7,%eax
or     %rax,%r13
mov    $0x2,%edi
test   %r15,%r15
je     1edfb <xbzrle::arch::x86_64::avx2::decode_avx2+0x4cb>
test   %r13,%r13
je     1eebd <xbzrle::arch::x86_64::avx2::decode_avx2+0x58d>
mov    %r8,%rax
sub    %rcx,%rax
mov    $0x4,%r10b
cmp    %rax,%r13
ja     1f09e <xbzrle::arch::x86_64::avx2::decode_avx2+0x76e>
add    %r15,%rdi
mov    %r14,%rdx
sub    %rdi,%rdx
cmp    $0x2,%rdx
jb     1f083 <xbzrle::arch::x86_64::avx2::decode_avx2+0x753>
cmp    %rdi,%r14
jbe    1f101 <xbzrle::arch::x86_64::avx2::decode_avx2+0x7d1>
lea    0x1(%rdi),%rax
cmp    %r14,%rax
jae    1f114 <xbzrle::arch::x86_64::avx2::decode_avx2+0x7e4>
movzbl (%r12,%rdi,1),%esi
test   %sil,%sil
js     1ee50 <xbzrle::arch::x86_64::avx2::decode_avx2+0x520>
mov    $0x1,%r15d
test   %rsi,%rsi
jne    1ee75 <xbzrle::arch::x86_64::avx2::decode_avx2+0x545>
jmp    1f03d <xbzrle::arch::x86_64::avx2::decode_avx2+0x70d>
movzbl (%r12,%rax,1),%eax
test   %al,%al
js     1f04f <xbzrle::arch::x86_64::avx2::decode_avx2+0x71f>
and    $0x7f,%esi
shl    $0x7,%eax
or     %rax,%rsi
mov    $0x2,%r15d
test   %rsi,%rsi
je     1f03d <xbzrle::arch::x86_64::avx2::decode_avx2+0x70d>
add    %rcx,%r13
mov    %r8,%rax
sub    %r13,%rax
cmp    %rax,%rsi
ja     1f09b <xbzrle::arch::x86_64::avx2::decode_avx2+0x76b>
sub    %r15,%rdx
cmp    %rdx,%rsi
ja     1f098 <xbzrle::arch::x86_64::avx2::decode_avx2+0x768>
add    %rsi,%r13
add    %rdi,%r15
add    %rsi,%r15
mov    %r13,%rcx
cmp    %r14,%r15
jb     1edaa <xbzrle::arch::x86_64::avx2::decode_avx2+0x47a>
xor    %ebx,%ebx
mov    0x4a85f(%rip),%r15        # 69710 <memcpy@GLIBC_2.14>
xor    %ebp,%ebp
jmp    1eee4 <xbzrle::arch::x86_64::avx2::decode_avx2+0x5b4>
xor    %r10d,%r10d
jmp    1f09e <xbzrle::arch::x86_64::avx2::decode_avx2+0x76e>
mov    $0x2,%r10b
jmp    1f09e <xbzrle::arch::x86_64::avx2::decode_avx2+0x76e>
test   %rdx,%rdx
je     1eedb <xbzrle::arch::x86_64::avx2::decode_avx2+0x5ab>
nopw   0x0(%rax,%rax,1)
vzeroupper
call   *%r15
mov    0x18(%rsp),%r9
cmp    %r14,%rbx
jae    1f042 <xbzrle::arch::x86_64::avx2::decode_avx2+0x712>
lea    0x1(%rbx),%rax
cmp    %r14,%rax
jae    1f0bf <xbzrle::arch::x86_64::avx2::decode_avx2+0x78f>
movzbl (%r12,%rbx,1),%edi
test   %dil,%dil
js     1ef10 <xbzrle::arch::x86_64::avx2::decode_avx2+0x5e0>
mov    $0x1,%eax
add    %rbx,%rax
cmp    %r14,%rax
jb     1ef37 <xbzrle::arch::x86_64::avx2::decode_avx2+0x607>
jmp    1f0eb <xbzrle::arch::x86_64::avx2::decode_avx2+0x7bb>
nopl   (%rax)
movzbl (%r12,%rax,1),%eax
test   %al,%al
js     1f042 <xbzrle::arch::x86_64::avx2::decode_avx2+0x712>
and    $0x7f,%edi
shl    $0x7,%eax
or     %rax,%rdi
mov    $0x2,%eax
add    %rbx,%rax
cmp    %r14,%rax
jae    1f0eb <xbzrle::arch::x86_64::avx2::decode_avx2+0x7bb>
lea    0x1(%rax),%rcx
cmp    %r14,%rcx
mov    0x20(%rsp),%r8
jae    1f0d5 <xbzrle::arch::x86_64::avx2::decode_avx2+0x7a5>
movzbl (%r12,%rax,1),%edx
test   %dl,%dl
js     1ef70 <xbzrle::arch::x86_64::avx2::decode_avx2+0x640>
mov    $0x1,%esi
add    %rbp,%rdi
mov    %rdx,%rbp
add    %rdi,%rbp
jae    1ef9a <xbzrle::arch::x86_64::avx2::decode_avx2+0x66a>
jmp    1f054 <xbzrle::arch::x86_64::avx2::decode_avx2+0x724>
nopw   0x0(%rax,%rax,1)
movzbl (%r12,%rcx,1),%ecx
test   %cl,%cl
js     1f042 <xbzrle::arch::x86_64::avx2::decode_avx2+0x712>
and    $0x7f,%edx
shl    $0x7,%ecx
or     %rcx,%rdx
mov    $0x2,%esi
add    %rbp,%rdi
mov    %rdx,%rbp
add    %rdi,%rbp
jb     1f054 <xbzrle::arch::x86_64::avx2::decode_avx2+0x724>
cmp    %r8,%rbp
ja     1f054 <xbzrle::arch::x86_64::avx2::decode_avx2+0x724>
add    %rax,%rsi
lea    (%rsi,%rdx,1),%rbx
cmp    %r14,%rbx
ja     1f06a <xbzrle::arch::x86_64::avx2::decode_avx2+0x73a>
add    %r9,%rdi
add    %r12,%rsi
cmp    $0x40,%edx
ja     1eed0 <xbzrle::arch::x86_64::avx2::decode_avx2+0x5a0>
cmp    $0x10,%edx
jbe    1eff0 <xbzrle::arch::x86_64::avx2::decode_avx2+0x6c0>
cmp    $0x20,%edx
jbe    1f00a <xbzrle::arch::x86_64::avx2::decode_avx2+0x6da>
vmovups -0x20(%rsi,%rdx,1),%ymm0
vmovups (%rsi),%ymm1
vmovups %ymm1,(%rdi)
vmovups %ymm0,-0x20(%rdi,%rdx,1)
jmp    1eedb <xbzrle::arch::x86_64::avx2::decode_avx2+0x5ab>
data16 cs nopw 0x0(%rax,%rax,1)
cmp    $0x7,%edx
jbe    1f023 <xbzrle::arch::x86_64::avx2::decode_avx2+0x6f3>
mov    (%rsi),%rax
mov    -0x8(%rsi,%rdx,1),%rcx
mov    %rax,(%rdi)
mov    %rcx,-0x8(%rdi,%rdx,1)
jmp    1eedb <xbzrle::arch::x86_64::avx2::decode_avx2+0x5ab>
vmovups -0x10(%rsi,%rdx,1),%xmm0
vmovups (%rsi),%xmm1
vmovups %xmm1,(%rdi)
vmovups %xmm0,-0x10(%rdi,%rdx,1)
jmp    1eedb <xbzrle::arch::x86_64::avx2::decode_avx2+0x5ab>
cmp    $0x3,%edx
jbe    1eec5 <xbzrle::arch::x86_64::avx2::decode_avx2+0x595>
mov    (%rsi),%eax
mov    -0x4(%rsi,%rdx,1),%ecx
mov    %eax,(%rdi)
mov    %ecx,-0x4(%rdi,%rdx,1)
jmp    1eedb <xbzrle::arch::x86_64::avx2::decode_avx2+0x5ab>
mov    $0x3,%r10b
jmp    1f09b <xbzrle::arch::x86_64::avx2::decode_avx2+0x76b>
mov    $0x5,%r10b
mov    %r13,%r15
jmp    1f09e <xbzrle::arch::x86_64::avx2::decode_avx2+0x76e>
mov    $0x1,%r10b
jmp    1f09e <xbzrle::arch::x86_64::avx2::decode_avx2+0x76e>
mov    $0x1,%r10b
jmp    1f09b <xbzrle::arch::x86_64::avx2::decode_avx2+0x76b>
lea    0x48195(%rip),%rcx        # 671f0 <__frame_dummy_init_array_entry+0x670>
mov    %rbp,%rsi
mov    %r8,%rdx
vzeroupper
call   *0x4a756(%rip)        # 697c0 <_DYNAMIC+0x330>
lea    0x48167(%rip),%rcx        # 671d8 <__frame_dummy_init_array_entry+0x658>
mov    %rsi,%rdi
mov    %rbx,%rsi
mov    %r14,%rdx
vzeroupper
call   *0x4a73d(%rip)        # 697c0 <_DYNAMIC+0x330>
cmp    %rdi,%r14
jbe    1f098 <xbzrle::arch::x86_64::avx2::decode_avx2+0x768>
xor    %eax,%eax
cmpb   $0x0,(%r12,%rdi,1)
sete   %al
lea    (%rax,%rax,2),%r10d
jmp    1f09b <xbzrle::arch::x86_64::avx2::decode_avx2+0x76b>
xor    %r10d,%r10d
mov    %rdi,%r15
mov    0x8(%rsp),%rax
mov    %r15,(%rax)
mov    %r10b,0x8(%rax)
add    $0x138,%rsp
pop    %rbx
pop    %r12
pop    %r13
pop    %r14
pop    %r15
pop    %rbp
vzeroupper
ret
lea    0x480ca(%rip),%rdx        # 67190 <__frame_dummy_init_array_entry+0x610>
mov    %rax,%rdi
mov    %r14,%rsi
vzeroupper
call   *0x4a723(%rip)        # 697f8 <_DYNAMIC+0x368>
lea    0x480e4(%rip),%rdx        # 671c0 <__frame_dummy_init_array_entry+0x640>
mov    %rcx,%rdi
mov    %r14,%rsi
vzeroupper
call   *0x4a70d(%rip)        # 697f8 <_DYNAMIC+0x368>
lea    0x480b6(%rip),%rdx        # 671a8 <__frame_dummy_init_array_entry+0x628>
mov    %rax,%rdi
mov    %r14,%rsi
vzeroupper
call   *0x4a6f7(%rip)        # 697f8 <_DYNAMIC+0x368>
lea    0x48100(%rip),%rdx        # 67208 <__frame_dummy_init_array_entry+0x688>
mov    %r14,%rsi
vzeroupper
call   *0x4a6e4(%rip)        # 697f8 <_DYNAMIC+0x368>
lea    0x48105(%rip),%rdx        # 67220 <__frame_dummy_init_array_entry+0x6a0>
mov    %rax,%rdi
mov    %r14,%rsi
vzeroupper
call   *0x4a6ce(%rip)        # 697f8 <_DYNAMIC+0x368>
int3
int3
int3
int3
int3
int3
