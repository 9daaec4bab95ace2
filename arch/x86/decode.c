// SPDX-License-Identifier: GPL-2.0
/*
 * Length and operands of the 32-bit MOV/XCHG forms of arch/decode.h
 * (AMD64 APM vol. 3, "Instruction Encoding"): an optional REX, the
 * opcode, ModRM, an optional SIB, disp8/disp32, imm32. The bytes are the
 * guest's (untrusted, possibly changed by another CPU since the fault):
 * nothing is read at or beyond avail, anything else is refused.
 */
#include <arch/decode.h>

/* Bytes of ModRM, SIB and displacement for a memory operand. */
static unsigned int modrm_len(const u8 *b, unsigned int avail)
{
	unsigned int mod = b[0] >> 6, rm = b[0] & 7, n = 1;

	if (rm == 4) { /* SIB; base 5 with mod 0 means disp32, no base */
		if (avail < 2)
			return 0;
		n = 2;
		if (mod == 0 && (b[1] & 7) == 5)
			return n + 4;
	}
	if (mod == 0 && rm == 5) /* disp32: RIP-relative in 64-bit code */
		return n + 4;
	return n + (mod == 1 ? 1 : mod == 2 ? 4 : 0);
}

static bool opcode(u8 op, enum x86_op *kind)
{
	if (op == 0x8b)
		*kind = X86_OP_LOAD;
	else if (op == 0x89)
		*kind = X86_OP_STORE;
	else if (op == 0xc7)
		*kind = X86_OP_STORE_IMM;
	else if (op == 0x87)
		*kind = X86_OP_XCHG;
	else
		return false;
	return true;
}

static u32 le32(const u8 *b)
{
	return b[0] | (u32)b[1] << 8 | (u32)b[2] << 16 | (u32)b[3] << 24;
}

enum x86_decode_result x86_decode(const u8 *b, unsigned int avail, bool long64,
				  struct x86_insn *in)
{
	unsigned int i = 0, m;
	u8 rex = 0;

	if (long64 && avail && (b[0] & 0xf0) == 0x40)
		rex = b[i++];
	if (i >= avail)
		return X86_DECODE_TRUNCATED;
	if ((rex & 8) || !opcode(b[i++], &in->op))
		return X86_DECODE_UNSUPPORTED; /* REX.W: 64-bit operand */
	if (i >= avail)
		return X86_DECODE_TRUNCATED;
	if (b[i] >> 6 == 3 || (in->op == X86_OP_STORE_IMM && (b[i] & 0x38)))
		return X86_DECODE_UNSUPPORTED; /* register operand, c7 /n */
	in->reg = ((b[i] >> 3) & 7) | (rex & 4 ? 8 : 0);
	m = modrm_len(b + i, avail - i);
	if (!m)
		return X86_DECODE_TRUNCATED;
	i += m + (in->op == X86_OP_STORE_IMM ? 4 : 0);
	if (i > avail)
		return X86_DECODE_TRUNCATED;
	in->imm = in->op == X86_OP_STORE_IMM ? le32(b + i - 4) : 0;
	in->len = (u8)i; /* at most 12 of the 15 an instruction may have */
	return X86_DECODE_OK;
}
