// SPDX-License-Identifier: GPL-2.0
/*
 * The xAPIC instruction decoder (arch/x86/decode.c) on real instruction
 * bytes: the first rows are from `objdump -d` of Debian's 6.1 amd64
 * vmlinux (native_apic_mem_read/write, the ICR writes, their X86_BUG_11AP
 * xchg variants) and of the x86 inmate library's lapic_read/write, the
 * others assembled with gas and checked against its objdump. Every
 * valid row is also cut short at every length (a page-crossing fetch
 * that got fewer bytes): TRUNCATED, never a read
 * beyond the bytes given (each case sits at the end of a heap buffer:
 * ASan catches a read past it).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <arch/decode.h>

struct row {
	const char *what;
	u8 bytes[15];
	unsigned int n;
	enum x86_op op;
	unsigned int reg;
	u32 imm;
};

#define ROW(w, op, reg, imm, ...)                                           \
	{                                                                   \
		w, {__VA_ARGS__}, sizeof((u8[]){__VA_ARGS__}), op, reg, imm \
	}

static const struct row good[] = {
	/* vmlinux 6.1.0-57-amd64 */
	ROW("mov -0xa03000(%rdi),%eax", X86_OP_LOAD, 0, 0, 0x8b, 0x87, 0x00,
	    0xd0, 0x5f, 0xff),
	ROW("mov %esi,-0xa03000(%rdi)", X86_OP_STORE, 6, 0, 0x89, 0xb7, 0x00,
	    0xd0, 0x5f, 0xff),
	ROW("xchg %esi,-0xa03000(%rdi)", X86_OP_XCHG, 6, 0, 0x87, 0xb7, 0x00,
	    0xd0, 0x5f, 0xff),
	ROW("mov 0xffffffffff5fd300,%eax", X86_OP_LOAD, 0, 0, 0x8b, 0x04, 0x25,
	    0x00, 0xd3, 0x5f, 0xff),
	ROW("mov %edi,0xffffffffff5fd310", X86_OP_STORE, 7, 0, 0x89, 0x3c, 0x25,
	    0x10, 0xd3, 0x5f, 0xff),
	ROW("mov %edx,0xffffffffff5fd300", X86_OP_STORE, 2, 0, 0x89, 0x14, 0x25,
	    0x00, 0xd3, 0x5f, 0xff),
	/* the x86 inmate library (inmates/lib/x86/lapic.c), objdump */
	ROW("mov (%rdi),%eax", X86_OP_LOAD, 0, 0, 0x8b, 0x07),
	ROW("mov %esi,(%rdi)", X86_OP_STORE, 6, 0, 0x89, 0x37),
	/* gas */
	ROW("mov %r13d,0xffffffffff5fd0b0", X86_OP_STORE, 13, 0, 0x44, 0x89,
	    0x2c, 0x25, 0xb0, 0xd0, 0x5f, 0xff),
	ROW("mov 0x300(%rip),%r9d", X86_OP_LOAD, 9, 0, 0x44, 0x8b, 0x0d, 0x00,
	    0x03, 0x00, 0x00),
	ROW("movl $0x4500,0x300(%rip)", X86_OP_STORE_IMM, 0, 0x4500, 0xc7, 0x05,
	    0x00, 0x03, 0x00, 0x00, 0x00, 0x45, 0x00, 0x00),
	ROW("movl $0,0xb0(%rax)", X86_OP_STORE_IMM, 0, 0, 0xc7, 0x80, 0xb0,
	    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00),
	ROW("movl $0x12345678,-0xa03000(%rdi,%rsi,4)", X86_OP_STORE_IMM, 0,
	    0x12345678, 0xc7, 0x84, 0xb7, 0x00, 0xd0, 0x5f, 0xff, 0x78, 0x56,
	    0x34, 0x12),
	ROW("mov %eax,(%rsp)", X86_OP_STORE, 0, 0, 0x89, 0x04, 0x24),
	ROW("mov 0x10(%rbp),%ecx", X86_OP_LOAD, 1, 0, 0x8b, 0x4d, 0x10),
	ROW("xchg %r8d,0x310(%rdx)", X86_OP_XCHG, 8, 0, 0x44, 0x87, 0x82, 0x10,
	    0x03, 0x00, 0x00),
	ROW("mov %eax,0x300(%r12)", X86_OP_STORE, 0, 0, 0x41, 0x89, 0x84, 0x24,
	    0x00, 0x03, 0x00, 0x00),
	ROW("mov %r15d,0x0(%r13)", X86_OP_STORE, 15, 0, 0x45, 0x89, 0x7d, 0x00),
};

