/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The few instructions a guest uses on its xAPIC page (arch/x86/apic.c),
 * decoded from the bytes at its RIP: no NRIP save or decode assists under
 * QEMU's TCG. The memory operand's address is not computed: the nested
 * page fault gives it; its encoding only counts toward the length.
 */
#ifndef ARCH_DECODE_H
#define ARCH_DECODE_H

#include <wd/types.h>

enum x86_op {
	X86_OP_LOAD, /* 8b /r: mov r32, m32 */
	X86_OP_STORE, /* 89 /r: mov m32, r32 */
	X86_OP_STORE_IMM, /* c7 /0 id: mov m32, imm32 */
	X86_OP_XCHG, /* 87 /r: xchg m32, r32 (Linux's X86_BUG_11AP path) */
};

enum x86_decode_result {
	X86_DECODE_OK,
	X86_DECODE_UNSUPPORTED, /* another instruction or operand size */
	X86_DECODE_TRUNCATED, /* needs more than the bytes given */
};

struct x86_insn {
	enum x86_op op;
	u8 len; /* bytes, prefixes included */
	u8 reg; /* 0 rax .. 15 r15 (ModRM.reg + REX.R) */
	u32 imm;
};

/* long64: 64-bit code (REX exists); else 32-bit code (no 16-bit forms). */
enum x86_decode_result x86_decode(const u8 *b, unsigned int avail, bool long64,
				  struct x86_insn *in);

#endif
