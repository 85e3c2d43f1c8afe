000000000001e350 <xbzrle::arch::scalar::encode>:
push   %rbp
push   %r15
push   %r14
push   %r13
push   %r12
push   %rbx
sub    $0x28,%rsp
mov    %r9,%r13
mov    %r8,(%rsp)
mov    %rcx,0x20(%rsp)
mov    %rdx,%r11
mov    %rsi,0x10(%rsp)
mov    %rdi,0x8(%rsp)
mov    0x60(%rsp),%r14
movabs $0x8080808080808080,%r15
xor    %edi,%edi
movabs $0xfefefefefefefeff,%rbx
xor    %r12d,%r12d
mov    %rdx,0x18(%rsp)
nopw   0x0(%rax,%rax,1)
mov    (%rsp),%rdx
sub    %rdi,%rdx
jb     1e674 <xbzrle::arch::scalar::encode+0x324>
mov    0x10(%rsp),%rax
lea    (%rax,%rdi,1),%rcx
mov    %r11,%rax
sub    %rdi,%rax
cmp    %rax,%rdx
cmovb  %rdx,%rax
mov    0x20(%rsp),%rbp
lea    (%rdi,%rbp,1),%rsi
mov    %rax,%rdx
movabs $0x7ffffffffffffff8,%r8
and    %r8,%rdx
mov    $0x8,%r8d
data16 data16 data16 data16 cs nopw 0x0(%rax,%rax,1)
cmp    %rax,%r8
ja     1e420 <xbzrle::arch::scalar::encode+0xd0>
mov    -0x8(%rcx,%r8,1),%r9
mov    -0x8(%rsi,%r8,1),%r10
add    $0x8,%r8
cmp    %r10,%r9
je     1e3f0 <xbzrle::arch::scalar::encode+0xa0>
xor    %r9,%r10
tzcnt  %r10,%rax
shr    $0x3,%eax
add    %r8,%rax
add    $0xfffffffffffffff0,%rax
jmp    1e450 <xbzrle::arch::scalar::encode+0x100>
nopl   0x0(%rax)
cmp    %rax,%rdx
je     1e450 <xbzrle::arch::scalar::encode+0x100>
data16 cs nopw 0x0(%rax,%rax,1)
movzbl (%rcx,%rdx,1),%r8d
cmp    (%rsi,%rdx,1),%r8b
jne    1e445 <xbzrle::arch::scalar::encode+0xf5>
inc    %rdx
cmp    %rdx,%rax
jne    1e430 <xbzrle::arch::scalar::encode+0xe0>
jmp    1e450 <xbzrle::arch::scalar::encode+0x100>
mov    %rdx,%rax
nopl   0x0(%rax,%rax,1)
add    %rax,%rdi
mov    %r11,%rdx
sub    %rdi,%rdx
je     1e641 <xbzrle::arch::scalar::encode+0x2f1>
jb     1e688 <xbzrle::arch::scalar::encode+0x338>
mov    (%rsp),%rsi
sub    %rdi,%rsi
jb     1e69b <xbzrle::arch::scalar::encode+0x34b>
mov    0x10(%rsp),%rcx
add    %rdi,%rcx
cmp    %rdx,%rsi
cmovb  %rsi,%rdx
lea    (%rdi,%rbp,1),%rsi
mov    %rdx,%r8
movabs $0x7ffffffffffffff8,%r9
and    %r9,%r8
mov    $0x8,%r9d
nopl   0x0(%rax,%rax,1)
cmp    %rdx,%r9
ja     1e4e0 <xbzrle::arch::scalar::encode+0x190>
mov    -0x8(%rsi,%r9,1),%r10
xor    -0x8(%rcx,%r9,1),%r10
mov    %r10,%r11
not    %r11
and    %r15,%r11
add    %rbx,%r10
add    $0x8,%r9
and    %r11,%r10
je     1e4a0 <xbzrle::arch::scalar::encode+0x150>
tzcnt  %r10,%rcx
shr    $0x3,%ecx
lea    (%rcx,%r9,1),%rdx
add    $0xfffffffffffffff0,%rdx
mov    %r14,%r10
jmp    1e510 <xbzrle::arch::scalar::encode+0x1c0>
nopl   0x0(%rax)
cmp    %rdx,%r8
mov    %r14,%r10
je     1e510 <xbzrle::arch::scalar::encode+0x1c0>
nopl   0x0(%rax,%rax,1)
movzbl (%rcx,%r8,1),%r9d
cmp    (%rsi,%r8,1),%r9b
je     1e505 <xbzrle::arch::scalar::encode+0x1b5>
inc    %r8
cmp    %r8,%rdx
jne    1e4f0 <xbzrle::arch::scalar::encode+0x1a0>
jmp    1e510 <xbzrle::arch::scalar::encode+0x1c0>
mov    %r8,%rdx
nopl   0x0(%rax,%rax,1)
mov    %rdx,%rbp
add    %rdi,%rbp
jb     1e660 <xbzrle::arch::scalar::encode+0x310>
cmp    (%rsp),%rbp
ja     1e660 <xbzrle::arch::scalar::encode+0x310>
mov    %rdx,%rcx
or     %rax,%rcx
cmp    $0x3fff,%rcx
ja     1e62f <xbzrle::arch::scalar::encode+0x2df>
xor    %ecx,%ecx
cmp    $0x7f,%rax
seta   %cl
add    %rdx,%rcx
xor    %edi,%edi
cmp    $0x7f,%rdx
seta   %dil
add    %rdi,%rcx
add    $0x2,%rcx
mov    %r10,%rdi
sub    %r12,%rdi
cmp    %rdi,%rcx
ja     1e62f <xbzrle::arch::scalar::encode+0x2df>
mov    $0x1,%edi
cmp    $0x80,%rax
jb     1e586 <xbzrle::arch::scalar::encode+0x236>
mov    %eax,%ecx
or     $0x80,%cl
shr    $0x7,%eax
mov    %al,0x1(%r13,%r12,1)
mov    $0x2,%edi
mov    %ecx,%eax
mov    %al,0x0(%r13,%r12,1)
add    %r12,%rdi
mov    %r10,%rax
sub    %rdi,%rax
jb     1e6af <xbzrle::arch::scalar::encode+0x35f>
cmp    $0x80,%rdx
jae    1e5c0 <xbzrle::arch::scalar::encode+0x270>
cmp    %rdi,%r10
je     1e6d8 <xbzrle::arch::scalar::encode+0x388>
mov    %dl,0x0(%r13,%rdi,1)
mov    $0x1,%eax
jmp    1e5ec <xbzrle::arch::scalar::encode+0x29c>
nopl   0x0(%rax,%rax,1)
cmp    %rdi,%r10
je     1e700 <xbzrle::arch::scalar::encode+0x3b0>
mov    %edx,%ecx
or     $0x80,%cl
mov    %cl,0x0(%r13,%rdi,1)
cmp    $0x1,%rax
je     1e6e9 <xbzrle::arch::scalar::encode+0x399>
mov    %edx,%eax
shr    $0x7,%eax
mov    %al,0x1(%r13,%rdi,1)
mov    $0x2,%eax
add    %rdi,%rax
lea    (%rax,%rdx,1),%r12
cmp    %r10,%r12
ja     1e6c2 <xbzrle::arch::scalar::encode+0x372>
add    %r13,%rax
mov    %rax,%rdi
call   *0x4b108(%rip)        # 69710 <memcpy@GLIBC_2.14>
mov    %rbp,%rdi
mov    0x18(%rsp),%r11
cmp    %r11,%rbp
jbe    1e3a0 <xbzrle::arch::scalar::encode+0x50>
lea    0x48a50(%rip),%rcx        # 67070 <__frame_dummy_init_array_entry+0x4f0>
mov    %rbp,%rdi
mov    %r11,%rsi
mov    %r11,%rdx
call   *0x4b191(%rip)        # 697c0 <_DYNAMIC+0x330>
mov    0x8(%rsp),%rax
movq   $0x0,(%rax)
mov    %r12,0x8(%rax)
jmp    1e651 <xbzrle::arch::scalar::encode+0x301>
mov    0x8(%rsp),%rax
mov    %r12,0x8(%rax)
movq   $0x3,(%rax)
add    $0x28,%rsp
pop    %rbx
pop    %r12
pop    %r13
pop    %r14
pop    %r15
pop    %rbp
ret
lea    0x489a9(%rip),%rcx        # 67010 <__frame_dummy_init_array_entry+0x490>
mov    %rbp,%rsi
mov    (%rsp),%rdx
call   *0x4b14c(%rip)        # 697c0 <_DYNAMIC+0x330>
lea    0x489dd(%rip),%rcx        # 67058 <__frame_dummy_init_array_entry+0x4d8>
mov    (%rsp),%rdx
mov    %rdx,%rsi
call   *0x4b138(%rip)        # 697c0 <_DYNAMIC+0x330>
lea    0x489b1(%rip),%rcx        # 67040 <__frame_dummy_init_array_entry+0x4c0>
mov    %r11,%rsi
mov    %r11,%rdx
call   *0x4b125(%rip)        # 697c0 <_DYNAMIC+0x330>
lea    0x48986(%rip),%rcx        # 67028 <__frame_dummy_init_array_entry+0x4a8>
mov    (%rsp),%rdx
mov    %rdx,%rsi
call   *0x4b111(%rip)        # 697c0 <_DYNAMIC+0x330>
lea    0x489ea(%rip),%rcx        # 670a0 <__frame_dummy_init_array_entry+0x520>
mov    %r10,%rsi
mov    %r10,%rdx
call   *0x4b0fe(%rip)        # 697c0 <_DYNAMIC+0x330>
lea    0x489bf(%rip),%rcx        # 67088 <__frame_dummy_init_array_entry+0x508>
mov    %rax,%rdi
mov    %r12,%rsi
mov    %r10,%rdx
call   *0x4b0e8(%rip)        # 697c0 <_DYNAMIC+0x330>
lea    0x48a99(%rip),%rdx        # 67178 <__frame_dummy_init_array_entry+0x5f8>
xor    %edi,%edi
xor    %esi,%esi
call   *0x4b10f(%rip)        # 697f8 <_DYNAMIC+0x368>
lea    0x48a70(%rip),%rdx        # 67160 <__frame_dummy_init_array_entry+0x5e0>
mov    $0x1,%edi
mov    $0x1,%esi
call   *0x4b0f8(%rip)        # 697f8 <_DYNAMIC+0x368>
lea    0x48a41(%rip),%rdx        # 67148 <__frame_dummy_init_array_entry+0x5c8>
xor    %edi,%edi
xor    %esi,%esi
call   *0x4b0e7(%rip)        # 697f8 <_DYNAMIC+0x368>
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
