/* SPDX-License-Identifier: GPL-2.0 */
/* The register frame vectors.S builds, shared with the C handlers. */
#ifndef INMATE_EXCEPTION_H
#define INMATE_EXCEPTION_H

#define FRAME_ELR (31 * 8)
#define FRAME_SPSR (32 * 8)
#define FRAME_ENTRY_TICKS (33 * 8)
#define FRAME_KIND (34 * 8)
#define FRAME_SIZE (36 * 8) /* a multiple of 16: sp stays aligned */

/* Values of FRAME_KIND: which vector was taken */
#define EXC_SYNC 0
#define EXC_IRQ 1
#define EXC_FIQ 2
#define EXC_SERROR 3
#define EXC_BAD_MODE 4 /* from EL1t or a lower EL: never used by inmates */

#ifndef __ASSEMBLER__
#include <inmate/types.h>

struct exception_frame {
	u64 x[31];
	u64 elr;
	u64 spsr;
	u64 entry_ticks;
	u64 kind;
	u64 pad;
};

_Static_assert(sizeof(struct exception_frame) == FRAME_SIZE,
	       "vectors.S and struct exception_frame disagree");

void exception_fatal(struct exception_frame *frame);
void irq_dispatch(struct exception_frame *frame);
#endif

#endif