/* Other instructions, sizes and register operands: refused. */
static const struct row bad[] = {
	ROW("mov (%rax),%rax (REX.W)", 0, 0, 0, 0x48, 0x8b, 0x00),
	ROW("mov %ax,(%rbx) (16-bit)", 0, 0, 0, 0x66, 0x89, 0x03),
	ROW("movzbl (%rax),%eax", 0, 0, 0, 0x0f, 0xb6, 0x00),
	ROW("mov %eax,%ebx (no memory)", 0, 0, 0, 0x89, 0xc3),
	ROW("addl $1,(%rax)", 0, 0, 0, 0x83, 0x00, 0x01),
	ROW("movb $1,(%rax)", 0, 0, 0, 0xc6, 0x00, 0x01),
	ROW("c7 /1 (undefined)", 0, 0, 0, 0xc7, 0x08, 0, 0, 0, 0),
	ROW("two REX", 0, 0, 0, 0x41, 0x41, 0x89, 0x00),
	ROW("lock prefix", 0, 0, 0, 0xf0, 0x87, 0x00),
	ROW("vmmcall", 0, 0, 0, 0x0f, 0x01, 0xd9),
};

/* The bytes at the very end of a heap buffer of exactly n bytes. */
static enum x86_decode_result decode(const u8 *b, unsigned int n, bool l64,
				     struct x86_insn *in)
{
	u8 *copy = malloc(n ? n : 1);
	enum x86_decode_result r;

	assert_non_null(copy);
	memcpy(copy, b, n);
	r = x86_decode(copy, n, l64, in);
	free(copy);
	return r;
}

static void test_real_bytes(void **state)
{
	struct x86_insn in;
	unsigned int i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(good); i++) {
		print_message("%s\n", good[i].what);
		assert_int_equal(decode(good[i].bytes, good[i].n, true, &in),
				 X86_DECODE_OK);
		assert_int_equal(in.len, good[i].n);
		assert_int_equal(in.op, good[i].op);
		assert_int_equal(in.reg, good[i].reg);
		assert_int_equal(in.imm, good[i].imm);
	}
}

/* Trailing bytes (the next instruction) change nothing. */
static void test_followed_by_more(void **state)
{
	struct x86_insn in;
	u8 buf[30];
	unsigned int i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(good); i++) {
		memset(buf, 0x90, sizeof(buf));
		memcpy(buf, good[i].bytes, good[i].n);
		assert_int_equal(decode(buf, 15, true, &in), X86_DECODE_OK);
		assert_int_equal(in.len, good[i].n);
	}
}

static void test_truncated(void **state)
{
	struct x86_insn in;
	unsigned int i, n;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(good); i++)
		for (n = 0; n < good[i].n; n++)
			assert_int_equal(decode(good[i].bytes, n, true, &in),
					 X86_DECODE_TRUNCATED);
}

static void test_refused(void **state)
{
	struct x86_insn in;
	unsigned int i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		print_message("%s\n", bad[i].what);
		assert_int_equal(decode(bad[i].bytes, bad[i].n, true, &in),
				 X86_DECODE_UNSUPPORTED);
	}
}

/* 32-bit code: 0x44 is INC %esp, not REX; the REX-less forms decode. */
static void test_32bit(void **state)
{
	static const u8 rexed[] = {0x44, 0x89, 0x2c, 0x25,
				   0xb0, 0xd0, 0x5f, 0xff};
	static const u8 abs32[] = {0x89, 0x3d, 0x00, 0x03, 0xe0, 0xfe};
	struct x86_insn in;

	(void)state;
	assert_int_equal(decode(rexed, sizeof(rexed), false, &in),
			 X86_DECODE_UNSUPPORTED);
	assert_int_equal(decode(abs32, sizeof(abs32), false, &in),
			 X86_DECODE_OK);
	assert_int_equal(in.len, 6);
	assert_int_equal(in.reg, 7);
}

/* Random bytes: any verdict, but a length within the bytes given. */
static void test_garbage(void **state)
{
	struct x86_insn in;
	u8 buf[15];
	unsigned int i, j, n;

	(void)state;
	srand(22);
	for (i = 0; i < 200000; i++) {
		n = (unsigned int)rand() % 16;
		for (j = 0; j < n; j++)
			buf[j] = (u8)rand();
		if (decode(buf, n, i & 1, &in) == X86_DECODE_OK)
			assert_true(in.len >= 2 && in.len <= n);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_real_bytes),
		cmocka_unit_test(test_followed_by_more),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_32bit),
		cmocka_unit_test(test_garbage),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
