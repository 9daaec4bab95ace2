/* SPDX-License-Identifier: GPL-2.0 */
/* Trap frames and exception syndromes. */
#ifndef ARCH_TRAPS_H
#define ARCH_TRAPS_H

#include <wd/layout.h>
#include <wd/types.h>

/* x0..x30 of the interrupted cell, saved by exception.S. */
struct trap_frame {
	u64 x[31];
	u64 pad;
};

_Static_assert(sizeof(struct trap_frame) == WD_FRAME_SIZE, "frame size");

#define ESR_EC(esr) (((esr) >> 26) & 0x3f)
#define ESR_ISS(esr) ((esr)&0x1ffffff)

#define EC_UNKNOWN 0x00
#define EC_CP15_32 0x03 /* MCR/MRC p15, from AArch32 */
#define EC_CP15_64 0x04 /* MCRR/MRRC p15 */
#define EC_HVC32 0x12
#define EC_SMC32 0x13
#define EC_HVC64 0x16
#define EC_SMC64 0x17
#define EC_SYSREG 0x18
#define EC_IABT_LOW 0x20
#define EC_DABT_LOW 0x24
#define EC_DABT_CUR 0x25

/* Reads general register n of the frame; 31 is xzr here. */
static inline u64 frame_reg(const struct trap_frame *f, unsigned int n)
{
	return n < 31 ? f->x[n] : 0;
}

static inline void frame_set_reg(struct trap_frame *f, unsigned int n, u64 v)
{
	if (n < 31)
		f->x[n] = v;
}

void skip_instruction(void);
void inject_data_abort(u64 far, bool write);
void inject_undef(void);

#endif
