// SPDX-License-Identifier: GPL-2.0
/* The checker's message texts and their formatter: see config_text.h. */
#include "config_text.h"

static const char *const formats[WDV_NUM_CODES] = {
	[WDV_SIZE_ZERO] = "size is zero",
	[WDV_SIZE_NOT_PAGES] = "size 0x%llx is not a multiple of 4 KiB",
	[WDV_START_UNALIGNED] = "%s 0x%llx is not 4 KiB aligned",
	[WDV_SPAN_BEYOND_48BIT] =
		"%s 0x%llx + size 0x%llx exceeds the 48-bit address space",
	[WDV_NO_BUFFER] = "no buffer",
	[WDV_BUFFER_UNALIGNED] = "buffer is not 8-byte aligned",
	[WDV_TRUNCATED_HEADER] =
		"truncated: %llu bytes, the header alone needs %llu",
	[WDV_ARCH_UNKNOWN] = "%u is not a known arch",
	[WDV_ARCH_NO_RULES] = "%u (%s): this checker has no rules for it",
	[WDV_BAD_MAGIC] = "0x%llx is not 0x%llx (\"WRDN\")",
	[WDV_BAD_REVISION] =
		"config revision %u, this Warden reads %u: rebuild the config",
	[WDV_BAD_KIND] = "%u, expected %u (a %s config)",
	[WDV_COUNT_OVER_LIMIT] = "%u exceeds the limit %u",
	[WDV_TOTAL_SIZE_MISMATCH] = "%llu, but the blob is %llu bytes",
	[WDV_BLOB_TRAILING] =
		"the blob is %llu bytes, its descriptor and arrays end at %llu",
	[WDV_TRUNCATED_ARRAYS] = "truncated: %llu bytes, the arrays need %llu",
	[WDV_TRUNCATED_DESCRIPTOR] =
		"truncated: %llu bytes, a %s descriptor needs %llu",
	[WDV_NAME_UNTERMINATED] = "not NUL-terminated within %u bytes",
	[WDV_NAME_EMPTY] = "empty",
	[WDV_UNKNOWN_FLAGS] = "unknown flags 0x%llx",
	[WDV_MUST_BE_ZERO] = "0x%llx, must be 0",
	[WDV_NO_CPU] = "empty: a cell needs a CPU",
	[WDV_MEM_NO_ACCESS] = "grants no access (none of READ, WRITE, EXEC)",
	[WDV_MEM_IO_EXEC] = "IO region must not be executable",
	[WDV_MEM_RESERVED] = "reserved is 0x%llx, must be 0",
	[WDV_COMM_SECOND] = "second comm region (mem[%u] is one already)",
	[WDV_COMM_SIZE] = "comm region is 0x%llx bytes, must be one 4 KiB page",
	[WDV_COMM_IO_SHARED] = "comm region must not be IO or SHARED",
	[WDV_COMM_LOADABLE] = "comm region must not be LOADABLE",
	[WDV_DEVICE_NAME_UNTERMINATED] = "name not NUL-terminated",
	[WDV_DEVICE_NAME_EMPTY] = "name is empty",
	[WDV_FLAGS_NONZERO] = "flags 0x%llx, must be 0",
	[WDV_IRQ_TWICE] = "INTID %u is listed twice (also %s[%u])",
	[WDV_IPA_OVERLAP] =
		"guest-physical 0x%llx (size 0x%llx) overlaps %s[%u]",
	[WDV_NO_RAM] = "no RAM region: an inmate needs memory",
	[WDV_ENTRY_NOT_EXEC] = "0x%llx is not inside an executable RAM region",
	[WDV_ROOT_TASKSET] = "the root cell cannot run a task set",
	[WDV_TASKSET_HEADER] = "bad magic or revision",
	[WDV_TASKSET_POLICY] = "unknown policy %u",
	[WDV_TASKSET_COUNT] = "%u tasks, must be 1..%u",
	[WDV_ROOT_COLOURED] = "colours 0x%llx, banks 0x%llx: the root cell "
			      "cannot be coloured (its RAM is mapped 1:1)",
	[WDV_BANKS_UNCOLOURED] =
		"0x%llx without colours: banks apply to coloured cells only",
	[WDV_LINK_MEM_INDEX] = "mem_index %u: the cell has %u regions",
	[WDV_LINK_MEM_KIND] = "mem[%u] must be SHARED RAM (not IO, not comm)",
	[WDV_DOORBELL_IS_DEVICE] = "doorbell INTID %u is device %u's line",
	[WDV_DOORBELL_NOT_OWNED] =
		"doorbell INTID %u is not in the cell's irqs[]",
	[WDV_LINK_ID_TWICE] = "link id %u twice",
	[WDV_DOORBELL_TWICE] = "doorbell INTID %u also links[%u]'s",
	[WDV_LINK_MEM_TWICE] = "mem[%u] already belongs to links[%u]",
	[WDV_ROOT_DIRECT_IRQ] = "the root cell cannot take its IRQs directly",
	[WDV_BANK_MASK_IN_PAGE] = "0x%llx selects bits inside a 4 KiB frame",
	[WDV_BANK_MASK_BEYOND_48BIT] =
		"0x%llx selects bits beyond the 48-bit address space",
	[WDV_BANK_MASK_TOO_MANY] =
		"0x%llx selects %u bits, at most %u (64 banks)",
	[WDV_NUM_CPUS_RANGE] = "%u is not in 1..%u",
	[WDV_LLC_WAY_SIZE] = "0x%llx is not 0 or a power of two >= 4 KiB",
	[WDV_CONSOLE_UNALIGNED] = "0x%llx is not a page-aligned UART address",
	[WDV_CONSOLE_PHYS_UNUSED] = "0x%llx, must be 0 without a console",
	[WDV_CONSOLE_TYPE] = "%u is unknown",
	[WDV_RANGE_NOT_IN_RAM] = "not inside RAM",
	[WDV_RANGE_OVERLAPS_HV] = "overlaps the hypervisor's memory",
	[WDV_ROOT_CPUS] =
		"0x%llx, the root must own every CPU (0x%llx): all start in it",
	[WDV_CPU_MISSING] = "CPU %u does not exist (the platform has %u)",
	[WDV_COLOURS_MISSING] =
		"0x%llx uses colours beyond the platform's %llu",
	[WDV_BANKS_NO_MASK] = "0x%llx, but the platform has no bank_mask",
	[WDV_BANKS_MISSING] = "0x%llx uses banks beyond the platform's %u",
	[WDV_POOL_SHORT] =
		"the cell pool holds 0x%llx bytes of colours 0x%llx (banks "
		"0x%llx) from 0x%llx, the region needs 0x%llx",
	[WDV_FRAMES_ALIAS] =
		"frames 0x%llx-0x%llx overlap those of mem[%u] (0x%llx-0x%llx)",
	[WDV_POOL_TOO_LARGE] = "the cell pool (0x%llx bytes) is larger than "
			       "colouring supports (0x%llx)",
	[WDV_COLOURED_OUTSIDE_POOL] = "coloured RAM takes frames from 0x%llx "
				      "on, outside the cell pool",
	[WDV_OVERLAPS_HV] =
		"0x%llx (size 0x%llx) overlaps the hypervisor's memory",
	[WDV_DEVICE_IN_RAM] = "device memory 0x%llx lies in RAM",
	[WDV_ROOT_TAKES_POOL] =
		"0x%llx gives the cell pool to the root (only SHARED may)",
	[WDV_RAM_OUTSIDE_BOARD] =
		"RAM 0x%llx (size 0x%llx) is outside the board's RAM",
	[WDV_RAM_OUTSIDE_POOL] =
		"RAM 0x%llx (size 0x%llx) is outside the cell pool",
	[WDV_PAIR_DEVICE_SHARED] =
		"device MMIO 0x%llx shared with cell '%s' %s[%u]",
	[WDV_PAIR_COLOURED_OVERLAP] =
		"memory 0x%llx-0x%llx overlaps cell '%s' %s[%u] at "
		"0x%llx-0x%llx (coloured frames are never shared)",
	[WDV_PAIR_OVERLAP] =
		"memory 0x%llx overlaps cell '%s' %s[%u], not SHARED",
	[WDV_PAIR_LINK_UNDECLARED] =
		"shares link %u's memory with cell '%s', but the two do not "
		"declare that link over it",
	[WDV_PAIR_LINK_MEMORY] = "link %u: memory 0x%llx (size 0x%llx) differs "
				 "from cell '%s' (0x%llx, size 0x%llx)",
	[WDV_PAIR_LINK_DOORBELL] =
		"link %u: doorbell INTID %u is also cell '%s''s",
	[WDV_PAIR_ROOT_DOORBELL] = "INTID %u is the root's doorbell of link %u",
	[WDV_PAIR_IRQ] = "INTID %u also belongs to cell '%s'",
	[WDV_PAIR_NAME] = "another cell is called '%s' too",
	[WDV_PAIR_COLOURS] = "colours 0x%llx are also used by cell '%s'",
	[WDV_PAIR_BANKS] = "banks 0x%llx are also used by cell '%s'",
	[WDV_PAIR_PIO] = "port ranges 0x%llx are also owned by cell '%s'",
	[WDV_PAIR_CPUS] = "CPUs 0x%llx also belong to cell '%s'",
	[WDV_ROOT_LAST_CPU] =
		"takes the root's last CPU (the root must keep one)",
	[WDV_SET_BAD_CELL] =
		"invalid cell config: not checked against the others",
	[WDV_SET_ARCH_MISMATCH] = "a cell for %s, the system is %s",
	[WDV_SET_BAD_SYSTEM] =
		"invalid system config: cells not checked against it",
	[WDV_IRQ_NOT_SPI] = "INTID %u is not an SPI (must be >= 32)",
	[WDV_GIC_BASE_UNSET] = "must be set for GICv%u",
	[WDV_GIC_BASE_UNALIGNED] = "0x%llx is not 4 KiB aligned",
	[WDV_GIC_IN_RAM] = "GIC %s at 0x%llx lies in RAM",
	[WDV_GIC_VERSION] = "%u is not 2 or 3",
	[WDV_GIC_NUM_IRQS] = "%u is not a multiple of 32 in 32..%u",
	[WDV_GIC_MAINT_IRQ] = "%u is not a PPI (16..31)",
	[WDV_MPIDR_UNUSED] = "0x%llx for a missing CPU, must be 0",
	[WDV_MPIDR_BITS] = "0x%llx has bits outside Aff0..Aff3",
	[WDV_MPIDR_TWICE] = "0x%llx is CPU %u's already",
	[WDV_IRQ_SPECIAL] = "INTID %u is special or out of range (>= %u)",
	[WDV_IRQ_MISSING] = "INTID %u does not exist (the GIC has %u)",
	[WDV_MAPS_GIC] = "0x%llx (size 0x%llx) maps the GIC %s at 0x%llx",
	[WDV_IPA_OVER_GIC] = "guest-physical 0x%llx (size 0x%llx) overlaps the "
			     "GIC %s at 0x%llx",
	[WDV_DOORBELL_MISSING] =
		"doorbell INTID %u does not exist (the GIC has %u)",
	[WDV_DIRECT_IRQ_GICV2] =
		"direct IRQ delivery needs GICv3, the platform has GICv%u",
	[WDV_DOORBELL_NOT_SPI] = "doorbell INTID %u is not an SPI",
	[WDV_ARCH_RAW_NONZERO] = "0x%llx after the arm64 part, must be 0",
	[WDV_AARCH32_NO_FEATURE] = "AArch32 cell, but the platform's CPUs "
				   "lack AArch32 at EL1 (features)",
	[WDV_AARCH32_ROOT] = "the root cell cannot be AArch32",
	[WDV_UNKNOWN_FEATURES] = "unknown features 0x%llx",
	[WDV_MAPS_CONSOLE] = "0x%llx (size 0x%llx) maps Warden's console UART "
			     "at 0x%llx",
	[WDV_DMA_NOT_IDENTITY] = "a DMA device needs it identity-mapped and "
				 "not coloured (no SMMU)",
	[WDV_ROOT_GIC_IGNORE] = "the root's GIC writes are never ignored",
	[WDV_STREAM_DEVICE] = "stream %u: device %u is not one of the cell's "
			      "%u devices with the DMA flag",
	[WDV_STREAM_TWICE] = "stream %u is listed twice (also streams[%u])",
	[WDV_PAIR_STREAM] = "stream %u also belongs to cell '%s'",
	[WDV_SMMU_WINDOW] = "SMMU at 0x%llx size 0x%llx: an SMMUv3 is 0x20000 "
			    "bytes at a 64 KiB boundary, outside RAM",
	[WDV_SMMU_STAGE] = "%u is not 1 (stage 1) or 2 (stage 2)",
	[WDV_SMMU_SID_BITS] = "%u stream ID bits, must be 1..15",
	[WDV_MAPS_SMMU] = "0x%llx (size 0x%llx) maps the SMMU at 0x%llx, "
			  "which is Warden's",
	[WDV_STREAM_RANGE] =
		"stream %u is beyond the platform's %u stream ID bits",
	[WDV_DMA_NO_STREAM] = "DMA device with no stream: the platform has an "
			      "SMMU, every DMA device needs its stream",
	[WDV_X86_LAPIC_BASE] = "local APIC base 0x%llx is unset or not 4 KiB "
			       "aligned",
	[WDV_X86_APIC_ID_TWICE] = "APIC ID %u is CPU %u's already",
	[WDV_X86_IOAPIC_BASE] = "IOAPIC base 0x%llx is not 4 KiB aligned",
	[WDV_X86_IOAPIC_PINS] = "%u pins: an IOAPIC has 1..240",
	[WDV_X86_PIO_RANGE] = "ports 0x%llx+%llu run past 0xffff",
	[WDV_X86_NO_IRQS] = "x86 cells own no interrupt lines yet (%u)",
	[WDV_X86_PIO_NONE] = "platform.x86.pio[%u] is not a port range",
	[WDV_X86_PIO_ROOT] = "the root owns every port no cell takes (0x%llx)",
	[WDV_X86_ARM64_FLAG] = "flags 0x%llx are arm64's",
	[WDV_IRQ_SMMU] = "INTID %u is the SMMU's, which is Warden's",
};

const char *wd_violation_format(unsigned int code)
{
	return code < WDV_NUM_CODES ? formats[code] : (const char *)0;
}

struct text {
	char *buf;
	unsigned int len;
	unsigned int cap;
};

static void text_putc(struct text *t, char c)
{
	if (t->len + 1 < t->cap)
		t->buf[t->len++] = c;
	t->buf[t->len] = '\0';
}

static void text_puts(struct text *t, const char *s)
{
	while (*s)
		text_putc(t, *s++);
}

static void text_number(struct text *t, wd_u64 value, unsigned int base)
{
	char digits[20]; /* 2^64 - 1 has 20 decimal digits */
	unsigned int n = 0;

	do {
		digits[n++] = "0123456789abcdef"[value % base];
		value /= base;
	} while (value);
	while (n)
		text_putc(t, digits[--n]);
}

/* One conversion at fmt (after the %): returns its length, 0 if none. */
static unsigned int text_convert(struct text *t, const char *fmt,
				 const wd_u64 *arg)
{
	if (fmt[0] == 's') {
		text_puts(t, arg ? (const char *)(unsigned long)*arg : "?");
		return 1;
	}
	if (fmt[0] == 'u') {
		text_number(t, arg ? (unsigned int)*arg : 0, 10);
		return 1;
	}
	if (fmt[0] == 'l' && fmt[1] == 'l' &&
	    (fmt[2] == 'u' || fmt[2] == 'x')) {
		text_number(t, arg ? *arg : 0, fmt[2] == 'u' ? 10 : 16);
		return 3;
	}
	return 0;
}

/* Knows %s, %u, %llu and %llx: what the formats above use. */
static void text_format(struct text *t, const char *fmt,
			const struct wd_violation *v)
{
	const wd_u64 *arg;
	unsigned int used = 0, n;

	for (; *fmt; fmt++) {
		arg = used < v->num_args ? &v->arg[used] : (const wd_u64 *)0;
		n = fmt[0] == '%' ? text_convert(t, fmt + 1, arg) : 0;
		if (!n) {
			text_putc(t, fmt[0]);
			continue;
		}
		used++;
		fmt += n;
	}
}

void wd_violation_text(char *buf, unsigned int size,
		       const struct wd_violation *v)
{
	struct text t = {buf, 0, size};
	const char *fmt = wd_violation_format(v->code);

	if (!size)
		return;
	buf[0] = '\0';
	if (fmt) {
		text_format(&t, fmt, v);
	} else {
		text_puts(&t, "violation ");
		text_number(&t, v->code, 10);
	}
}
